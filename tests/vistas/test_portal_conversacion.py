"""The customer's conversation through the signed link, consent and files kept across a
refused form, by HTTP, with the hostile cases."""
import io
import re

from reclamos.alertas.notificaciones import Notificacion
from reclamos.caso.acciones import Accion
from reclamos.caso.documentos import Documento
from reclamos.caso.flujo import transicionar
from reclamos.caso.modelo import Reclamo
from reclamos.plazos.modelo import LEGAL, TerminoCaso
from reclamos.portal import enlaces
from reclamos.portal.solicitudes import SolicitudPortal
from tests.apoyo.portal import presentar
from tests.conftest import token_csrf

PDF = b'%PDF-1.4\n%prueba\n' + b'0' * 100
EXE = b'MZ\x90\x00' + b'\x00' * 64


def _ultimo():
    return Reclamo.select().order_by(Reclamo.id.desc()).first()


def _ruta(app, reclamo):
    with app.app_context():
        return '/portal/caso/' + enlaces.firmar(enlaces.SEGUIMIENTO, {'r': reclamo.id})


def _responder(client, ruta, **datos):
    html = client.get(ruta).get_data(as_text=True)  # the page's form, with its link's token
    return client.post(ruta, data={'csrf_token': token_csrf(html), **datos},
                       content_type='multipart/form-data')


def _huella(reclamo):
    return (Accion.select().where(Accion.reclamo == reclamo.id).count(),
            Documento.select().where(Documento.reclamo == reclamo.id).count(),
            Notificacion.select().count())


def test_respuesta_a_la_solicitud_reanuda_los_plazos(app, client, demo, crear_usuario):
    assert presentar(client).status_code == 302
    reclamo = _ultimo()
    agente = crear_usuario('agente', area=reclamo.area_id)
    with app.test_request_context():
        r = transicionar(reclamo, 'tomar', agente, '10.0.0.1', reclamo.version)
        transicionar(r, 'suspender', agente, '10.0.0.1', r.version,
                     motivo='Envíenos el recibo de octubre.')
    legal = TerminoCaso.get(TerminoCaso.reclamo == reclamo.id, TerminoCaso.tipo == LEGAL)
    assert legal.vence_en is None  # paused
    ruta = _ruta(app, reclamo)
    assert 'Envíenos el recibo de octubre.' in client.get(ruta).get_data(as_text=True)

    respuesta = _responder(client, ruta, texto='Aquí está el recibo.',
                           adjuntos=[(io.BytesIO(PDF), 'recibo.pdf')])
    assert respuesta.status_code == 302
    despues = Reclamo.get_by_id(reclamo.id)
    assert despues.estado == 'EN_CURSO' and despues.version > r.version
    legal = TerminoCaso.get_by_id(legal.id)
    assert legal.vence_en is not None
    assert Documento.get(Documento.reclamo == reclamo.id, Documento.nombre == 'recibo.pdf')
    avisos = Notificacion.select().where(Notificacion.reclamo == reclamo.id,
                                         Notificacion.titulo.contains('se reanudaron'))
    assert [(a.usuario_id, 'se reanudaron los plazos' in a.titulo) for a in avisos] == [
        (agente.id, True)]
    html = client.get(respuesta.headers['Location']).get_data(as_text=True)
    assert 'Aquí está el recibo.' in html and 'se reanudan los plazos' in html
    assert 'recibo.pdf' in html


def test_respuestas_malas_no_guardan_nada(app, client, demo):
    assert presentar(client).status_code == 302
    reclamo = _ultimo()
    ruta = _ruta(app, reclamo)
    antes = _huella(reclamo)
    vacia = _responder(client, ruta, texto='  ')
    assert vacia.status_code == 400 and 'Escriba su mensaje' in vacia.get_data(as_text=True)
    # A refused file takes the text down with it: one transaction.
    mala = _responder(client, ruta, texto='Va el archivo.',
                      adjuntos=[(io.BytesIO(EXE), 'recibo.pdf')])
    assert mala.status_code == 400 and 'recibo.pdf' in mala.get_data(as_text=True)
    larga = _responder(client, ruta, texto='x' * 6000)
    assert larga.status_code == 400
    # A forged or altered link writes nothing and says nothing.
    html = client.get(ruta).get_data(as_text=True)
    falsa = client.post(ruta[:-2] + 'AA', data={'csrf_token': token_csrf(html),
                                                'texto': 'Hola'})
    assert falsa.status_code == 404 and reclamo.numero not in falsa.get_data(as_text=True)
    assert _huella(reclamo) == antes


