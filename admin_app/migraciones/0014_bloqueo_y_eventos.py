"""Account lock-out after repeated failed logins, and each user's sign-in/sign-out log."""
from peewee import *
import datetime


def up(migrator, db):
    class Usuario(Model):
        class Meta:
            database = db
            table_name = 'usuario'

    class EventoUsuario(Model):
        usuario = ForeignKeyField(Usuario, null=True, on_delete='CASCADE')
        email = CharField(max_length=255, default='')
        tipo = CharField(max_length=20)
        ip = CharField(max_length=45, default='')
        navegador = CharField(max_length=200, default='')
        creado_en = DateTimeField(default=datetime.datetime.utcnow, index=True)
        class Meta:
            database = db
            table_name = 'evento_usuario'

    migrator.migrate(
        migrator.add_column('usuario', 'intentos_fallidos', IntegerField(default=0)),
        migrator.add_column('usuario', 'bloqueado_hasta', DateTimeField(null=True)))
    db.create_tables([EventoUsuario])


def down(migrator, db):
    migrator.migrate(
        migrator.drop_table('evento_usuario'),
        migrator.drop_column('usuario', 'bloqueado_hasta'),
        migrator.drop_column('usuario', 'intentos_fallidos'))
