"""Issue 15 (security round two): TRUNCATE of the append-only logs refused on PostgreSQL;
the lock-out per account and client address (bloqueo_acceso); the Idempotency-Key of API
case creation (clave_idempotencia).

(SQLite has no TRUNCATE; its REPLACE hole is closed by the recursive_triggers pragma in
bd/__init__.py, which makes REPLACE fire the existing DELETE triggers.)
Frozen copies of the models (this file never imports the application's models).
"""
import datetime

from peewee import *

MENSAJE = 'Los historiales no se editan ni se borran'
TABLAS = ('accion', 'cambio_mejora')


def _es_postgres(db):
    return isinstance(db, PostgresqlDatabase)


def up(migrator, db):
    class Usuario(Model):
        class Meta:
            database = db
            table_name = 'usuario'

    class BloqueoAcceso(Model):
        usuario = ForeignKeyField(Usuario, on_delete='CASCADE')
        ip = CharField(max_length=45)
        intentos = IntegerField(default=0)
        bloqueos = IntegerField(default=0)
        bloqueado_hasta = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'bloqueo_acceso'
            legacy_table_names = False
            indexes = ((('usuario', 'ip'), True),)

    class Reclamo(Model):
        class Meta:
            database = db
            table_name = 'reclamo'

    class ClaveIdempotencia(Model):
        usuario = ForeignKeyField(Usuario, on_delete='CASCADE')
        clave = CharField(max_length=200)
        huella = CharField(max_length=64)
        reclamo = ForeignKeyField(Reclamo, on_delete='CASCADE', index=False)
        creado_en = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'clave_idempotencia'
            legacy_table_names = False
            indexes = ((('usuario', 'clave'), True),)

    db.create_tables([BloqueoAcceso, ClaveIdempotencia])
    if _es_postgres(db):
        db.execute_sql(
            "CREATE OR REPLACE FUNCTION bitacora_sin_truncate() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN "
            f"RAISE EXCEPTION '{MENSAJE} (TRUNCATE rechazado)' "
            "USING ERRCODE = 'restrict_violation'; END $$")
        for tabla in TABLAS:
            db.execute_sql(f'CREATE TRIGGER {tabla}_sin_truncate BEFORE TRUNCATE ON {tabla} '
                           'FOR EACH STATEMENT EXECUTE FUNCTION bitacora_sin_truncate()')


def down(migrator, db):
    migrator.migrate(migrator.drop_table('clave_idempotencia'))
    migrator.migrate(migrator.drop_table('bloqueo_acceso'))
    if _es_postgres(db):
        for tabla in TABLAS:
            db.execute_sql(f'DROP TRIGGER IF EXISTS {tabla}_sin_truncate ON {tabla}')
        db.execute_sql('DROP FUNCTION IF EXISTS bitacora_sin_truncate()')
