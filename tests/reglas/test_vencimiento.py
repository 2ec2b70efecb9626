"""Due instants checked by hand against the 2026-2027 calendars of holidays 0.108.

CO 2026 holidays used here: Jan 1, Jan 12 (Reyes, moved), Mar 23 (San José, moved), Apr 2-3
(Holy Thursday/Friday), Nov 2 (moved), Nov 16 (Cartagena, moved), Dec 8, Dec 25; 2027: Jan 1,
Jan 11 (Reyes, moved). PE 2026: Jan 1, Apr 2-3, Jul 23, Jul 28-29, Aug 6, Aug 30 (a Sunday),
Dec 8-9, Dec 25. Calendars: Monday-Friday 08:00-17:00 unless said otherwise.
"""
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import holidays
import pytest

from reglas import Calendario, vencimiento

BOG, LIM, NYC = ZoneInfo('America/Bogota'), ZoneInfo('America/Lima'), ZoneInfo('America/New_York')
SEMANA = {dia: (time(8), time(17)) for dia in range(5)}

CO = Calendario.por_defecto('CO', 'America/Bogota')
PE = Calendario.crear('PE', 'America/Lima', SEMANA)
PE_RECEPCION = Calendario.crear('PE', 'America/Lima', SEMANA, recepcion_en_horario=True)
CO_SABADO = Calendario.crear('CO', 'America/Bogota', {**SEMANA, 5: (time(8), time(12))})
CO_SABADO_LEGAL = Calendario.crear('CO', 'America/Bogota', {**SEMANA, 5: (time(8), time(12))},
                                   dias_legales=range(6))
CO_EMPRESA = Calendario.crear('CO', 'America/Bogota', SEMANA, no_laborables=[date(2026, 2, 10)],
                              laborables=[date(2026, 3, 23), date(2026, 2, 7)])
NY = Calendario.crear('US', 'America/New_York', SEMANA)


def bog(*a):
    return datetime(*a, tzinfo=BOG)


def lim(*a):
    return datetime(*a, tzinfo=LIM)


def ny(*a):
    return datetime(*a, tzinfo=NYC)


def fin_bog(*a):
    return bog(*a, 23, 59, 59)


def fin_lim(*a):
    return lim(*a, 23, 59, 59)


