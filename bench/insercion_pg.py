"""PostgreSQL side of the seeder's bulk load, as the manual's "Populating a Database" advises:
COPY instead of INSERT, the secondary indexes and foreign keys of the bulk tables dropped for
the load and created again after it from their own definitions, more maintenance_work_mem to
build them, ANALYZE afterwards (bench.sembrar).

The full-text row of each case (``reclamo_texto``, migration 0013) is written by an AFTER
INSERT trigger on ``reclamo``; during the load that trigger is disabled and the rows of the
new cases are written after it by one INSERT ... SELECT of the trigger's own expression, so
the table ends as a row-by-row registration leaves it. Any other trigger keeps firing.
"""
import contextlib
import sys
import time

from peewee import DatabaseError

from bd import db

# reclamo_texto is filled in bulk too (after the load), so its GIN index goes and comes back.
TABLAS = ('cliente', 'reclamo', 'termino_caso', 'accion', 'suspension', 'reclamo_texto')
DISPARADOR_TEXTO = 'reclamo_texto_alta'
# The body of reclamo_texto_indexar() (migration 0013) as one statement: identical documents.
# to_tsvector is computed once per distinct (description, motive), not per case (seeded
# descriptions repeat; it is immutable, so the result is the same), which makes this ~6x
# faster; MATERIALIZED keeps the planner from moving it back up to every joined row.
# Constant SQL; the lower bound of the new ids is a parameter.
TEXTO_DE_CASOS = (
    "WITH texto AS MATERIALIZED (SELECT u.descripcion, u.motivo_id, to_tsvector('spanish', "
    "translate(coalesce(u.descripcion, '') || ' ' || coalesce(m.nombre, ''), "
    "'ÁÉÍÓÚÜÑáéíóúüñ', 'AEIOUUNaeiouun')) AS documento "
    "FROM (SELECT DISTINCT descripcion, motivo_id FROM reclamo WHERE id > %s) u "
    "LEFT JOIN motivo m ON m.id = u.motivo_id) "
    "INSERT INTO reclamo_texto (reclamo_id, documento) SELECT r.id, t.documento "
    "FROM reclamo r JOIN texto t ON t.descripcion = r.descripcion AND t.motivo_id = r.motivo_id "
    "WHERE r.id > %s ON CONFLICT (reclamo_id) DO UPDATE SET documento = EXCLUDED.documento")


def copiar(tabla, columnas, filas):
    """COPY the rows in through the driver (psycopg 3 adapts each value as it would for an
    INSERT parameter). Names come from our models, never from input."""
    cursor = db.connection().cursor()
    with cursor.copy(f'COPY "{tabla}" ({columnas}) FROM STDIN') as copia:
        for fila in filas:
            copia.write_row(fila)


def _indices():
    """(name, definition) of the secondary indexes: not those backing a constraint (primary
    keys), which the load and the foreign keys rely on."""
    return db.execute_sql(
        'SELECT i.indexname, i.indexdef FROM pg_indexes i '
        'JOIN pg_class c ON c.relname = i.indexname '
        'JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = i.schemaname '
        'WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s) '
        'AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid) '
        'ORDER BY i.tablename, i.indexname', (list(TABLAS),)).fetchall()


def _claves_foraneas():
    """(table, name, definition) of the foreign keys leaving the bulk tables."""
    return db.execute_sql(
        'SELECT t.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k '
        'JOIN pg_class t ON t.oid = k.conrelid '
        "WHERE k.contype = 'f' AND t.relnamespace = current_schema()::regnamespace "
        'AND t.relname = ANY(%s) ORDER BY t.relname, k.conname', (list(TABLAS),)).fetchall()


def _hay_disparador():
    return db.execute_sql(
        "SELECT 1 FROM pg_trigger WHERE tgname = %s AND tgrelid = 'reclamo'::regclass",
        (DISPARADOR_TEXTO,)).fetchone() is not None


@contextlib.contextmanager
def carga_masiva():
    """Around the load: drop, then (even after a failure, for what was committed) rebuild."""
    db.execute_sql('SET synchronous_commit = off')  # a re-runnable seed, not user data
    db.execute_sql("SET maintenance_work_mem = '512MB'")  # index builds sort in memory
    antes = db.execute_sql('SELECT COALESCE(MAX(id), 0) FROM reclamo').fetchone()[0]
    indices, claves, disparador = _indices(), _claves_foraneas(), _hay_disparador()
    with db.atomic():  # DDL is transactional: all dropped or none
        for tabla, nombre, _ in claves:
            db.execute_sql(f'ALTER TABLE "{tabla}" DROP CONSTRAINT "{nombre}"')
        for nombre, _ in indices:
            db.execute_sql(f'DROP INDEX "{nombre}"')
        if disparador:
            db.execute_sql(f'ALTER TABLE reclamo DISABLE TRIGGER "{DISPARADOR_TEXTO}"')
    try:
        yield
    finally:
        inicio = time.monotonic()
        if disparador:
            with db.atomic():
                db.execute_sql(TEXTO_DE_CASOS, (antes, antes))
                db.execute_sql(f'ALTER TABLE reclamo ENABLE TRIGGER "{DISPARADOR_TEXTO}"')
        texto = time.monotonic()
        fallos = _rehacer([definicion for _, definicion in indices])
        creados = time.monotonic()
        # Each foreign key checks every row once, in one set-based query.
        fallos += _rehacer([f'ALTER TABLE "{tabla}" ADD CONSTRAINT "{nombre}" {definicion}'
                            for tabla, nombre, definicion in claves])
        print(f'Texto de búsqueda {texto - inicio:.1f} s, {len(indices)} índices '
              f'{creados - texto:.1f} s, {len(claves)} claves foráneas '
              f'{time.monotonic() - creados:.1f} s.', file=sys.stderr)
        # The pooled connection may serve a benchmark next (bench.bench_alertas, same process).
        db.execute_sql('RESET synchronous_commit')
        db.execute_sql('RESET maintenance_work_mem')
        if fallos:
            raise RuntimeError('No se pudo volver a crear:\n' + '\n'.join(fallos))


def _rehacer(sentencias):
    """Run each statement on its own (autocommit): one that fails (duplicate data under a
    unique index) must not leave the rest out. Returns what failed and why."""
    fallos = []
    for sentencia in sentencias:
        try:
            db.execute_sql(sentencia)
        except DatabaseError as error:
            fallos.append(f'{sentencia}: {error}')
    return fallos
