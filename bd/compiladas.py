"""Statements compiled once per process and database, run with new values each time.

Why: peewee rebuilds a query's SQL text on every run, walking every column and join, and on
the pages read most that costs far more than running the query (the case with its fourteen
catalogs: ~5 ms to compile, ~0.1 ms to run on SQLite). A hot read is declared once at
import time with ``Parametro`` where its values go; each run binds the values and reuses
peewee's own row building (models, joins), so the rows are exactly those of the query.

    _CASO = Compilada(lambda numero: Reclamo.select().where(Reclamo.numero == numero))
    reclamo = _CASO.primera('2026-000001')

Values are bound as given, not passed through the field's ``db_value``: give what the
column stores (ids as int, text as str, booleans as bool). ``Lista`` takes a list of values
for ``IN``, as many placeholders as the run gives (an empty list matches nothing):

    _FILAS = Compilada(lambda ids: Reclamo.select().where(Reclamo.id.in_(Lista(ids))))
    _FILAS.filas([3, 5, 8])

Writes of the hot paths (registration) go the same way without the ORM: ``insertar`` builds a
multi-row INSERT (optionally ON CONFLICT DO NOTHING, RETURNING the id) once per shape from
the model's metadata; ``ejecutar`` runs a fixed text written with ``?``. Values always travel
as parameters, never inside the text. On PostgreSQL psycopg prepares a statement on the server
once it has run a few times, so the text is also parsed once per connection.
"""
import functools
import inspect
import sqlite3
import threading

from peewee import AutoField, Node

from bd import db, es_postgres

# INSERT/UPSERT ... RETURNING: SQLite 3.35 (2021); older libraries read the row back.
SQLITE_RETURNING = sqlite3.sqlite_version_info >= (3, 35)


class _Marca:
    """Where the value of parameter ``indice`` goes in the compiled parameters."""

    __slots__ = ('indice', 'lista')

    def __init__(self, indice, lista=False):
        self.indice, self.lista = indice, lista


class Parametro(Node):
    """A value given at run time: compiles to the database's placeholder."""

    def __init__(self, indice):
        self.marca = _Marca(indice)

    def __sql__(self, ctx):
        # converter=False: the marker goes into the parameters as is, never through a field.
        return ctx.value(self.marca, converter=False)


class Lista(Node):
    """A list given at run time, for ``campo.in_(Lista(parametro))``."""

    def __init__(self, parametro):
        self.marca = _Marca(parametro.marca.indice, lista=True)

    def __sql__(self, ctx):
        # A comment names the one placeholder each run widens to the list's length.
        ctx.literal(f'({_lista(self.marca.indice)}')
        ctx.value(self.marca, converter=False)
        return ctx.literal(')')


def _lista(indice):
    return f'/*lista{indice}*/'


class Compilada:
    """A query built by ``construir(*parametros)``; its SQL is made once per database."""

    def __init__(self, construir):
        self._construir = construir
        self._cuantos = len(inspect.signature(construir).parameters)
        self._hecha = None  # (database, query, sql, params, placeholder)
        self._lectura = None  # what peewee's row reader works out from the first result
        self._cerrojo = threading.Lock()

    def _preparar(self):
        hecha = self._hecha
        if hecha is not None and hecha[0] is db.obj:
            return hecha
        with self._cerrojo:
            consulta = self._construir(*(Parametro(i) for i in range(self._cuantos)))
            contexto = db.get_sql_context()
            sql, params = contexto.sql(consulta).query()
            usados = {p.indice for p in params if isinstance(p, _Marca)}
            if usados != set(range(self._cuantos)):
                raise ValueError(f'Compilada: parámetros sin usar en {sql[:200]}')
            marca = contexto.state.param or '?'
            self._hecha = hecha = (db.obj, consulta, sql, params, marca)
            self._lectura = None
        return hecha

    def sql(self, *valores):
        """(sql, params) as run with ``valores``."""
        _, _, sql, params, marca = self._preparar()
        reales = []
        for p in params:
            if not isinstance(p, _Marca):
                reales.append(p)
            elif not p.lista:
                reales.append(valores[p.indice])
            else:
                lista = list(valores[p.indice])
                sql = sql.replace(_lista(p.indice) + marca,
                                  ', '.join([marca] * len(lista)) or 'NULL', 1)
                reales.extend(lista)
        return sql, reales

    def filas(self, *valores):
        """The rows, as the query itself would give them (models with their joins)."""
        _, consulta, _, _, _ = self._preparar()
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


