"""Counting the SQL statements a piece of code sends (a page, a service call)."""
from contextlib import contextmanager

from bd import db


@contextmanager
def contar_sentencias():
    """Yields the list of statements sent inside the block, in order."""
    sentencias = []
    clase = type(db.obj)
    original = clase.execute_sql

    def contar(self, sql, params=None, *args, **kwargs):
        sentencias.append(sql)
        return original(self, sql, params, *args, **kwargs)

    clase.execute_sql = contar
    try:
        yield sentencias
    finally:
        clase.execute_sql = original


def sentencias_de(accion):
    with contar_sentencias() as sentencias:
        accion()
    return len(sentencias)
