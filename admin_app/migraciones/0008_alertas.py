"""Alerts: escalation levels and e-mail templates (catalogs), the (term, level) notified,
in-app notifications, and the indexed instant at which the sweep next looks at a term.

Open terms of existing cases are due for a first look at once (alerta_en = their start), so
the first sweep after the upgrade schedules them.
"""
from peewee import *
import datetime


def up(migrator, db):
    class Area(Model):
        class Meta:
            database = db
            table_name = 'area'

    class Usuario(Model):
        class Meta:
            database = db
            table_name = 'usuario'

    class Reclamo(Model):
        class Meta:
            database = db
            table_name = 'reclamo'

    class TerminoCaso(Model):
        class Meta:
            database = db
            table_name = 'termino_caso'

    class NivelEscalamiento(Model):
        codigo = CharField(unique=True, max_length=40)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        area = ForeignKeyField(Area, null=True, on_delete='CASCADE')
        orden = IntegerField(default=1)
        porcentaje = IntegerField()
        al_responsable = BooleanField(default=False)
        a_supervisores = BooleanField(default=False)
        a_gerentes = BooleanField(default=False)
        correos = TextField(default='')
        en_app = BooleanField(default=True)
        por_correo = BooleanField(default=False)
        class Meta:
            database = db
            table_name = 'nivel_escalamiento'

    class PlantillaCorreo(Model):
        codigo = CharField(unique=True, max_length=40)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        asunto = CharField(max_length=300)
        cuerpo = TextField()
        class Meta:
            database = db
            table_name = 'plantilla_correo'

    class AlertaTermino(Model):
        termino = ForeignKeyField(TerminoCaso, on_delete='CASCADE', index=False)
        nivel = ForeignKeyField(NivelEscalamiento, on_delete='CASCADE')
        porcentaje = IntegerField()
        instante = DateTimeField()
        class Meta:
            database = db
            table_name = 'alerta_termino'
            indexes = ((('termino', 'nivel'), True),)

    class Notificacion(Model):
        usuario = ForeignKeyField(Usuario, on_delete='CASCADE', index=False)
        reclamo = ForeignKeyField(Reclamo, null=True, on_delete='RESTRICT')
        titulo = CharField(max_length=300)
        texto = TextField(default='')
        creada_en = DateTimeField(default=datetime.datetime.utcnow)
        leida_en = DateTimeField(null=True)
        clave = CharField(max_length=200, null=True, unique=True)
        class Meta:
            database = db
            table_name = 'notificacion'
            indexes = ((('usuario', 'leida_en', 'creada_en'), False),)

    db.create_tables([NivelEscalamiento, PlantillaCorreo, AlertaTermino, Notificacion])
    migrator.migrate(
        migrator.add_column('termino_caso', 'alerta_en', DateTimeField(null=True)),
        migrator.add_index('termino_caso', ('alerta_en',), False))
    falso = 'false' if 'postgres' in type(db).__name__.lower() else '0'
    db.execute_sql('UPDATE termino_caso SET alerta_en = inicio '  # nosec B608: a literal
                   f'WHERE cumplido_en IS NULL AND cancelado = {falso}')


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index('termino_caso', 'termino_caso_alerta_en'),
        migrator.drop_column('termino_caso', 'alerta_en'),
        migrator.drop_table('notificacion'), migrator.drop_table('alerta_termino'),
        migrator.drop_table('plantilla_correo'), migrator.drop_table('nivel_escalamiento'))
