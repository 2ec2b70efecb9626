"""The terms of a case as the rules compute them: start, pause, resume, extend, meet.

A thin adapter: it loads the calendar once per call and hands plain values to ``reglas``;
the case's ``vence_en`` is kept equal to the earliest due instant of its open terms.
"""

from bd.memo import por_peticion
from catalogos.organizacion import MEMO_CALENDARIOS, Calendario
from reclamos.caso.acciones import anotar
from reclamos.errores import ErrorValidacion
from reglas.enteros import ENTERO_MAX
from reclamos.caso.nucleo import bloquear, contexto, exigir, fijar, transaccion
from reclamos.plazos.modelo import Suspension, TerminoCaso
from reclamos.tiempo import a_bd, aware
from reglas import Calendario as CalendarioRegla
from reglas import ReglaInvalida, ReglaPlazo, vencimiento, vencimiento_con_pausas
from reglas import prorrogar as prorrogar_regla
from reglas.sla import UMBRAL_POR_VENCER


def calendario_regla(calendario_id):
    """The rules' calendar of a catalog row; the default one, or Mon-Fri Colombia if none.

    ``Calendario.como_regla()`` memoises it by the rows' contents: building a calendar costs
    milliseconds and every service call needs one, while the rows change rarely.
    """
    return resolver_calendario(calendario_id)[1]


def resolver_calendario(calendario_id, fila=None):
    """(id of the catalog row used or None, rules' calendar): see calendario_regla.

    ``fila``: the calendar row when the caller already has it. Without it, read once per
    request (a page asks for the case's calendar in several places).
    """
    if fila is not None:
        return _resolver(calendario_id, fila)
    leidos = por_peticion(MEMO_CALENDARIOS, dict)
    if calendario_id not in leidos:
        leidos[calendario_id] = _resolver(calendario_id, None)
    return leidos[calendario_id]


def _resolver(calendario_id, fila):
    if fila is None and calendario_id:
        fila = Calendario.por_id(calendario_id)
    fila = fila or Calendario.predeterminado_o_primero()
    if fila is None:
        return None, CalendarioRegla.por_defecto()
    return fila.id, fila.como_regla()


def calendario_de(reclamo):
    """The rules' calendar of a case; when the case was read with its calendar row joined
    (Reclamo.con_relaciones), that row saves a query."""
    fila = reclamo.__rel__.get('calendario')
    if fila is None or fila.id != reclamo.calendario_id:
        return calendario_regla(reclamo.calendario_id)
    leidos = por_peticion(MEMO_CALENDARIOS, dict)
    if fila.id not in leidos:
        leidos[fila.id] = _resolver(fila.id, fila)
    return leidos[fila.id][1]


def datos_termino(calendario, inicio, tipo, codigo, nombre, cantidad, unidad,
                  prorrogable=False, prorroga_max=None, umbral=UMBRAL_POR_VENCER,
                  actividad_orden=None):
    """The values of a term running from ``inicio`` (aware), its due instant computed."""
    return {'tipo': tipo, 'codigo': codigo[:40], 'nombre': nombre[:200], 'cantidad': cantidad,
            'unidad': unidad, 'prorrogable': prorrogable, 'prorroga_max': prorroga_max,
            'umbral': umbral if umbral and 0 < umbral < 1 else UMBRAL_POR_VENCER,
            'actividad_orden': actividad_orden, 'inicio': a_bd(inicio),
            'vence_en': a_bd(vencimiento(inicio, cantidad, unidad, calendario)),
            # The escalation sweep looks at a new term at once and schedules its next level.
            'alerta_en': a_bd(inicio)}


def nuevo_termino(reclamo, calendario, inicio, *args, **kwargs):
    """Create a running term of ``reclamo`` (see datos_termino)."""
    return TerminoCaso.create(reclamo=reclamo.id,
                              **datos_termino(calendario, inicio, *args, **kwargs))


def abiertos(reclamo):
    return (TerminoCaso.select()
            .where(TerminoCaso.reclamo == reclamo.id, TerminoCaso.cumplido_en.is_null(),
                   TerminoCaso.cancelado == False)  # noqa: E712
            .order_by(TerminoCaso.id))


def pausas(reclamo):
    return [(aware(s.inicio), aware(s.fin)) for s in
            Suspension.select().where(Suspension.reclamo == reclamo.id).order_by(Suspension.id)]


def actualizar_vence(reclamo):
    """Denormalise the earliest due instant of the open terms onto the case."""
    # ORDER BY + LIMIT 1 rather than MIN(): the field converts the value on both databases.
    proximo = (TerminoCaso.select(TerminoCaso.vence_en)
               .where(TerminoCaso.reclamo == reclamo.id, TerminoCaso.cumplido_en.is_null(),
                      TerminoCaso.cancelado == False,  # noqa: E712
                      TerminoCaso.vence_en.is_null(False))
               .order_by(TerminoCaso.vence_en).first())
    proximo = proximo.vence_en if proximo is not None else None
    fijar(reclamo, vence_en=proximo)


