"""Cases: customers, the case and its yearly counter, terms, suspensions, the append-only
action log (with triggers that refuse UPDATE and DELETE), claim lines, and processes of
activities per motive.

Generated with ``python -m playhouse.migrations ... generate casos``; then the foreign keys
the models declare ``index=False`` (covered by composite indexes) were marked so, and the
triggers were added.
"""
from peewee import *
import datetime

def up(migrator, db):
    class Area(Model):
        class Meta:
            database = db
            table_name = 'area'

    class Calendario(Model):
        class Meta:
            database = db
            table_name = 'calendario'

    class Canal(Model):
        class Meta:
            database = db
            table_name = 'canal'

    class Motivo(Model):
        class Meta:
            database = db
            table_name = 'motivo'

    class Prioridad(Model):
        class Meta:
            database = db
            table_name = 'prioridad'

    class Producto(Model):
        class Meta:
            database = db
            table_name = 'producto'

    class Servicio(Model):
        class Meta:
            database = db
            table_name = 'servicio'

    class TipoDocumento(Model):
        class Meta:
            database = db
            table_name = 'tipo_documento'

    class Usuario(Model):
        class Meta:
            database = db
            table_name = 'usuario'

    class Cliente(Model):
        tipo_documento_identidad = CharField(max_length=3)
        numero_documento = CharField(max_length=20)
        nombre = CharField(max_length=200)
        email = CharField(default='')
        telefono = CharField(max_length=40, default='')
        direccion = CharField(max_length=300, default='')
        creado_en = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'cliente'
            indexes = ((('tipo_documento_identidad', 'numero_documento'), True),)
    db.create_tables([Cliente])

    class Proceso(Model):
        codigo = CharField(unique=True, max_length=40)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        motivo = ForeignKeyField(Motivo, on_delete='RESTRICT')
        descripcion = TextField(default='')
        class Meta:
            database = db
            table_name = 'proceso'
    db.create_tables([Proceso])

    class Reclamo(Model):
        numero = CharField(unique=True, max_length=20)
        tipo = CharField(max_length=20)
        origen = CharField(max_length=10)
        cliente = ForeignKeyField(Cliente, null=True, on_delete='RESTRICT')
        area_solicitante = ForeignKeyField(Area, null=True, on_delete='RESTRICT', index=False)
        canal = ForeignKeyField(Canal, on_delete='RESTRICT')
        servicio = ForeignKeyField(Servicio, on_delete='RESTRICT')
        producto = ForeignKeyField(Producto, null=True, on_delete='RESTRICT', index=False)
        motivo = ForeignKeyField(Motivo, on_delete='RESTRICT', index=False)
        prioridad = ForeignKeyField(Prioridad, null=True, on_delete='RESTRICT')
        descripcion = TextField()
        campos = TextField(default='{}')
        documento_tipo = ForeignKeyField(TipoDocumento, null=True, on_delete='RESTRICT',
                                         index=False)
        documento_numero = CharField(max_length=40, default='')
        calendario = ForeignKeyField(Calendario, null=True, on_delete='RESTRICT', index=False)
        proceso = ForeignKeyField(Proceso, null=True, on_delete='RESTRICT', index=False)
        actividad_orden = IntegerField(null=True)
        recibido_en = DateTimeField()
        estado = CharField(max_length=20, default='PENDIENTE')
        area = ForeignKeyField(Area, on_delete='RESTRICT', index=False)
        usuario = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False)
        vence_en = DateTimeField(null=True)
        respuesta = TextField(default='')
        terminado_en = DateTimeField(null=True)
        cerrado_en = DateTimeField(null=True)
        calificacion = IntegerField(null=True)
        calificado_por = CharField(max_length=200, default='')
        sin_contacto = BooleanField(default=False)
        nota_cierre = TextField(default='')
        motivo_anulacion = TextField(default='')
        duplicado_de = ForeignKeyField('self', null=True, on_delete='SET NULL', index=False)
        registrado_por = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False)
        version = IntegerField(default=1)
        creado_en = DateTimeField(default=datetime.datetime.utcnow)
        actualizado_en = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'reclamo'
            indexes = ((('estado', 'vence_en'), False),
                       (('area', 'estado', 'vence_en'), False),
                       (('usuario', 'estado', 'vence_en'), False),
                       (('motivo', 'recibido_en'), False))
    db.create_tables([Reclamo])

    class Accion(Model):
        reclamo = ForeignKeyField(Reclamo, on_delete='RESTRICT', index=False)
        usuario = ForeignKeyField(Usuario, null=True, on_delete='RESTRICT', index=False)
        instante = DateTimeField()
        ip = CharField(max_length=45, default='')
        tipo = CharField(max_length=20)
        campo = CharField(max_length=60, default='')
        valor_anterior = TextField(null=True)
        valor_nuevo = TextField(null=True)
        texto = TextField(default='')
        visible_cliente = BooleanField(default=False)
        version = IntegerField(null=True)
        class Meta:
            database = db
            table_name = 'accion'
            indexes = ((('reclamo', 'instante'), False),)
    db.create_tables([Accion])

    class Actividad(Model):
        proceso = ForeignKeyField(Proceso, on_delete='CASCADE')
        orden = IntegerField(default=1)
        nombre = CharField(max_length=200)
        area = ForeignKeyField(Area, on_delete='RESTRICT')
        plazo_cantidad = IntegerField()
        plazo_unidad = CharField(max_length=20, default='horas')
        condicion = TextField(default='')
        class Meta:
            database = db
            table_name = 'actividad'
            indexes = ((('proceso', 'orden'), True),)
    db.create_tables([Actividad])

    class ContadorReclamo(Model):
        anio = IntegerField(unique=True)
        ultimo = IntegerField(default=0)
        class Meta:
            database = db
            table_name = 'contador_reclamo'
    db.create_tables([ContadorReclamo])

    class LineaReclamo(Model):
        reclamo = ForeignKeyField(Reclamo, on_delete='CASCADE')
        numero = IntegerField()
        concepto = CharField(max_length=200)
        monto_reclamado = DecimalField(max_digits=14, decimal_places=2)
        monto_aprobado = DecimalField(null=True, max_digits=14, decimal_places=2)
        estado = CharField(max_length=25, default='BORRADOR')
        envios = IntegerField(default=0)
        observacion = TextField(default='')
        creado_en = DateTimeField(default=datetime.datetime.utcnow)
        actualizado_en = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'linea_reclamo'
            indexes = ((('reclamo', 'numero'), True),)
    db.create_tables([LineaReclamo])

    class Suspension(Model):
        reclamo = ForeignKeyField(Reclamo, on_delete='CASCADE')
        inicio = DateTimeField()
        fin = DateTimeField(null=True)
        motivo = TextField()
        estado_previo = CharField(max_length=20)
        usuario = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False)
        class Meta:
            database = db
            table_name = 'suspension'
    db.create_tables([Suspension])

    class TerminoCaso(Model):
        reclamo = ForeignKeyField(Reclamo, on_delete='CASCADE')
        tipo = CharField(max_length=20)
        codigo = CharField(max_length=40)
        nombre = CharField(max_length=200)
        cantidad = IntegerField()
        unidad = CharField(max_length=20)
        prorrogable = BooleanField(default=False)
        prorroga_max = IntegerField(null=True)
        umbral = FloatField(default=0.8)
        actividad_orden = IntegerField(null=True)
        inicio = DateTimeField()
        vence_en = DateTimeField(null=True)
        cumplido_en = DateTimeField(null=True)
        cancelado = BooleanField(default=False)
        prorrogado = IntegerField(default=0)
        class Meta:
            database = db
            table_name = 'termino_caso'
    db.create_tables([TerminoCaso])

    class VersionLinea(Model):
        linea = ForeignKeyField(LineaReclamo, on_delete='CASCADE')
        numero = IntegerField()
        concepto = CharField(max_length=200)
        monto_reclamado = DecimalField(max_digits=14, decimal_places=2)
        enviado_en = DateTimeField()
        enviado_por = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False)
        class Meta:
            database = db
            table_name = 'version_linea'
            indexes = ((('linea', 'numero'), True),)
    db.create_tables([VersionLinea])

    for sentencia in _disparadores(db):
        db.execute_sql(sentencia)


