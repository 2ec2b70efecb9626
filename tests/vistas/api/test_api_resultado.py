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


def test_reclasificar_el_cliente_lo_busca_y_nunca_lo_crea(api_como, gente):
    """The API's customer object names a stored customer, as the case page's form does: an
    unknown one is refused (the desk registers it in Clientes first), nothing is written."""
    from reclamos.clientes.modelo import Cliente

    caso = registrar(api_como(gente.registrador))
    otro = registrar(api_como(gente.registrador), cliente={
        'tipo_documento_identidad': 'DNI', 'numero_documento': '41234567', 'nombre': 'Luis'})
    api = api_como(gente.agente)
    antes = huella()
    desconocido = actuar(api, caso, 'reclasificacion', justificacion='Era otro titular.',
                         cliente={'tipo_documento_identidad': 'DNI',
                                  'numero_documento': '40000001', 'nombre': 'Nadie'})
    assert desconocido.status_code == 422
    assert 'No hay ningún cliente con DNI 40000001' in desconocido.get_json()['errores'][
        'cliente']
    assert huella() == antes
    for vacio in ({}, {'numero_documento': 41234567}):
        respuesta = actuar(api, caso, 'reclasificacion', justificacion='Era otro titular.',
                           cliente=vacio)
        assert respuesta.status_code == 422 and 'cliente' in respuesta.get_json()['errores']
    assert huella() == antes
    hecho = actuar(api, caso, 'reclasificacion', justificacion='Era otro titular.',
                   cliente={'tipo_documento_identidad': 'dni', 'numero_documento': '41.234.567'})
    assert hecho.status_code == 200, hecho.get_json()
    assert Cliente.get(Cliente.numero_documento == '41234567').id == \
        Cliente.get(Cliente.numero_documento == otro['cliente']['numero_documento']).id
    assert hecho.get_json()['cliente']['numero_documento'] == '41234567'
