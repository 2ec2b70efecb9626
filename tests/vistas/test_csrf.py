"""CSRF: every state-changing form of the screens refuses a POST without its token.

``test_post_sin_token_no_cambia_nada`` walks every POST route outside the JSON API (the API is
opened by a token header, never by the browser's cookie, so it needs no CSRF token) and posts,
as an administrator, a body that WOULD change something, without the token: no table may
change. The positive controls prove the same bodies do change things with the token, so the
test can fail. A new POST route fails ``test_todo_post_tiene_cuerpo`` until it gets an entry
in ``cuerpo()``.
"""
import hashlib
from types import SimpleNamespace

import pytest
from flask import url_for
from werkzeug.datastructures import MultiDict

from catalogos.organizacion import Area
from tests.apoyo.casos import crear_caso
from tests.conftest import token_csrf
from tests.apoyo.cuerpos_post import ADMIN_MODELO, MEJORA, cuerpo

PROPIOS = ('actas.nueva', 'casos.accion', 'casos.adjuntar', 'casos.carta', 'casos.nuevo',
           'casos.contacto_cliente', 'casos.entrega', 'portal.caso',
           'clientes.importar_csv', 'laboratorio.borrador', 'laboratorio.cancelar',
           'laboratorio.copiar', 'laboratorio.ensayo',
           'laboratorio.publicar', 'laboratorio.restaurar', 'mejora.detalle', 'mejora.nueva',
           'notificaciones.leidas', 'notificaciones.preferencias', 'confirmacion.registrar',
           'portal.encuesta_', 'portal.registro', 'portal.seguimiento',
           'primer_uso.instalar', 'configuracion.vista_previa', 'configuracion.aplicar',
           'invitacion.definir',
           'recalculo.recalcular', 'security.login', 'security.logout', 'security.verify')


def rutas_post(app):
    """(endpoint, rule) of every POST outside the API; the session's own routes last."""
    return sorted(((r.endpoint, r) for r in app.url_map.iter_rules()
                   if 'POST' in r.methods and not r.endpoint.startswith('api.')),
                  key=lambda f: (f[0].startswith('security.'), f[0]))


def huella():
    """A digest of every row of every table: any insert, update or delete changes it."""
    from admin_app.esquema import modelos

    resumen = hashlib.sha256()
    for modelo in modelos():
        for fila in modelo.select().order_by(modelo._meta.primary_key).tuples():
            resumen.update(repr(fila).encode())
    return resumen.hexdigest()


@pytest.fixture
def admin(demo, como):
    return como('admin', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))


@pytest.fixture
def filas(app, admin):
    """A row for every POST to change: a case with an e-mail (letters), a solved case with
    an open survey, an improvement action, a draft and a saved version of the configuration,
    an unread notification, one row in each admin screen; a failed e-mail last (retry)."""
    from catalogos.enrutamiento import ReglaEnrutamiento
    from catalogos.informes import PREDETERMINADAS, PlantillaInforme
    from reclamos.portal import enlaces
    from reclamos.portal.cartas import PlantillaCarta
    from reclamos.correo.salida import FALLIDO, Correo, encolar
    from reclamos.correo.recibido import APARTADO, CorreoEntrante
    from reclamos.portal.encuesta import Encuesta
    from reclamos.caso.flujo import transicionar
    from reclamos.laboratorio.borradores import VersionConfiguracion, copiar
    from reclamos.mejora.servicios import crear
    from reclamos.alertas.notificaciones import Notificacion

    caso = crear_caso(admin, motivo='SIN_SERVICIO', cliente={
        'tipo_documento_identidad': 'DNI', 'numero_documento': '45781299',
        'nombre': 'Rosa Quispe', 'email': 'rosa@correo.pe'})
    # The same customer filed again with another address: the case page offers the update.
    distinto = crear_caso(admin, motivo='SIN_SERVICIO', cliente={
        'tipo_documento_identidad': 'DNI', 'numero_documento': '45781299',
        'nombre': 'Rosa Quispe', 'email': 'rosa.nueva@correo.pe'})
    resuelto = crear_caso(admin, motivo='SIN_SERVICIO')
    resuelto = transicionar(resuelto, 'tomar', admin, '127.0.0.1', resuelto.version)
    resuelto = transicionar(resuelto, 'terminar', admin, '127.0.0.1', resuelto.version,
                            respuesta='Se restableció el servicio.', resultado='fundado')
    Encuesta.create(reclamo=resuelto.id, nonce='n-csrf', destinatario='rosa@correo.pe')
    with app.test_request_context():
        encuesta = enlaces.firmar(enlaces.ENCUESTA, {'r': resuelto.id, 'n': 'n-csrf'})
        seguimiento = enlaces.firmar(enlaces.SEGUIMIENTO, {'r': caso.id})
        from reclamos.portal.cartas import enviar_carta
        from reclamos.portal.entregas import EntregaCarta
        enviar_carta(caso, 'Respuesta', 'Texto.', admin, '127.0.0.1', app.config,
                     medio='personal')
        entrega = EntregaCarta.get(EntregaCarta.reclamo == caso.id).id
    borrador = copiar('Borrador de prueba', admin)
    Notificacion.create(usuario=admin.id, titulo='Caso por vencer')
    CorreoEntrante.create(huella='f' * 64, resultado=APARTADO, razon='Sin remitente')
    PlantillaCarta.create(codigo='FAVORABLE', nombre='Favorable', asunto='Caso {{ numero }}',
                          texto='Estimado(a) {{ cliente_nombre }}.')
    PlantillaInforme.create(**PREDETERMINADAS[0])
    from catalogos.empresa import Empresa
    Empresa.create(nombre='Telecom Andina SAC')
    ReglaEnrutamiento.create(codigo='WEB', nombre='Web', orden=10,
                             texto='si canal es WEB entonces etiqueta web')
    fallido = encolar('no es un correo', 'Alerta', 'Texto')
    Correo.update(estado=FALLIDO).where(Correo.id == fallido.id).execute()
    from reclamos.laboratorio.corridas import CorridaEnsayo
    corrida = CorridaEnsayo.create(borrador=borrador.id, desde=caso.recibido_en.date(),
                                   hasta=caso.recibido_en.date(), estado='en_curso')
    return SimpleNamespace(
        admin=admin, caso=caso, encuesta=encuesta, borrador=borrador, corrida=corrida,
        distinto=distinto, seguimiento=seguimiento, entrega=entrega,
        accion=crear({**MEJORA, 'responsable': admin.id}, admin),
        version=VersionConfiguracion.create(usuario=admin.id, motivo='Antes de publicar',
                                            datos=borrador.datos))


