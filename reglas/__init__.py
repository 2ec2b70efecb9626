"""Deadline engine: pure functions over plain values (no database, no Flask).

Time is given and returned as aware datetimes (results in UTC) and computed in the calendar's
zone. A naive datetime, an unknown unit, a negative amount... raise ReglaInvalida (a
ValueError) with a Spanish message that names the bad value.

Units
-----
- ``minutos``, ``horas``: elapsed real time.
- ``dias``: the same local wall time N days later (DST-safe; a wall time skipped by a DST
  change moves forward by the gap).
- ``dias_habiles``: counts only the calendar's legal business days (``dias_legales``,
  Monday to Friday by default, minus holidays and company days), never its service hours:
  a Saturday counter does not make Saturday count. Day 1 is the first legal business day
  after the local day of receipt; the term ends at 23:59:59 local time of day N. 0 days
  ends at 23:59:59 of the receipt day itself.
  With ``recepcion_en_horario=True`` a receipt outside service hours (or on a day the law
  does not count) counts as received at the next opening of a legal business day, and day 1
  is the business day after that one.
  The option only changes dias_habiles: horas_habiles start at the next opening anyway, and
  the other units are real time.
- ``horas_habiles``: run only inside the service hours (several ranges per weekday, e.g. a
  lunch break, Saturday mornings) of days that are not holidays; a receipt outside them
  starts counting at the next opening; a term that ends exactly at closing time ends then.
  0 hours is the instant counting starts.

Elapsed and remaining time (transcurrido, restante) are read on each unit's clock: a
timedelta of real, wall-clock or business time, or for dias_habiles an int count of business
days after the day of receipt up to and including the day of the second instant. Hence
``transcurrido(inicio, vencimiento(inicio, n, u, cal), u, cal)`` is n units (the one exception:
a dias term whose wall time does not exist, inside a DST gap).

Suspensions (vencimiento_con_pausas) stop the clock; overlapping pauses count once; a pause
still open gives no due instant (None) and restante_congelado() tells what is left. For
dias_habiles every business day touched by a pause is given back whole, and the term resumes
the business day after the pause ends (Colombia, Ley 1755 de 2015, art. 17).

Worked examples (calendar Mon-Fri 08:00-17:00)::

    >>> from datetime import datetime, time
    >>> from zoneinfo import ZoneInfo
    >>> bogota = ZoneInfo('America/Bogota')
    >>> co = Calendario.por_defecto('CO', 'America/Bogota')

    # 1. Petition received Friday 2026-03-20: Monday 23 is San José (moved holiday) and
    #    2-3 April are Holy Thursday and Good Friday, so day 15 is Wednesday 15 April.
    >>> vencimiento(datetime(2026, 3, 20, 10, 0, tzinfo=bogota), 15, 'dias_habiles', co)
    datetime.datetime(2026, 4, 16, 4, 59, 59, tzinfo=datetime.timezone.utc)

    # 2. Two business hours from Monday 16:30: 30 minutes on Monday, 90 on Tuesday.
    >>> vencimiento(datetime(2026, 3, 2, 16, 30, tzinfo=bogota), 2, 'horas_habiles', co)
    datetime.datetime(2026, 3, 3, 14, 30, tzinfo=datetime.timezone.utc)

    # 3. A suspension from Wednesday 11 March 15:00 to Friday 13 March 10:00 gives back
    #    three business days: the term of a petition received on 2 March moves from
    #    Tuesday 24 to Friday 27 March.
    >>> pausa = (datetime(2026, 3, 11, 15, tzinfo=bogota),
    ...          datetime(2026, 3, 13, 10, tzinfo=bogota))
    >>> vencimiento_con_pausas(datetime(2026, 3, 2, 9, tzinfo=bogota), 15, 'dias_habiles', co,
    ...                        [pausa]).astimezone(bogota).date()
    datetime.date(2026, 3, 27)

    # 4. Peru, receipt counted from the next opening: received Saturday 2026-07-25 22:00;
    #    it counts as received Monday 27; 28 and 29 July are holidays, so 3 business days
    #    end on Monday 3 August (without the option: Friday 31 July).
    >>> lima = ZoneInfo('America/Lima')
    >>> jornada = (time(8), time(17))
    >>> pe = Calendario.crear('PE', 'America/Lima', {d: jornada for d in range(5)},
    ...                       recepcion_en_horario=True)
    >>> vencimiento(datetime(2026, 7, 25, 22, tzinfo=lima), 3, 'dias_habiles', pe
    ...             ).astimezone(lima).date()
    datetime.date(2026, 8, 3)
"""
from reglas.calendario import Calendario
from reglas.duracion import duracion
from reglas.errores import ReglaInvalida
from reglas.plazos import restante, transcurrido, vencimiento
from reglas.prorroga import prorrogar
from reglas.regla_plazo import ReglaPlazo
from reglas.sla import (A_TIEMPO, ESTADOS_SLA, POR_VENCER, VENCIDO, estado_sla,
                        restante_en_unidad)
from reglas.suspension import fusionar_pausas, restante_congelado, vencimiento_con_pausas
from reglas.validacion import UNIDADES

__all__ = [
    'UNIDADES', 'Calendario', 'ReglaInvalida', 'ReglaPlazo',
    'vencimiento', 'transcurrido', 'restante',
    'vencimiento_con_pausas', 'restante_congelado', 'fusionar_pausas',
    'estado_sla', 'restante_en_unidad', 'A_TIEMPO', 'POR_VENCER', 'VENCIDO', 'ESTADOS_SLA',
    'prorrogar', 'duracion',
]
