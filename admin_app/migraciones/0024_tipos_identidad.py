"""Identity document types as a catalog: each with its country and validation rule, seeded
with the types the application had fixed in code.

Frozen copy of the model (this file never imports the application's models).
"""
from peewee import *

INICIALES = (
    ('DNI', 'DNI (Perú)', 'PE', 'dni', 1), ('RUC', 'RUC (Perú)', 'PE', 'ruc', 2),
    ('CE', 'Carné o cédula de extranjería', 'ambos', 'ce', 3),
    ('CC', 'Cédula de ciudadanía (Colombia)', 'CO', 'cc', 4),
    ('NIT', 'NIT (Colombia)', 'CO', 'nit', 5), ('PAS', 'Pasaporte', 'ambos', 'pas', 6),
)


def up(migrator, db):
    class TipoIdentidad(Model):
        codigo = CharField(max_length=40, unique=True)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        pais = CharField(max_length=5, default='ambos')
        regla = CharField(max_length=10)
        orden = IntegerField(default=0)
        class Meta:
            database = db
            table_name = 'tipo_identidad'
            legacy_table_names = False

    db.create_tables([TipoIdentidad])
    TipoIdentidad.insert_many(
        [dict(zip(('codigo', 'nombre', 'pais', 'regla', 'orden'), fila)) for fila in INICIALES]
    ).execute()


def down(migrator, db):
    migrator.migrate(migrator.drop_table('tipo_identidad'))
