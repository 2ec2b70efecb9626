"""Recompute the due instants of open cases after a calendar change, in bulk.

A batch of cases is one transaction: its open terms and pauses are read in two queries, the
rules run in memory, and only the terms whose due instant moved are written back, by primary
key, through one prepared statement. Closed cases keep the deadlines they had.
"""
import datetime
from collections import defaultdict

from bd import db, es_postgres
from reclamos.caso.modelo import Reclamo
from reclamos.caso.nucleo import contexto, transaccion
from reclamos.plazos.ciclo import calendario_regla
from reclamos.plazos.modelo import Suspension, TerminoCaso
from reclamos.tiempo import a_bd, ahora_utc, aware
from reglas import vencimiento, vencimiento_con_pausas
from reglas.transiciones import ABIERTOS

LOTE = 2000
DETALLE_MAX = 500  # what a screen can list; the count covers the rest


def recalcular_vencimientos(calendario_id=None, ahora=None, lote=LOTE, avance=None,
                            detalle=None):
    """Recompute open terms of open cases (of one calendar, or all).

    Returns (cases read, terms moved). ``avance(cases so far)`` is called after each batch.
    ``detalle``, a list, receives (case id, term type, due before, due after) of the first
    DETALLE_MAX terms that moved, so a calendar change never moves a term unseen.
    Derived values only, so nothing goes to the action log; the screen that calls this is
    for admins, the CLI for operators.
    """
    ctx = contexto(None, '', ahora)
    consulta = (Reclamo.select(Reclamo.id, Reclamo.calendario, Reclamo.vence_en)
                .where(Reclamo.estado.in_(ABIERTOS)))
    if calendario_id is not None:
        consulta = consulta.where(Reclamo.calendario == calendario_id)
    # The open cases once, in id order (one index scan), then batches of them.
    casos = sorted(_filas(consulta))
    calendarios = {}
    leidos, movidos = 0, 0
    for inicio in range(0, len(casos), lote):
        parte = casos[inicio:inicio + lote]
        with transaccion():
            # A case suspended while this runs (or by a server whose clock is a little
            # ahead) must not look like a pause in the future: never earlier than now.
            instante = ctx.ahora if ahora is not None else max(ctx.ahora, ahora_utc())
            movidos += _lote(parte, calendarios, instante, detalle)
        leidos += len(parte)
        if avance is not None:
            avance(leidos)
    return leidos, movidos


def _dt(valor):
    """Naive UTC datetime from a raw row (SQLite gives text, PostgreSQL a datetime)."""
    return datetime.datetime.fromisoformat(valor) if isinstance(valor, str) else valor


def _filas(consulta):
    """Raw rows: peewee's per-value conversion costs more than the query at this volume."""
    return db.execute(consulta).fetchall()


def _lote(casos, calendarios, ahora, detalle=None):
    """``casos``: (id, calendario_id, vence_en) rows; returns how many terms moved."""
    ids = [ident for ident, _, _ in casos]
    calendario_de = {ident: cal for ident, cal, _ in casos}
    pausas = defaultdict(list)
    for reclamo, inicio, fin in _filas(Suspension.select(Suspension.reclamo, Suspension.inicio,
                                                         Suspension.fin)
                                       .where(Suspension.reclamo.in_(ids))):
        pausas[reclamo].append((aware(_dt(inicio)), aware(_dt(fin))))
        ahora = max(ahora, aware(_dt(inicio)))
    terminos = _filas(TerminoCaso.select(TerminoCaso.id, TerminoCaso.reclamo, TerminoCaso.inicio,
                                         TerminoCaso.cantidad, TerminoCaso.prorrogado,
                                         TerminoCaso.unidad, TerminoCaso.vence_en,
                                         TerminoCaso.tipo)
                      .where(TerminoCaso.reclamo.in_(ids), TerminoCaso.cumplido_en.is_null(),
                             TerminoCaso.cancelado == False))  # noqa: E712
    cambios, proximo = [], {}
    for ident, reclamo, inicio, cantidad, prorrogado, unidad, vence_en, tipo in terminos:
        cal_id = calendario_de[reclamo]
        if cal_id not in calendarios:
            calendarios[cal_id] = calendario_regla(cal_id)
        inicio = aware(_dt(inicio))
        if pausas[reclamo]:
            nuevo = vencimiento_con_pausas(inicio, cantidad + prorrogado, unidad,
                                           calendarios[cal_id], pausas[reclamo], ahora)
        else:
            nuevo = vencimiento(inicio, cantidad + prorrogado, unidad, calendarios[cal_id])
        nuevo = a_bd(nuevo)
        if nuevo != _dt(vence_en):
            cambios.append((nuevo, ident))
            if detalle is not None and len(detalle) < DETALLE_MAX:
                detalle.append((reclamo, tipo, _dt(vence_en), nuevo))
        if nuevo is not None and (proximo.get(reclamo) is None or nuevo < proximo[reclamo]):
            proximo[reclamo] = nuevo
    _actualizar(TerminoCaso, 'vence_en', cambios)
    # A moved term is looked at again by the escalation sweep (its levels moved with it).
    _actualizar(TerminoCaso, 'alerta_en', [(a_bd(ahora), ident) for _, ident in cambios])
    # The case's next due instant (None when every term is paused), where it moved.
    _actualizar(Reclamo, 'vence_en', [(proximo.get(i), i) for i, _, vence in casos
                                      if proximo.get(i) != _dt(vence)])
    return len(cambios)


def _actualizar(modelo, columna, pares):
    """UPDATE one column by primary key for many rows: one prepared statement, executemany."""
    if not pares:
        return
    if not es_postgres():  # the text format peewee stores and reads back
        pares = [(str(v) if v is not None else None, i) for v, i in pares]
    marca = db.obj.param
    # Table and column names come from our models, never from input; values are parameters.
    db.cursor().executemany(f'UPDATE "{modelo._meta.table_name}" SET "{columna}" = {marca} '
                            f'WHERE "id" = {marca}', pares)  # nosec B608
