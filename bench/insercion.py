"""Bulk rows for the seeder (bench.sembrar): COPY on PostgreSQL (bench.insercion_pg), one
multi-row INSERT per batch on SQLite; the bulk tables' secondary indexes dropped for the load
and rebuilt after it; PostgreSQL's id sequences set after it."""
import contextlib
import datetime
import signal
import sys
import threading

from bd import db, es_postgres

TABLAS_MASIVAS = ('cliente', 'reclamo', 'termino_caso', 'accion', 'suspension')


def insertar(modelo, campos, filas):
    """Insert ``filas`` (any iterable of tuples in the order of ``campos``). SQLite: one
    statement through the driver's executemany (building it per row costs more than the
    database does); PostgreSQL: COPY."""
    # Columns added since the seeder was written: NOT NULL with a model default and (after a
    # migration's ALTER TABLE) no default in the database, so they are filled from the model.
    dados = {c.name for c in campos}
    resto = [c for c in modelo._meta.sorted_fields
             if c.name not in dados and not c.null and c.default is not None
             and not callable(c.default)]
    if resto:
        campos = list(campos) + resto
        valores = tuple(c.db_value(c.default) for c in resto)
        filas = (tuple(fila) + valores for fila in filas)
    columnas = ', '.join(f'"{c.column_name}"' for c in campos)
    tabla = modelo._meta.table_name
    if es_postgres():
        from bench.insercion_pg import copiar
        copiar(tabla, columnas, filas)
        return
    marcas = ', '.join([db.obj.param] * len(campos))
    # Names come from our models, values are parameters: nothing from input reaches the SQL.
    sql = f'INSERT INTO "{tabla}" ({columnas}) VALUES ({marcas})'  # nosec B608
    # sqlite3 stores datetimes as the text peewee reads back
    filas = (tuple(str(v) if isinstance(v, datetime.datetime) else v for v in fila)
             for fila in filas)
    db.cursor().executemany(sql, filas)


@contextlib.contextmanager
def carga_masiva():
    """Secondary indexes of the bulk tables out during the load, back after it (also after a
    failure, for the batches committed). Why: keeping a dozen B-trees ordered row by row while
    millions of random rows go in costs more than building each index once at the end."""
    with _terminar_como_interrupcion():
        if es_postgres():
            from bench.insercion_pg import carga_masiva as carga_pg
            with carga_pg():
                yield
        else:
            with _sin_indices_sqlite():
                yield


@contextlib.contextmanager
def _terminar_como_interrupcion():
    """kill (SIGTERM) unwinds like Ctrl-C, so what was dropped for the load is built again on
    the way out; only SIGKILL or a crash leaves it out."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    anterior = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, anterior)


@contextlib.contextmanager
def _sin_indices_sqlite():
    db.execute_sql('PRAGMA synchronous = OFF')  # a re-runnable seed, not user data
    marcas = ', '.join('?' * len(TABLAS_MASIVAS))
    filas = db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f'AND tbl_name IN ({marcas})', TABLAS_MASIVAS).fetchall()  # nosec B608: placeholders
    for nombre, _ in filas:
        db.execute_sql(f'DROP INDEX "{nombre}"')
    try:
        yield
    finally:
        for _, sql in filas:
            db.execute_sql(sql)


def ajustar_secuencia(modelo):
    if es_postgres():
        tabla = modelo._meta.table_name  # one of our models, never input
        db.execute_sql(f"SELECT setval(pg_get_serial_sequence('{tabla}', 'id'), "  # nosec B608
                       f'(SELECT COALESCE(MAX(id), 1) FROM "{tabla}"))')
