"""Hostile input to every write endpoint: each one is a JSON 4xx naming the problem, never a
500, and nothing is saved."""
import json

import pytest

from reclamos.caso.modelo import Reclamo
from tests.apoyo.api import PREFIJO, huella, registro_valido

pytest_plugins = ('tests.apoyo.fixtures_api',)

RUTAS = ('/casos', '/casos/{n}/transiciones', '/casos/{n}/derivaciones',
         '/casos/{n}/comentarios', '/casos/{n}/calificacion', '/token')

# (what it is, raw body, content type, field named in the answer)
CUERPOS_MALOS = [
    ('texto plano', 'hola', 'text/plain', 'Content-Type'),
    ('formulario', 'a=1&b=2', 'application/x-www-form-urlencoded', 'Content-Type'),
    ('sin tipo', '{}', None, 'Content-Type'),
    ('otro charset', '{}', 'application/json; charset=latin-1', 'Content-Type'),
    ('vacío', '', 'application/json', 'cuerpo'),
    ('espacios', '  \n ', 'application/json', 'cuerpo'),
    ('JSON roto', '{"motivo": ', 'application/json', 'cuerpo'),
    ('comillas simples', "{'motivo': 'x'}", 'application/json', 'cuerpo'),
    ('lista', '[{"motivo": "SIN_SERVICIO"}]', 'application/json', 'cuerpo'),
    ('texto JSON', '"hola"', 'application/json', 'cuerpo'),
    ('null', 'null', 'application/json', 'cuerpo'),
    ('número', '42', 'application/json', 'cuerpo'),
    ('booleano', 'true', 'application/json', 'cuerpo'),
    ('UTF-8 inválido', b'{"texto": "\xff\xfe"}', 'application/json', 'cuerpo'),
    ('BOM', '\ufeff{}'.encode('utf-8'), 'application/json', 'cuerpo'),
    ('anidado sin fin', '[' * 100_000 + ']' * 100_000, 'application/json', 'cuerpo'),
    ('objetos anidados', '{"a":' * 50_000 + '1' + '}' * 50_000, 'application/json', 'cuerpo'),
    ('NaN', '{"version": NaN}', 'application/json', 'cuerpo'),
    ('Infinity', '{"version": Infinity}', 'application/json', 'cuerpo'),
    ('número enorme', '{"version": 1e999}', 'application/json', 'cuerpo'),
    ('entero de 5000 cifras', '{"version": ' + '7' * 5000 + '}', 'application/json', 'cuerpo'),
    ('clave con NUL', '{"\\u0000": 1}', 'application/json', 'cuerpo'),
    ('clave enorme', json.dumps({'x' * 500: 1}), 'application/json', 'cuerpo'),
    ('clave sustituta', '{"\\ud800": 1}', 'application/json', 'cuerpo'),
]


@pytest.fixture
def caso(api_como, gente):
    """A case of MONITOREO, and the MONITOREO agent's client (who may act on it)."""
    respuesta = api_como(gente.registrador).post('/casos', json=registro_valido())
    assert respuesta.status_code == 201
    return respuesta.get_json()['numero'], api_como(gente.agente)


def _enviar(api, ruta, cuerpo, tipo):
    cabeceras = {'Authentication-Token': api.token}
    if tipo:
        cabeceras['Content-Type'] = tipo
    return api.client.post(PREFIJO + ruta, data=cuerpo, headers=cabeceras)


def _fallo_json(respuesta, estado, campo=None):
    """None when ``respuesta`` is the expected JSON error naming ``campo``; else what is off."""
    if respuesta.status_code != estado or respuesta.mimetype != 'application/json':
        return f'{respuesta.status_code} {respuesta.mimetype}: {respuesta.get_data()[:200]!r}'
    cuerpo = respuesta.get_json()
    if not (isinstance(cuerpo.get('errores'), dict) and cuerpo['errores'] and cuerpo['mensaje']):
        return f'cuerpo sin errores: {cuerpo}'
    if campo and campo not in cuerpo['errores']:
        return f'no nombra «{campo}»: {cuerpo["errores"]}'
    if len(respuesta.get_data()) > 20_000:
        return 'la respuesta repite el valor rechazado'
    return None


def _es_error_json(respuesta, estado, campo=None):
    fallo = _fallo_json(respuesta, estado, campo)
    assert fallo is None, fallo
    return respuesta.get_json()


@pytest.mark.parametrize('ruta', RUTAS)
def test_cuerpos_malos(caso, ruta):
    """Every malformed body on every write route (one case, every body checked)."""
    numero, api = caso
    antes = huella()
    fallos = []
    for nombre, cuerpo, tipo, campo in CUERPOS_MALOS:
        respuesta = _enviar(api, ruta.format(n=numero), cuerpo, tipo)
        estado = 422 if nombre.startswith('clave') else 400
        fallo = _fallo_json(respuesta, estado, campo)
        if fallo:
            fallos.append((nombre, fallo))
    assert not fallos, fallos
    assert huella() == antes


