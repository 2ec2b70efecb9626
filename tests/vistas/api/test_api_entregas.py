"""Issue 16 over JSON: deliveries recorded by an agent (an acknowledgment by phone, the
answer delivered by letter) through the same service as the case page."""
import datetime

from tests.apoyo.api import actuar, huella, registrar, transicion

pytest_plugins = ('tests.apoyo.fixtures_api',)


def _ahora():
    return datetime.datetime.now(datetime.timezone.utc).isoformat()


def test_la_carta_entregada_notifica_la_respuesta(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    api = api_como(gente.agente)
    transicion(api, caso, 'tomar')
    # Before the answer exists there is nothing to notify: refused, nothing written.
    antes = huella()
    pronto = actuar(api, caso, 'entregas', tipo='notificacion', medio='carta',
                    instante=_ahora())
    assert pronto.status_code == 422 and 'instante' in pronto.get_json()['errores']
    assert huella() == antes
    assert transicion(api, caso, 'terminar', respuesta='Listo.',
                      resultado='fundado').status_code == 200
    hecho = actuar(api, caso, 'entregas', tipo='notificacion', medio='carta',
                   instante=_ahora(), nota='Guía 12345; recibió el titular.')
    assert hecho.status_code == 200, hecho.get_json()
    cuerpo = hecho.get_json()
    assert cuerpo['notificado_medio'] == 'carta' and cuerpo['notificado_en']


def test_entregas_malas_y_roles(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    antes = huella()
    por_correo = actuar(api_como(gente.agente), caso, 'entregas', tipo='primera_respuesta',
                        medio='correo', instante=_ahora())
    assert por_correo.status_code == 422 and 'medio' in por_correo.get_json()['errores']
    sin_fecha = actuar(api_como(gente.agente), caso, 'entregas', tipo='primera_respuesta',
                       medio='telefono', instante='ayer')
    assert sin_fecha.status_code == 422 and 'instante' in sin_fecha.get_json()['errores']
    gerente = actuar(api_como(gente.gerente), caso, 'entregas', tipo='primera_respuesta',
                     medio='telefono', instante=_ahora())
    assert gerente.status_code == 403
    assert huella() == antes
    ajeno = api_como(gente.agente).post('/casos/2026-999999/entregas', json={
        'tipo': 'primera_respuesta', 'medio': 'telefono', 'instante': _ahora(), 'version': 1})
    assert ajeno.status_code == 404
    hecho = actuar(api_como(gente.agente), caso, 'entregas', tipo='primera_respuesta',
                   medio='telefono', instante=_ahora())
    assert hecho.status_code == 200, hecho.get_json()
