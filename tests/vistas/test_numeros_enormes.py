"""Issue 15, F12: oversized numbers in a URL or a query string answer 4xx on every route.

Every GET route of the app is requested as an admin (screens with the session, the API with a
token), once with each URL variable replaced by a huge number and once with every query
parameter the code reads set to it. Before vistas.numeros, SQLite raised OverflowError: 500.
"""
import re

import pytest

from tests.apoyo.api import pedir_token

pytestmark = pytest.mark.usefixtures('config_demo')
pytest_plugins = ('tests.apoyo.fixtures_api',)

ENORMES = (str(2 ** 63), '99999999999999999999')
# What the views read with request.args.get plus the dashboard's form, flask-admin's list
# arguments and the API's filters.
PARAMETROS = ('desde despues estado filtro formato hasta limite motivo numero origen pagina '
              'plantilla q registrado regla servicio texto tipo vence vista area canal '
              'prioridad periodo por id page page_size sort desc search flt0_0 flt1_1 cursor '
              'usuario producto calendario cantidad unidad inicio documento').split()
VARIABLE = re.compile(r'<(?:[^:<>]+:)?([^<>]+)>')


def _rutas(app):
    for regla in app.url_map.iter_rules():
        if 'GET' in regla.methods and 'static' not in regla.endpoint:
            yield regla


@pytest.fixture
def sesion(client, crear_usuario, auth):
    admin = crear_usuario('admin')
    token = pedir_token(client, admin.email)
    assert auth.login(admin.email).status_code == 302
    return {'Authentication-Token': token}


def test_ningun_numero_enorme_da_500(app, client, sesion):
    fallos = []
    for regla in _rutas(app):
        cabeceras = sesion if regla.rule.startswith('/api/') else {}
        for enorme in ENORMES:
            ruta = VARIABLE.sub(enorme, regla.rule)
            pedidos = [ruta, ruta + '?' + '&'.join(f'{p}={enorme}' for p in PARAMETROS)]
            if regla.arguments:
                sin_variables = VARIABLE.sub('1', regla.rule)
                pedidos.append(sin_variables + '?' + '&'.join(f'{p}={enorme}'
                                                              for p in PARAMETROS))
            for pedido in pedidos:
                respuesta = client.get(pedido, headers=cabeceras)
                if respuesta.status_code >= 500:
                    fallos.append((pedido[:80], respuesta.status_code))
    assert not fallos, fallos


def test_un_parametro_enorme_se_rechaza_con_un_mensaje(client, sesion):
    for ruta in (f'/casos/?area={ENORMES[1]}', f'/admin/areas/?page={ENORMES[0]}'):
        pantalla = client.get(ruta)
        assert pantalla.status_code in (200, 400), ruta  # PostgreSQL compares them fine
        if pantalla.status_code == 400:
            assert 'demasiado grande' in pantalla.get_data(as_text=True)
    api = client.get(f'/api/v1/casos?area={ENORMES[0]}', headers=sesion)
    assert api.status_code == 422
    assert 'area' in api.get_json()['errores']
    # An id in the URL beyond the ids' range is simply not found.
    assert client.get(f'/casos/2026-000001/documentos/{ENORMES[1]}').status_code == 404


def test_un_texto_de_busqueda_numerico_normal_sigue_funcionando(client, sesion):
    assert client.get('/casos/?q=45781236').status_code == 200
