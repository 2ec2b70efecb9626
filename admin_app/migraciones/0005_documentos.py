"""Documents of a case (files stored outside the web root)."""
from peewee import *
import datetime

def up(migrator, db):
    class Reclamo(Model):
        class Meta:
            database = db
            table_name = 'reclamo'

    class Usuario(Model):
        class Meta:
            database = db
            table_name = 'usuario'

    class Documento(Model):
        reclamo = ForeignKeyField(Reclamo, on_delete='RESTRICT')
        tipo = CharField(max_length=12)
        descripcion = CharField(max_length=300, default='')
        nombre = CharField(max_length=200, default='')
        mime = CharField(max_length=120, default='')
        tamano = BigIntegerField(default=0)
        sha256 = CharField(max_length=64, default='')
        archivo_fisico = CharField(max_length=60, default='')
        usuario = ForeignKeyField(Usuario, null=True, on_delete='RESTRICT')
        creado_en = DateTimeField(default=datetime.datetime.utcnow)
        nota = TextField(default='')
        class Meta:
            database = db
            table_name = 'documento'
    db.create_tables([Documento])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('documento'))
