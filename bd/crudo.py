"""Statements of the hot paths, composed once and then only executed with parameters.

Why: registering a case sends a handful of small statements, and peewee spends far more time
composing their SQL in Python than the database spends running them (bench/RESULTS.md,
"Registro rápido"). These helpers build a statement's text once per shape (model, columns,
number of rows, database kind) from the model's own metadata, or once per query from
peewee itself (``preparada``), and then only bind values. Values always travel as
parameters, never inside the text. On PostgreSQL psycopg prepares a statement on the
server once it has run a few times, so the text is also parsed once per connection.
"""
import functools
import sqlite3

from peewee import AutoField, Value

from bd import db, es_postgres

# INSERT/UPSERT ... RETURNING: SQLite 3.35 (2021); older libraries read the row back.
SQLITE_RETURNING = sqlite3.sqlite_version_info >= (3, 35)


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


def insertar(modelo, filas, devolver_id=False, ignorar_repetido=False):
    """One multi-row INSERT of ``filas`` (dicts by field name, all with the same keys).

    Like ``Model.insert_many``: a field missing from the rows gets its model default, or is
    left out (the database's default or NULL) when it has none. ``devolver_id``: the new
    row's id (one row). ``ignorar_repetido``: ON CONFLICT DO NOTHING; the id is then None
    when the row already existed (or, on SQLite before 3.35, always: read it back).
    """
    if not filas:
        return None
    primera = filas[0]
    campos = [c for c in _campos(modelo) if c.name in primera or c.default is not None]
    parametros = [c.db_value(_valor(c, fila)) for fila in filas for c in campos]
    postgres = es_postgres()
    # SQLite gives a plain INSERT's id as lastrowid, on any version.
    returning = devolver_id and (postgres or (ignorar_repetido and SQLITE_RETURNING))
    texto = _texto_insercion(modelo._meta.table_name, tuple(c.column_name for c in campos),
                             len(filas), postgres, ignorar_repetido, returning)
    cursor = db.execute_sql(texto, parametros)
    if not devolver_id:
        return None
    if returning:
        fila = cursor.fetchone()
        return fila[0] if fila else None
    return None if ignorar_repetido else cursor.lastrowid


class _Marca:
    """Stands for the n-th value of a prepared query while peewee composes its SQL."""

    __slots__ = ('n',)

    def __init__(self, n):
        self.n = n


class Preparada:
    """A peewee query composed once per database kind, then run with new values bound.

    ``construir(*valores)`` builds the query; it is called once with markers in place of the
    values, and peewee's SQL and parameters are kept with the marker positions. Each run binds
    the values given (already as the database stores them: ids, text, naive UTC instants;
    never None, which peewee would have written as IS NULL) and lets the query's own cursor
    wrapper turn the rows into models, joined rows included, exactly as running it would.
    """

    def __init__(self, construir):
        self._construir = construir
        self._planes = {}
        self._mapas = {}
        functools.update_wrapper(self, construir)

    def _plan(self, cuantos):
        clave = (type(db.obj), cuantos)
        plan = self._planes.get(clave)
        if plan is None:
            consulta = self._construir(*(Value(_Marca(i), converter=False)
                                         for i in range(cuantos)))
            texto, parametros = consulta.sql()
            huecos = [(j, p.n) for j, p in enumerate(parametros) if isinstance(p, _Marca)]
            plan = self._planes[clave] = (consulta, texto, tuple(parametros), huecos)
        return plan

    def filas(self, *valores):
        """The rows, as iterating the query would give them."""
        consulta, texto, parametros, huecos = self._plan(len(valores))
        parametros = list(parametros)
        for posicion, n in huecos:
            parametros[posicion] = valores[n]
        envoltura = consulta._get_cursor_wrapper(db.execute_sql(texto, parametros))
        # peewee maps the result's columns to models and converters on each run (for a join,
        # as long as composing a small query); the mapping depends only on the SQL, so the
        # first run's is reused: the same attributes ``initialize`` would set.
        clave = (type(db.obj), len(valores))
        mapa = self._mapas.get(clave)
        if mapa is not None:
            envoltura.__dict__.update(mapa)
            envoltura.initialized = True
            return envoltura
        return _Recordar(envoltura, self._mapas, clave)

    def lista(self, *valores):
        return list(self.filas(*valores))

    def primera(self, *valores):
        """The first row or None (build the query with ``.limit(1)``: all rows are read, so
        the cursor is done with)."""
        filas = self.lista(*valores)
        return filas[0] if filas else None


# What a cursor wrapper holds of one run, not of the mapping ``initialize`` computes.
_DE_LA_CORRIDA = frozenset(('cursor', 'count', 'index', 'initialized', 'populated', 'row_cache'))


class _Recordar:
    """Iterates a first run's wrapper, then keeps the mapping it computed for later runs."""

    def __init__(self, envoltura, mapas, clave):
        self._envoltura, self._mapas, self._clave = envoltura, mapas, clave

    def __iter__(self):
        for fila in self._envoltura:
            self._guardar()  # before yielding: a caller may stop at the first row
            yield fila

    def _guardar(self):
        envoltura = self._envoltura
        if envoltura.initialized and self._clave not in self._mapas:
            self._mapas[self._clave] = {k: v for k, v in envoltura.__dict__.items()
                                        if k not in _DE_LA_CORRIDA}


def preparada(construir):
    """Decorator: ``construir`` becomes a ``Preparada``."""
    return Preparada(construir)
