"""What the JSON API refuses: bad input gets a 4xx naming the field and saves nothing;
an old version gets 409 with what changed; the roles of the screens hold."""
from tests.apoyo.api import actuar, huella, registrar, registro_valido, transicion

pytest_plugins = ('tests.apoyo.fixtures_api',)


# -- refusals: a JSON 4xx naming the field, and nothing saved -----------------------------
# (changes to a valid case, field named, words of its message)
REGISTROS_INVALIDOS = [
    ({'motivo': 'NO_EXISTE'}, 'motivo', 'NO_EXISTE'),
    ({'canal': 'PALOMA'}, 'canal', 'PALOMA'),
    ({'canal': 999999}, 'canal', '999999'),
    ({'prioridad': 'URGENTISIMO'}, 'prioridad', 'URGENTISIMO'),
    ({'producto': 'AGUA_DOMESTICA'}, 'producto', 'otro producto'),
    ({'motivo': 'FACTURACION_INTERNET', 'campos': ..., 'producto': 'AGUA_DOMESTICA'},
     'producto', 'no pertenece'),
    ({'servicio': 'AGUA'}, 'motivo', 'no corresponde'),
    ({'campos': {'codigo_abonado': None}}, 'campos.codigo_abonado', 'obligatorio'),
    ({'campos': {}}, 'campos.codigo_abonado', 'obligatorio'),
    ({'campos': {'codigo_abonado': 'AB-1', 'inventado': 'x'}}, 'campos', 'inventado'),
    ({'recibido_en': '2099-01-01T00:00:00+00:00'}, 'recibido_en', 'futuro'),
    ({'recibido_en': '2026-03-02T10:00:00'}, 'recibido_en', 'zona'),
    ({'recibido_en': 'ayer'}, 'recibido_en', 'inválida'),
    ({'descripcion': ''}, 'descripcion', 'obligatoria'),
    ({'descripcion': '   \n '}, 'descripcion', 'obligatoria'),
    ({'descripcion': None}, 'descripcion', 'obligatorio'),
    ({'cliente': ...}, 'cliente', 'cliente'),
    ({'cliente': {'tipo_documento_identidad': 'DNI', 'numero_documento': '123',
                  'nombre': 'X'}}, 'cliente.numero_documento', 'DNI'),
    ({'origen': 'marciano'}, 'origen', 'externo'),
    ({'tipo': 'queja', 'inventado': 1}, 'inventado', 'desconocido'),
]


def test_registro_invalido(api_como, gente):
    api = api_como(gente.registrador)
    antes = huella()
    fallos = []
    for cambios, campo, texto in REGISTROS_INVALIDOS:
        respuesta = api.post('/casos', json=registro_valido(**cambios))
        cuerpo = respuesta.get_json()
        if respuesta.status_code != 422 or campo not in cuerpo['errores'] \
                or texto.lower() not in cuerpo['errores'][campo].lower() \
                or not cuerpo['mensaje']:
            fallos.append((cambios, respuesta.status_code, cuerpo))
    assert not fallos, fallos
    assert huella() == antes


def test_campo_personalizado_de_tipo_equivocado(api_como, gente):
    """LENTITUD's velocidad_medida is a number."""
    api = api_como(gente.registrador)
    antes = huella()
    respuesta = api.post('/casos', json=registro_valido(
        motivo='LENTITUD', campos={'velocidad_medida': 'rapidísimo'}))
    assert respuesta.status_code == 422
    assert 'no es un número' in respuesta.get_json()['errores']['campos.velocidad_medida']
    respuesta = api.post('/casos', json=registro_valido(
        motivo='LENTITUD', campos={'velocidad_medida': [35]}))
    assert respuesta.status_code == 422
    assert 'campos.velocidad_medida' in respuesta.get_json()['errores']
    assert huella() == antes
    assert registrar(api, motivo='LENTITUD', campos={'velocidad_medida': '35,5'})[
        'campos'] == {'velocidad_medida': 35.5}


CALIFICACIONES_INVALIDAS = [
    ({'calificacion': 0}, 'calificacion'), ({'calificacion': 6}, 'calificacion'),
    ({'calificacion': 'cinco'}, 'calificacion'), ({'calificacion': True}, 'calificacion'),
    ({'calificacion': 4.5}, 'calificacion'), ({}, 'calificacion'),
    ({'sin_contacto': True}, 'nota'), ({'sin_contacto': True, 'calificacion': 3,
                                        'nota': 'x'}, 'calificacion'),
]