CASOS = [
    # --- dias_habiles, Colombia -------------------------------------------------------------
    ('fin de semana', bog(2026, 2, 6, 10), 1, 'dias_habiles', CO, fin_bog(2026, 2, 9)),
    ('sabado de noche', bog(2026, 2, 7, 22), 1, 'dias_habiles', CO, fin_bog(2026, 2, 9)),
    ('domingo', bog(2026, 2, 8, 10), 3, 'dias_habiles', CO, fin_bog(2026, 2, 11)),
    ('lunes 00:00', bog(2026, 2, 9, 0, 0), 1, 'dias_habiles', CO, fin_bog(2026, 2, 10)),
    ('a las 23:59', bog(2026, 2, 10, 23, 59), 1, 'dias_habiles', CO, fin_bog(2026, 2, 11)),
    ('23:59 dado en UTC', datetime(2026, 2, 11, 4, 59, tzinfo=timezone.utc), 1, 'dias_habiles',
     CO, fin_bog(2026, 2, 11)),
    ('cantidad 0: fin del dia', bog(2026, 2, 7, 10), 0, 'dias_habiles', CO, fin_bog(2026, 2, 7)),
    ('Reyes trasladado', bog(2026, 1, 9, 9), 1, 'dias_habiles', CO, fin_bog(2026, 1, 13)),
    ('Reyes en medio', bog(2026, 1, 8, 12), 5, 'dias_habiles', CO, fin_bog(2026, 1, 16)),
    ('San Jose trasladado', bog(2026, 3, 20, 10), 1, 'dias_habiles', CO, fin_bog(2026, 3, 24)),
    ('San Jose y Semana Santa', bog(2026, 3, 20, 10), 15, 'dias_habiles', CO,
     fin_bog(2026, 4, 15)),
    ('Semana Santa CO', bog(2026, 4, 1, 11), 1, 'dias_habiles', CO, fin_bog(2026, 4, 6)),
    ('Todos los Santos trasladado', bog(2026, 10, 30, 15), 2, 'dias_habiles', CO,
     fin_bog(2026, 11, 4)),
    ('Cartagena trasladado', bog(2026, 11, 13, 15), 1, 'dias_habiles', CO,
     fin_bog(2026, 11, 17)),
    ('24 dic -> enero', bog(2026, 12, 24, 10), 5, 'dias_habiles', CO, fin_bog(2027, 1, 4)),
    ('24 dic -> Reyes 2027', bog(2026, 12, 24, 10), 15, 'dias_habiles', CO,
     fin_bog(2027, 1, 19)),
    # --- dias_habiles, Peru -----------------------------------------------------------------
    ('Fiestas Patrias', lim(2026, 7, 27, 10), 1, 'dias_habiles', PE, fin_lim(2026, 7, 30)),
    ('Dia de la FAP y Fiestas Patrias', lim(2026, 7, 22, 10), 3, 'dias_habiles', PE,
     fin_lim(2026, 7, 30)),
    ('Ley 31435: 15 dias', lim(2026, 7, 20, 9), 15, 'dias_habiles', PE, fin_lim(2026, 8, 14)),
    ('Santa Rosa cae domingo', lim(2026, 8, 28, 10), 1, 'dias_habiles', PE,
     fin_lim(2026, 8, 31)),
    ('8 y 9 de diciembre', lim(2026, 12, 7, 16), 1, 'dias_habiles', PE, fin_lim(2026, 12, 10)),
    ('24 dic -> enero PE', lim(2026, 12, 24, 10), 5, 'dias_habiles', PE, fin_lim(2027, 1, 4)),
    ('Semana Santa PE', lim(2026, 4, 1, 10), 2, 'dias_habiles', PE, fin_lim(2026, 4, 7)),
    ('Reyes no es feriado en PE', lim(2026, 1, 9, 10), 1, 'dias_habiles', PE,
     fin_lim(2026, 1, 12)),
    # --- recepcion_en_horario -----------------------------------------------------------------
    ('sabado de noche, recepcion en horario', lim(2026, 7, 25, 22), 3, 'dias_habiles',
     PE_RECEPCION, fin_lim(2026, 8, 3)),
    ('sabado de noche, sin la opcion', lim(2026, 7, 25, 22), 3, 'dias_habiles', PE,
     fin_lim(2026, 7, 31)),
    ('despues del cierre, recepcion en horario', lim(2026, 2, 9, 18, 30), 1, 'dias_habiles',
     PE_RECEPCION, fin_lim(2026, 2, 11)),
    ('despues del cierre, sin la opcion', lim(2026, 2, 9, 18, 30), 1, 'dias_habiles', PE,
     fin_lim(2026, 2, 10)),
    ('antes de abrir, recepcion en horario', lim(2026, 2, 9, 7, 59), 1, 'dias_habiles',
     PE_RECEPCION, fin_lim(2026, 2, 10)),
    ('en horario, recepcion en horario', lim(2026, 2, 9, 10), 1, 'dias_habiles', PE_RECEPCION,
     fin_lim(2026, 2, 10)),
    ('cantidad 0, recepcion en horario', lim(2026, 2, 7, 10), 0, 'dias_habiles', PE_RECEPCION,
     fin_lim(2026, 2, 9)),
    # --- company calendars ------------------------------------------------------------------
    # Saturday opening hours do not make Saturday a legal day: Friday 6 + 1 = Monday 9 ...
    ('sabado con atencion', bog(2026, 2, 6, 10), 1, 'dias_habiles', CO_SABADO,
     fin_bog(2026, 2, 9)),
    # ... unless the administrator chose Monday-Saturday: then Saturday 7 is day 1.
    ('sabado habil legal', bog(2026, 2, 6, 10), 1, 'dias_habiles', CO_SABADO_LEGAL,
     fin_bog(2026, 2, 7)),
    ('no laborable de la empresa', bog(2026, 2, 9, 10), 1, 'dias_habiles', CO_EMPRESA,
     fin_bog(2026, 2, 11)),
    ('feriado declarado laborable', bog(2026, 3, 20, 10), 1, 'dias_habiles', CO_EMPRESA,
     fin_bog(2026, 3, 23)),
    ('sabado declarado laborable', bog(2026, 2, 6, 10), 1, 'dias_habiles', CO_EMPRESA,
     fin_bog(2026, 2, 7)),
    # --- horas_habiles ------------------------------------------------------------------------
    ('lunes 16:30 + 2h', bog(2026, 3, 2, 16, 30), 2, 'horas_habiles', CO, bog(2026, 3, 3, 9, 30)),
    ('de noche', bog(2026, 3, 2, 20), 2, 'horas_habiles', CO, bog(2026, 3, 3, 10)),
    ('antes de abrir', bog(2026, 3, 2, 7), 1, 'horas_habiles', CO, bog(2026, 3, 2, 9)),
    ('fin de semana', bog(2026, 3, 6, 15), 8, 'horas_habiles', CO, bog(2026, 3, 9, 14)),
    ('sabado', bog(2026, 3, 7, 10), 1, 'horas_habiles', CO, bog(2026, 3, 9, 9)),
    ('feriado San Jose', bog(2026, 3, 20, 16), 3, 'horas_habiles', CO, bog(2026, 3, 24, 10)),
    ('Semana Santa y fin de semana', bog(2026, 4, 1, 16), 2, 'horas_habiles', CO,
     bog(2026, 4, 6, 9)),
    ('termina al cierre', bog(2026, 3, 2, 8), 9, 'horas_habiles', CO, bog(2026, 3, 2, 17)),
    ('dos jornadas', bog(2026, 3, 2, 8), 18, 'horas_habiles', CO, bog(2026, 3, 3, 17)),
    ('0 horas de noche', bog(2026, 3, 2, 20), 0, 'horas_habiles', CO, bog(2026, 3, 3, 8)),
    ('0 horas en horario', bog(2026, 3, 2, 10), 0, 'horas_habiles', CO, bog(2026, 3, 2, 10)),
    ('sabado medio dia', bog(2026, 3, 6, 16), 3, 'horas_habiles', CO_SABADO,
     bog(2026, 3, 7, 10)),
    # --- minutos, horas, dias ---------------------------------------------------------------
    ('30 minutos cruzan la medianoche', bog(2026, 3, 7, 23, 50), 30, 'minutos', CO,
     bog(2026, 3, 8, 0, 20)),
    ('24 horas reales', bog(2026, 3, 7, 10), 24, 'horas', CO, bog(2026, 3, 8, 10)),
    ('1 dia calendario', bog(2026, 3, 6, 10), 1, 'dias', CO, bog(2026, 3, 7, 10)),
    ('3 dias calendario', bog(2026, 3, 6, 10), 3, 'dias', CO, bog(2026, 3, 9, 10)),
    # --- DST: wall-clock days, real hours ----------------------------------------------------
    ('dias cruza el cambio de horario de marzo', ny(2026, 3, 7, 10), 1, 'dias', NY,
     ny(2026, 3, 8, 10)),
    ('horas cruza el cambio de horario de marzo', ny(2026, 3, 7, 10), 24, 'horas', NY,
     ny(2026, 3, 8, 11)),
    ('dias cruza el cambio de horario de noviembre', ny(2026, 10, 31, 10), 1, 'dias', NY,
     ny(2026, 11, 1, 10)),
    ('hora inexistente avanza', ny(2026, 3, 7, 2, 30), 1, 'dias', NY, ny(2026, 3, 8, 3, 30)),
    ('dias_habiles con horario de verano', ny(2026, 3, 6, 10), 1, 'dias_habiles', NY,
     ny(2026, 3, 9, 23, 59, 59)),
]


