"""The company profile (one row): name, tax id, address, logo, country, public URL, Libro de
Reclamaciones switch and personal-data policy.

Frozen copy of the model (this file never imports the application's models).
"""
from peewee import *


def up(migrator, db):
    class Empresa(Model):
        nombre = CharField(max_length=200, default='')
        pais = CharField(max_length=2, default='CO')
        identificacion = CharField(max_length=20, default='')
        direccion = CharField(max_length=300, default='')
        url_publica = CharField(max_length=300, default='')
        libro_reclamaciones = BooleanField(default=False)
        politica_datos = TextField(default='')
        logo = BlobField(null=True)
        logo_tipo = CharField(max_length=40, default='')

        class Meta:
            database = db
            legacy_table_names = False  # index names from the table (0017)
            table_name = 'empresa'

    db.create_tables([Empresa])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('empresa'))
