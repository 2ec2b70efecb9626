"""Values read once per HTTP request: the company profile, a calendar.

Why: a portal page asks the profile for its name, its Libro de Reclamaciones flag and its
data policy in several places, each a query of the same row. Kept on the request itself
(its WSGI environ), not on ``flask.g``: an app context pushed by a test or a CLI command
outlives many requests. Never inside a transaction, whose writes a rollback may undo (the
configuration preview imports and rolls back); the model that writes the row calls
``olvidar`` when it saves, so the rest of the request reads what it wrote.
"""
from flask import has_request_context, request

from bd import db

CLAVE = 'reclamos.memo'


def por_peticion(clave, leer):
    """``leer()`` the first time in this request; its value after that."""
    if not has_request_context() or db.in_transaction():
        return leer()
    memo = request.environ.setdefault(CLAVE, {})
    if clave not in memo:
        memo[clave] = leer()
    return memo[clave]


def olvidar(clave):
    """The next ``por_peticion(clave, ...)`` of this request reads again."""
    if has_request_context():
        request.environ.get(CLAVE, {}).pop(clave, None)


def leido(clave, defecto=None):
    """What this request memoised for ``clave``, or ``defecto``: inside a transaction too
    (the caller decides whether a value read before the transaction still holds)."""
    if not has_request_context():
        return defecto
    return request.environ.get(CLAVE, {}).get(clave, defecto)


def guardar(clave, valor):
    """Memoise ``valor`` for the rest of this request even inside a transaction: only for a
    value the caller knows is committed (bd.recordadas: the catalogs' version, read by a
    transaction that has changed no catalog)."""
    if has_request_context():
        request.environ.setdefault(CLAVE, {})[clave] = valor
