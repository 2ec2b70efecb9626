"""The database handle and the base model: the only thing models import from the app.

peewee's ``DatabaseProxy`` lets every model bind to one handle at import time while the
real database (SQLite or PostgreSQL, from ``DATABASE_URL``) is chosen later by the factory,
the CLI or a test.
"""
import functools
import os
import re
import time

from peewee import DatabaseProxy, Model, _WriteQuery
from playhouse.db_url import connect, parse
from playhouse.pool import PooledPostgresqlDatabase

# Told the table of every write sent through ``db`` (bd.recordadas: a transaction that
# changed a catalog must stop reading the per-process copies of the catalogs).
AL_ESCRIBIR = []
_ESCRITURA = re.compile(r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?'
                        r'|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+"?(\w+)"?', re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def _tabla_escrita(sql):
    """The table a write statement's text changes, or None (a read)."""
    encontrada = _ESCRITURA.match(sql)
    return encontrada.group(1).lower() if encontrada else None


def _avisar(tabla):
    for funcion in AL_ESCRIBIR:
        funcion(tabla)


class _Proxy(DatabaseProxy):
    """peewee's proxy, telling ``AL_ESCRIBIR`` which table each write changes: the ORM's
    writes (save, insert, update, delete) come through ``execute``, text through
    ``execute_sql``."""

    def execute(self, query, *args, **kwargs):
        if AL_ESCRIBIR and isinstance(query, _WriteQuery):
            tabla = getattr(query.table, '_meta', None)
            _avisar(tabla.table_name if tabla is not None
                    else getattr(query.table, '__name__', None))
        return self.obj.execute(query, *args, **kwargs)

    def execute_sql(self, sql, *args, **kwargs):
        if AL_ESCRIBIR and isinstance(sql, str):
            tabla = _tabla_escrita(sql)
            if tabla is not None:
                _avisar(tabla)
        return self.obj.execute_sql(sql, *args, **kwargs)


db = _Proxy()

# WAL lets readers work while one request writes; the busy timeout makes concurrent writers
# wait instead of failing at once with "database is locked". recursive_triggers: without it
# REPLACE deletes the old row without firing DELETE triggers, so INSERT OR REPLACE could
# rewrite a line of the append-only log (issue 15, F10).
PRAGMAS_SQLITE = {
    'recursive_triggers': 1,
    'journal_mode': 'wal',
    'foreign_keys': 1,
    'busy_timeout': 10000,
    'synchronous': 'normal',
    'cache_size': -32000,
}


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class PostgresAgrupada(PooledPostgresqlDatabase):
    """peewee's PostgreSQL pool without a round trip at each check-out of a connection in use.

    peewee sends ``SELECT 1`` every time it hands out a pooled connection, to drop one the
    server closed: one round trip more on every request, whose pages take a handful. A
    connection given back less than ``VIGENTE`` seconds ago goes out without it, as HikariCP
    does (``aliveBypassWindowMs``, 500 ms): a busy server pings nothing, an idle one as
    before. The price: when the server drops connections (a restart) within that half
    second, the next request on each of them fails once and the pool discards it.
    """

    VIGENTE = 0.5

    def __init__(self, *args, **kwargs):
        self._devueltas = {}  # connection key -> monotonic instant it came back to the pool
        super().__init__(*args, **kwargs)

    def _close(self, conn, close_conn=False):
        with self._pool_lock:
            clave = self.conn_key(conn)
            if not close_conn and clave in self._in_use:
                self._devueltas[clave] = time.monotonic()
            super()._close(conn, close_conn)  # discarding it calls _close_raw below

    def _close_raw(self, conn):
        self._devueltas.pop(self.conn_key(conn), None)
        super()._close_raw(conn)

    def _is_closed(self, conn):
        devuelta = self._devueltas.pop(self.conn_key(conn), None)
        if (devuelta is not None and time.monotonic() - devuelta < self.VIGENTE
                and not conn.closed
                and self._adapter.txn_status(conn) == self._adapter.txn_idle):
            return False
        return super()._is_closed(conn)


def abrir(url):
    """Bind the proxy to the database named by ``url`` and return the real database."""
    anterior = db.obj
    if anterior is not None and hasattr(anterior, 'close_idle'):
        # A test or CLI that reopens must not leave pooled connections. Not close_all(): it
        # also closes connections other threads are using, and closing a SQLite connection
        # under a running statement crashes the interpreter; those go when their thread ends.
        anterior.close()
        anterior.close_idle()
    if url.startswith('sqlite:///'):
        # Pooled too: closing the last connection to a WAL database checkpoints the WAL and
        # deletes it (~8 ms), which a close per request would pay on every request.
        # A pooled connection may serve another thread later (one at a time).
        database = connect(url.replace('sqlite://', 'sqlite+pool://', 1),
                           pragmas=PRAGMAS_SQLITE, max_connections=64,
                           check_same_thread=False)
    elif url.startswith('sqlite'):
        database = connect(url, pragmas=PRAGMAS_SQLITE)
    elif url.startswith(('postgresql://', 'postgres://')):
        # A pool per process: a new PostgreSQL connection costs ~6 ms, a pooled one ~0.5 ms,
        # and every request opens one. peewee 4.5 uses psycopg 3 when psycopg2 is absent.
        database = PostgresAgrupada(
            **parse(url), stale_timeout=300,
            max_connections=int(os.environ.get('RECLAMOS_BD_CONEXIONES', '20')))
    else:
        database = connect(url)
    db.initialize(database)
    return database


def es_postgres():
    return db.obj is not None and 'postgres' in type(db.obj).__name__.lower()


def registrar_conexion_por_peticion(app):
    """Open a connection for each request and close it after.

    playhouse's FlaskDB does the same but calls ``connect()`` without ``reuse_if_open``, which
    raises when a CLI command or a test opened the connection first.
    """

    @app.before_request
    def _conectar():
        db.connect(reuse_if_open=True)

    @app.teardown_request
    def _cerrar(exc):
        if not db.is_closed():
            db.close()