def recalcular(reclamo, calendario, ahora):
    """Recompute every open term under the case's pauses (None while one is open)."""
    lista = pausas(reclamo)
    for termino in abiertos(reclamo):
        vence = vencimiento_con_pausas(aware(termino.inicio),
                                       termino.cantidad + termino.prorrogado, termino.unidad,
                                       calendario, lista, aware(ahora))
        if a_bd(vence) != termino.vence_en:
            (TerminoCaso.update(vence_en=a_bd(vence), alerta_en=a_bd(ahora))
             .where(TerminoCaso.id == termino.id).execute())
    actualizar_vence(reclamo)


def cumplir(reclamo, ahora, tipos=None, actividad_orden=None):
    """Mark open terms met at ``ahora`` (all, or those of ``tipos`` / one activity)."""
    consulta = TerminoCaso.update(cumplido_en=a_bd(ahora), alerta_en=None).where(
        TerminoCaso.reclamo == reclamo.id, TerminoCaso.cumplido_en.is_null(),
        TerminoCaso.cancelado == False)  # noqa: E712
    if tipos:
        consulta = consulta.where(TerminoCaso.tipo.in_(tipos))
    if actividad_orden is not None:
        consulta = consulta.where(TerminoCaso.actividad_orden == actividad_orden)
    consulta.execute()
    actualizar_vence(reclamo)


def cancelar(reclamo):
    (TerminoCaso.update(cancelado=True, alerta_en=None)
     .where(TerminoCaso.reclamo == reclamo.id, TerminoCaso.cumplido_en.is_null()).execute())
    fijar(reclamo, vence_en=None)


def suspender(reclamo, motivo, estado_previo, ctx, calendario):
    Suspension.create(reclamo=reclamo.id, inicio=a_bd(ctx.ahora), motivo=motivo,
                      estado_previo=estado_previo,
                      usuario=ctx.usuario.id if ctx.usuario else None)
    recalcular(reclamo, calendario, ctx.ahora)


def suspension_abierta(reclamo):
    return (Suspension.select().where(Suspension.reclamo == reclamo.id,
                                      Suspension.fin.is_null())
            .order_by(Suspension.id.desc()).first())


def reanudar(reclamo, ctx, calendario):
    """End the open pause at ``ctx.ahora``; returns it (its estado_previo says where to go)."""
    pausa = suspension_abierta(reclamo)
    if pausa is None:
        raise ErrorValidacion({'estado': 'El caso no tiene una suspensión abierta.'})
    if aware(pausa.inicio) > ctx.ahora:
        raise ErrorValidacion({'ahora': 'La reanudación no puede ser anterior al inicio de la '
                                        'suspensión.'})
    Suspension.update(fin=a_bd(ctx.ahora)).where(Suspension.id == pausa.id).execute()
    recalcular(reclamo, calendario, ctx.ahora)
    return pausa


def prorrogar(reclamo, termino, cantidad, motivo, usuario, ip, version, ahora=None):
    """Extend one running term of ``reclamo`` by ``cantidad`` of its unit (refused where the
    rule forbids it, after the term ended, or beyond the rule's maximum). Returns the term.

    The term is looked up inside the case after the permission check: a term of another
    case answers exactly like one that does not exist (issue 15, F1).
    Raises ErrorValidacion, ErrorPermiso, ConflictoVersion.
    """
    ctx = contexto(usuario, ip, ahora)
    ident = termino.id if isinstance(termino, TerminoCaso) else termino
    with transaccion():
        reclamo = bloquear(reclamo, version, ctx)
        exigir(reclamo, 'prorrogar', ctx)
        termino = None
        if isinstance(ident, int) and not isinstance(ident, bool) and 0 < ident <= ENTERO_MAX:
            termino = TerminoCaso.get_or_none(TerminoCaso.id == ident,
                                              TerminoCaso.reclamo == reclamo.id)
        if termino is None:
            raise ErrorValidacion({'termino': 'Elija un plazo de este caso.'})
        errores = {}
        if not (motivo or '').strip():
            errores['motivo'] = 'Indique el motivo de la prórroga (se informa al cliente).'
        if isinstance(cantidad, bool) or not isinstance(cantidad, int) or cantidad < 1:
            errores['cantidad'] = 'La prórroga debe ser un número entero mayor que cero.'
        if not termino.abierto or termino.vence_en is None:
            errores['termino'] = 'Solo se prorroga un plazo en curso (no cumplido ni suspendido).'
        if errores:
            raise ErrorValidacion(errores)
        calendario = calendario_de(reclamo)
        regla = ReglaPlazo(termino.codigo, termino.nombre, termino.cantidad, termino.unidad,
                           termino.prorrogable, termino.prorroga_max)
        anterior = aware(termino.vence_en)
        try:
            nuevo = prorrogar_regla(regla, aware(termino.inicio), anterior, ctx.ahora, cantidad,
                                    calendario, prorrogado_ya=termino.prorrogado)
        except ReglaInvalida as error:
            raise ErrorValidacion({'prorroga': str(error)}) from None
        (TerminoCaso.update(vence_en=a_bd(nuevo), prorrogado=termino.prorrogado + cantidad,
                            alerta_en=a_bd(ctx.ahora))
         .where(TerminoCaso.id == termino.id).execute())
        actualizar_vence(reclamo)
        anotar(reclamo, ctx, 'prorroga', f'plazo {termino.codigo}', anterior.isoformat(),
               nuevo.isoformat(), motivo.strip(), visible_cliente=True)
        return TerminoCaso.get_by_id(termino.id)
