"""Issue 17: outcomes per regulator and the case's outcome, reclassification count, regulator
report layouts, and the claim-level decision.

Frozen copies of the models (this file never imports the application's models).
"""
from peewee import *


def up(migrator, db):
    class EntidadReguladora(Model):
        class Meta:
            database = db
            table_name = 'entidad_reguladora'

    class Reclamo(Model):
        class Meta:
            database = db
            table_name = 'reclamo'

    class Usuario(Model):
        class Meta:
            database = db
            table_name = 'usuario'

    class Resultado(Model):
        codigo = CharField(max_length=40, unique=True)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        entidad = ForeignKeyField(EntidadReguladora, null=True, on_delete='RESTRICT')
        sentido = CharField(max_length=20)
        class Meta:
            database = db
            table_name = 'resultado'
            legacy_table_names = False

    class FormatoRegulador(Model):
        codigo = CharField(max_length=40, unique=True)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        entidad = ForeignKeyField(EntidadReguladora, on_delete='RESTRICT')
        norma = CharField(max_length=300, default='')
        periodo = CharField(max_length=20, default='mensual')
        columnas = TextField()
        codigos = TextField(default='')
        class Meta:
            database = db
            table_name = 'formato_regulador'
            legacy_table_names = False  # index names from the table, as the models (0017)

    class DecisionReclamo(Model):
        reclamo = ForeignKeyField(Reclamo, unique=True, on_delete='CASCADE')
        estado = CharField(max_length=20)
        monto_reclamado = DecimalField(max_digits=14, decimal_places=2)
        monto_aprobado = DecimalField(max_digits=14, decimal_places=2, null=True)
        motivo = TextField(default='')
        usuario = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False)
        decidido_en = DateTimeField()
        class Meta:
            database = db
            table_name = 'decision_reclamo'
            legacy_table_names = False

    db.create_tables([Resultado, FormatoRegulador, DecisionReclamo])
    if isinstance(db, SqliteDatabase):
        # Plain ADD COLUMN: peewee's SQLite migrator rebuilds the table to add a NOT NULL
        # column, which would drop reclamo's triggers (the full-text index of 0013).
        for sql in ('ALTER TABLE reclamo ADD COLUMN resultado_id INTEGER '
                    'REFERENCES resultado (id) ON DELETE RESTRICT',
                    "ALTER TABLE reclamo ADD COLUMN resultado_motivo TEXT NOT NULL DEFAULT ''",
                    'ALTER TABLE reclamo ADD COLUMN reclasificaciones INTEGER NOT NULL '
                    'DEFAULT 0'):
            db.execute_sql(sql)
        return
    migrator.migrate(
        migrator.add_column('reclamo', 'resultado_id',
                            ForeignKeyField(Resultado, null=True, on_delete='RESTRICT', index=False,
                                            field=Resultado.id)),
        migrator.add_column('reclamo', 'resultado_motivo', TextField(default='')),
        migrator.add_column('reclamo', 'reclasificaciones', IntegerField(default=0)),
    )


def down(migrator, db):
    # On SQLite dropping a column rebuilds the table, which drops 0013's full-text triggers:
    # run 0013's down and up again after this one there.
    migrator.migrate(migrator.drop_column('reclamo', 'resultado_id'),
                     migrator.drop_column('reclamo', 'resultado_motivo'),
                     migrator.drop_column('reclamo', 'reclasificaciones'))
    for tabla in ('decision_reclamo', 'formato_regulador', 'resultado'):
        migrator.migrate(migrator.drop_table(tabla))
