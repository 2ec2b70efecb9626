"""Issue 17 over JSON: the outcome when resolving, reclassification, the claim decision."""
from tests.apoyo.api import actuar, huella, registrar, transicion

pytest_plugins = ('tests.apoyo.fixtures_api',)


def test_resolver_con_resultado_y_verlo(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    api = api_como(gente.agente)
    transicion(api, caso, 'tomar')
    falta = transicion(api, caso, 'terminar', respuesta='Listo.')
    assert falta.status_code == 422 and 'resultado' in falta.get_json()['errores']
    hecho = transicion(api, caso, 'terminar', respuesta='Listo.', resultado='OSIPTEL_INFUNDADO')
    assert hecho.status_code == 200, hecho.get_json()
    assert hecho.get_json()['resultado'] == {'codigo': 'OSIPTEL_INFUNDADO',
                                             'nombre': 'Infundado', 'sentido': 'infundado'}


def test_reclasificar(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    antes = huella()
    sin_razon = actuar(api_como(gente.agente), caso, 'reclasificacion',
                       motivo='FACTURACION_INTERNET')
    assert sin_razon.status_code == 422 and 'justificacion' in sin_razon.get_json()['errores']
    otra_area = actuar(api_como(gente.gerente), caso, 'reclasificacion',
                       motivo='FACTURACION_INTERNET', justificacion='x')
    assert otra_area.status_code == 403
    assert huella() == antes
    hecho = actuar(api_como(gente.agente), caso, 'reclasificacion',
                   motivo='FACTURACION_INTERNET', justificacion='Es un cobro, no una falla.')
    assert hecho.status_code == 200, hecho.get_json()
    cuerpo = hecho.get_json()
    assert (cuerpo['motivo']['codigo'], cuerpo['reclasificaciones']) == (
        'FACTURACION_INTERNET', 1)
    legal = next(t for t in cuerpo['terminos'] if t['tipo'] == 'legal')
    assert legal['codigo'] == 'OSIPTEL_20'
    ultima = cuerpo['linea_de_tiempo'][0]
    assert (ultima['tipo'], ultima['texto']) == ('reclasificacion', 'Es un cobro, no una falla.')


def test_decision_solo_supervisor(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    respuesta = actuar(api_como(gente.agente), caso, 'decision', decision='APROBADO')
    assert respuesta.status_code == 403
    respuesta = actuar(api_como(gente.supervisor), caso, 'decision', decision='APROBADO')
    assert respuesta.status_code == 422 and 'lineas' in respuesta.get_json()['errores']
