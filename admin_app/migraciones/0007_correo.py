"""Outgoing e-mail outbox and its attachments."""
from peewee import *
import datetime

def up(migrator, db):
    class Reclamo(Model):
        class Meta:
            database = db
            table_name = 'reclamo'

    class Correo(Model):
        creado_en = DateTimeField(default=datetime.datetime.utcnow)
        destinatario = CharField(max_length=254)
        asunto = CharField(max_length=300)
        cuerpo = TextField()
        reclamo = ForeignKeyField(Reclamo, null=True, on_delete='RESTRICT')
        clave = CharField(max_length=200, null=True, unique=True)
        estado = CharField(max_length=10, default='pendiente')
        intentos = IntegerField(default=0)
        proximo_intento = DateTimeField(default=datetime.datetime.utcnow)
        enviado_en = DateTimeField(null=True)
        error = TextField(default='')
        class Meta:
            database = db
            table_name = 'correo'
            indexes = ((('estado', 'proximo_intento'), False),)

    class AdjuntoCorreo(Model):
        correo = ForeignKeyField(Correo, on_delete='CASCADE')
        nombre = CharField(max_length=200)
        mime = CharField(max_length=120)
        contenido = BlobField()
        class Meta:
            database = db
            table_name = 'adjunto_correo'
    db.create_tables([Correo, AdjuntoCorreo])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('adjunto_correo'), migrator.drop_table('correo'))