REGISTROS_MALOS = [
    ({'descripcion': 'x' * 1_000_000}, 'descripcion'),
    ({'descripcion': 'x' * 10_001}, 'descripcion'),
    ({'descripcion': 5}, 'descripcion'),
    ({'descripcion': ['a']}, 'descripcion'),
    ({'descripcion': 'texto con \x00 nulo'}, 'descripcion'),
    ({'descripcion': 'sustituto \ud83d suelto'}, 'descripcion'),
    ({'motivo': None}, 'motivo'),
    ({'motivo': []}, 'motivo'),
    ({'motivo': {'codigo': 'SIN_SERVICIO'}}, 'motivo'),
    ({'motivo': 1.5}, 'motivo'),
    ({'motivo': True}, 'motivo'),
    ({'motivo': 2 ** 63}, 'motivo'),
    ({'motivo': -1}, 'motivo'),
    ({'motivo': 'M' * 41}, 'motivo'),
    ({'canal': 'x' * 100_000}, 'canal'),
    ({'campos': 'codigo_abonado=1'}, 'campos'),
    ({'campos': ['AB-1']}, 'campos'),
    ({'campos': {'codigo_abonado': 'x' * 3000}}, 'campos.codigo_abonado'),
    ({'campos': {'codigo_abonado': {'a': 1}}}, 'campos.codigo_abonado'),
    ({'campos': {f'c{i}': 1 for i in range(101)}}, 'campos'),
    ({'cliente': 'Rosa'}, 'cliente'),
    ({'cliente': [1]}, 'cliente'),
    ({'cliente': 0}, 'cliente'),
    ({'cliente': 99999}, 'cliente'),
    ({'cliente': {'tipo_documento_identidad': 'DNI', 'numero_documento': '45781236',
                  'nombre': 'Rosa', 'email': 'r' * 300 + '@correo.pe'}}, 'cliente.email'),
    ({'cliente': {'tipo_documento_identidad': 'DNI', 'numero_documento': 45781236,
                  'nombre': 'Rosa'}}, 'cliente.numero_documento'),
    ({'cliente': {'tipo_documento_identidad': 'DNI', 'numero_documento': '45781236',
                  'nombre': None}}, 'cliente.nombre'),
    ({'cliente': {'tipo_documento_identidad': 'DNI', 'numero_documento': '45781236',
                  'nombre': 'Rosa', 'edad': 40}}, 'cliente.edad'),
    ({'recibido_en': 1700000000}, 'recibido_en'),
    ({'recibido_en': '2026-13-45T99:00:00Z'}, 'recibido_en'),
    ({'recibido_en': 'x' * 1000}, 'recibido_en'),
    ({'origen': 5}, 'origen'),
    ({'tipo': 'QUEJA'}, 'tipo'),
    ({'documento_numero': 123}, 'documento_numero'),
]


def test_registro_con_tipos_equivocados(api_como, gente):
    api = api_como(gente.registrador)
    antes = huella()
    fallos = [(cambios, campo, fallo) for cambios, campo in REGISTROS_MALOS
              if (fallo := _fallo_json(api.post('/casos', json=registro_valido(**cambios)),
                                       422, campo))]
    assert not fallos, fallos
    assert huella() == antes


ACCIONES_MALAS = [
    ('transiciones', {'accion': 5, 'version': 1}, 'accion'),
    ('transiciones', {'accion': None, 'version': 1}, 'accion'),
    ('transiciones', {'accion': 'TOMAR', 'version': 1}, 'accion'),
    ('transiciones', {'version': 1}, 'accion'),
    ('transiciones', {'accion': 'tomar', 'version': 'abc'}, 'version'),
    ('transiciones', {'accion': 'tomar', 'version': 1.0}, 'version'),
    ('transiciones', {'accion': 'terminar', 'version': 1, 'respuesta': 'x' * 10 ** 6},
     'respuesta'),
    ('transiciones', {'accion': 'suspender', 'version': 1, 'motivo': ['x']}, 'motivo'),
    ('transiciones', {'accion': 'suspender', 'version': 1, 'motivo': 'a\x00b'}, 'motivo'),
    ('transiciones', {'accion': 'tomar', 'version': 1, 'quien': 'yo'}, 'quien'),
    ('transiciones', {'accion': 'cerrar', 'version': 1, 'sin_contacto': 'sí'}, 'sin_contacto'),
    ('transiciones', {'accion': 'anular', 'version': 1, 'motivo': 'x',
                      'duplicado_de': 'y' * 100}, 'duplicado_de'),
    ('derivaciones', {'area': None, 'motivo': 'x', 'version': 1}, 'area'),
    ('derivaciones', {'area': ['VENTAS'], 'motivo': 'x', 'version': 1}, 'area'),
    ('derivaciones', {'area': 10 ** 12, 'motivo': 'x', 'version': 1}, 'area'),
    ('derivaciones', {'area': 'VENTAS', 'motivo': 7, 'version': 1}, 'motivo'),
    ('derivaciones', {'area': 'VENTAS', 'motivo': 'x'}, 'version'),
    ('comentarios', {}, 'texto'),
    ('comentarios', {'texto': None}, 'texto'),
    ('comentarios', {'texto': 42}, 'texto'),
    ('comentarios', {'texto': '   '}, 'texto'),
    ('comentarios', {'texto': 'x' * 5001}, 'texto'),
    ('comentarios', {'texto': 'hola', 'visible_cliente': 'sí'}, 'visible_cliente'),
    ('comentarios', {'texto': 'hola', 'version': 1}, 'version'),
    ('calificacion', {'calificacion': 5}, 'version'),
    ('calificacion', {'calificacion': '5', 'version': 1}, 'calificacion'),
    ('calificacion', {'calificacion': 2 ** 70, 'version': 1}, 'calificacion'),
    ('calificacion', {'calificacion': 5, 'version': 1, 'nota': {'x': 1}}, 'nota'),
]


