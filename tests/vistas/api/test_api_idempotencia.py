"""Issue 15, item 11: ``Idempotency-Key`` on POST /api/v1/casos. A retry after a lost reply
gets the same case; the same key with another body is refused; the key lives in the
database (written in the case's transaction), so every app server honours it."""
import threading

from reclamos.caso.modelo import Reclamo
from tests.apoyo.api import huella, registro_valido

pytest_plugins = ('tests.apoyo.fixtures_api',)
CLAVE = {'Idempotency-Key': '6f1c2a9e-reintento-1'}


def test_reintento_con_la_misma_clave_da_el_mismo_caso(api_como, gente):
    api = api_como(gente.agente)
    primero = api.post('/casos', json=registro_valido(), headers=CLAVE)
    assert primero.status_code == 201
    antes = huella()
    otra_vez = api.post('/casos', json=registro_valido(), headers=CLAVE)
    assert otra_vez.status_code == 200
    assert otra_vez.get_json()['numero'] == primero.get_json()['numero']
    assert otra_vez.headers['Location'] == primero.headers['Location']
    assert huella() == antes


def test_la_misma_clave_con_otro_cuerpo_se_rechaza(api_como, gente):
    api = api_como(gente.agente)
    assert api.post('/casos', json=registro_valido(), headers=CLAVE).status_code == 201
    antes = huella()
    otro = api.post('/casos', json=registro_valido(descripcion='Otra cosa distinta del todo.'),
                    headers=CLAVE)
    assert otro.status_code == 422 and 'Idempotency-Key' in otro.get_json()['errores']
    assert huella() == antes


def test_la_clave_es_de_cada_usuario_y_sin_clave_todo_crea(api_como, gente):
    uno, otro = api_como(gente.agente), api_como(gente.supervisor)
    assert uno.post('/casos', json=registro_valido(), headers=CLAVE).status_code == 201
    assert otro.post('/casos', json=registro_valido(), headers=CLAVE).status_code == 201
    assert uno.post('/casos', json=registro_valido()).status_code == 201
    assert Reclamo.select().count() == 3
    malo = uno.post('/casos', json=registro_valido(), headers={'Idempotency-Key': 'á' * 3})
    assert malo.status_code == 422 and 'Idempotency-Key' in malo.get_json()['errores']


def test_dos_reintentos_a_la_vez_crean_un_solo_caso(app, api_como, gente):
    token = api_como(gente.agente).token
    respuestas = []

    def enviar():
        with app.test_client() as cliente:
            respuestas.append(cliente.post('/api/v1/casos', json=registro_valido(), headers={
                **CLAVE, 'Authentication-Token': token}))

    hilos = [threading.Thread(target=enviar) for _ in range(3)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()
    assert sorted(r.status_code for r in respuestas) == [200, 200, 201]
    assert len({r.get_json()['numero'] for r in respuestas}) == 1
    assert Reclamo.select().count() == 1
