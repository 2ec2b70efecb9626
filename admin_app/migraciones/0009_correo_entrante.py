"""E-mail intake: one row per message taken from the mailbox (case, comment or set aside),
and customers found by e-mail address regardless of case."""
from peewee import *
import datetime

def up(migrator, db):
    class Reclamo(Model):
        class Meta:
            database = db
            table_name = 'reclamo'

    class CorreoEntrante(Model):
        huella = CharField(max_length=64, unique=True)
        message_id = CharField(max_length=300, default='')
        remitente = CharField(max_length=255, default='')
        asunto = CharField(max_length=300, default='')
        fecha = DateTimeField(null=True)
        recibido_en = DateTimeField(null=True)
        tamano = BigIntegerField(default=0)
        resultado = CharField(max_length=12)
        razon = TextField(default='')
        reclamo = ForeignKeyField(Reclamo, null=True, on_delete='RESTRICT')
        procesado_en = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'correo_entrante'
            indexes = ((('resultado', 'procesado_en'), False),)
    db.create_tables([CorreoEntrante])
    # The sender is looked up by address on every message (an expression index: peewee's
    # model indexes name columns only).
    db.execute_sql('CREATE INDEX cliente_email_minusculas ON cliente (LOWER(email))')


def down(migrator, db):
    db.execute_sql('DROP INDEX cliente_email_minusculas')
    migrator.migrate(migrator.drop_table('correo_entrante'))
