"""Process lab: routing rules in plain Spanish and case tags.

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

    db.create_tables([ReglaEnrutamiento, EtiquetaCaso])


def down(migrator, db):
    db.execute_sql('DROP TABLE IF EXISTS etiqueta_caso')
    db.execute_sql('DROP TABLE IF EXISTS regla_enrutamiento')
