"""Queries compiled once per process and database, run with new values each time.

Why: peewee rebuilds a query's SQL text on every run, walking every column and join, and on
the pages read most that costs far more than running the query (the case with its fourteen
catalogs: ~5 ms to compile, ~0.1 ms to run on SQLite). A hot read is declared once at
import time with ``Parametro`` where its values go; each run binds the values and reuses
peewee's own row building (models, joins), so the rows are exactly those of the query.

    _CASO = Compilada(lambda numero: Reclamo.select().where(Reclamo.numero == numero))
    reclamo = _CASO.primera('2026-000001')

Values are bound as given, not passed through the field's ``db_value``: give what the
column stores (ids as int, text as str, booleans as bool).
"""
import inspect
import threading

from peewee import Node

from bd import db


class _Marca:
    """Where the value of parameter ``indice`` goes in the compiled parameters."""

    __slots__ = ('indice',)

    def __init__(self, indice):
        self.indice = indice


class Parametro(Node):
    """A value given at run time: compiles to the database's placeholder."""

    def __init__(self, indice):
        self.marca = _Marca(indice)

    def __sql__(self, ctx):
        # converter=False: the marker goes into the parameters as is, never through a field.
        return ctx.value(self.marca, converter=False)


class Compilada:
    """A query built by ``construir(*parametros)``; its SQL is made once per database."""

    def __init__(self, construir):
        self._construir = construir
        self._cuantos = len(inspect.signature(construir).parameters)
        self._hecha = None  # (database, query, sql, params)
        self._lectura = None  # what peewee's row reader works out from the first result
        self._cerrojo = threading.Lock()

    def _preparar(self):
        hecha = self._hecha
        if hecha is not None and hecha[0] is db.obj:
            return hecha
        with self._cerrojo:
            consulta = self._construir(*(Parametro(i) for i in range(self._cuantos)))
            sql, params = consulta.sql()
            usados = {p.indice for p in params if isinstance(p, _Marca)}
            if usados != set(range(self._cuantos)):
                raise ValueError(f'Compilada: parámetros sin usar en {sql[:200]}')
            self._hecha = hecha = (db.obj, consulta, sql, params)
            self._lectura = None
        return hecha

    def sql(self, *valores):
        """(sql, params) as run with ``valores``."""
        _, _, sql, params = self._preparar()
        return sql, [valores[p.indice] if isinstance(p, _Marca) else p for p in params]

    def filas(self, *valores):
        """The rows, as the query itself would give them (models with their joins)."""
        _, consulta, _, _ = self._preparar()
        cursor = db.execute_sql(*self.sql(*valores))
        lector = consulta._get_cursor_wrapper(cursor)
        lectura = self._lectura
        if lectura is not None:
            # Matching columns to models and joins is the same for every run of one SQL
            # text (about as costly as running it): reuse what the first run worked out.
            lector.__dict__.update(lectura)
            lector.initialized = True
        filas = list(lector)
        if lectura is None and lector.initialized:
            propios = set(consulta._get_cursor_wrapper(None).__dict__)
            self._lectura = {k: v for k, v in lector.__dict__.items() if k not in propios}
        return filas

    def primera(self, *valores):
        """The first row, or None (the query should carry its own LIMIT 1)."""
        filas = self.filas(*valores)
        return filas[0] if filas else None

    def escalar(self, *valores):
        """The first column of the first row, or None."""
        fila = db.execute_sql(*self.sql(*valores)).fetchone()
        return fila[0] if fila else None