# Writes: texts written once per shape, without peewee's query builder.
@functools.lru_cache(maxsize=512)
def _en_dialecto(texto, postgres):
    return texto.replace('?', '%s') if postgres else texto


def ejecutar(texto, parametros=()):
    """Run ``texto`` (``?`` placeholders, identifiers in double quotes) with ``parametros``;
    returns the cursor. The text must hold no literal ``?`` or ``%``."""
    return db.execute_sql(_en_dialecto(texto, es_postgres()), parametros)


def puede_devolver():
    """Whether ``... RETURNING`` works on the bound database."""
    return es_postgres() or SQLITE_RETURNING


@functools.lru_cache(maxsize=None)
def _campos(modelo):
    return tuple(f for f in modelo._meta.sorted_fields if not isinstance(f, AutoField))


@functools.lru_cache(maxsize=512)
def _texto_insercion(tabla, columnas, filas, postgres, ignorar, devolver):
    marca = '%s' if postgres else '?'
    grupo = '(' + ', '.join([marca] * len(columnas)) + ')'
    texto = (f'INSERT INTO "{tabla}" (' + ', '.join(f'"{c}"' for c in columnas)
             + ') VALUES ' + ', '.join([grupo] * filas))
    if ignorar:
        texto += ' ON CONFLICT DO NOTHING'
    return texto + ' RETURNING "id"' if devolver else texto


def _valor(campo, fila):
    if campo.name in fila:
        return fila[campo.name]
    return campo.default() if callable(campo.default) else campo.default


def _insercion(modelo, filas, postgres, ignorar_repetido=False, returning=False):
    """The INSERT text (compiled once per shape) and its parameters."""
    campos = [c for c in _campos(modelo) if c.name in filas[0] or c.default is not None]
    parametros = [c.db_value(_valor(c, fila)) for fila in filas for c in campos]
    return _texto_insercion(modelo._meta.table_name, tuple(c.column_name for c in campos),
                            len(filas), postgres, ignorar_repetido, returning), parametros


def insertar_juntas(grupos):
    """Several ``insertar`` (no id back) as one statement: ``grupos`` is [(model, rows)].

    Why: on PostgreSQL each statement is a round trip, and a registration's last writes
    (terms, contact, acknowledgment, log lines) happen while the year's number row is locked
    until COMMIT: one statement of data-modifying CTEs keeps that lock a few round trips
    shorter. The rows must not refer to each other (the CTEs see one snapshot). SQLite runs
    in process: one INSERT after another costs no trip.
    """
    grupos = [(modelo, filas) for modelo, filas in grupos if filas]
    if not es_postgres() or len(grupos) < 2:
        for modelo, filas in grupos:
            insertar(modelo, filas)
        return
    partes, parametros = [], []
    for modelo, filas in grupos:
        texto, valores = _insercion(modelo, filas, True)
        partes.append(texto)
        parametros += valores
    # Our models' names and placeholders only: values travel as parameters.
    texto = 'WITH ' + ', '.join(f'"escritura_{i}" AS ({parte})'
                                for i, parte in enumerate(partes[:-1])) + ' ' + partes[-1]
    db.execute_sql(texto, parametros)


def insertar(modelo, filas, devolver_id=False, ignorar_repetido=False):
    """One multi-row INSERT of ``filas`` (dicts by field name, all with the same keys).

    Like ``Model.insert_many``: a field missing from the rows gets its model default, or is
    left out (the database's default or NULL) when it has none. ``devolver_id``: the new
    row's id (one row). ``ignorar_repetido``: ON CONFLICT DO NOTHING; the id is then None
    when the row already existed (or, on SQLite before 3.35, always: read it back).
    """
    if not filas:
        return None
    postgres = es_postgres()
    # SQLite gives a plain INSERT's id as lastrowid, on any version.
    returning = devolver_id and (postgres or (ignorar_repetido and SQLITE_RETURNING))
    texto, parametros = _insercion(modelo, filas, postgres, ignorar_repetido, returning)
    cursor = db.execute_sql(texto, parametros)
    if not devolver_id:
        return None
    if returning:
        fila = cursor.fetchone()
        return fila[0] if fila else None
    return None if ignorar_repetido else cursor.lastrowid
