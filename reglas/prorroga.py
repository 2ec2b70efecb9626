"""Extension (prórroga) of a running term: allowed only by the rule, only before it ends."""
from __future__ import annotations

from datetime import datetime, timezone

from reglas.calendario import Calendario
from reglas.errores import ReglaInvalida
from reglas.plazos import MICRO_POR_UNIDAD, exigir_calendario, sumar, vence_dias_habiles
from reglas.regla_plazo import ReglaPlazo
from reglas.validacion import exigir_entero, exigir_instante

UTC = timezone.utc
_UNIDADES = {'minutos': 'minutos', 'horas': 'horas', 'dias': 'días calendario',
             'dias_habiles': 'días hábiles', 'horas_habiles': 'horas hábiles'}


def prorrogar(regla: ReglaPlazo, inicio: datetime, vence_actual: datetime, ahora: datetime,
              cantidad: int, calendario: Calendario, prorrogado_ya: int = 0) -> datetime:
    """New due instant (UTC) after extending the term by `cantidad` of the rule's unit.

    The extension runs from vence_actual: for dias_habiles, `cantidad` more business days
    after the day of vence_actual, ending 23:59:59 local. prorrogado_ya is the extension
    already granted, so successive extensions together stay within regla.prorroga_limite.
    """
    if not isinstance(regla, ReglaPlazo):
        raise ReglaInvalida(f'regla debe ser una ReglaPlazo; se recibió {regla!r}')
    # In UTC: same-zone datetimes compare on the wall clock.
    inicio = exigir_instante(inicio, 'inicio').astimezone(UTC)
    vence_actual = exigir_instante(vence_actual, 'vence_actual').astimezone(UTC)
    ahora = exigir_instante(ahora, 'ahora').astimezone(UTC)
    exigir_calendario(calendario)
    exigir_entero(cantidad, 'cantidad de la prórroga', minimo=1)
    exigir_entero(prorrogado_ya, 'prorrogado_ya', minimo=0)
    if not regla.prorrogable:
        raise ReglaInvalida(f'La regla {regla.codigo!r} ({regla.nombre}) no admite prórroga')
    if vence_actual < inicio or ahora < inicio:
        raise ReglaInvalida(
            f'Fechas incoherentes: inicio {_local(inicio, calendario)} es posterior a '
            f'vence_actual {_local(vence_actual, calendario)} o a ahora '
            f'{_local(ahora, calendario)}')
    if ahora > vence_actual:
        raise ReglaInvalida(
            f'El plazo ya venció el {_local(vence_actual, calendario)}: no se puede prorrogar '
            f'después del vencimiento (ahora {_local(ahora, calendario)})')
    limite = regla.prorroga_limite
    if cantidad + prorrogado_ya > limite:
        raise ReglaInvalida(
            f'La prórroga de {cantidad} {_UNIDADES.get(regla.unidad, regla.unidad)} excede el '
            f'máximo de {limite} de la regla «{regla.nombre}» (ya prorrogado: {prorrogado_ya})')
    if regla.unidad == 'dias_habiles':
        return vence_dias_habiles(calendario.dia_local(vence_actual), cantidad, calendario)
    return sumar(vence_actual, cantidad * MICRO_POR_UNIDAD[regla.unidad], regla.unidad,
                 calendario)


def _local(instante: datetime, calendario: Calendario) -> str:
    return f'{calendario.local(instante):%Y-%m-%d %H:%M:%S}'
