"""Sandbox runs in the background: state, progress, cancel flag, heartbeat and result.

Frozen copies of the models (this file never imports the application's models).
"""
from peewee import *


def up(migrator, db):
    class Usuario(Model):
        class Meta:
            database = db
            table_name = 'usuario'

    class BorradorConfiguracion(Model):
        class Meta:
            database = db
            table_name = 'borrador_configuracion'

    class CorridaEnsayo(Model):
        borrador = ForeignKeyField(BorradorConfiguracion, on_delete='CASCADE')
        usuario = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False)
        desde = DateField()
        hasta = DateField()
        estado = CharField(max_length=20, default='en_cola')
        progreso = IntegerField(default=0)
        cancelar = BooleanField(default=False)
        resultado = TextField(null=True)
        error = TextField(default='')
        creado_en = DateTimeField()
        latido_en = DateTimeField()
        terminado_en = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'corrida_ensayo'

    db.create_tables([CorridaEnsayo])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('corrida_ensayo'))