def test_caso_anulado_no_recibe_mensajes(app, client, demo, crear_usuario):
    assert presentar(client).status_code == 302
    reclamo = _ultimo()
    supervisor = crear_usuario('supervisor', area=reclamo.area_id)
    with app.test_request_context():
        transicionar(reclamo, 'anular', supervisor, '10.0.0.1', reclamo.version,
                     motivo='Registrado por error.')
    ruta = _ruta(app, reclamo)
    assert 'id="form-respuesta"' not in client.get(ruta).get_data(as_text=True)
    antes = _huella(reclamo)
    with app.app_context():  # the token its form carried before the case was annulled
        clave = enlaces.clave_formulario(ruta.rsplit('/', 1)[1])
    assert client.post(ruta, data={'csrf_token': clave, 'texto': '¿Por qué?'}).status_code == 400
    assert _huella(reclamo) == antes


def test_consentimiento_obligatorio_y_guardado_con_su_version(app, client, demo):
    app.config.update(RECLAMOS_AVISO_DATOS='Aviso propio de la empresa sobre sus datos.',
                      RECLAMOS_AVISO_DATOS_VERSION='v7')
    antes = Reclamo.select().count()
    sin = presentar(client, acepto_datos=None)
    assert sin.status_code == 400
    html = sin.get_data(as_text=True)
    assert 'data-campo="acepto_datos"' in html and 'Aviso propio de la empresa' in html
    assert Reclamo.select().count() == antes
    respuesta = presentar(client)
    assert respuesta.status_code == 302
    solicitud = SolicitudPortal.get(SolicitudPortal.reclamo == _ultimo().id)
    assert (solicitud.aviso_version, solicitud.consentido_ip) == ('v7', '127.0.0.1')
    assert solicitud.consentido_en is not None
    seguimiento = client.get(respuesta.headers['Location']).get_data(as_text=True)
    assert 'Aviso propio de la empresa' in seguimiento and 'v7' in seguimiento


def test_todos_los_errores_a_la_vez_y_archivos_conservados(app, client, demo):
    primera = presentar(client, cliente_email='', motivo='', descripcion='',
                        adjuntos=[(io.BytesIO(PDF), 'factura.pdf'),
                                  (io.BytesIO(EXE), 'virus.pdf')])
    html = primera.get_data(as_text=True)
    assert primera.status_code == 400
    for campo in ('cliente_email', 'motivo', 'descripcion', 'adjuntos'):
        assert f'data-campo="{campo}"' in html, campo
    assert 'data-campo="tipo"' not in html  # no echo of a field the page does not have
    assert '«virus.pdf»' in html  # refused files are named, to be chosen again
    guardados = re.findall(r'name="adjunto_guardado" value="([^"]+)"', html)
    assert len(guardados) == 1 and 'factura.pdf' in html
    # Corrected without choosing the file again; a forged reference is ignored.
    respuesta = presentar(client, adjunto_guardado=[guardados[0], 'falso.token'])
    assert respuesta.status_code == 302
    assert [d.nombre for d in Documento.select().where(
        Documento.reclamo == _ultimo().id)] == ['factura.pdf']


def test_el_enlace_se_abre_sin_sesion_y_su_formulario_lleva_la_clave_del_enlace(app, demo):
    """The tracking page is authorised by its link: opening it sets no cookie, and its reply
    form is accepted only with the token of that same link (not a missing one, not another
    case's, not the session's CSRF token), so no other site can post it blind."""
    cliente = app.test_client()
    assert presentar(cliente).status_code == 302
    mio = _ultimo()
    assert presentar(cliente).status_code == 302
    otro = _ultimo()
    ruta, ajena = _ruta(app, mio), _ruta(app, otro)
    visitante = app.test_client()  # a customer opening the e-mail's link: no session
    pagina = visitante.get(ruta)
    assert pagina.status_code == 200 and 'Set-Cookie' not in pagina.headers
    assert visitante.get_cookie('session') is None
    token = token_csrf(pagina.get_data(as_text=True))
    assert token != token_csrf(visitante.get(ajena).get_data(as_text=True))
    sesion = token_csrf(cliente.get('/portal/seguimiento').get_data(as_text=True))
    antes = _huella(mio)
    for falso in (None, '', 'x' * 43, token_csrf(visitante.get(ajena).get_data(as_text=True)),
                  sesion, token + 'A', 'ñ' + token[1:]):
        datos = {'texto': 'Mensaje sin la clave de su enlace.'}
        if falso is not None:
            datos['csrf_token'] = falso
        for quien in (visitante, cliente):
            respuesta = quien.post(ruta, data=datos)
            assert respuesta.status_code == 400, falso
            assert 'vuelva a abrir el enlace de su caso' in respuesta.get_data(as_text=True)
    assert _huella(mio) == antes
    respuesta = visitante.post(ruta, data={'csrf_token': token, 'texto': 'Con su clave.'})
    assert respuesta.status_code == 302 and 'Set-Cookie' not in respuesta.headers
    assert 'Con su clave.' in visitante.get(ruta).get_data(as_text=True)
    assert 'Con su clave.' not in visitante.get(ajena).get_data(as_text=True)
