"""Counting the SQL statements a piece of code sends (a page, a service call): the bench's
own counter (bench.por_peticion), so tests and measurements count the same way."""
from contextlib import contextmanager

from bench.por_peticion import contando


@contextmanager
def contar_sentencias():
    """Yields the list of statements sent inside the block, in order."""
    sentencias = []
    with contando(sentencias):
        yield sentencias


def sentencias_de(accion):
    with contar_sentencias() as sentencias:
        accion()
    return len(sentencias)
