"""The traffic light of each queue row: the SLA state of its binding term (the open term that
ends first, whose due instant the case carries in ``vence_en``), by reglas.sla with that
term's own "por vencer" threshold.

Measured in real time: the case page shows each term on its business calendar; the list
stays two queries per page (the rows, then their binding terms), never one per row.
"""
from bd.compiladas import Compilada, Lista
from reclamos.plazos.modelo import TerminoCaso
from reclamos.tiempo import aware
from reglas.sla import UMBRAL_POR_VENCER, estado_sla

SUSPENDIDO = 'suspendido'
# Every queue page asks for them: compiled once (bd.compiladas).
_VINCULANTES = Compilada(lambda ids: (
    TerminoCaso.select(TerminoCaso.reclamo, TerminoCaso.inicio, TerminoCaso.vence_en,
                       TerminoCaso.umbral)
    .where(TerminoCaso.reclamo.in_(Lista(ids)), TerminoCaso.cumplido_en.is_null(),
           TerminoCaso.cancelado == False,  # noqa: E712
           TerminoCaso.vence_en.is_null(False))
    .order_by(TerminoCaso.vence_en, TerminoCaso.id).tuples()))


def semaforos(reclamos, ahora):
    """{case id: 'a_tiempo' | 'por_vencer' | 'vencido' | 'suspendido'} for these cases."""
    reclamos = list(reclamos)
    con_fecha = {r.id: r for r in reclamos if r.vence_en is not None}
    vinculantes = {}
    for ident, inicio, _, umbral in _VINCULANTES.filas(list(con_fecha)) if con_fecha else ():
        vinculantes.setdefault(ident, (inicio, umbral))
    luces = {r.id: SUSPENDIDO for r in reclamos if r.vence_en is None}
    for ident, reclamo in con_fecha.items():
        # No open term row: the case's own receipt and due instant.
        inicio, umbral = vinculantes.get(ident, (reclamo.recibido_en, UMBRAL_POR_VENCER))
        vence, inicio = aware(reclamo.vence_en), aware(inicio)
        luces[ident] = estado_sla(min(inicio, vence), vence, ahora, umbral)
    return luces
