"""Portal round two: the contact details each case was filed with (the customer's record is
no longer overwritten by a registration), the consent to the personal-data notice, and
letters delivered on paper. Existing cases get their contact from what the portal kept or,
failing that, from their customer's record as it is now (the best value there is)."""
from peewee import *
import datetime

# Existing external cases: the contact the portal kept, else their customer's record as it is
# now (its address only when the portal kept none: the portal never stored one).
RELLENO = (
    'INSERT INTO contacto_caso (reclamo_id, nombre, email, telefono, direccion, creado_en) '
    'SELECT r.id, COALESCE(s.nombre, c.nombre), COALESCE(s.email, c.email), '
    'COALESCE(s.telefono, c.telefono), CASE WHEN s.id IS NULL THEN c.direccion '
    "ELSE '' END, r.creado_en FROM reclamo r JOIN cliente c ON c.id = r.cliente_id "
    "LEFT JOIN solicitud_portal s ON s.reclamo_id = r.id WHERE r.origen = 'externo'")


def up(migrator, db):
    class Reclamo(Model):
        class Meta:
            database = db
            table_name = 'reclamo'

    class Documento(Model):
        class Meta:
            database = db
            table_name = 'documento'

    class Usuario(Model):
        class Meta:
            database = db
            table_name = 'usuario'

    class ContactoCaso(Model):
        reclamo = ForeignKeyField(Reclamo, unique=True, on_delete='RESTRICT')
        nombre = CharField(max_length=200, default='')
        email = CharField(max_length=255, default='')
        telefono = CharField(max_length=40, default='')
        direccion = CharField(max_length=300, default='')
        creado_en = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'contacto_caso'
            legacy_table_names = False

    class EntregaCarta(Model):
        reclamo = ForeignKeyField(Reclamo, on_delete='RESTRICT')
        documento = ForeignKeyField(Documento, unique=True, on_delete='RESTRICT')
        medio = CharField(max_length=10)
        creada_en = DateTimeField(default=datetime.datetime.utcnow)
        entregada_en = DateTimeField(null=True)
        guia = CharField(max_length=60, default='')
        recibio = CharField(max_length=200, default='')
        registrada_por = ForeignKeyField(Usuario, null=True, on_delete='RESTRICT', index=False)
        class Meta:
            database = db
            table_name = 'entrega_carta'
            legacy_table_names = False

    db.create_tables([ContactoCaso, EntregaCarta])
    migrator.migrate(
        migrator.add_column('solicitud_portal', 'aviso_version',
                            CharField(max_length=40, default='')),
        migrator.add_column('solicitud_portal', 'consentido_en', DateTimeField(null=True)),
        migrator.add_column('solicitud_portal', 'consentido_ip',
                            CharField(max_length=45, default='')))
    db.execute_sql(RELLENO)


def down(migrator, db):
    migrator.migrate(migrator.drop_column('solicitud_portal', 'consentido_ip'),
                     migrator.drop_column('solicitud_portal', 'consentido_en'),
                     migrator.drop_column('solicitud_portal', 'aviso_version'),
                     migrator.drop_table('entrega_carta'), migrator.drop_table('contacto_caso'))