@pytest.mark.parametrize('inicio, cantidad, unidad, calendario, esperado',
                         [c[1:] for c in CASOS], ids=[c[0] for c in CASOS])
def test_vencimiento(inicio, cantidad, unidad, calendario, esperado):
    vence = vencimiento(inicio, cantidad, unidad, calendario)
    assert vence == esperado
    assert vence.tzinfo is timezone.utc


def test_las_fechas_de_la_tabla_son_las_de_holidays():
    """The hand-checked holidays above are what the holidays package says."""
    co = holidays.country_holidays('CO', years=2026)
    pe = holidays.country_holidays('PE', years=2026)
    for dia in ('2026-01-12', '2026-03-23', '2026-04-02', '2026-04-03', '2026-11-02',
                '2026-11-16', '2026-12-25'):
        assert date.fromisoformat(dia) in co
    assert date(2027, 1, 11) in holidays.country_holidays('CO', years=2027)
    for dia in ('2026-04-02', '2026-04-03', '2026-07-23', '2026-07-28', '2026-07-29',
                '2026-08-06', '2026-08-30', '2026-12-08', '2026-12-09', '2026-12-25'):
        assert date.fromisoformat(dia) in pe
    assert date(2026, 1, 12) not in pe and date(2026, 1, 6) not in co
    assert date(2026, 8, 30).weekday() == 6


def test_dst_los_dias_conservan_la_hora_local_y_no_las_24_horas():
    inicio = ny(2026, 3, 7, 10).astimezone(timezone.utc)
    assert (vencimiento(inicio, 1, 'dias', NY) - inicio).total_seconds() == 23 * 3600
    assert (vencimiento(inicio, 24, 'horas', NY) - inicio).total_seconds() == 24 * 3600


def test_el_resultado_no_depende_del_orden_de_las_consultas():
    """The lazily built table is extended backwards and forwards without changing answers."""
    nuevo = Calendario.crear('CO', 'America/Bogota', SEMANA)
    antes = vencimiento(bog(2026, 3, 2, 16, 30), 20, 'horas_habiles', nuevo)
    assert vencimiento(bog(1995, 6, 1, 9), 30, 'horas_habiles', nuevo) == \
        vencimiento(bog(1995, 6, 1, 9), 30, 'horas_habiles', CO)
    assert vencimiento(bog(2040, 12, 20, 9), 400, 'dias_habiles', nuevo) == \
        vencimiento(bog(2040, 12, 20, 9), 400, 'dias_habiles', CO)
    assert vencimiento(bog(2026, 3, 2, 16, 30), 20, 'horas_habiles', nuevo) == antes


def test_una_fecha_lejana_no_agranda_la_tabla_del_calendario():
    """A stray far-off date gets a table of its own, not one spanning centuries."""
    cal = Calendario.crear('CO', 'America/Bogota', SEMANA)
    vencimiento(bog(2026, 3, 2, 9), 15, 'dias_habiles', cal)
    assert vencimiento(bog(2400, 3, 1, 9), 1, 'dias_habiles', cal) == fin_bog(2400, 3, 2)
    tabla = cal._cache.tabla
    assert tabla.anio_hasta - tabla.anio_desde < 10
    assert vencimiento(bog(2026, 3, 20, 10), 15, 'dias_habiles', cal) == fin_bog(2026, 4, 15)
