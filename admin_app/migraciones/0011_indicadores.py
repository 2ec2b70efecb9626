"""Indicators: when a case was annulled (the backlog over time needs the instant a case left
it), the indexes the dashboard's date ranges walk, and the daily rollup of the dashboard
(graficos.tablero.consolidado) with the instant it was computed."""
from peewee import (CharField, DateField, DateTimeField, DecimalField, IntegerField, Model)


def up(migrator, db):
    migrator.migrate(
        migrator.add_column('reclamo', 'anulado_en', DateTimeField(null=True)),
        # Covers the resolution-time percentiles (read from the cases, not the rollup).
        migrator.add_index('reclamo', ('recibido_en', 'terminado_en', 'motivo_id', 'area_id'),
                           False),
        migrator.add_index('reclamo', ('terminado_en',), False))

    class ResumenDiario(Model):
        dia = DateField()
        servicio = IntegerField()
        motivo = IntegerField()
        area = IntegerField()
        canal = IntegerField()
        prioridad = IntegerField(null=True)
        origen = CharField(max_length=10)
        tipo = CharField(max_length=20)
        usuario = IntegerField(null=True)
        recibidos = IntegerField(default=0)
        resueltos = IntegerField(default=0)
        finalizados = IntegerField(default=0)
        abiertos = IntegerField(default=0)
        vencidos = IntegerField(default=0)
        legal = IntegerField(default=0)
        legal_a_tiempo = IntegerField(default=0)
        sla = IntegerField(default=0)
        sla_a_tiempo = IntegerField(default=0)
        nota_1 = IntegerField(default=0)
        nota_2 = IntegerField(default=0)
        nota_3 = IntegerField(default=0)
        nota_4 = IntegerField(default=0)
        nota_5 = IntegerField(default=0)
        reclamado = DecimalField(max_digits=16, decimal_places=2, default=0)
        aprobado = DecimalField(max_digits=16, decimal_places=2, default=0)

        class Meta:
            database = db
            table_name = 'resumen_diario'
            indexes = ((('dia', 'area'), False),)

    class ResumenActividad(Model):
        dia = DateField()
        servicio = IntegerField()
        motivo = IntegerField()
        area = IntegerField()
        canal = IntegerField()
        prioridad = IntegerField(null=True)
        origen = CharField(max_length=10)
        tipo = CharField(max_length=20)
        usuario = IntegerField(null=True)
        actividad = CharField(max_length=200)
        terminos = IntegerField(default=0)
        a_tiempo = IntegerField(default=0)

        class Meta:
            database = db
            table_name = 'resumen_actividad'
            indexes = ((('dia', 'area'), False),)

    class CalculoResumen(Model):
        calculado_en = DateTimeField()
        zona = CharField(max_length=60)
        segundos = IntegerField(default=0)

        class Meta:
            database = db
            table_name = 'calculo_resumen'

    db.create_tables([ResumenDiario, ResumenActividad, CalculoResumen])


def down(migrator, db):
    migrator.migrate(
        migrator.drop_table('calculo_resumen'),
        migrator.drop_table('resumen_actividad'),
        migrator.drop_table('resumen_diario'),
        migrator.drop_index('reclamo', 'reclamo_terminado_en'),
        migrator.drop_index('reclamo', 'reclamo_recibido_en_terminado_en_motivo_id_area_id'),
        migrator.drop_column('reclamo', 'anulado_en'))
