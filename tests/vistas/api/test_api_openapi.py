"""The OpenAPI document: valid OpenAPI 3.1, public, lists exactly the blueprint's routes with
the token where the route needs one, and real answers match the schemas it describes."""
import re

import pytest
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.apoyo.api import PREFIJO, registro_valido
from vistas.api import esquemas, validador
from vistas.api.openapi import documento

pytest_plugins = ('tests.apoyo.fixtures_api',)
METODOS = {'get', 'post', 'put', 'patch', 'delete'}


def test_documento_valido_y_publico(client):
    respuesta = client.get(PREFIJO + '/openapi.json')
    assert respuesta.status_code == 200 and respuesta.mimetype == 'application/json'
    spec = respuesta.get_json()
    validate(spec)
    assert spec['openapi'].startswith('3.1')
    esquema = spec['components']['securitySchemes']['token']
    assert (esquema['type'], esquema['in'], esquema['name']) == \
        ('apiKey', 'header', 'Authentication-Token')


def _rutas_de_la_app(app):
    rutas = set()
    for regla in app.url_map.iter_rules():
        if regla.endpoint.startswith('api.'):
            ruta = re.sub(r'<(?:[^:>]+:)?([^>]+)>', r'{\1}', regla.rule).removeprefix(PREFIJO)
            for metodo in regla.methods & {m.upper() for m in METODOS}:
                rutas.add((ruta, metodo.lower(), regla.endpoint))
    return rutas


def test_lista_cada_ruta_del_blueprint_y_nada_mas(app):
    spec = documento()
    documentadas = {(ruta, metodo) for ruta, operaciones in spec['paths'].items()
                    for metodo in operaciones if metodo in METODOS}
    reales = _rutas_de_la_app(app)
    assert documentadas == {(ruta, metodo) for ruta, metodo, _ in reales}
    assert spec['servers'] == [{'url': PREFIJO}]


def test_el_token_figura_donde_la_ruta_lo_pide(app):
    spec = documento()
    for ruta, metodo, endpoint in _rutas_de_la_app(app):
        vista = app.view_functions[endpoint]
        operacion = spec['paths'][ruta][metodo]
        seguridad = operacion.get('security', spec['security'])
        assert bool(seguridad) == getattr(vista, 'requiere_token', False), (ruta, metodo)
        if seguridad:
            assert '401' in operacion['responses'], (ruta, metodo)


def test_cada_operacion_describe_parametros_cuerpo_y_respuestas():
    spec = documento()
    ids = set()
    for ruta, operaciones in spec['paths'].items():
        for metodo, operacion in operaciones.items():
            ids.add(operacion['operationId'])
            assert operacion['summary'] and operacion['responses']
            for nombre in re.findall(r'{(\w+)}', ruta):
                assert any(p['name'] == nombre and p['in'] == 'path'
                           for p in operacion.get('parameters', ())), (ruta, nombre)
            if metodo == 'post' and ruta != '/token/revocar':
                contenido = operacion['requestBody']['content']
                # JSON everywhere but the document upload, which is multipart.
                assert (contenido.get('application/json')
                        or contenido['multipart/form-data'])['schema']
                assert {'400', '422'} <= set(operacion['responses']), (ruta, metodo)
    assert len(ids) == sum(len(o) for o in spec['paths'].values())


def test_los_ejemplos_cumplen_sus_esquemas():
    spec = documento()
    for ruta, operaciones in spec['paths'].items():
        for operacion in operaciones.values():
            cuerpo = operacion.get('requestBody')
            if not cuerpo or 'application/json' not in cuerpo['content']:
                continue
            contenido = cuerpo['content']['application/json']
            nombre = contenido['schema']['$ref'].rsplit('/', 1)[1]
            esquema = spec['components']['schemas'][nombre]
            for ejemplo in contenido['examples'].values():
                assert validador.validar(esquema, ejemplo['value']) == {}, (ruta, nombre)
                OAS31Validator(esquema).validate(ejemplo['value'])


def _validador(spec, nombre):
    """A validator of components.schemas[nombre], its $refs resolved inside the document."""
    registro = Registry().with_resource(
        'urn:reclamos-api', Resource.from_contents(spec, default_specification=DRAFT202012))
    return OAS31Validator({'$ref': f'urn:reclamos-api#/components/schemas/{nombre}'},
                          registry=registro)


def test_las_respuestas_reales_cumplen_el_documento(api_como, gente):
    spec = documento()
    registrador, agente = api_como(gente.registrador), api_como(gente.agente)
    creado = registrador.post('/casos', json=registro_valido())
    _validador(spec, 'Caso').validate(creado.get_json())
    numero = creado.get_json()['numero']
    agente.post(f'/casos/{numero}/transiciones', json={'accion': 'tomar', 'version': 1})
    _validador(spec, 'Caso').validate(agente.get(f'/casos/{numero}').get_json())
    _validador(spec, 'Pagina').validate(agente.get('/casos?vista=area').get_json())
    _validador(spec, 'Catalogos').validate(agente.get('/catalogos').get_json())
    _validador(spec, 'Comentario').validate(
        agente.post(f'/casos/{numero}/comentarios', json={'texto': 'hola'}).get_json())
    _validador(spec, 'Conflicto').validate(
        agente.post(f'/casos/{numero}/transiciones',
                    json={'accion': 'suspender', 'version': 1, 'motivo': 'x'}).get_json())
    _validador(spec, 'Error').validate(agente.post('/casos', json={}).get_json())
    token = agente.client.post(PREFIJO + '/token', json={'email': gente.agente.email,
                                                         'password': 'clave-segura-1'})
    _validador(spec, 'Token').validate(token.get_json())


@pytest.mark.parametrize('nombre', ['REGISTRO', 'TRANSICION', 'DERIVACION', 'COMENTARIO',
                                    'CALIFICACION', 'TOKEN'])
def test_los_esquemas_de_entrada_son_json_schema_validos(nombre):
    OAS31Validator.check_schema(getattr(esquemas, nombre))
