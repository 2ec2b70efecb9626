"""Issue 15, F9: the login tells nobody whether an account exists or is locked, a lock-out
holds for the (account, address) pair with a growing delay, and an admin can unlock it from
the screen (tests/admin_app/test_bloqueo.py) or the command line."""
import datetime
import re

import time_machine

from catalogos.accesos import MENSAJE
from tests.conftest import CONTRASENA, token_csrf

MALA = 'no-es-la-clave'
OTRA_IP = {'REMOTE_ADDR': '10.20.30.40'}


def _entrar(client, email, contrasena, entorno=None):
    entorno = entorno or {}
    html = client.get('/login', environ_base=entorno).get_data(as_text=True)
    return client.post('/login', data={'email': email, 'password': contrasena,
                                       'csrf_token': token_csrf(html)}, environ_base=entorno)


def _visible(respuesta):
    """The page without the per-request token."""
    return respuesta.status_code, re.sub(r'value="[^"]{40,}"', '', respuesta.get_data(
        as_text=True))


def _dentro(client, entorno=None):
    entorno = entorno or {}
    return client.get('/admin/', environ_base=entorno).status_code == 200


def test_cuenta_inexistente_mala_y_bloqueada_responden_igual(app, client, crear_usuario):
    usuario = crear_usuario('agente')
    desconocida = _visible(_entrar(client, 'nadie@prueba.pe', MALA))
    mala = _visible(_entrar(client, usuario.email, MALA))
    assert desconocida[0] == mala[0] == 200 and MENSAJE in mala[1]
    assert desconocida[1].replace('nadie@prueba.pe', usuario.email) == mala[1]
    for _ in range(4):
        _entrar(client, usuario.email, MALA)
    bloqueada = _visible(_entrar(client, usuario.email, CONTRASENA))
    assert bloqueada == mala and not _dentro(client)
    api = [client.post('/api/v1/token', json={'email': e, 'password': CONTRASENA})
           for e in (usuario.email, 'nadie@prueba.pe')]
    assert [r.status_code for r in api] == [401, 401]
    assert api[0].get_json() == api[1].get_json()


def test_el_bloqueo_no_alcanza_a_otra_direccion(app, client, crear_usuario):
    usuario = crear_usuario('agente')
    for _ in range(5):
        _entrar(client, usuario.email, MALA)
    _entrar(client, usuario.email, CONTRASENA)
    assert not _dentro(client)
    otro = app.test_client()
    assert _entrar(otro, usuario.email, CONTRASENA, OTRA_IP).status_code == 302
    assert _dentro(otro, OTRA_IP)


def test_cada_bloqueo_dura_el_doble(app, client, crear_usuario):
    usuario = crear_usuario('agente')
    inicio = datetime.datetime.utcnow()
    with time_machine.travel(inicio, tick=False):
        for _ in range(5):
            _entrar(client, usuario.email, MALA)
    # After 16 minutes the first lock (15) is over: five more wrong ones lock for 30.
    with time_machine.travel(inicio + datetime.timedelta(minutes=16), tick=False):
        for _ in range(5):
            _entrar(client, usuario.email, MALA)
    with time_machine.travel(inicio + datetime.timedelta(minutes=16 + 29), tick=False):
        _entrar(client, usuario.email, CONTRASENA)
        assert not _dentro(client)
    with time_machine.travel(inicio + datetime.timedelta(minutes=16 + 31), tick=False):
        assert _entrar(client, usuario.email, CONTRASENA).status_code == 302
        assert _dentro(client)


def test_desbloquear_por_linea_de_comandos(app, client, runner, crear_usuario):
    usuario = crear_usuario('agente')
    for _ in range(5):
        _entrar(client, usuario.email, MALA)
    resultado = runner.invoke(args=['desbloquear-usuario', usuario.email.upper()])
    assert resultado.exit_code == 0, resultado.output
    assert _entrar(client, usuario.email, CONTRASENA).status_code == 302
    assert runner.invoke(args=['desbloquear-usuario', 'nadie@prueba.pe']).exit_code == 2
