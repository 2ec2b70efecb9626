"""Recompute the due instants of open cases after a calendar change, in bulk.

A batch of cases is one transaction: its open terms and pauses are read in two queries, the
rules run in memory, and only the terms whose due instant moved are written back with one
UPDATE ... CASE per few hundred rows. Closed cases keep the deadlines they had.
"""
from collections import defaultdict

from peewee import Case

from reclamos.caso import Reclamo
from reclamos.nucleo import contexto, transaccion
from reclamos.plazos import calendario_regla
from reclamos.terminos import Suspension, TerminoCaso
from reclamos.tiempo import a_bd, aware
from reglas import vencimiento_con_pausas
from reglas.transiciones import ABIERTOS

LOTE = 2000
ESCRITURA = 400  # rows per UPDATE ... CASE (well under SQLite's variable limit)


def recalcular_vencimientos(calendario_id=None, ahora=None, lote=LOTE, avance=None):
    """Recompute open terms of open cases (of one calendar, or all).

    Returns (cases read, terms moved). ``avance(cases so far)`` is called after each batch.
    Derived values only, so nothing goes to the action log; the screen that calls this is
    for admins, the CLI for operators.
    """
    ctx = contexto(None, '', ahora)
    calendarios = {}
    ultimo, leidos, movidos = 0, 0, 0
    while True:
        with transaccion():
            consulta = (Reclamo.select(Reclamo.id, Reclamo.calendario)
                        .where(Reclamo.estado.in_(ABIERTOS), Reclamo.id > ultimo))
            if calendario_id is not None:
                consulta = consulta.where(Reclamo.calendario == calendario_id)
            casos = list(consulta.order_by(Reclamo.id).limit(lote).tuples())
            if not casos:
                break
            movidos += _lote(casos, calendarios, ctx.ahora)
        ultimo = casos[-1][0]
        leidos += len(casos)
        if avance is not None:
            avance(leidos)
    return leidos, movidos


def _lote(casos, calendarios, ahora):
    ids = [ident for ident, _ in casos]
    calendario_de = dict(casos)
    pausas = defaultdict(list)
    for reclamo, inicio, fin in (Suspension.select(Suspension.reclamo, Suspension.inicio,
                                                   Suspension.fin)
                                 .where(Suspension.reclamo.in_(ids)).tuples()):
        pausas[reclamo].append((aware(inicio), aware(fin)))
    terminos = (TerminoCaso.select(TerminoCaso.id, TerminoCaso.reclamo, TerminoCaso.inicio,
                                   TerminoCaso.cantidad, TerminoCaso.prorrogado,
                                   TerminoCaso.unidad, TerminoCaso.vence_en)
                .where(TerminoCaso.reclamo.in_(ids), TerminoCaso.cumplido_en.is_null(),
                       TerminoCaso.cancelado == False)  # noqa: E712
                .tuples())
    cambios, proximo = {}, {}
    for ident, reclamo, inicio, cantidad, prorrogado, unidad, vence_en in terminos:
        cal_id = calendario_de[reclamo]
        if cal_id not in calendarios:
            calendarios[cal_id] = calendario_regla(cal_id)
        nuevo = a_bd(vencimiento_con_pausas(aware(inicio), cantidad + prorrogado, unidad,
                                            calendarios[cal_id], pausas[reclamo], ahora))
        if nuevo != vence_en:
            cambios[ident] = nuevo
        if nuevo is not None and (proximo.get(reclamo) is None or nuevo < proximo[reclamo]):
            proximo[reclamo] = nuevo
    _escribir(TerminoCaso, TerminoCaso.vence_en, cambios)
    # The case's next due instant, for every case of the batch (None when all are paused).
    _escribir(Reclamo, Reclamo.vence_en, {i: proximo.get(i) for i in ids})
    return len(cambios)


def _escribir(modelo, campo, valores):
    # NULLs apart: a CASE of only NULLs has no type PostgreSQL can assign to a timestamp.
    nulos = [i for i, v in valores.items() if v is None]
    for inicio in range(0, len(nulos), ESCRITURA):
        (modelo.update({campo: None})
         .where(modelo.id.in_(nulos[inicio:inicio + ESCRITURA])).execute())
    filas = [(i, v) for i, v in valores.items() if v is not None]
    for inicio in range(0, len(filas), ESCRITURA):
        parte = filas[inicio:inicio + ESCRITURA]
        (modelo.update({campo: Case(modelo.id, parte, None)})
         .where(modelo.id.in_([i for i, _ in parte])).execute())
