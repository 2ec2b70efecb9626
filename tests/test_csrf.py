"""CSRF: every state-changing form of the screens refuses a POST without its token.

``test_post_sin_token_no_cambia_nada`` walks every POST route outside the JSON API (the API is
opened by a token header, never by the browser's cookie, so it needs no CSRF token) and posts,
as an administrator, a body that WOULD change something, without the token: no table may
change. The positive controls prove the same bodies do change things with the token, so the
test can fail. A new POST route fails ``test_todo_post_tiene_cuerpo`` until it gets an entry
in ``cuerpo()``.
"""
import hashlib
import io

import pytest
from flask import url_for
from werkzeug.datastructures import MultiDict

from catalogos.organizacion import Area
from tests.casos import crear_caso
from tests.conftest import token_csrf
from tests.formularios import valores_formulario

PDF = b'%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'
ADMIN_MODELO = ('create_view', 'edit_view', 'delete_view', 'action_view', 'ajax_update')
PROPIOS = ('casos.accion', 'casos.adjuntar', 'casos.nuevo', 'clientes.importar_csv',
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


def _vista(app, nombre):
    admin = app.extensions['admin'][0]
    return next(v for v in admin._views if v.endpoint == nombre)


def cuerpo(app, client, endpoint, caso):
    """(url, body) of a request that changes data when it carries the token."""
    nombre, _, vista = endpoint.partition('.')
    if vista in ADMIN_MODELO:
        modelo = _vista(app, nombre).model
        fila = modelo.select().order_by(modelo._meta.primary_key.desc()).first()
        edicion = url_for(f'{nombre}.edit_view', id=fila.id)
        valores = valores_formulario(client.get(edicion).get_data(as_text=True))
        valores.pop('csrf_token', None)
        if not valores:  # a read-only screen (403 for everybody): any body will do
            return (edicion if vista == 'edit_view' else url_for(endpoint)), {'id': fila.id}
        if vista == 'edit_view':
            campo = 'nombre' if 'nombre' in valores else next(iter(valores))
            valores[campo] = 'CAMBIADO'
            return edicion, valores
        if vista == 'create_view':
            for campo in ('codigo', 'email', 'numero_documento'):
                if campo in valores:
                    valores[campo] = {'email': 'nuevo@prueba.pe'}.get(campo, '99887766')
            return url_for(endpoint), valores
        if vista == 'delete_view':
            return url_for(endpoint), {'id': fila.id}
        if vista == 'action_view':
            return url_for(endpoint), MultiDict([('action', 'delete'), ('rowid', fila.id)])
        return url_for(endpoint), {'list_form_pk': fila.id, 'activo': ''}
    propios = {
        'casos.accion': lambda: (url_for(endpoint, numero=caso.numero), {
            'accion': 'comentar', 'texto': 'Hola', 'version': caso.version}),
        'casos.adjuntar': lambda: (url_for(endpoint, numero=caso.numero), {
            'tipo': 'recibido', 'descripcion': 'Factura', 'archivo': (io.BytesIO(PDF), 'f.pdf')}),
        'casos.nuevo': lambda: (url_for(endpoint), _registro()),
        'clientes.importar_csv': lambda: (url_for(endpoint), {'archivo': (io.BytesIO(
            b'tipo_documento_identidad;numero_documento;nombre\nDNI;45678912;Rosa\n'), 'c.csv')}),
        'recalculo.recalcular': lambda: (url_for(endpoint), {'calendario': ''}),
        'security.login': lambda: (url_for(endpoint), {}),
        'security.logout': lambda: (url_for(endpoint), {}),
        'security.verify': lambda: (url_for(endpoint), {'password': 'x'}),
    }
    return propios[endpoint]()


def _registro():
    from catalogos.atencion import Canal
    from catalogos.servicios import Motivo

    motivo = Motivo.get(Motivo.codigo == 'CONSUMO_EXCESIVO_AGUA')
    return {'origen': 'externo', 'canal': str(Canal.get(Canal.codigo == 'VENTANILLA').id),
            'cliente_tipo_documento_identidad': 'DNI', 'cliente_numero_documento': '41234567',
            'cliente_nombre': 'Rosa Quispe', 'servicio': str(motivo.servicio_id),
            'motivo': str(motivo.id), 'campo.numero_suministro': 'S-00991',
            'campo.tipo_predio': 'Comercial', 'campo.lectura_medidor': '1234.5',
            'descripcion': 'El recibo de octubre triplica el consumo habitual.',
            'confirmar': '1'}


@pytest.fixture
def admin(demo, como):
    return como('admin', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))


def test_todo_post_tiene_cuerpo(app):
    for endpoint, _ in rutas_post(app):
        assert endpoint in PROPIOS or endpoint.partition('.')[2] in ADMIN_MODELO, (
            f'{endpoint}: agregue su cuerpo a tests/test_csrf.py')


def test_post_sin_token_no_cambia_nada(app, client, admin):
    from reclamos.clientes import Cliente
    Cliente.create(tipo_documento_identidad='DNI', numero_documento='11223344', nombre='Luz')
    caso = crear_caso(admin, motivo='SIN_SERVICIO')
    fallos = []
    for endpoint, _ in rutas_post(app):
        with app.test_request_context():
            url, datos = cuerpo(app, client, endpoint, caso)
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
                                      'canales.create_view', 'casos.accion', 'casos.nuevo'))
def test_con_token_el_mismo_cuerpo_si_cambia(app, client, admin, endpoint):
    """Positive controls: the bodies above are real changes, refused only for the token."""
    from catalogos.atencion import Canal
    Canal.create(codigo='BORRABLE', nombre='Canal sin casos')
    caso = crear_caso(admin, motivo='SIN_SERVICIO')
    with app.test_request_context():
        url, datos = cuerpo(app, client, endpoint, caso)
        pagina = url_for(endpoint.partition('.')[0] + '.create_view') \
            if endpoint.startswith(('canales', 'motivos')) else f'/casos/{caso.numero}'
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
