"""A small JSON Schema validator for the request bodies of ``vistas.api.esquemas``: only the
keywords those schemas use, with one Spanish message per field path.

Written here rather than taken from ``jsonschema``: the messages must name the field the
way the services do ('cliente.email') and speak Spanish, and the schemas use a handful of
keywords.
"""
import datetime

# -- validator --------------------------------------------------------------------------
_NOMBRES = {'null': 'null', 'boolean': 'un booleano (true/false)', 'integer': 'un número entero',
            'number': 'un número', 'string': 'un texto', 'array': 'una lista',
            'object': 'un objeto'}
CLAVE_MAX = 100


def validar(esquema, valor, ruta=''):
    """{field path: Spanish message} for every place ``valor`` breaks ``esquema``.

    Paths join keys with dots ('cliente.email', 'campos.codigo_abonado'), as the services
    name their fields; the whole body is 'cuerpo'.
    """
    errores = {}
    _validar(esquema, valor, ruta, errores)
    return errores


def _tipo(valor):
    if valor is None:
        return 'null'
    if isinstance(valor, bool):
        return 'boolean'
    if isinstance(valor, int):
        return 'integer'
    if isinstance(valor, float):
        return 'number'
    if isinstance(valor, str):
        return 'string'
    if isinstance(valor, list):
        return 'array'
    return 'object'


def prohibido(texto_):
    """NUL and lone surrogates: valid in JSON, refused by PostgreSQL or by UTF-8."""
    return '\x00' in texto_ or any('\ud800' <= c <= '\udfff' for c in texto_)


def _ruta(ruta, clave):
    return f'{ruta}.{clave}' if ruta else clave


def _validar(esquema, valor, ruta, errores):
    campo = ruta or 'cuerpo'
    tipos = esquema.get('type')
    tipos = [tipos] if isinstance(tipos, str) else list(tipos or ())
    tipo = _tipo(valor)
    if tipos and tipo not in tipos and not (tipo == 'integer' and 'number' in tipos):
        esperado = ' o '.join(_NOMBRES[t] for t in tipos if t != 'null')
        errores[campo] = f'Debe ser {esperado}; se recibió {_NOMBRES[tipo]}.'
        return
    if 'enum' in esquema and (tipo not in ('string', 'null') or valor not in esquema['enum']):
        opciones = ', '.join(str(o) for o in esquema['enum'] if o is not None)
        errores[campo] = f'Valor no admitido. Use uno de: {opciones}.'
        return
    if tipo == 'string':
        _texto(esquema, valor, campo, errores)
    elif tipo in ('integer', 'number'):
        minimo, maximo = esquema.get('minimum'), esquema.get('maximum')
        if (minimo is not None and valor < minimo) or (maximo is not None and valor > maximo):
            errores[campo] = f'Debe estar entre {minimo} y {maximo}.'
    elif tipo == 'object':
        _objeto(esquema, valor, ruta, errores)


def _texto(esquema, valor, campo, errores):
    if prohibido(valor):
        errores[campo] = 'Contiene caracteres no admitidos (nulos o sustitutos sueltos).'
    elif len(valor) > esquema.get('maxLength', len(valor)):
        errores[campo] = (f'Admite como máximo {esquema["maxLength"]} caracteres; se recibieron '
                          f'{len(valor)}.')
    elif esquema.get('format') == 'date-time':
        try:
            instante = datetime.datetime.fromisoformat(valor.strip().replace('Z', '+00:00'))
        except ValueError:
            errores[campo] = (f'Fecha y hora inválida: «{valor}». Use ISO 8601 con zona, p. ej. '
                              '2026-03-02T10:00:00-05:00.')
        else:
            if instante.utcoffset() is None:
                errores[campo] = ('Indique la zona horaria (p. ej. -05:00 o Z): sin ella la hora '
                                  'es ambigua.')


def _objeto(esquema, valor, ruta, errores):
    propiedades = esquema.get('properties', {})
    if len(valor) > esquema.get('maxProperties', len(valor)):
        errores[ruta or 'cuerpo'] = f'Admite como máximo {esquema["maxProperties"]} campos.'
        return
    for clave in esquema.get('required', ()):
        if valor.get(clave) is None:
            errores[_ruta(ruta, clave)] = 'Es obligatorio.'
    adicional = esquema.get('additionalProperties', True)
    for clave, sub in valor.items():
        if len(clave) > CLAVE_MAX or prohibido(clave):
            errores[ruta or 'cuerpo'] = ('Hay un nombre de campo demasiado largo o con '
                                         'caracteres no admitidos.')
            continue
        if clave in propiedades:
            esquema_sub = propiedades[clave]
        elif adicional is False:
            errores[_ruta(ruta, clave)] = 'Campo desconocido.'
            continue
        elif isinstance(adicional, dict):
            esquema_sub = adicional
        else:
            continue
        if _ruta(ruta, clave) not in errores:
            _validar(esquema_sub, sub, _ruta(ruta, clave), errores)