MENSAJE = 'Las acciones del caso no se editan ni se borran.'


def _es_postgres(db):
    return isinstance(db, PostgresqlDatabase) or 'postgres' in type(db).__name__.lower()


def _disparadores(db):
    """Refuse UPDATE and DELETE on accion even from raw SQL (TRUNCATE stays a DBA tool)."""
    if _es_postgres(db):
        return [
            "CREATE OR REPLACE FUNCTION accion_inmutable() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN "
            f"RAISE EXCEPTION '{MENSAJE} (%% rechazado)', TG_OP "
            "USING ERRCODE = 'restrict_violation'; END $$",
            "CREATE TRIGGER accion_inmutable BEFORE UPDATE OR DELETE ON accion "
            "FOR EACH ROW EXECUTE FUNCTION accion_inmutable()",
        ]
    return [
        f"CREATE TRIGGER accion_sin_update BEFORE UPDATE ON accion "
        f"BEGIN SELECT RAISE(ABORT, '{MENSAJE}'); END",
        f"CREATE TRIGGER accion_sin_delete BEFORE DELETE ON accion "
        f"BEGIN SELECT RAISE(ABORT, '{MENSAJE}'); END",
    ]


def down(migrator, db):
    if _es_postgres(db):
        db.execute_sql('DROP TRIGGER IF EXISTS accion_inmutable ON accion')
        db.execute_sql('DROP FUNCTION IF EXISTS accion_inmutable()')
    else:
        db.execute_sql('DROP TRIGGER IF EXISTS accion_sin_update')
        db.execute_sql('DROP TRIGGER IF EXISTS accion_sin_delete')
    migrator.migrate(migrator.drop_table('version_linea'))
    migrator.migrate(migrator.drop_table('termino_caso'))
    migrator.migrate(migrator.drop_table('suspension'))
    migrator.migrate(migrator.drop_table('linea_reclamo'))
    migrator.migrate(migrator.drop_table('contador_reclamo'))
    migrator.migrate(migrator.drop_table('actividad'))
    migrator.migrate(migrator.drop_table('accion'))
    migrator.migrate(migrator.drop_table('reclamo'))
    migrator.migrate(migrator.drop_table('proceso'))
    migrator.migrate(migrator.drop_table('cliente'))
