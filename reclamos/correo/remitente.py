"""Who an incoming message is about and from: the case its subject cites, the customer its
sender is, whether the sender may write on that case (reclamos.correo.entrada)."""
from peewee import fn

from reclamos.caso.contacto import ContactoCaso, destinatario_de
from reclamos.caso.modelo import Reclamo
from reclamos.clientes.modelo import Cliente
from reclamos.correo.mensaje import numeros_de_caso
from reclamos.correo.recibido import CASO, CorreoEntrante


def caso_citado(asunto):
    for numero in numeros_de_caso(asunto):
        reclamo = Reclamo.get_or_none(Reclamo.numero == numero)
        if reclamo is not None:
            return reclamo
    return None


def cliente_por_correo(direccion):
    """The customer whose record has this address, else the customer of the latest case
    filed with it (a registration no longer rewrites the record: reclamos.caso.contacto)."""
    cliente = (Cliente.select().where(fn.LOWER(Cliente.email) == direccion)
               .order_by(Cliente.id.desc()).first())
    if cliente is not None:
        return cliente
    return (Cliente.select().join(Reclamo, on=(Reclamo.cliente == Cliente.id))
            .join(ContactoCaso, on=(ContactoCaso.reclamo == Reclamo.id))
            .where(fn.LOWER(ContactoCaso.email) == direccion)
            .order_by(ContactoCaso.id.desc()).first())


def es_del_cliente(reclamo, direccion):
    """Whether the sender is the case's customer, or the address that filed it by e-mail."""
    if reclamo.cliente_id is not None:
        return direccion in {(reclamo.cliente.email or '').strip().lower(),
                             destinatario_de(reclamo).strip().lower()}
    return (CorreoEntrante.select()
            .where(CorreoEntrante.reclamo == reclamo.id, CorreoEntrante.resultado == CASO,
                   CorreoEntrante.remitente == direccion).exists())
