"""What every endpoint shares: the JSON error shape, reading a JSON body safely, the caller.

Every error answer is ``{"mensaje": "...", "errores": {"<field>": "<Spanish message>"}}``
(409 adds the changes). Bodies are parsed here rather than by ``request.get_json`` so that
whatever a client sends (not JSON, not UTF-8, NaN, 10 000 nested lists, a list instead of
an object) is a 400 that names the problem, never a 500.
"""
import json
import math

from flask import g, jsonify, request

from vistas.api.validador import validar


class ErrorApi(Exception):
    """An answer other than success: status, {field: message}, optional extra body keys."""

    def __init__(self, estado, errores, mensaje=None, cabeceras=None, **extra):
        self.estado = estado
        self.errores = dict(errores)
        self.mensaje = mensaje or '; '.join(f'{c}: {m}' for c, m in self.errores.items())
        self.cabeceras = cabeceras or {}
        self.extra = extra
        super().__init__(self.mensaje)

    def respuesta(self):
        cuerpo = {'mensaje': self.mensaje, 'errores': self.errores, **self.extra}
        return jsonify(cuerpo), self.estado, self.cabeceras


def error(estado, campo, mensaje, **kwargs):
    return ErrorApi(estado, {campo: mensaje}, **kwargs)


def usuario():
    """The user authenticated by the token of this request (see tokens.requiere_token)."""
    return g.usuario_api


def _sin_constantes(nombre):
    raise ValueError(f'{nombre} no es un valor JSON válido')


def _flotante(texto):
    valor = float(texto)
    if not math.isfinite(valor):
        raise ValueError(f'el número {texto[:20]} es demasiado grande')
    return valor


def leer_json(esquema):
    """The request body as a dict checked against ``esquema``; ErrorApi 400/422 otherwise."""
    if request.mimetype != 'application/json':
        recibido = request.mimetype or 'ninguno'
        raise error(400, 'Content-Type', f'Envíe el cuerpo en JSON con la cabecera '
                                         f'«Content-Type: application/json» (se recibió '
                                         f'«{recibido[:60]}»).')
    charset = request.mimetype_params.get('charset', 'utf-8').lower()
    if charset not in ('utf-8', 'utf8'):
        raise error(400, 'Content-Type', 'El cuerpo debe estar en UTF-8.')
    try:
        texto = request.get_data(cache=True).decode('utf-8')
    except UnicodeDecodeError:
        raise error(400, 'cuerpo', 'El cuerpo no está en UTF-8 válido.') from None
    if not texto.strip():
        raise error(400, 'cuerpo', 'El cuerpo está vacío: envíe un objeto JSON.')
    try:
        datos = json.loads(texto, parse_constant=_sin_constantes, parse_float=_flotante)
    except RecursionError:
        raise error(400, 'cuerpo', 'El JSON tiene demasiados niveles anidados.') from None
    except json.JSONDecodeError as fallo:
        raise error(400, 'cuerpo', f'El cuerpo no es JSON válido: {fallo.msg} (línea '
                                   f'{fallo.lineno}, columna {fallo.colno}).') from None
    except ValueError as fallo:
        raise error(400, 'cuerpo', f'El cuerpo no es JSON válido: {fallo}.') from None
    if not isinstance(datos, dict):
        tipo = {list: 'una lista', str: 'un texto', bool: 'un booleano',
                type(None): 'null'}.get(type(datos), 'un número')
        raise error(400, 'cuerpo', f'El cuerpo debe ser un objeto JSON {{...}}; se recibió '
                                   f'{tipo}.')
    errores = validar(esquema, datos)
    if errores:
        raise ErrorApi(422, errores)
    return datos


def sin_nulos(datos):
    """Top-level nulls mean "not given" (what the services expect from an absent key)."""
    return {clave: valor for clave, valor in datos.items() if valor is not None}