def test_calificacion_invalida(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    api = api_como(gente.agente)
    transicion(api, caso, 'tomar')
    transicion(api, caso, 'terminar', respuesta='Listo.')
    antes = huella()
    fallos = []
    for datos, campo in CALIFICACIONES_INVALIDAS:
        respuesta = actuar(api, caso, 'calificacion', **datos)
        if respuesta.status_code != 422 or campo not in respuesta.get_json()['errores']:
            fallos.append((datos, respuesta.status_code, respuesta.get_json()))
    assert not fallos, fallos
    assert huella() == antes
    assert api.get(f'/casos/{caso["numero"]}').get_json()['estado'] == 'TERMINADO'


def test_transicion_no_permitida_desde_el_estado(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    api = api_como(gente.agente)
    antes = huella()
    for accion, datos in (('terminar', {'respuesta': 'x'}), ('reanudar', {}),
                          ('cerrar', {'calificacion': 5})):
        respuesta = transicion(api, caso, accion, **datos)
        assert respuesta.status_code == 422, respuesta.get_json()
        assert 'Pendiente' in respuesta.get_json()['errores']['estado']
    respuesta = actuar(api, caso, 'calificacion', calificacion=5)
    assert respuesta.status_code == 422 and 'estado' in respuesta.get_json()['errores']
    respuesta = transicion(api, caso, 'tomar', respuesta='no corresponde')
    assert respuesta.status_code == 422 and 'respuesta' in respuesta.get_json()['errores']
    respuesta = transicion(api, caso, 'explotar')
    assert respuesta.status_code == 422 and 'accion' in respuesta.get_json()['errores']
    assert huella() == antes


def test_version_vieja_da_409_con_los_cambios(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    api = api_como(gente.agente)
    leida = caso['version']
    assert transicion(api, caso, 'tomar').status_code == 200
    antes = huella()
    respuesta = api.post(f'/casos/{caso["numero"]}/transiciones',
                         json={'accion': 'suspender', 'version': leida, 'motivo': 'tarde'})
    assert respuesta.status_code == 409
    cuerpo = respuesta.get_json()
    assert 'version' in cuerpo['errores'] and cuerpo['version_leida'] == leida
    assert cuerpo['version_actual'] > leida
    assert any(c['campo'] == 'estado' and c['nuevo'] == 'EN_CURSO' for c in cuerpo['cambios'])
    assert all(c['instante'].endswith('+00:00') for c in cuerpo['cambios'])
    assert huella() == antes
    for ruta, datos in (('derivaciones', {'area': 'VENTAS', 'motivo': 'x'}),
                        ('calificacion', {'calificacion': 5})):
        respuesta = api.post(f'/casos/{caso["numero"]}/{ruta}', json={'version': leida, **datos})
        assert respuesta.status_code == 409, respuesta.get_json()


def test_version_obligatoria(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    api = api_como(gente.agente)
    for version in (None, '1', 0, -3, 2 ** 40, True):
        respuesta = api.post(f'/casos/{caso["numero"]}/transiciones',
                             json={'accion': 'tomar', 'version': version})
        assert respuesta.status_code == 422, (version, respuesta.get_json())
        assert 'version' in respuesta.get_json()['errores']


# -- roles ----------------------------------------------------------------------------
def test_gerente_ve_pero_no_actua(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    api = api_como(gente.gerente)
    leido = api.get(f'/casos/{caso["numero"]}')
    assert leido.status_code == 200 and leido.get_json()['acciones_permitidas'] == []
    antes = huella()
    respuesta = transicion(api, caso, 'tomar')
    assert respuesta.status_code == 403
    assert 'gerente' in respuesta.get_json()['errores']['permiso']
    assert actuar(api, caso, 'derivaciones', area='VENTAS', motivo='x').status_code == 403
    assert api.post(f'/casos/{caso["numero"]}/comentarios',
                    json={'texto': 'hola'}).status_code == 403
    respuesta = api.post('/casos', json=registro_valido())
    assert respuesta.status_code == 403 and 'registrar' in respuesta.get_json()['mensaje']
    assert huella() == antes


def test_agente_de_otra_area_recibe_404(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    api = api_como(gente.ventas)
    antes = huella()
    numero = caso['numero']
    assert api.get(f'/casos/{numero}').status_code == 404
    for ruta, datos in (('transiciones', {'accion': 'tomar', 'version': 1}),
                        ('derivaciones', {'area': 'VENTAS', 'motivo': 'x', 'version': 1}),
                        ('comentarios', {'texto': 'hola'}),
                        ('calificacion', {'calificacion': 5, 'version': 1})):
        respuesta = api.post(f'/casos/{numero}/{ruta}', json=datos)
        assert respuesta.status_code == 404, ruta
        assert respuesta.get_json()['errores']['numero'] == \
            f'No existe el caso «{numero}» o no tiene acceso a él.'
    inexistente = api.get('/casos/2099-999999')
    assert inexistente.status_code == 404
    assert inexistente.get_json()['errores']['numero'].startswith('No existe el caso')
    assert api.get('/casos/%00x').status_code == 404
    assert api.get('/casos/' + 'x' * 5000).status_code == 404
    todos = api.get('/casos?vista=todos').get_json()['casos']
    assert numero not in {c['numero'] for c in todos}
    assert huella() == antes


def test_quien_registro_el_caso_lo_sigue_viendo(api_como, gente):
    api = api_como(gente.registrador)
    caso = registrar(api)
    assert api.get(f'/casos/{caso["numero"]}').status_code == 200
    assert caso['numero'] in {c['numero'] for c in
                              api.get('/casos?vista=todos').get_json()['casos']}
