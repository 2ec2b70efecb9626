"""Issue 15, F5: sessions (and tokens) end on logout, password change, role change and
deactivation, also for a copy of the cookie (another device, a stolen one).

Each victim signs in on its own test client and gets an API token; the change is made as it
happens for real (logout form, the admin's users screen, the CLI); then the copied cookie
and the token are tried again.
"""
import pytest

from catalogos.usuarios import Usuario
from tests.apoyo.api import pedir_token
from tests.conftest import Auth, token_csrf


def _sesion(app, email):
    """A second browser signed in as ``email``."""
    cliente = app.test_client()
    assert Auth(cliente).login(email).status_code == 302
    assert cliente.get('/admin/').status_code == 200
    return cliente


def _copia(app, cliente):
    """Another browser carrying a copy of ``cliente``'s session cookie."""
    otro = app.test_client()
    galleta = cliente.get_cookie('session')
    otro.set_cookie('session', galleta.value, domain=galleta.domain)
    assert otro.get('/admin/').status_code == 200
    return otro


def _token_vale(cliente, token):
    return cliente.get('/api/v1/casos', headers={'Authentication-Token': token}).status_code == 200


def _fuera(cliente):
    respuesta = cliente.get('/admin/')
    return respuesta.status_code == 302 and '/login' in respuesta.headers['Location']


@pytest.fixture
def victima(app, crear_usuario):
    return crear_usuario('agente', nombre='Víctima')


def test_salir_termina_tambien_la_copia_de_la_sesion(app, client, victima):
    navegador = _sesion(app, victima.email)
    copia = _copia(app, navegador)
    token = pedir_token(client, victima.email)
    Auth(navegador).logout()
    assert _fuera(navegador) and _fuera(copia)
    assert _token_vale(client, token)  # scripts keep working unless asked


def test_salir_pidiendo_revocar_tokens(app, client, victima):
    navegador = _sesion(app, victima.email)
    token = pedir_token(client, victima.email)
    html = navegador.get('/admin/').get_data(as_text=True)
    navegador.post('/logout', data={'csrf_token': token_csrf(html, 'csrf_salir'), 'tokens': '1'})
    assert _fuera(navegador) and not _token_vale(client, token)


def _editar(admin, usuario, **cambios):
    url = f'/admin/usuarios/edit/?id={usuario.id}'
    pagina = admin.get(url)
    datos = {'email': usuario.email, 'nombre': usuario.nombre, 'active': 'y',
             'roles': sorted(usuario.nombres_roles()), 'contrasena': '',
             'csrf_token': token_csrf(pagina.get_data(as_text=True))}
    datos.update(cambios)
    datos = {k: v for k, v in datos.items() if v is not None}
    respuesta = admin.post(url, data=datos)
    assert respuesta.status_code == 302, respuesta.get_data(as_text=True)[:500]


@pytest.mark.parametrize('cambio', [
    {'contrasena': 'otra-clave-segura'},
    {'roles': ['supervisor']},
    {'active': None},  # the checkbox left unticked: deactivated
])
def test_cambios_de_acceso_terminan_sesiones_y_tokens(app, client, crear_usuario, victima,
                                                      cambio):
    admin = _sesion(app, crear_usuario('admin').email)
    navegador = _sesion(app, victima.email)
    token = pedir_token(client, victima.email)
    _editar(admin, victima, **cambio)
    assert _fuera(navegador) and not _token_vale(client, token)
    assert admin.get('/admin/').status_code == 200  # the admin is not affected


def test_editar_solo_el_nombre_no_saca_a_nadie(app, client, crear_usuario, victima):
    admin = _sesion(app, crear_usuario('admin').email)
    navegador = _sesion(app, victima.email)
    token = pedir_token(client, victima.email)
    _editar(admin, victima, nombre='Otro nombre')
    assert not _fuera(navegador) and _token_vale(client, token)


def test_cli_cambia_la_contrasena_y_termina_sesiones(app, client, runner, victima):
    navegador = _sesion(app, victima.email)
    token = pedir_token(client, victima.email)
    resultado = runner.invoke(args=['crear-usuario', victima.email, '--rol', 'agente',
                                    '--contrasena', 'nueva-clave-segura'])
    assert resultado.exit_code == 0, resultado.output
    assert _fuera(navegador) and not _token_vale(client, token)
    assert Usuario.get_by_id(victima.id).fs_uniquifier != victima.fs_uniquifier
