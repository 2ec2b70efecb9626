"""Customer portal: what the customer gave on the public page (and the hoja de reclamación),
one-time satisfaction survey links, response letter templates."""
from peewee import *
import datetime

def up(migrator, db):
    class Reclamo(Model):
        class Meta:
            database = db
            table_name = 'reclamo'

    class Motivo(Model):
        class Meta:
            database = db
            table_name = 'motivo'

    class SolicitudPortal(Model):
        reclamo = ForeignKeyField(Reclamo, unique=True, on_delete='RESTRICT')
        nombre = CharField(max_length=200)
        email = CharField(max_length=254)
        telefono = CharField(max_length=40, default='')
        libro = BooleanField(default=False)
        bien = CharField(max_length=10, default='')
        bien_descripcion = CharField(max_length=300, default='')
        monto = DecimalField(max_digits=14, decimal_places=2, null=True)
        pedido = TextField(default='')
        creado_en = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'solicitud_portal'

    class Encuesta(Model):
        reclamo = ForeignKeyField(Reclamo, on_delete='RESTRICT')
        nonce = CharField(max_length=64, unique=True)
        destinatario = CharField(max_length=254, default='')
        creada_en = DateTimeField(default=datetime.datetime.utcnow)
        usada_en = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'encuesta'

    class PlantillaCarta(Model):
        codigo = CharField(max_length=40, unique=True)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        motivo = ForeignKeyField(Motivo, null=True, on_delete='RESTRICT')
        resultado = CharField(max_length=20, default='favorable')
        asunto = CharField(max_length=300)
        texto = TextField()
        class Meta:
            database = db
            table_name = 'plantilla_carta'
    db.create_tables([SolicitudPortal, Encuesta, PlantillaCarta])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('plantilla_carta'), migrator.drop_table('encuesta'),
                     migrator.drop_table('solicitud_portal'))
