"""Issue 21: the catalogs' version (bd.recordadas). One row whose counter database triggers
increment, in the same transaction, on every change to a catalog or configuration table, so
each app process may keep the catalogs it read and drop them when the counter moves,
whichever process, server or person (with plain SQL) made the change.

SQLite has row triggers only: one per table and operation. PostgreSQL gets one statement
trigger per table for INSERT, UPDATE, DELETE and TRUNCATE (once per statement however many
rows it touches), BEFORE the statement: the version row is locked before any catalog row,
so two transactions changing catalogs queue on it instead of deadlocking (an AFTER trigger
would wait for it while holding the rows just changed). Frozen list of tables and copy of
the model: this file never imports the application.
"""
from peewee import *

TABLA = 'version_catalogos'
TABLAS = ('calendario', 'horario_dia', 'dia_especial', 'area', 'entidad_reguladora', 'canal',
          'punto_recepcion', 'tipo_documento', 'tipo_identidad', 'plantilla_informe',
          'plazo_legal', 'prioridad', 'servicio', 'producto', 'motivo', 'campo_personalizado',
          'proceso', 'actividad', 'nivel_escalamiento', 'plantilla_correo',
          'regla_enrutamiento', 'formato_regulador', 'resultado', 'empresa')
OPERACIONES = ('insert', 'update', 'delete')
SUBIR = 'UPDATE version_catalogos SET version = version + 1 WHERE id = 1'
FUNCION = 'version_catalogos_subir'


def _es_postgres(db):
    return isinstance(db, PostgresqlDatabase)


def up(migrator, db):
    class VersionCatalogos(Model):
        version = BigIntegerField(default=1)

        class Meta:
            database = db
            table_name = TABLA

    db.create_tables([VersionCatalogos])
    VersionCatalogos.insert(id=1, version=1).execute()
    if _es_postgres(db):
        db.execute_sql(f'CREATE OR REPLACE FUNCTION {FUNCION}() RETURNS trigger '
                       f'LANGUAGE plpgsql AS $$ BEGIN {SUBIR}; RETURN NULL; END $$')
        for tabla in TABLAS:
            db.execute_sql(f'CREATE TRIGGER {tabla}_version_catalogos BEFORE INSERT OR UPDATE '
                           f'OR DELETE OR TRUNCATE ON {tabla} FOR EACH STATEMENT '
                           f'EXECUTE FUNCTION {FUNCION}()')
    else:
        for tabla in TABLAS:
            for operacion in OPERACIONES:
                db.execute_sql(f'CREATE TRIGGER {tabla}_version_{operacion} AFTER '
                               f'{operacion.upper()} ON {tabla} BEGIN {SUBIR}; END')


def down(migrator, db):
    if _es_postgres(db):
        for tabla in TABLAS:
            db.execute_sql(f'DROP TRIGGER IF EXISTS {tabla}_version_catalogos ON {tabla}')
        db.execute_sql(f'DROP FUNCTION IF EXISTS {FUNCION}()')
    else:
        for tabla in TABLAS:
            for operacion in OPERACIONES:
                db.execute_sql(f'DROP TRIGGER IF EXISTS {tabla}_version_{operacion}')
    db.execute_sql(f'DROP TABLE IF EXISTS {TABLA}')
