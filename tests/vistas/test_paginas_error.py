"""Error pages a person reads: Spanish, with a way back, never Werkzeug's English page; the
API keeps answering JSON; a case out of scope reads exactly like a missing one."""
import pytest

from catalogos.organizacion import Area
from tests.apoyo.casos import crear_caso

pytestmark = pytest.mark.usefixtures('config_demo')
pytest_plugins = ('tests.apoyo.fixtures_api', 'tests.apoyo.personas')
INGLES = ('Not Found', 'Forbidden', 'Method Not Allowed', 'Bad Request', 'requested URL')


def _sin_ingles(respuesta):
    html = respuesta.get_data(as_text=True)
    assert respuesta.mimetype == 'text/html' and '<html lang="es">' in html
    assert not [palabra for palabra in INGLES if palabra in html], html
    return html


def test_sin_sesion_una_direccion_que_no_existe_lleva_al_portal(client):
    respuesta = client.get('/no-existe')
    assert respuesta.status_code == 404
    html = _sin_ingles(respuesta)
    assert 'La página no existe o no tiene acceso a ella.' in html
    assert 'href="/portal/seguimiento"' in html and 'href="/login"' in html
    assert 'Bandeja' not in html  # a stranger is not shown staff links


def test_un_caso_ajeno_se_lee_igual_que_uno_que_no_existe(client, auth, personas,
                                                         crear_usuario):
    caso = crear_caso(personas['admin'], motivo='SIN_SERVICIO')
    extrano = crear_usuario('agente', area=Area.get(Area.codigo == 'SOPORTE_TECNICO'))
    auth.login(extrano.email)
    ajeno, inexistente = client.get(f'/casos/{caso.numero}'), client.get('/casos/2099-999999')
    assert ajeno.status_code == inexistente.status_code == 404
    assert _sin_ingles(ajeno) == _sin_ingles(inexistente)
    assert 'Volver al inicio' in ajeno.get_data(as_text=True)


def test_sin_el_rol_la_pagina_dice_que_falta_permiso(client, auth, personas):
    auth.login(personas['agente'].email)
    respuesta = client.get('/admin/usuarios/')
    assert respuesta.status_code == 403
    assert 'Su usuario no tiene permiso para esta página.' in _sin_ingles(respuesta)


def test_metodo_no_admitido_conserva_allow_y_nul_da_su_propio_mensaje(client):
    respuesta = client.delete('/login')
    assert respuesta.status_code == 405 and 'GET' in respuesta.headers['Allow']
    assert 'Esta dirección no admite esa operación.' in _sin_ingles(respuesta)
    nul = client.get('/portal/seguimiento?numero=a%00b')
    assert nul.status_code == 400
    assert 'El texto enviado contiene caracteres no válidos (NUL).' in _sin_ingles(nul)


def test_la_api_sigue_respondiendo_json(client):
    respuesta = client.get('/api/v1/no-existe')
    assert respuesta.status_code == 404 and respuesta.get_json()['errores'] == {
        'url': 'No existe esa dirección en la API; vea /api/v1/openapi.json.'}


def test_un_error_no_previsto_da_la_pagina_y_queda_en_el_registro(app, caplog):
    app.config.update(TESTING=False, PROPAGATE_EXCEPTIONS=False)

    @app.route('/prueba-revienta')
    def _revienta():
        raise RuntimeError('falla de prueba')

    respuesta = app.test_client().get('/prueba-revienta')
    assert respuesta.status_code == 500
    assert 'Ocurrió un error que no esperábamos; quedó registrado.' in _sin_ingles(respuesta)
    assert 'falla de prueba' not in respuesta.get_data(as_text=True)
    assert any('falla de prueba' in str(r.exc_info[1]) for r in caplog.records if r.exc_info)
