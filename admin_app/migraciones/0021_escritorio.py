"""The desk: staff notification preferences (per user and event), and queue search by any
word of the customer's name: a full-text index of customer names.

SQLite: an FTS5 table kept by triggers on ``cliente`` (accents removed by the tokenizer).
PostgreSQL: a GIN expression index over the 'simple' configuration (names are not stemmed),
accents removed with translate() as the case index does (migration 0013), so no extension
is needed. Frozen copy of the preferences model (this file never imports the application's).
"""
from peewee import *

_SIN_TILDE = ('ÁÉÍÓÚÜÑáéíóúüñ', 'AEIOUUNaeiouun')
INDICE_SQLITE = [
    "CREATE VIRTUAL TABLE cliente_texto USING fts5(nombre, "
    "tokenize = 'unicode61 remove_diacritics 2')",
    # DELETE before INSERT: an id reused after rows were removed outside the triggers.
    "CREATE TRIGGER cliente_texto_alta AFTER INSERT ON cliente BEGIN "
    "DELETE FROM cliente_texto WHERE rowid = new.id; "
    "INSERT INTO cliente_texto (rowid, nombre) VALUES (new.id, new.nombre); END",
    "CREATE TRIGGER cliente_texto_cambio AFTER UPDATE OF nombre ON cliente BEGIN "
    "DELETE FROM cliente_texto WHERE rowid = new.id; "
    "INSERT INTO cliente_texto (rowid, nombre) VALUES (new.id, new.nombre); END",
    "CREATE TRIGGER cliente_texto_baja AFTER DELETE ON cliente BEGIN "
    "DELETE FROM cliente_texto WHERE rowid = old.id; END",
    "INSERT INTO cliente_texto (rowid, nombre) SELECT id, nombre FROM cliente",
]
# The expression must stay identical to reclamos.caso.busqueda's, or the index is not used.
EXPRESION_POSTGRES = ("to_tsvector('simple', translate(nombre, '%s', '%s'))" % _SIN_TILDE)
INDICE_POSTGRES = [
    f"CREATE INDEX cliente_nombre_texto ON cliente USING GIN ({EXPRESION_POSTGRES})",
]


def up(migrator, db):
    class Usuario(Model):
        class Meta:
            database = db
            legacy_table_names = False  # index names from the table (0017)
            table_name = 'usuario'

    class PreferenciaAviso(Model):
        usuario = ForeignKeyField(Usuario, on_delete='CASCADE', index=False)
        evento = CharField(max_length=20)
        campana = BooleanField(default=True)
        correo = BooleanField(default=True)

        class Meta:
            database = db
            legacy_table_names = False  # index names from the table (0017)
            table_name = 'preferencia_aviso'
            indexes = ((('usuario', 'evento'), True),)

    db.create_tables([PreferenciaAviso])
    for sentencia in (INDICE_POSTGRES if _es_postgres(db) else INDICE_SQLITE):
        db.execute_sql(sentencia)


def down(migrator, db):
    db.execute_sql('DROP TABLE IF EXISTS preferencia_aviso')
    if _es_postgres(db):
        db.execute_sql('DROP INDEX IF EXISTS cliente_nombre_texto')
        return
    for disparador in ('cliente_texto_alta', 'cliente_texto_cambio', 'cliente_texto_baja'):
        db.execute_sql(f'DROP TRIGGER IF EXISTS {disparador}')
    db.execute_sql('DROP TABLE IF EXISTS cliente_texto')


def _es_postgres(db):
    return 'postgres' in type(db).__name__.lower()
