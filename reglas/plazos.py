"""Due instant, elapsed and remaining time of a term, in each unit's own sense of time.

Every unit is measured on its own clock ("consumable time"):

- minutos, horas: real microseconds.
- dias: local wall-clock microseconds (so N days keep the local time across DST changes).
- horas_habiles: microseconds inside business hours of business days.
- dias_habiles: whole business days; a day counts from its first instant (00:00 local) and
  the term covers it up to 23:59:59. This is an integer count, exact by construction.

vencimiento() walks a clock forward; transcurrido()/restante() read the distance between two
instants on it. The suspension and SLA modules reuse the same clocks.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from reglas.calendario import Calendario
from reglas.errores import ReglaInvalida
from reglas.validacion import (CANTIDAD_MAX, UNIDADES, exigir_entero, exigir_instante,
                               exigir_unidad)

UTC = timezone.utc
_MICRO = timedelta(microseconds=1)
MICRO_POR_UNIDAD = {
    'minutos': 60_000_000,
    'horas': 3_600_000_000,
    'dias': 86_400_000_000,
    'horas_habiles': 3_600_000_000,
}
_UNIDADES = frozenset(UNIDADES)


def exigir_calendario(calendario) -> Calendario:
    if not isinstance(calendario, Calendario):
        raise ReglaInvalida(
            f'calendario debe ser un Calendario (Calendario.crear(...)); se recibió '
            f'{calendario!r}')
    return calendario


def validar_plazo(inicio, cantidad, unidad, calendario) -> None:
    # Fast path first: this runs on every deadline computation.
    if (type(inicio) is not datetime or inicio.tzinfo is None or type(cantidad) is not int
            or not 0 <= cantidad <= CANTIDAD_MAX or unidad not in _UNIDADES
            or type(calendario) is not Calendario):
        exigir_instante(inicio, 'inicio')
        exigir_entero(cantidad, 'cantidad')
        exigir_unidad(unidad)
        exigir_calendario(calendario)
    if inicio.utcoffset() is None:
        exigir_instante(inicio, 'inicio')


def vencimiento(inicio: datetime, cantidad: int, unidad: str,
                calendario: Calendario) -> datetime:
    """Instant (aware, UTC) at which a term of `cantidad` `unidad` received at inicio ends.

    dias_habiles: 23:59:59 local of the cantidad-th business day after the day of receipt
    (after applying recepcion_en_horario); cantidad 0 is the end of the receipt day itself.
    horas_habiles: cantidad 0 is the instant counting starts (the next opening when closed).
    """
    validar_plazo(inicio, cantidad, unidad, calendario)
    try:
        if unidad == 'dias_habiles':
            return vence_dias_habiles(calendario.dia_de_recepcion(inicio), cantidad, calendario)
        return sumar(inicio, cantidad * MICRO_POR_UNIDAD[unidad], unidad, calendario)
    except (OverflowError, ValueError) as error:
        raise fuera_de_rango(error, inicio, cantidad, unidad) from None


def fuera_de_rango(error: Exception, inicio: datetime, cantidad: int,
                   unidad: str) -> ReglaInvalida:
    """A date overflow (year 1 or 9999 reached) as the rules' own error."""
    if isinstance(error, ReglaInvalida):
        return error
    return ReglaInvalida(
        f'El vencimiento queda fuera de las fechas admitidas: inicio={inicio.isoformat()}, '
        f'cantidad={cantidad} {unidad}')


def vence_dias_habiles(dia: int, cantidad: int, calendario: Calendario) -> datetime:
    """End of the cantidad-th business day after the local day ordinal `dia`."""
    if cantidad:
        dia = calendario.dia_habil_n(dia, cantidad)
    return calendario.fin_del_dia(dia)


def sumar(instante: datetime, micro: int, unidad: str, calendario: Calendario) -> datetime:
    """Walk the clock of a time-like unit (all but dias_habiles) forward by `micro`."""
    if unidad == 'horas_habiles':
        if micro == 0:
            return calendario.siguiente_apertura(instante)
        return calendario.sumar_habil(instante, micro)
    if unidad == 'dias':
        muro = calendario.local(instante).replace(tzinfo=None)
        return calendario.en_utc(muro + micro * _MICRO)
    # In UTC: Python adds to (and subtracts) same-zone datetimes on the wall clock.
    return instante.astimezone(UTC) + micro * _MICRO


def medir(desde: datetime, hasta: datetime, unidad: str, calendario: Calendario) -> int:
    """Microseconds on the clock of a time-like unit between two instants (signed)."""
    if unidad == 'horas_habiles':
        return calendario.micro_habiles(desde, hasta)
    if unidad == 'dias':
        a = calendario.local(desde).replace(tzinfo=None)
        b = calendario.local(hasta).replace(tzinfo=None)
        return (b - a) // _MICRO
    return (hasta.astimezone(UTC) - desde.astimezone(UTC)) // _MICRO


def _validar_par(a, b, nombres, unidad, calendario) -> None:
    exigir_instante(a, nombres[0])
    exigir_instante(b, nombres[1])
    exigir_unidad(unidad)
    exigir_calendario(calendario)


def transcurrido(inicio: datetime, fin: datetime, unidad: str,
                 calendario: Calendario) -> timedelta | int:
    """Time of a term received at inicio consumed by `fin` (signed).

    timedelta on the unit's clock for minutos, horas, dias and horas_habiles; for dias_habiles
    an int: business days after the day of receipt (recepcion_en_horario applied) up to and
    including the local day of fin. So transcurrido(inicio, vencimiento(inicio, n, ...)) is n
    days (or n units of time) exactly.
    """
    _validar_par(inicio, fin, ('inicio', 'fin'), unidad, calendario)
    if unidad == 'dias_habiles':
        return calendario.contar_dias_habiles(calendario.dia_de_recepcion(inicio),
                                              calendario.dia_local(fin))
    return medir(inicio, fin, unidad, calendario) * _MICRO


def restante(ahora: datetime, vence: datetime, unidad: str,
             calendario: Calendario) -> timedelta | int:
    """Time left from ahora to vence (negative once overdue), same types as transcurrido.

    For dias_habiles: business days after today up to the due day; 0 means "vence hoy".
    """
    _validar_par(ahora, vence, ('ahora', 'vence'), unidad, calendario)
    if unidad == 'dias_habiles':
        return calendario.contar_dias_habiles(calendario.dia_local(ahora),
                                              calendario.dia_local(vence))
    return medir(ahora, vence, unidad, calendario) * _MICRO


def en_unidad(valor: timedelta | int, unidad: str) -> float:
    """An amount from transcurrido/restante as a float in the term's own unit."""
    if unidad == 'dias_habiles':
        return float(valor)
    return (valor // _MICRO) / MICRO_POR_UNIDAD[unidad]
