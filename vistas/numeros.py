"""One guard for numbers in URLs and query strings (issue 15, F12).

A number above 2**63 reaching SQLite raises OverflowError (an HTTP 500 on 39 routes). Rather
than checking each route: ``<int:...>`` in every URL is bounded to the 32-bit ids (a larger
one is a 404, like any id that does not exist), an integer-looking query value beyond 64 bits
is a 400 (JSON 422 naming the parameter under /api/v1), and an OverflowError that still gets
through answers 400 instead of 500.
"""
import re

from flask import abort, request
from werkzeug.routing import IntegerConverter

from reglas.enteros import ENTERO_MAX

ENTERO = re.compile(r'^\s*[-+]?[0-9]+\s*$')
LIMITE_64 = 2 ** 63 - 1
MENSAJE = 'El número es demasiado grande.'


class EnteroAcotado(IntegerConverter):
    """werkzeug's int converter with the ids' upper bound (no match -> 404)."""

    def __init__(self, mapa, *args, **kwargs):
        kwargs.setdefault('max', ENTERO_MAX)
        super().__init__(mapa, *args, **kwargs)


def _desbordado(valor):
    return bool(ENTERO.match(valor)) and abs(int(valor)) > LIMITE_64


def _rechazar(campo):
    if request.blueprint == 'api':
        from vistas.api.base import error

        raise error(422, campo[:40], MENSAJE)
    abort(400, description=f'{campo[:40]}: {MENSAJE}')


def registrar(app):
    """Call before any route is added: rules pick their converter when they are added."""
    app.url_map.converters['int'] = EnteroAcotado

    @app.before_request
    def _numeros_acotados():
        for campo, valor in request.args.items(multi=True):
            if _desbordado(valor):
                _rechazar(campo)
        for campo, valor in (request.view_args or {}).items():
            if isinstance(valor, str) and _desbordado(valor):
                _rechazar(campo)

    @app.errorhandler(OverflowError)
    def _desborde(fallo):
        # The API answers it in JSON (vistas.api: its own handler, which takes precedence).
        app.logger.warning('Número fuera de rango en %s: %s', request.path, fallo)
        return MENSAJE, 400
