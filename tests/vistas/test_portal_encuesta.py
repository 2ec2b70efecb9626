"""Satisfaction survey: a signed one-time link when the case is TERMINADO, by HTTP."""
from catalogos.organizacion import Area
from reclamos.caso.acciones import Accion
from reclamos.caso.modelo import Reclamo
from reclamos.correo.salida import Correo, enviar_pendientes
from reclamos.portal.encuesta import Encuesta
from reclamos.caso.flujo import transicionar
from tests.apoyo.casos import crear_caso
from tests.conftest import token_csrf
from tests.apoyo.portal import enlace_de, presentar


def _terminar(app, reclamo, usuario):
    with app.test_request_context():
        r = transicionar(reclamo, 'tomar', usuario, '10.0.0.1', reclamo.version)
        return transicionar(r, 'terminar', usuario, '10.0.0.1', r.version,
                            respuesta='Reiniciamos su puerto y el servicio volvió.',
                            resultado='fundado')


def _enlace_encuesta(app, servidor_smtp, numero):
    with app.app_context():
        enviar_pendientes(app.config)
    # One message at resolution: the answer and the survey link together.
    resolucion = [m for m in servidor_smtp.mensajes
                  if numero in m['Subject'] and 'fue resuelto' in m['Subject']]
    assert len(resolucion) == 1
    assert not [m for m in servidor_smtp.mensajes if 'atendimos' in m['Subject']]
    mensaje = resolucion[0]
    enlace = enlace_de(mensaje.get_content(), '/portal/encuesta/')
    return mensaje, enlace[enlace.index('/portal/'):]


def _responder(client, ruta, **datos):
    html = client.get(ruta).get_data(as_text=True)
    return client.post(ruta, data={'csrf_token': token_csrf(html), **datos})


def test_el_cliente_califica_una_sola_vez_y_el_caso_se_cierra(app, client, demo, servidor_smtp,
                                                              crear_usuario):
    assert presentar(client).status_code == 302
    reclamo = Reclamo.select().order_by(Reclamo.id.desc()).first()
    admin = crear_usuario('admin')
    _terminar(app, reclamo, admin)
    mensaje, ruta = _enlace_encuesta(app, servidor_smtp, reclamo.numero)
    assert mensaje['To'] == 'rosa@correo.pe'
    assert 'Reiniciamos su puerto' in mensaje.get_content()

    for mala in ('0', '6', 'abc', ''):
        respuesta = _responder(client, ruta, calificacion=mala)
        assert respuesta.status_code == 400, mala
        assert 'de 1 (muy malo) a 5' in respuesta.get_data(as_text=True)
    assert Reclamo.get_by_id(reclamo.id).estado == 'TERMINADO'

    respuesta = _responder(client, ruta, calificacion='4', comentario='<b>Rápido</b>, gracias')
    assert respuesta.status_code == 200 and '¡Gracias!' in respuesta.get_data(as_text=True)
    cerrado = Reclamo.get_by_id(reclamo.id)
    assert (cerrado.estado, cerrado.calificacion, cerrado.calificado_por) == ('CERRADO', 4,
                                                                              'cliente')
    linea = Accion.get(Accion.reclamo == reclamo.id, Accion.tipo == 'calificacion')
    assert (linea.valor_nuevo, linea.usuario_id) == ('4', None)
    assert Accion.select().where(Accion.reclamo == reclamo.id,
                                 Accion.texto == '<b>Rápido</b>, gracias').exists()

    # Reused link: refused, nothing changes.
    otra = client.get(ruta)
    assert otra.status_code == 410 and 'ya fue respondida' in otra.get_data(as_text=True)
    assert client.post(ruta, data={'calificacion': '1'}).status_code == 410
    assert Reclamo.get_by_id(reclamo.id).calificacion == 4


def test_enlaces_falsos_o_de_otro_proposito(app, client, demo, servidor_smtp, crear_usuario):
    assert presentar(client).status_code == 302
    reclamo = Reclamo.select().order_by(Reclamo.id.desc()).first()
    _terminar(app, reclamo, crear_usuario('admin'))
    _, ruta = _enlace_encuesta(app, servidor_smtp, reclamo.numero)
    token = ruta.rsplit('/', 1)[1]
    assert client.get('/portal/encuesta/inventado').status_code == 404
    assert client.get('/portal/encuesta/' + token[:-2] + 'xx').status_code == 404
    from reclamos.portal import enlaces
    with app.test_request_context():
        de_seguimiento = enlaces.firmar(enlaces.SEGUIMIENTO, {'r': reclamo.id})
        sin_fila = enlaces.firmar(enlaces.ENCUESTA, {'r': reclamo.id, 'n': 'otro'})
    assert client.get('/portal/encuesta/' + de_seguimiento).status_code == 404
    assert client.get('/portal/encuesta/' + sin_fila).status_code == 404
    assert Reclamo.get_by_id(reclamo.id).estado == 'TERMINADO'


def test_caso_interno_lo_califica_el_area_solicitante(app, client, demo, servidor_smtp,
                                                      crear_usuario, auth):
    area = Area.select().where(Area.registra == True).first()  # noqa: E712
    Area.update(correo='calidad@empresa.pe').where(Area.id == area.id).execute()
    admin = crear_usuario('admin')
    reclamo = crear_caso(admin, origen='interno', area_solicitante=area.codigo, cliente=None)
    _terminar(app, reclamo, admin)
    mensaje, ruta = _enlace_encuesta(app, servidor_smtp, reclamo.numero)
    assert mensaje['To'] == 'calidad@empresa.pe'
    anonimo = _responder(client, ruta, calificacion='5')
    assert anonimo.status_code == 400
    assert 'área que lo solicitó' in anonimo.get_data(as_text=True)
    assert Encuesta.get(Encuesta.reclamo == reclamo.id).usada_en is None  # not spent
    del_area = crear_usuario('agente', area=area.id)
    auth.login(del_area.email)
    assert _responder(client, ruta, calificacion='5').status_code == 200
    cerrado = Reclamo.get_by_id(reclamo.id)
    assert (cerrado.estado, cerrado.calificado_por) == ('CERRADO', f'área {area.codigo}')


def test_sin_correo_no_se_encola_encuesta(app, demo, crear_usuario):
    admin = crear_usuario('admin')
    reclamo = crear_caso(admin)  # a customer registered at the desk with no e-mail
    _terminar(app, reclamo, admin)
    assert not Correo.select().where(Correo.reclamo == reclamo.id).exists()
