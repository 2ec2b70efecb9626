"""Migration 0022 gives every existing external case the contact it was filed with: what the
portal kept, else the customer's record."""
import importlib

from bd import db
from reclamos.caso.contacto import ContactoCaso
from reclamos.caso.modelo import Reclamo
from reclamos.portal.solicitudes import SolicitudPortal
from tests.apoyo.portal import presentar


def test_los_casos_existentes_reciben_su_contacto(app, client, demo):
    assert presentar(client, cliente_email='portal@correo.pe').status_code == 302
    migracion = importlib.import_module('admin_app.migraciones.0022_portal_contacto')
    antes = {c.reclamo_id: (c.nombre, c.email, c.telefono)
             for c in ContactoCaso.select()}
    ContactoCaso.delete().execute()  # as before the migration
    with db.atomic():
        db.execute_sql(migracion.RELLENO)
    externos = Reclamo.select().where(Reclamo.origen == 'externo',
                                      Reclamo.cliente.is_null(False))
    assert ContactoCaso.select().count() == externos.count() > 1
    despues = {c.reclamo_id: (c.nombre, c.email, c.telefono) for c in ContactoCaso.select()}
    assert despues == antes  # the demo's cases were registered with their customer's data
    portal = SolicitudPortal.select().order_by(SolicitudPortal.id.desc()).first()
    assert despues[portal.reclamo_id][1] == 'portal@correo.pe'
