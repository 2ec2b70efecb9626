"""Report layouts (plantilla_informe, with the two shipped layouts) and improvement actions:
the action, its links to cases and motives, its append-only history (triggers refuse UPDATE
and DELETE), and committee minutes."""
from peewee import *
import datetime

PREDETERMINADAS = (
    ('MENSUAL_CANAL', 'Informe mensual por canal', 'canal'),
    ('REGULADOR', 'Informe para la entidad reguladora', 'entidad'),
)
COLUMNAS = ('recibidos,resueltos_en_plazo,resueltos_fuera_plazo,pendientes,'
            'promedio_dias_habiles')


def up(migrator, db):
    class Canal(Model):
        class Meta:
            database = db
            table_name = 'canal'

    class EntidadReguladora(Model):
        class Meta:
            database = db
            table_name = 'entidad_reguladora'

    class Usuario(Model):
        class Meta:
            database = db
            table_name = 'usuario'

    class Reclamo(Model):
        class Meta:
            database = db
            table_name = 'reclamo'

    class Motivo(Model):
        class Meta:
            database = db
            table_name = 'motivo'

    class PlantillaInforme(Model):
        codigo = CharField(unique=True, max_length=40)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        ambito = CharField(max_length=20, default='canal')
        agrupaciones = TextField(default='tipo\nmotivo')
        columnas = TextField(default=COLUMNAS)
        periodo = CharField(max_length=20, default='mensual')
        canal = ForeignKeyField(Canal, null=True, on_delete='RESTRICT')
        entidad = ForeignKeyField(EntidadReguladora, null=True, on_delete='RESTRICT')
        class Meta:
            database = db
            table_name = 'plantilla_informe'

    class AccionMejora(Model):
        tipo = CharField(max_length=30)
        descripcion = TextField()
        responsable = ForeignKeyField(Usuario, on_delete='RESTRICT')
        vence_el = DateField()
        estado = CharField(max_length=20, default='abierta')
        resultado = TextField(default='')
        creado_por = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False)
        creado_en = DateTimeField(default=datetime.datetime.utcnow)
        cerrado_en = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'accion_mejora'
            indexes = ((('estado', 'vence_el'), False),)

    class AccionMejoraReclamo(Model):
        accion = ForeignKeyField(AccionMejora, on_delete='CASCADE', index=False)
        reclamo = ForeignKeyField(Reclamo, on_delete='RESTRICT')
        class Meta:
            database = db
            table_name = 'accion_mejora_reclamo'
            indexes = ((('accion', 'reclamo'), True),)

    class AccionMejoraMotivo(Model):
        accion = ForeignKeyField(AccionMejora, on_delete='CASCADE', index=False)
        motivo = ForeignKeyField(Motivo, on_delete='RESTRICT')
        class Meta:
            database = db
            table_name = 'accion_mejora_motivo'
            indexes = ((('accion', 'motivo'), True),)

    class CambioMejora(Model):
        accion = ForeignKeyField(AccionMejora, on_delete='RESTRICT', index=False)
        usuario = ForeignKeyField(Usuario, null=True, on_delete='RESTRICT', index=False)
        instante = DateTimeField()
        campo = CharField(max_length=40)
        valor_anterior = TextField(null=True)
        valor_nuevo = TextField(null=True)
        class Meta:
            database = db
            table_name = 'cambio_mejora'
            indexes = ((('accion', 'instante'), False),)

    class ActaComite(Model):
        fecha = DateField()
        asistentes = TextField()
        observaciones = TextField(default='')
        registrada_por = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False)
        creado_en = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'acta_comite'

    class ActaAccion(Model):
        acta = ForeignKeyField(ActaComite, on_delete='CASCADE', index=False)
        accion = ForeignKeyField(AccionMejora, on_delete='RESTRICT')
        estado = CharField(max_length=20)
        decision = TextField()
        class Meta:
            database = db
            table_name = 'acta_accion'
            indexes = ((('acta', 'accion'), True),)

    db.create_tables([PlantillaInforme, AccionMejora, AccionMejoraReclamo, AccionMejoraMotivo,
                      CambioMejora, ActaComite, ActaAccion])
    for sentencia in _disparadores(db):
        db.execute_sql(sentencia)
    for codigo, nombre, ambito in PREDETERMINADAS:
        PlantillaInforme.insert(codigo=codigo, nombre=nombre, ambito=ambito,
                                agrupaciones='tipo\nmotivo', columnas=COLUMNAS,
                                periodo='mensual').on_conflict_ignore().execute()


MENSAJE = 'El historial de una acción de mejora no se edita ni se borra.'


def _es_postgres(db):
    return isinstance(db, PostgresqlDatabase) or 'postgres' in type(db).__name__.lower()


def _disparadores(db):
    """Refuse UPDATE and DELETE on cambio_mejora even from raw SQL, like the case log."""
    if _es_postgres(db):
        return [
            "CREATE OR REPLACE FUNCTION cambio_mejora_inmutable() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN "
            f"RAISE EXCEPTION '{MENSAJE} (%% rechazado)', TG_OP "
            "USING ERRCODE = 'restrict_violation'; END $$",
            "CREATE TRIGGER cambio_mejora_inmutable BEFORE UPDATE OR DELETE ON cambio_mejora "
            "FOR EACH ROW EXECUTE FUNCTION cambio_mejora_inmutable()",
        ]
    return [
        f"CREATE TRIGGER cambio_mejora_sin_update BEFORE UPDATE ON cambio_mejora "
        f"BEGIN SELECT RAISE(ABORT, '{MENSAJE}'); END",
        f"CREATE TRIGGER cambio_mejora_sin_delete BEFORE DELETE ON cambio_mejora "
        f"BEGIN SELECT RAISE(ABORT, '{MENSAJE}'); END",
    ]


def down(migrator, db):
    if _es_postgres(db):
        db.execute_sql('DROP TRIGGER IF EXISTS cambio_mejora_inmutable ON cambio_mejora')
        db.execute_sql('DROP FUNCTION IF EXISTS cambio_mejora_inmutable()')
    else:
        db.execute_sql('DROP TRIGGER IF EXISTS cambio_mejora_sin_update')
        db.execute_sql('DROP TRIGGER IF EXISTS cambio_mejora_sin_delete')
    for tabla in ('acta_accion', 'acta_comite', 'cambio_mejora', 'accion_mejora_motivo',
                  'accion_mejora_reclamo', 'accion_mejora', 'plantilla_informe'):
        migrator.migrate(migrator.drop_table(tabla))
