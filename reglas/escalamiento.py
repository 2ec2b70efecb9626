"""When a term reaches a share of itself (escalation levels: 80 %, 100 %, 150 % ...).

The share is read on the term's own clock, like the SLA state: business time for
horas_habiles, whole business days for dias_habiles, real or wall time otherwise. So "80 %
of 15 días hábiles" is the start of business day 12, the moment the term turns "por vencer";
100 % is the due instant itself; 150 % of it is the end of business day 23 (the term overrun
by half again). With suspensions pass the due instant that already includes the pauses.
"""
from __future__ import annotations

import math
from datetime import datetime

from reglas.calendario import Calendario
from reglas.errores import ReglaInvalida
from reglas.plazos import (exigir_calendario, medir, sumar, transcurrido,
                           vence_dias_habiles)
from reglas.validacion import exigir_instante, exigir_unidad

PORCENTAJE_MAX = 1000


def instante_nivel(inicio: datetime, vence: datetime, porcentaje: int, unidad: str,
                   calendario: Calendario) -> datetime:
    """Aware UTC instant at which ``porcentaje`` % of the term [inicio, vence] has elapsed."""
    exigir_instante(inicio, 'inicio')
    exigir_instante(vence, 'vence')
    exigir_unidad(unidad)
    exigir_calendario(calendario)
    if isinstance(porcentaje, bool) or not isinstance(porcentaje, int) \
            or not 0 < porcentaje <= PORCENTAJE_MAX:
        raise ReglaInvalida(f'Porcentaje inválido: {porcentaje!r}. Debe ser un entero entre 1 '
                            f'y {PORCENTAJE_MAX}.')
    if vence <= inicio:
        return vence if porcentaje >= 100 else inicio
    if porcentaje == 100:
        return vence
    if unidad == 'dias_habiles':
        return _dias_habiles(inicio, vence, porcentaje, calendario)
    total = medir(inicio, vence, unidad, calendario)
    # Rounded up to the microsecond: at that instant the share has surely been reached.
    return sumar(inicio, -(-total * porcentaje // 100), unidad, calendario)


def _dias_habiles(inicio, vence, porcentaje, calendario):
    dias = transcurrido(inicio, vence, 'dias_habiles', calendario)
    recepcion = calendario.dia_de_recepcion(inicio)
    if porcentaje > 100:
        # The due day plus the overrun share, counted in whole business days.
        return vence_dias_habiles(recepcion, math.ceil(dias * porcentaje / 100), calendario)
    dia_n = math.ceil(dias * porcentaje / 100)
    if dia_n <= 0:
        return inicio
    # The first instant of that business day (00:00 local): the end of the day before + 1 s.
    anterior = vence_dias_habiles(recepcion, dia_n, calendario)
    inicio_dia = calendario.local(anterior).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(inicio, calendario.en_utc(inicio_dia.replace(tzinfo=None)))
