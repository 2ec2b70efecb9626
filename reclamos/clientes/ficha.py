"""A customer's page: their cases and every contact with them (calls, messages and notes
they saw), newest first, read in three queries whatever the number of cases."""
from catalogos.servicios import Motivo
from reclamos.caso.acciones import TIPOS_ACCION, Accion
from reclamos.caso.modelo import Reclamo

CASOS_MAX = 200
CONTACTOS_MAX = 50


def casos(cliente_id, alcance):
    """The customer's cases this reader may see (``alcance`` narrows a Reclamo query),
    newest first."""
    consulta = (Reclamo.select(Reclamo, Motivo).join(Motivo)
                .where(Reclamo.cliente == cliente_id).order_by(Reclamo.id.desc()))
    return list(alcance(consulta).limit(CASOS_MAX))


def contactos(casos_vistos):
    """[(action, its type in words, case number)]: calls, and what the customer was told or
    wrote, across ``casos_vistos``."""
    numeros = {c.id: c.numero for c in casos_vistos}
    if not numeros:
        return []
    tipos = dict(TIPOS_ACCION)
    filas = (Accion.select().where(Accion.reclamo.in_(list(numeros)),
                                   (Accion.tipo == 'llamada') | (Accion.visible_cliente == True))  # noqa: E712
             .order_by(Accion.instante.desc(), Accion.id.desc()).limit(CONTACTOS_MAX))
    return [(a, tipos.get(a.tipo, a.tipo), numeros[a.reclamo_id]) for a in filas]
