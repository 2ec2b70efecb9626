"""Suspension of terms: paused time does not count, the term resumes with what it had left.

Time-like units (minutos, horas, dias, horas_habiles): the clock of the unit stops during each
pause, exactly to the microsecond.

dias_habiles: a business day touched by a pause does not count toward the term, whole, even if
the pause covered only part of it; the term resumes on the first business day after the day the
pause ended. This is the Colombian practice (Ley 1755 de 2015, art. 17: the term "se reactivará
a partir del día siguiente" to the one the petitioner answers) and it never shortens a term.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Iterable

from reglas.calendario import Calendario
from reglas.errores import ReglaInvalida
from reglas.plazos import (MICRO_POR_UNIDAD, fuera_de_rango, medir, sumar, validar_plazo,
                           vence_dias_habiles)
from reglas.validacion import exigir_instante

_MICRO = timedelta(microseconds=1)
UTC = timezone.utc
Pausa = tuple  # (inicio: datetime, fin: datetime | None)


def vencimiento_con_pausas(inicio: datetime, cantidad: int, unidad: str,
                           calendario: Calendario, pausas: Iterable[Pausa] = (),
                           ahora: datetime | None = None) -> datetime | None:
    """Due instant (UTC) once the pauses are taken out; None while a pause is still open.

    Overlapping pauses count once; a zero-length pause changes nothing; a pause that starts
    after the term ended does not revive it. A zero term ends as vencimiento() says, whatever
    the pauses.
    """
    return _recorrer(inicio, cantidad, unidad, calendario, pausas, ahora)[0]


def restante_congelado(inicio: datetime, cantidad: int, unidad: str, calendario: Calendario,
                       pausas: Iterable[Pausa] = (),
                       ahora: datetime | None = None) -> timedelta | int | None:
    """What the term had left when the open pause began, frozen until it ends.

    Same types as plazos.restante (timedelta on the unit's clock, int business days for
    dias_habiles); zero when the term had ended before that pause; None when no pause is open.
    """
    return _recorrer(inicio, cantidad, unidad, calendario, pausas, ahora)[1]


def fusionar_pausas(pausas: Iterable[Pausa], ahora: datetime | None = None) -> list[Pausa]:
    """Validated pauses, sorted, overlaps merged, zero-length ones dropped."""
    if ahora is not None:
        ahora = exigir_instante(ahora, 'ahora').astimezone(UTC)
    tramos = sorted((_validar_pausa(p, ahora) for p in pausas), key=lambda p: p[0])
    fusion: list[list] = []
    for desde, hasta in tramos:
        if hasta is not None and hasta == desde:
            continue
        if fusion and (fusion[-1][1] is None or desde <= fusion[-1][1]):
            if fusion[-1][1] is not None and (hasta is None or hasta > fusion[-1][1]):
                fusion[-1][1] = hasta
            continue
        fusion.append([desde, hasta])
    return [(desde, hasta) for desde, hasta in fusion]


def _validar_pausa(pausa, ahora):
    if not isinstance(pausa, (tuple, list)) or len(pausa) != 2:
        raise ReglaInvalida(f'Suspensión inválida: {pausa!r}. Use (inicio, fin) con fin o None')
    # Compared in UTC: same-zone datetimes compare on the wall clock, wrong across DST.
    desde = exigir_instante(pausa[0], 'el inicio de la suspensión').astimezone(UTC)
    hasta = pausa[1]
    if hasta is not None:
        hasta = exigir_instante(hasta, 'el fin de la suspensión').astimezone(UTC)
        if hasta < desde:
            raise ReglaInvalida(
                f'La suspensión termina antes de empezar: inicio {desde.isoformat()}, '
                f'fin {hasta.isoformat()}')
    if ahora is not None and desde > ahora:
        raise ReglaInvalida(
            f'La suspensión empieza en el futuro: {desde.isoformat()} (ahora es '
            f'{ahora.isoformat()})')
    return desde, hasta


def _recorrer(inicio, cantidad, unidad, calendario, pausas, ahora):
    """(due instant or None, frozen remainder or None) of a term under pauses."""
    validar_plazo(inicio, cantidad, unidad, calendario)
    tramos = fusionar_pausas(pausas, ahora)
    try:
        if unidad == 'dias_habiles':
            return _recorrer_dias(inicio, cantidad, calendario, tramos)
        vence, resto = _recorrer_reloj(inicio, cantidad * MICRO_POR_UNIDAD[unidad], unidad,
                                       calendario, tramos)
    except (OverflowError, ValueError) as error:
        raise fuera_de_rango(error, inicio, cantidad, unidad) from None
    return vence, None if resto is None else resto * _MICRO


def _recorrer_reloj(inicio, resto, unidad, calendario, tramos):
    """Time-like units: spend the term on the unit's clock in the gaps between pauses."""
    cursor, congelado = inicio.astimezone(UTC), _congelado_al_vencer(tramos)
    if resto == 0:
        return sumar(inicio, 0, unidad, calendario), congelado
    for desde, hasta in tramos:
        if hasta is not None and hasta <= cursor:
            continue
        if desde > cursor:
            libre = medir(cursor, desde, unidad, calendario)
            if libre >= resto:
                return sumar(cursor, resto, unidad, calendario), congelado
            resto -= libre
        if hasta is None:
            return None, resto
        cursor = hasta
    return sumar(cursor, resto, unidad, calendario), None


def _recorrer_dias(inicio, cantidad, calendario, tramos):
    """dias_habiles: count business days after receipt that no pause touches."""
    dia, congelado = calendario.dia_de_recepcion(inicio), _congelado_al_vencer(tramos)
    if cantidad == 0:
        return vence_dias_habiles(dia, 0, calendario), congelado
    resto = cantidad
    for primero, ultimo in _dias_tocados(tramos, calendario):
        if ultimo is not None and ultimo <= dia:
            continue
        libres = calendario.contar_dias_habiles(dia, primero - 1)
        if libres >= resto:
            return vence_dias_habiles(dia, resto, calendario), congelado
        resto -= max(libres, 0)
        if ultimo is None:
            return None, resto
        dia = max(dia, ultimo)
    return vence_dias_habiles(dia, resto, calendario), None


def _congelado_al_vencer(tramos):
    """Frozen remainder reported when the term ends before a pause: 0 if one is open."""
    return 0 if tramos and tramos[-1][1] is None else None


def _dias_tocados(tramos, calendario):
    """Merged ranges of local day ordinals touched by the pauses; None = still open."""
    rangos: list[list] = []
    for desde, hasta in tramos:
        primero = calendario.dia_local(desde)
        ultimo = None if hasta is None else calendario.dia_local(hasta - _MICRO)
        if rangos and primero <= rangos[-1][1]:
            rangos[-1][1] = ultimo if ultimo is None else max(ultimo, rangos[-1][1])
        else:
            rangos.append([primero, ultimo])
    return rangos
