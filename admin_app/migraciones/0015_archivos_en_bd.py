"""Document bytes in the database (RECLAMOS_ADJUNTOS_EN=bd), once per SHA-256."""
from peewee import *
import datetime


def up(migrator, db):
    class ArchivoAdjunto(Model):
        sha256 = CharField(max_length=64, primary_key=True)
        tamano = BigIntegerField()
        contenido = BlobField()
        creado_en = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'archivo_adjunto'
    db.create_tables([ArchivoAdjunto])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('archivo_adjunto'))
