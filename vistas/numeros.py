"""One guard for numbers in URLs and query strings (issue 15, F12).

A number above 2**63 reaching SQLite raises OverflowError (an HTTP 500 on 39 routes). Rather
than checking each route: ``<int:...>`` in every URL is bounded to the 32-bit ids (a larger
one is a 404, like any id that does not exist), and a number the database cannot take
(SQLite's OverflowError, PostgreSQL's "bigint out of range", a peewee DataError) answers 400
(JSON 422 under /api/v1, vistas.api) instead of 500. Routes that check their own parameters
keep their messages next to the field (the improvement actions' list, the API's filters);
this catches the ones that do not. The failed statement's transaction was already rolled
back by the ``atomic`` block it ran in (or ran alone, in autocommit).
"""
from flask import request
from peewee import DataError
from werkzeug.exceptions import BadRequest
from werkzeug.routing import IntegerConverter

from reglas.enteros import ENTERO_MAX

MENSAJE = 'Un número de la dirección o de los filtros es demasiado grande.'


class EnteroAcotado(IntegerConverter):
    """werkzeug's int converter with the ids' upper bound (no match -> 404)."""

    def __init__(self, mapa, *args, **kwargs):
        kwargs.setdefault('max', ENTERO_MAX)
        super().__init__(mapa, *args, **kwargs)


def registrar(app):
    """Call before any route is added: rules pick their converter when they are added."""
    app.url_map.converters['int'] = EnteroAcotado

    @app.errorhandler(OverflowError)
    @app.errorhandler(DataError)
    def _desborde(fallo):
        app.logger.warning('Número fuera de rango en %s: %s', request.path, fallo)
        return BadRequest(description=MENSAJE)
