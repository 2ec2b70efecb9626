"""Initial schema: catalogs, calendars, users and roles."""
from peewee import *
import datetime

def up(migrator, db):
    class Area(Model):
        codigo = CharField(unique=True, max_length=40)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        registra = BooleanField(default=True)
        resuelve = BooleanField(default=False)
        correo = CharField(max_length=200, default='')
        class Meta:
            database = db
            table_name = 'area'
    db.create_tables([Area])

    class Calendario(Model):
        codigo = CharField(unique=True, max_length=40)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        pais = CharField(max_length=2)
        zona = CharField(max_length=64, default='America/Bogota')
        recepcion_en_horario = BooleanField(default=False)
        predeterminado = BooleanField(default=False)
        class Meta:
            database = db
            table_name = 'calendario'
    db.create_tables([Calendario])

    class Servicio(Model):
        codigo = CharField(unique=True, max_length=40)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        descripcion = TextField(default='')
        class Meta:
            database = db
            table_name = 'servicio'
    db.create_tables([Servicio])

    class Producto(Model):
        codigo = CharField(unique=True, max_length=40)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        servicio = ForeignKeyField(Servicio, on_delete='RESTRICT')
        class Meta:
            database = db
            table_name = 'producto'
    db.create_tables([Producto])

    class PlazoLegal(Model):
        codigo = CharField(unique=True, max_length=40)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        norma = CharField(max_length=200, default='')
        cantidad = IntegerField()
        unidad = CharField(max_length=20, default='dias_habiles')
        prorrogable = BooleanField(default=False)
        prorroga_max = IntegerField(null=True)
        notificacion_cantidad = IntegerField(null=True)
        notificacion_unidad = CharField(null=True, max_length=20)
        class Meta:
            database = db
            table_name = 'plazo_legal'
    db.create_tables([PlazoLegal])

    class Prioridad(Model):
        codigo = CharField(unique=True, max_length=40)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        cantidad = IntegerField()
        unidad = CharField(max_length=20, default='dias')
        orden = IntegerField(default=0)
        color = CharField(max_length=20, default='secondary')
        class Meta:
            database = db
            table_name = 'prioridad'
    db.create_tables([Prioridad])

    class EntidadReguladora(Model):
        codigo = CharField(unique=True, max_length=40)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        pais = CharField(max_length=2)
        sitio = CharField(max_length=200, default='')
        class Meta:
            database = db
            table_name = 'entidad_reguladora'
    db.create_tables([EntidadReguladora])

    class Motivo(Model):
        codigo = CharField(unique=True, max_length=40)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        servicio = ForeignKeyField(Servicio, on_delete='RESTRICT')
        producto = ForeignKeyField(Producto, null=True, on_delete='RESTRICT')
        tipo = CharField(max_length=20, default='reclamo')
        plazo = ForeignKeyField(PlazoLegal, on_delete='RESTRICT')
        prioridad = ForeignKeyField(Prioridad, null=True, on_delete='RESTRICT')
        area = ForeignKeyField(Area, null=True, on_delete='RESTRICT')
        entidad = ForeignKeyField(EntidadReguladora, null=True, on_delete='RESTRICT')
        calendario = ForeignKeyField(Calendario, null=True, on_delete='RESTRICT')
        class Meta:
            database = db
            table_name = 'motivo'
    db.create_tables([Motivo])

    class CampoPersonalizado(Model):
        activo = BooleanField(default=True)
        motivo = ForeignKeyField(Motivo, on_delete='CASCADE')
        codigo = CharField(max_length=40)
        nombre = CharField(max_length=200)
        tipo = CharField(max_length=20, default='texto')
        requerido = BooleanField(default=False)
        opciones = TextField(default='')
        orden = IntegerField(default=0)
        class Meta:
            database = db
            table_name = 'campo_personalizado'
            indexes = ((('motivo', 'codigo'), True),)
    db.create_tables([CampoPersonalizado])

    class Canal(Model):
        codigo = CharField(unique=True, max_length=40)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        virtual = BooleanField(default=False)
        primera_respuesta_cantidad = IntegerField(null=True)
        primera_respuesta_unidad = CharField(null=True, max_length=20)
        class Meta:
            database = db
            table_name = 'canal'
    db.create_tables([Canal])

    class DiaEspecial(Model):
        calendario = ForeignKeyField(Calendario, on_delete='CASCADE')
        fecha = DateField()
        tipo = CharField(max_length=20, default='no_laborable')
        descripcion = CharField(max_length=200, default='')
        class Meta:
            database = db
            table_name = 'dia_especial'
            indexes = ((('calendario', 'fecha'), True),)
    db.create_tables([DiaEspecial])

    class HorarioDia(Model):
        calendario = ForeignKeyField(Calendario, on_delete='CASCADE')
        dia = IntegerField()
        abre = TimeField()
        cierra = TimeField()
        class Meta:
            database = db
            table_name = 'horario_dia'
            indexes = ((('calendario', 'dia'), True),)
    db.create_tables([HorarioDia])

    class Rol(Model):
        name = CharField(unique=True, max_length=80)
        description = TextField(default='')
        class Meta:
            database = db
            table_name = 'rol'
    db.create_tables([Rol])

    class TipoDocumento(Model):
        codigo = CharField(unique=True, max_length=40)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        tiene_lineas = BooleanField(default=False)
        class Meta:
            database = db
            table_name = 'tipo_documento'
    db.create_tables([TipoDocumento])

    class Usuario(Model):
        email = CharField(unique=True)
        nombre = CharField(max_length=200, default='')
        password = CharField(null=True)
        active = BooleanField(default=True)
        fs_uniquifier = CharField(unique=True, max_length=64)
        area = ForeignKeyField(Area, null=True, on_delete='SET NULL')
        confirmed_at = DateTimeField(null=True)
        creado_en = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'usuario'
    db.create_tables([Usuario])

    class UsuarioRol(Model):
        user = ForeignKeyField(Usuario, on_delete='CASCADE')
        role = ForeignKeyField(Rol, on_delete='CASCADE')
        class Meta:
            database = db
            table_name = 'usuario_rol'
            indexes = ((('user', 'role'), True),)
    db.create_tables([UsuarioRol])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('usuario_rol'))
    migrator.migrate(migrator.drop_table('usuario'))
    migrator.migrate(migrator.drop_table('tipo_documento'))
    migrator.migrate(migrator.drop_table('rol'))
    migrator.migrate(migrator.drop_table('horario_dia'))
    migrator.migrate(migrator.drop_table('dia_especial'))
    migrator.migrate(migrator.drop_table('canal'))
    migrator.migrate(migrator.drop_table('campo_personalizado'))
    migrator.migrate(migrator.drop_table('motivo'))
    migrator.migrate(migrator.drop_table('entidad_reguladora'))
    migrator.migrate(migrator.drop_table('prioridad'))
    migrator.migrate(migrator.drop_table('plazo_legal'))
    migrator.migrate(migrator.drop_table('producto'))
    migrator.migrate(migrator.drop_table('servicio'))
    migrator.migrate(migrator.drop_table('calendario'))
    migrator.migrate(migrator.drop_table('area'))
