"""API tokens: issued for email and password, sent in a header, refused with a JSON 401 when
missing, forged, expired or revoked; a browser session is not an API credential, and a token
does not open the screens."""
import datetime
import uuid

import pytest

from catalogos.accesos import MENSAJE
from itsdangerous import URLSafeTimedSerializer

from catalogos.usuarios import Usuario
from tests.apoyo.api import PREFIJO, ClienteApi, pedir_token
from tests.conftest import CONTRASENA

pytest_plugins = ('tests.apoyo.fixtures_api',)


def _no_autenticado(respuesta, texto):
    assert respuesta.status_code == 401, respuesta.get_data()[:300]
    assert respuesta.mimetype == 'application/json'
    cuerpo = respuesta.get_json()
    assert texto in cuerpo['errores']['Authentication-Token'], cuerpo
    assert respuesta.headers['WWW-Authenticate'].startswith('Authentication-Token')
    return cuerpo


def test_pedir_y_usar_un_token(app, client, gente):
    respuesta = client.post(PREFIJO + '/token', json={'email': gente.agente.email.upper(),
                                                      'password': CONTRASENA})
    assert respuesta.status_code == 200, respuesta.get_json()
    cuerpo = respuesta.get_json()
    assert cuerpo['cabecera'] == 'Authentication-Token'
    assert cuerpo['usuario'] == {'email': gente.agente.email, 'nombre': 'Ana',
                                 'roles': ['agente'], 'area': 'MONITOREO'}
    vence = datetime.datetime.fromisoformat(cuerpo['expira_en'])
    ahora = datetime.datetime.now(datetime.timezone.utc)
    vigencia = app.config['SECURITY_TOKEN_MAX_AGE']  # RECLAMOS_TOKEN_HORAS, 30 days by default
    assert vigencia - datetime.timedelta(minutes=1) < vence - ahora <= vigencia
    assert 'Set-Cookie' not in respuesta.headers
    assert respuesta.headers['Cache-Control'] == 'no-store'
    api = ClienteApi(client, cuerpo['token'])
    datos = api.get('/catalogos')
    assert datos.status_code == 200 and 'Set-Cookie' not in datos.headers
    # Several tokens of one user live side by side.
    otro = ClienteApi(client, pedir_token(client, gente.agente.email))
    assert otro.get('/catalogos').status_code == 200 and api.get('/catalogos').status_code == 200


@pytest.mark.parametrize('email, contrasena', [
    ('nadie@prueba.pe', CONTRASENA), ('AGENTE', CONTRASENA), (None, 'otra-clave-9'),
])
def test_credenciales_malas_no_dicen_cual(client, gente, email, contrasena):
    respuesta = client.post(PREFIJO + '/token', json={'email': email or gente.agente.email,
                                                      'password': contrasena})
    assert respuesta.status_code == 401
    assert respuesta.get_json() == {
        'mensaje': f'credenciales: {MENSAJE}', 'errores': {'credenciales': MENSAJE}}


def test_usuario_inactivo_no_recibe_token_y_pierde_los_suyos(client, gente):
    api = ClienteApi(client, pedir_token(client, gente.agente.email))
    Usuario.update(active=False).where(Usuario.id == gente.agente.id).execute()
    _no_autenticado(api.get('/catalogos'), 'inválido o revocado')
    respuesta = client.post(PREFIJO + '/token', json={'email': gente.agente.email,
                                                      'password': CONTRASENA})
    assert respuesta.status_code == 401
    assert respuesta.get_json()['errores'] == {'credenciales': MENSAJE}


def test_sin_token_o_token_falso(client, gente):
    for ruta in ('/catalogos', '/casos', '/casos/2026-000001'):
        _no_autenticado(client.get(PREFIJO + ruta), 'Falta la cabecera')
    _no_autenticado(client.post(PREFIJO + '/casos', json={}), 'Falta la cabecera')
    _no_autenticado(client.post(PREFIJO + '/token/revocar'), 'Falta la cabecera')
    for falso in ('x', 'abc.def.ghi', '🙂' * 10, 'e' * 5000):
        _no_autenticado(ClienteApi(client, falso).get('/catalogos'), 'inválido')
    # Signed with another key: same shape, wrong signature.
    fila = Usuario.get_by_id(gente.agente.id)
    ajeno = URLSafeTimedSerializer('otra-clave', salt='remember-salt').dumps(
        {'ver': '5', 'uid': fila.fs_token_uniquifier or 'x', 'exp': 0})
    _no_autenticado(ClienteApi(client, ajeno).get('/catalogos'), 'inválido')
    # The session identifier is not a token identity.
    with client.application.test_request_context():
        viejo = client.application.extensions['security'].remember_token_serializer.dumps(
            {'ver': '5', 'uid': fila.fs_uniquifier, 'exp': 0})
    _no_autenticado(ClienteApi(client, viejo).get('/catalogos'), 'inválido')


