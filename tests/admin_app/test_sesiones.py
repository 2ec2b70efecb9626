"""Session and remember-me cookies, and the security headers of every kind of response."""
import pytest

from tests.conftest import CONFIG_PRUEBA, CONTRASENA, token_csrf


def _cookies(respuesta):
    """{name: Set-Cookie attributes in lower case} as the browser receives them."""
    galletas = {}
    for linea in respuesta.headers.getlist('Set-Cookie'):
        nombre, _, resto = linea.partition('=')
        galletas[nombre] = {a.strip().lower() for a in resto.split(';')[1:]}
    return galletas


def _entrar_recordando(client, email):
    html = client.get('/login').get_data(as_text=True)
    return client.post('/login', data={'email': email, 'password': CONTRASENA, 'remember': 'y',
                                       'csrf_token': token_csrf(html)})


def test_cookies_httponly_samesite_y_sin_secure_por_defecto(client, crear_usuario):
    galletas = _cookies(_entrar_recordando(client, crear_usuario('agente').email))
    for nombre in ('session', 'remember_token'):
        assert {'httponly', 'samesite=lax'} <= galletas[nombre], nombre
        assert 'secure' not in galletas[nombre]


def test_cookies_secure_cuando_se_configura(url_bd, tmp_path, monkeypatch, crear_usuario):
    from admin_app import create_app

    monkeypatch.setenv('SESSION_COOKIE_SECURE', '1')
    monkeypatch.setenv('RECLAMOS_INSTANCE', str(tmp_path))
    app = create_app({**CONFIG_PRUEBA, 'DATABASE_URL': url_bd})
    cliente = app.test_client()
    respuesta = _entrar_recordando(cliente, crear_usuario('agente').email)
    galletas = _cookies(respuesta)
    for nombre in ('session', 'remember_token'):
        assert {'httponly', 'samesite=lax', 'secure'} <= galletas[nombre], nombre
    assert 'max-age=31536000' in respuesta.headers['Strict-Transport-Security']


@pytest.mark.parametrize('ruta', ('/login', '/admin/', '/api/v1/openapi.json',
                                  '/api/v1/casos', '/static/reclamos.css', '/no-existe'))
def test_cabeceras_en_toda_respuesta(client, ruta):
    respuesta = client.get(ruta)
    politica = respuesta.headers['Content-Security-Policy']
    assert "default-src 'self'" in politica and "frame-ancestors 'none'" in politica
    assert "object-src 'none'" in politica and 'http' not in politica  # no third-party origin
    assert respuesta.headers['X-Frame-Options'] == 'DENY'
    assert respuesta.headers['X-Content-Type-Options'] == 'nosniff'
    assert 'Strict-Transport-Security' not in respuesta.headers  # plain HTTP by default
