"""How long something took, in a term's unit: the one measure every report uses.

transcurrido() is signed because a term's clock may not have started yet (a case received
Friday night with "receipt outside hours" counts from Monday); a duration answers "how long
did it take", so time before the clock starts counts as nothing, never as a negative amount.
"""
from __future__ import annotations

from datetime import datetime

from reglas.calendario import Calendario
from reglas.plazos import en_unidad, transcurrido
from reglas.validacion import exigir_instante


def duracion(inicio: datetime, fin: datetime, unidad: str, calendario: Calendario) -> float:
    """Elapsed time from inicio to fin in `unidad` (business days, business hours, ...), >= 0.

    For dias_habiles: legal business days after the day of receipt up to the day of fin
    (answered the same day, or before counting began: 0). For horas_habiles: service hours
    between the two instants. fin before inicio (bad data) is 0.
    """
    if exigir_instante(fin, 'fin') <= exigir_instante(inicio, 'inicio'):
        return 0.0
    return max(0.0, en_unidad(transcurrido(inicio, fin, unidad, calendario), unidad))
