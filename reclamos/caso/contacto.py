"""The contact details a case was filed with (a snapshot), and where its customer mail goes.

Registering a case never changes a known customer's record: anyone may type someone else's
document number at the counter, over the API or on the portal. What was given is kept with
the case and every message about the case goes there; staff who may edit customers compare
both on the case page and decide whether the customer's record takes them.
"""
import datetime

from peewee import CharField, DateTimeField, ForeignKeyField

from bd import BaseModel
from bd.compiladas import Compilada
from reclamos.caso.acciones import anotar
from reclamos.caso.modelo import Reclamo
from reclamos.clientes.modelo import CAMPOS_CONTACTO, Cliente
from reclamos.errores import ErrorPermiso, ErrorValidacion
from reclamos.caso.nucleo import bloquear_sin_version, contexto, transaccion
from reclamos.tiempo import a_bd
from reglas.permisos import puede

ETIQUETAS = {'nombre': 'Nombre', 'email': 'Correo', 'telefono': 'Teléfono',
             'direccion': 'Dirección'}


class ContactoCaso(BaseModel):
    reclamo = ForeignKeyField(Reclamo, unique=True, backref='contactos', on_delete='RESTRICT')
    nombre = CharField(max_length=200, default='')
    email = CharField(max_length=255, default='')
    telefono = CharField(max_length=40, default='')
    direccion = CharField(max_length=300, default='')
    creado_en = DateTimeField(default=datetime.datetime.utcnow)


def limpio(datos):
    """{nombre, email, telefono, direccion} as text, stripped and cut to the columns."""
    maximos = {'nombre': 200, 'email': 255, 'telefono': 40, 'direccion': 300}
    return {c: str((datos or {}).get(c) or '').strip()[:maximos[c]] for c in CAMPOS_CONTACTO}


def guardar(reclamo, datos, ahora):
    """Keep the snapshot of a case just registered (inside its transaction)."""
    return ContactoCaso.create(reclamo=reclamo.id, creado_en=a_bd(ahora), **limpio(datos))


_DE = Compilada(lambda ident: ContactoCaso.select().where(ContactoCaso.reclamo == ident)
                .limit(1))


def de(reclamo):
    return _DE.primera(reclamo.id)


def destinatario_de(reclamo):
    """Externo: the address the case was filed with; interno: the requesting area's
    mailbox. '' when nobody can be written to (then a printed letter answers)."""
    if reclamo.origen == 'interno':
        return reclamo.area_solicitante.correo if reclamo.area_solicitante_id else ''
    contacto = de(reclamo)
    return contacto.email if contacto is not None else ''


def nombre_de(reclamo):
    """How the customer's messages address them: the name the case was filed with."""
    if reclamo.origen == 'interno':
        return reclamo.area_solicitante.nombre if reclamo.area_solicitante_id else ''
    contacto = de(reclamo)
    if contacto is not None and contacto.nombre:
        return contacto.nombre
    return reclamo.cliente.nombre if reclamo.cliente_id else ''


def enmascarar(email):
    """'d******@otro.pe': how texts the customer's page shows name an address (whoever
    holds a case number and a document must not learn the full address from it)."""
    usuario, _, dominio = (email or '').partition('@')
    return f'{usuario[:1]}{"*" * max(len(usuario) - 1, 3)}@{dominio}' if dominio else ''


def diferencias(reclamo, contacto=None):
    """[(label, on the case, on the customer's record)] where the two differ."""
    contacto = contacto or de(reclamo)
    if contacto is None or not reclamo.cliente_id:
        return []
    cliente = reclamo.cliente  # already there when the case was read with its relations
    return [(ETIQUETAS[c], getattr(contacto, c), getattr(cliente, c))
            for c in CAMPOS_CONTACTO
            if getattr(contacto, c) and getattr(contacto, c) != getattr(cliente, c)]


def puede_actualizar_cliente(usuario):
    return usuario is not None and puede(usuario.nombres_roles(), 'clientes.editar')


def actualizar_cliente(reclamo, usuario, ip, ahora=None):
    """Copy the case's contact details onto its customer's record (staff decided they are
    right). Only who may edit customers; logged on the case. Returns the fields changed."""
    if not puede_actualizar_cliente(usuario):
        raise ErrorPermiso('Solo un supervisor o un administrador modifica los datos de un '
                           'cliente.')
    ctx = contexto(usuario, ip, ahora)
    with transaccion():
        r = bloquear_sin_version(reclamo, ctx)
        contacto = de(r)
        if contacto is None or not r.cliente_id:
            raise ErrorValidacion({'contacto': 'El caso no tiene datos de contacto propios.'})
        cliente = Cliente.get_by_id(r.cliente_id)
        cambios = {c: getattr(contacto, c) for c in CAMPOS_CONTACTO
                   if getattr(contacto, c) and getattr(contacto, c) != getattr(cliente, c)}
        if not cambios:
            raise ErrorValidacion({'contacto': 'El cliente ya tiene estos datos.'})
        Cliente.update(cambios).where(Cliente.id == cliente.id).execute()
        anotar(r, ctx, 'cambio', 'cliente', ', '.join(
            f'{ETIQUETAS[c]}: {getattr(cliente, c) or "—"}' for c in cambios), ', '.join(
            f'{ETIQUETAS[c]}: {v}' for c, v in cambios.items()),
            'Se actualizaron los datos del cliente con los de este caso.')
        return list(cambios)