def test_todo_post_tiene_cuerpo(app):
    for endpoint, _ in rutas_post(app):
        assert endpoint in PROPIOS or endpoint.partition('.')[2] in ADMIN_MODELO, (
            f'{endpoint}: agregue su cuerpo a tests/vistas/test_csrf.py')


def test_post_sin_token_no_cambia_nada(app, client, admin, filas):
    from reclamos.clientes.modelo import Cliente
    Cliente.create(tipo_documento_identidad='DNI', numero_documento='11223344', nombre='Luz')
    fallos = []
    for endpoint, _ in rutas_post(app):
        with app.test_request_context():
            url, datos = cuerpo(app, client, endpoint, filas.caso, filas)
        antes = huella()
        respuesta = client.post(url, data=datos, content_type='multipart/form-data')
        if respuesta.status_code >= 500 or huella() != antes:
            fallos.append(f'{endpoint}: {respuesta.status_code}, datos cambiados')
    assert fallos == []
    # Still signed in (logout without the token did nothing) and the login needs it too.
    assert client.get('/admin/').status_code == 200


def test_salir_con_token_si_sale(client, auth, admin):
    assert auth.logout().status_code == 302
    assert client.get('/admin/').status_code == 302


def test_login_sin_token_no_entra(client, crear_usuario):
    from tests.conftest import CONTRASENA
    usuario = crear_usuario('admin')
    client.get('/login')
    client.post('/login', data={'email': usuario.email, 'password': CONTRASENA})
    assert client.get('/admin/').status_code == 302


@pytest.mark.parametrize('endpoint', ('canales.delete_view', 'motivos.edit_view',
                                      'canales.create_view', 'casos.accion', 'casos.nuevo',
                                      'casos.carta', 'correos.action_view', 'mejora.nueva',
                                      'notificaciones.leidas', 'notificaciones.preferencias',
                                      'portal.encuesta_',
                                      'laboratorio.borrador', 'mejora.detalle',
                                      'casos.entrega', 'casos.contacto_cliente',
                                      'portal.caso'))
def test_con_token_el_mismo_cuerpo_si_cambia(app, client, admin, filas, endpoint):
    """Positive controls: the bodies above are real changes, refused only for the token."""
    from catalogos.atencion import Canal
    Canal.create(codigo='BORRABLE', nombre='Canal sin casos')
    caso = filas.caso
    with app.test_request_context():
        url, datos = cuerpo(app, client, endpoint, caso, filas)
        # flask-admin's forms take the token of any of its forms; the tracking page the one
        # of its own link; the rest the session's.
        pagina = url_for('canales.create_view') if endpoint.partition('.')[2] in ADMIN_MODELO \
            else url if endpoint == 'portal.caso' else f'/casos/{caso.numero}'
    html = client.get(pagina).get_data(as_text=True)
    token = token_csrf(html) if 'id="csrf_token"' in html else token_csrf(html, 'csrf_salir')
    antes = huella()
    datos = MultiDict(datos)
    datos['csrf_token'] = token
    respuesta = client.post(url, data=datos, content_type='multipart/form-data')
    assert respuesta.status_code < 500
    assert huella() != antes, respuesta.get_data(as_text=True)[:2000]


def test_pantallas_de_flask_admin_usan_formulario_seguro(app):
    """Every generated screen's forms (create, edit, delete, list actions) check a token."""
    for vista in app.extensions['admin'][0]._views:
        if not hasattr(vista, 'get_create_form'):
            continue
        with app.test_request_context():
            for formulario in (vista.create_form(), vista.edit_form(), vista.delete_form(),
                               vista.action_form()):
                assert formulario.meta.csrf, f'{vista.endpoint}: {type(formulario).__name__}'