def test_acciones_con_datos_malos(caso):
    numero, api = caso
    antes = huella()
    version = Reclamo.get(Reclamo.numero == numero).version
    fallos = [(ruta, datos, campo, fallo) for ruta, datos, campo in ACCIONES_MALAS
              if (fallo := _fallo_json(api.post(f'/casos/{numero}/{ruta}', json=datos),
                                       422, campo))]
    assert not fallos, fallos
    assert huella() == antes
    assert Reclamo.get(Reclamo.numero == numero).version == version


@pytest.mark.parametrize('datos, campo', [
    ({}, 'email'), ({'email': 'a@b.pe'}, 'password'), ({'email': 5, 'password': 'x'}, 'email'),
    ({'email': None, 'password': None}, 'email'), ({'email': 'a' * 10_000, 'password': 'x'},
                                                   'email'),
    ({'email': 'a@b.pe', 'password': 'x' * 2000}, 'password'),
    ({'email': 'a@b.pe', 'password': 'x', 'recordar': True}, 'recordar'),
])
def test_token_con_datos_malos(client, datos, campo):
    respuesta = client.post(PREFIJO + '/token', json=datos)
    _es_error_json(respuesta, 422, campo)


def test_unicode_se_guarda_tal_cual(api_como, gente):
    api = api_como(gente.registrador)
    texto = 'Señal caída 📶 — «urgente» ‏العربية‎ e\u0301 ñ 中文 😀'
    respuesta = api.post('/casos', json=registro_valido(
        descripcion=texto, campos={'codigo_abonado': 'ÁB-Ñ1'},
        cliente={'tipo_documento_identidad': 'DNI', 'numero_documento': '45781236',
                 'nombre': 'José Ñandú Pérez'}))
    assert respuesta.status_code == 201, respuesta.get_json()
    caso = api.get(f'/casos/{respuesta.get_json()["numero"]}').get_json()
    assert caso['descripcion'] == texto
    assert caso['campos'] == {'codigo_abonado': 'ÁB-Ñ1'}
    assert caso['cliente']['nombre'] == 'José Ñandú Pérez'
    crudo = api.client.post(PREFIJO + '/casos', data=json.dumps(
        registro_valido(descripcion=texto), ensure_ascii=True),
        headers={'Authentication-Token': api.token, 'Content-Type': 'application/json'})
    assert crudo.status_code == 201 and crudo.get_json()['descripcion'] == texto


def test_cuerpo_demasiado_grande(app, caso):
    numero, api = caso
    app.config['MAX_CONTENT_LENGTH'] = 1000
    respuesta = api.post(f'/casos/{numero}/comentarios', json={'texto': 'x' * 5000})
    _es_error_json(respuesta, 413, 'cuerpo')


def test_rutas_y_metodos_desconocidos_en_json(client, caso):
    numero, api = caso
    respuesta = api.get('/no-existe')
    _es_error_json(respuesta, 404, 'url')
    respuesta = client.get(PREFIJO)
    _es_error_json(respuesta, 404, 'url')
    respuesta = api.get('/token')
    _es_error_json(respuesta, 405, 'metodo')
    assert 'POST' in respuesta.headers['Allow']
    respuesta = api.post('/catalogos', json={})
    _es_error_json(respuesta, 405, 'metodo')
    respuesta = api.client.delete(f'{PREFIJO}/casos/{numero}',
                                  headers={'Authentication-Token': api.token})
    _es_error_json(respuesta, 405, 'metodo')
    # Outside the API, Flask's own pages are untouched.
    assert client.get('/no-existe').mimetype == 'text/html'
    assert client.get('/apiv1').status_code == 404