def test_token_en_la_url_no_sirve(client, gente):
    token = pedir_token(client, gente.agente.email)
    _no_autenticado(client.get(f'{PREFIJO}/catalogos?auth_token={token}'), 'Falta')


def test_token_vencido(app, client, gente):
    api = ClienteApi(client, pedir_token(client, gente.agente.email))
    assert api.get('/catalogos').status_code == 200
    app.config['SECURITY_TOKEN_MAX_AGE'] = datetime.timedelta(seconds=-1)
    _no_autenticado(api.get('/catalogos'), 'venció')


def test_revocar_invalida_todos_los_tokens_del_usuario(client, gente):
    primero = ClienteApi(client, pedir_token(client, gente.agente.email))
    segundo = ClienteApi(client, pedir_token(client, gente.agente.email))
    ajeno = ClienteApi(client, pedir_token(client, gente.supervisor.email))
    respuesta = primero.post('/token/revocar')
    assert respuesta.status_code == 200 and 'revocaron' in respuesta.get_json()['mensaje']
    _no_autenticado(primero.get('/catalogos'), 'revocado')
    _no_autenticado(segundo.get('/catalogos'), 'revocado')
    assert ajeno.get('/catalogos').status_code == 200
    nuevo = ClienteApi(client, pedir_token(client, gente.agente.email))
    assert nuevo.get('/catalogos').status_code == 200


def test_usuario_sin_rol(client, crear_usuario):
    usuario = crear_usuario()
    respuesta = ClienteApi(client, pedir_token(client, usuario.email)).get('/catalogos')
    assert respuesta.status_code == 403
    assert 'rol' in respuesta.get_json()['errores']['permiso']


def test_la_sesion_del_navegador_no_abre_la_api(client, como, gente):
    """Cookies are ignored: a page of another site cannot act through a logged-in browser,
    so the API needs no CSRF token."""
    como('admin')
    assert client.get('/casos/').status_code == 200  # the screens work with the session
    _no_autenticado(client.get(PREFIJO + '/catalogos'), 'Falta la cabecera')
    _no_autenticado(client.post(PREFIJO + '/casos', json={}), 'Falta la cabecera')
    _no_autenticado(client.post(PREFIJO + '/token/revocar'), 'Falta la cabecera')


def test_el_token_no_abre_las_pantallas(client, gente):
    token = pedir_token(client, gente.admin.email)
    for cabeceras, ruta in (({'Authentication-Token': token}, '/casos/'),
                            ({}, f'/casos/?auth_token={token}'),
                            ({'Authentication-Token': token}, '/admin/usuarios/')):
        respuesta = client.get(ruta, headers=cabeceras)
        assert respuesta.status_code == 302 and '/login' in respuesta.headers['Location']


def test_un_token_sin_csrf_escribe(api_como, gente):
    """A token-authenticated write needs no CSRF token."""
    from tests.apoyo.api import registro_valido

    respuesta = api_como(gente.registrador).post('/casos', json=registro_valido())
    assert respuesta.status_code == 201


def test_cambiar_roles_vale_en_la_siguiente_llamada(client, gente):
    """Roles are read on every call, not frozen into the token."""
    from catalogos.usuarios import asignar_roles
    from tests.apoyo.api import registro_valido

    api = ClienteApi(client, pedir_token(client, gente.agente.email))
    assert api.post('/casos', json=registro_valido()).status_code == 201
    asignar_roles(gente.agente, ['gerente'])
    respuesta = api.post('/casos', json=registro_valido())
    assert respuesta.status_code == 403 and 'gerente' in respuesta.get_json()['errores']['permiso']
    asignar_roles(gente.agente, [])
    assert api.get('/catalogos').status_code == 403


# -- command line -----------------------------------------------------------------------
def test_comando_token_api(runner, client, gente):
    resultado = runner.invoke(args=['token-api', gente.supervisor.email])
    assert resultado.exit_code == 0, resultado.output
    token = resultado.stdout.strip().splitlines()[0]
    api = ClienteApi(client, token)
    assert api.get('/catalogos').status_code == 200
    resultado = runner.invoke(args=['token-api', gente.supervisor.email, '--revocar'])
    assert resultado.exit_code == 0 and 'revocados' in resultado.output
    _no_autenticado(api.get('/catalogos'), 'revocado')
    resultado = runner.invoke(args=['token-api', f'{uuid.uuid4().hex}@prueba.pe'])
    assert resultado.exit_code == 2 and 'no existe' in resultado.output
