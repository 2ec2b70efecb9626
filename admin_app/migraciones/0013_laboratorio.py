"""Process lab: routing rules in plain Spanish, case tags, the sandbox's drafts, kept
configuration versions and admin log, and the full-text index of cases
(description + motive name) that finds similar resolved cases and duplicates.

The index is the database's own: SQLite FTS5 (bm25), PostgreSQL tsvector + GIN (ts_rank),
kept up to date by triggers on ``reclamo``.

Frozen copies of the models (this file never imports the application's models).
"""
from peewee import *


def up(migrator, db):
    class Reclamo(Model):
        class Meta:
            database = db
            table_name = 'reclamo'

    class ReglaEnrutamiento(Model):
        codigo = CharField(unique=True, max_length=40)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        orden = IntegerField(default=10)
        texto = TextField()
        class Meta:
            database = db
            table_name = 'regla_enrutamiento'

    class EtiquetaCaso(Model):
        reclamo = ForeignKeyField(Reclamo, on_delete='CASCADE', index=False)
        etiqueta = CharField(max_length=60)
        class Meta:
            database = db
            table_name = 'etiqueta_caso'
            indexes = ((('reclamo', 'etiqueta'), True), (('etiqueta',), False))

    class Usuario(Model):
        class Meta:
            database = db
            table_name = 'usuario'

    class BorradorConfiguracion(Model):
        nombre = CharField(max_length=200)
        creado_en = DateTimeField()
        creado_por = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False)
        datos = TextField()
        parametros = TextField(default='{}')
        estado = CharField(max_length=20, default='borrador')
        publicado_en = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'borrador_configuracion'

    class VersionConfiguracion(Model):
        creado_en = DateTimeField()
        usuario = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False)
        motivo = CharField(max_length=300)
        datos = TextField()
        class Meta:
            database = db
            table_name = 'version_configuracion'

    class BitacoraAdmin(Model):
        instante = DateTimeField(index=True)
        usuario = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False)
        accion = CharField(max_length=40)
        detalle = TextField(default='')
        class Meta:
            database = db
            table_name = 'bitacora_admin'

    db.create_tables([ReglaEnrutamiento, EtiquetaCaso, BorradorConfiguracion,
                      VersionConfiguracion, BitacoraAdmin])
    for sentencia in (INDICE_POSTGRES if _es_postgres(db) else INDICE_SQLITE):
        db.execute_sql(sentencia)


def _es_postgres(db):
    return 'postgres' in type(db).__name__.lower()


_TEXTO_SQLITE = ("coalesce(new.descripcion, '') || ' ' || "
                 "coalesce((SELECT nombre FROM motivo WHERE id = new.motivo_id), '')")
INDICE_SQLITE = [
    "CREATE VIRTUAL TABLE reclamo_texto USING fts5(texto, "
    "tokenize = 'unicode61 remove_diacritics 2')",
    # DELETE before INSERT: a case id reused after rows were removed outside the triggers
    # (a restore) must not collide with a stale index row.
    "CREATE TRIGGER reclamo_texto_alta AFTER INSERT ON reclamo BEGIN "
    "DELETE FROM reclamo_texto WHERE rowid = new.id; "
    f"INSERT INTO reclamo_texto (rowid, texto) VALUES (new.id, {_TEXTO_SQLITE}); END",  # nosec B608: constant
    "CREATE TRIGGER reclamo_texto_cambio AFTER UPDATE OF descripcion, motivo_id ON reclamo "
    "BEGIN DELETE FROM reclamo_texto WHERE rowid = new.id; "
    f"INSERT INTO reclamo_texto (rowid, texto) VALUES (new.id, {_TEXTO_SQLITE}); END",  # nosec B608: constant
    "CREATE TRIGGER reclamo_texto_baja AFTER DELETE ON reclamo BEGIN "
    "DELETE FROM reclamo_texto WHERE rowid = old.id; END",
    "INSERT INTO reclamo_texto (rowid, texto) SELECT r.id, r.descripcion || ' ' || m.nombre "
    "FROM reclamo r JOIN motivo m ON m.id = r.motivo_id",
]
# Accents are dropped before indexing, as the query words are (reglas.busqueda).
SIN_TILDE = ('ÁÉÍÓÚÜÑáéíóúüñ', 'AEIOUUNaeiouun')
INDICE_POSTGRES = [
    "CREATE TABLE reclamo_texto (reclamo_id INTEGER PRIMARY KEY REFERENCES reclamo (id) "
    "ON DELETE CASCADE, documento TSVECTOR NOT NULL)",
    "CREATE INDEX reclamo_texto_documento ON reclamo_texto USING GIN (documento)",
    """CREATE FUNCTION reclamo_texto_indexar() RETURNS trigger AS $$
    BEGIN
        INSERT INTO reclamo_texto (reclamo_id, documento)
        VALUES (NEW.id, to_tsvector('spanish', translate(coalesce(NEW.descripcion, '') || ' ' ||
                coalesce((SELECT nombre FROM motivo WHERE id = NEW.motivo_id), ''),
                'ÁÉÍÓÚÜÑáéíóúüñ', 'AEIOUUNaeiouun')))
        ON CONFLICT (reclamo_id) DO UPDATE SET documento = EXCLUDED.documento;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER reclamo_texto_alta AFTER INSERT ON reclamo FOR EACH ROW "
    "EXECUTE FUNCTION reclamo_texto_indexar()",
    "CREATE TRIGGER reclamo_texto_cambio AFTER UPDATE OF descripcion, motivo_id ON reclamo "
    "FOR EACH ROW EXECUTE FUNCTION reclamo_texto_indexar()",
    "INSERT INTO reclamo_texto (reclamo_id, documento) SELECT r.id, to_tsvector('spanish', "
    "translate(r.descripcion || ' ' || m.nombre, '%s', '%s')) "
    "FROM reclamo r JOIN motivo m ON m.id = r.motivo_id" % (SIN_TILDE),  # nosec B608: constant
]


def down(migrator, db):
    for tabla in ('bitacora_admin', 'version_configuracion', 'borrador_configuracion'):
        db.execute_sql(f'DROP TABLE IF EXISTS {tabla}')
    if _es_postgres(db):
        db.execute_sql('DROP TABLE IF EXISTS reclamo_texto')
        db.execute_sql('DROP TRIGGER IF EXISTS reclamo_texto_alta ON reclamo')
        db.execute_sql('DROP TRIGGER IF EXISTS reclamo_texto_cambio ON reclamo')
        db.execute_sql('DROP FUNCTION IF EXISTS reclamo_texto_indexar()')
    else:
        for disparador in ('reclamo_texto_alta', 'reclamo_texto_cambio', 'reclamo_texto_baja'):
            db.execute_sql(f'DROP TRIGGER IF EXISTS {disparador}')
        db.execute_sql('DROP TABLE IF EXISTS reclamo_texto')
    db.execute_sql('DROP TABLE IF EXISTS etiqueta_caso')
    db.execute_sql('DROP TABLE IF EXISTS regla_enrutamiento')
