"""Login throttling by IP, per-account lock-out, the users' sign-in log, password lengths."""
import datetime

import pytest
import time_machine

from catalogos.accesos import MENSAJE, EventoUsuario
from catalogos.usuarios import Usuario
from tests.conftest import CONTRASENA, token_csrf

MALA = 'no-es-la-clave'


def entrar(client, email, contrasena):
    html = client.get('/login').get_data(as_text=True)
    respuesta = client.post('/login', data={'email': email, 'password': contrasena,
                                            'csrf_token': token_csrf(html)},
                            follow_redirects=True)
    return respuesta.get_data(as_text=True)


def dentro(client):
    return client.get('/admin/').status_code == 200


def eventos(usuario):
    return [e.tipo for e in EventoUsuario.select().where(EventoUsuario.usuario == usuario.id)
            .order_by(EventoUsuario.id)]


def test_cinco_fallos_bloquean_aun_con_la_clave_correcta(app, client, crear_usuario):
    usuario = crear_usuario('agente')
    for _ in range(4):
        assert 'Correo o contraseña incorrectos' in entrar(client, usuario.email, MALA)
    entrar(client, usuario.email, MALA)  # the 5th locks
    # The right password gets a wrong one's answer while locked: no hint that it was right
    # (nor that the account exists: tests/admin_app/test_bloqueo_por_direccion.py).
    html = entrar(client, usuario.email, CONTRASENA)
    assert MENSAJE in html
    assert not dentro(client)
    assert MENSAJE in entrar(client, usuario.email, MALA)
    assert eventos(usuario) == ['fallo'] * 5 + ['bloqueo', 'bloqueada', 'bloqueada']

    with time_machine.travel(datetime.datetime.utcnow() + datetime.timedelta(minutes=16)):
        entrar(client, usuario.email, CONTRASENA)
        assert dentro(client)
    fila = Usuario.get_by_id(usuario.id)
    assert (fila.intentos_fallidos, fila.bloqueado_hasta) == (0, None)
    assert eventos(usuario)[-1] == 'entrada'


def test_una_entrada_correcta_reinicia_la_cuenta(app, client, auth, crear_usuario):
    usuario = crear_usuario('agente')
    for _ in range(4):
        entrar(client, usuario.email, MALA)
    entrar(client, usuario.email, CONTRASENA)
    assert dentro(client)
    auth.logout()
    for _ in range(4):
        entrar(client, usuario.email, MALA)
    entrar(client, usuario.email, CONTRASENA)
    assert dentro(client)


def test_la_api_comparte_el_bloqueo(app, client, crear_usuario):
    usuario = crear_usuario('agente')
    for _ in range(5):
        assert client.post('/api/v1/token', json={'email': usuario.email,
                                                  'password': MALA}).status_code == 401
    respuesta = client.post('/api/v1/token', json={'email': usuario.email,
                                                   'password': CONTRASENA})
    assert respuesta.status_code == 401
    assert MENSAJE in respuesta.get_json()['mensaje']
    assert MENSAJE in entrar(client, usuario.email, CONTRASENA)
    assert not dentro(client)


def test_el_administrador_desbloquea(app, client, auth, como, crear_usuario):
    usuario = crear_usuario('agente')
    for _ in range(5):
        entrar(client, usuario.email, MALA)
    como('admin')
    html = client.get('/admin/usuarios/').get_data(as_text=True)
    assert client.post('/admin/usuarios/action/', data={
        'action': 'desbloquear', 'rowid': usuario.id,
        'csrf_token': token_csrf(html)}).status_code == 302
    auth.logout()
    entrar(client, usuario.email, CONTRASENA)
    assert dentro(client)
    assert 'desbloqueo' in eventos(usuario)


def test_limite_por_ip_en_login_y_token(app, client, auth, crear_usuario):
    app.config['RECLAMOS_LIMITE_ENTRADA'] = '3/minute'
    usuario = crear_usuario('agente')
    for _ in range(4):  # good logins do not use up the quota
        entrar(client, usuario.email, CONTRASENA)
        auth.logout()
    for _ in range(2):
        entrar(client, 'nadie@prueba.pe', MALA)
    client.post('/api/v1/token', json={'email': 'nadie@prueba.pe', 'password': MALA})
    html = client.get('/login').get_data(as_text=True)
    respuesta = client.post('/login', data={'email': usuario.email, 'password': CONTRASENA,
                                            'csrf_token': token_csrf(html)})
    assert respuesta.status_code == 429
    assert 'Demasiados intentos' in respuesta.get_data(as_text=True)
    api = client.post('/api/v1/token', json={'email': usuario.email, 'password': CONTRASENA})
    assert api.status_code == 429 and 'Demasiados intentos' in api.get_json()['mensaje']
    assert client.get('/login').status_code == 200  # reading the form is not limited
    # Another address is not affected.
    otra = client.post('/api/v1/token', json={'email': usuario.email, 'password': CONTRASENA},
                       environ_base={'REMOTE_ADDR': '10.9.8.7'})
    assert otra.status_code == 200


def test_entradas_y_salidas_en_la_bitacora_del_usuario(app, client, auth, como):
    agente = como('agente')
    auth.logout()
    assert eventos(agente) == ['entrada', 'salida']
    assert EventoUsuario.get(EventoUsuario.usuario == agente.id).ip == '127.0.0.1'
    como('admin')
    html = client.get('/admin/accesos/').get_data(as_text=True)
    assert agente.email in html and 'Entrada' in html and 'Salida' in html
    assert client.get('/admin/accesos/new/').status_code == 403  # nobody edits it


@pytest.mark.parametrize('contrasena', ('once-letras', 'x' * 129))
def test_largo_de_contrasena(runner, app, contrasena):
    resultado = runner.invoke(args=['crear-usuario', 'a@prueba.pe', '--rol', 'agente',
                                    '--contrasena', contrasena])
    assert resultado.exit_code == 2 and 'al menos 12 caracteres' in resultado.output
