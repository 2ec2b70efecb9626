"""Calendar value object: business days, business hours, next opening, identity."""
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import holidays
import pytest

from reglas import Calendario

BOG, LIM = ZoneInfo('America/Bogota'), ZoneInfo('America/Lima')
SEMANA = {dia: (time(8), time(17)) for dia in range(5)}
CO = Calendario.por_defecto()
PE = Calendario.crear('PE', 'America/Lima', SEMANA)


def bog(*a):
    return datetime(*a, tzinfo=BOG)


@pytest.mark.parametrize('calendario, pais', [(CO, 'CO'), (PE, 'PE')])
def test_dias_habiles_de_tres_anios_coinciden_con_holidays(calendario, pais):
    feriados = holidays.country_holidays(pais, years=(2025, 2026, 2027))
    dia = date(2025, 1, 1)
    while dia.year < 2028:
        assert calendario.es_dia_habil(dia) == (dia.weekday() < 5 and dia not in feriados), dia
        dia += timedelta(days=1)


@pytest.mark.parametrize('dia, habil', [
    (date(2026, 1, 12), False), (date(2026, 1, 6), True),     # Reyes moved to Monday 12
    (date(2026, 3, 23), False), (date(2026, 3, 19), True),    # San José moved to Monday 23
    (date(2026, 11, 16), False), (date(2026, 11, 11), True),  # Cartagena moved to Monday 16
    (date(2026, 4, 2), False), (date(2026, 4, 3), False),     # Holy Thursday and Friday
    (date(2026, 2, 7), False), (date(2026, 2, 9), True),      # Saturday, Monday
])
def test_feriados_trasladados_de_colombia(dia, habil):
    assert CO.es_dia_habil(dia) is habil


def test_es_dia_habil_acepta_un_instante_con_zona():
    # 2026-03-24 03:00 UTC is still Monday 23 (San José) in Bogotá.
    assert not CO.es_dia_habil(datetime(2026, 3, 24, 3, tzinfo=timezone.utc))
    assert CO.es_dia_habil(datetime(2026, 3, 24, 6, tzinfo=timezone.utc))


@pytest.mark.parametrize('instante, habil', [
    (bog(2026, 3, 2, 7, 59, 59), False),
    (bog(2026, 3, 2, 8, 0), True),
    (bog(2026, 3, 2, 16, 59, 59), True),
    (bog(2026, 3, 2, 17, 0), False),
    (bog(2026, 3, 7, 10), False),                               # Saturday
    (bog(2026, 3, 23, 10), False),                              # San José
    (datetime(2026, 3, 2, 13, tzinfo=timezone.utc), True),      # 08:00 in Bogotá
    (datetime(2026, 3, 2, 12, 59, tzinfo=timezone.utc), False),  # 07:59 in Bogotá
])
def test_es_habil(instante, habil):
    assert CO.es_habil(instante) is habil


@pytest.mark.parametrize('instante, apertura', [
    (bog(2026, 3, 2, 10), bog(2026, 3, 2, 10)),       # open: the instant itself
    (bog(2026, 3, 2, 7), bog(2026, 3, 2, 8)),
    (bog(2026, 3, 2, 17), bog(2026, 3, 3, 8)),
    (bog(2026, 3, 6, 20), bog(2026, 3, 9, 8)),        # Friday night -> Monday
    (bog(2026, 3, 20, 17, 30), bog(2026, 3, 24, 8)),  # Friday before San José -> Tuesday
    (bog(2026, 1, 9, 18), bog(2026, 1, 13, 8)),       # Friday before Reyes -> Tuesday
    (bog(2026, 12, 31, 18), bog(2027, 1, 4, 8)),      # New Year (Friday) -> Monday
])
def test_siguiente_apertura(instante, apertura):
    resultado = CO.siguiente_apertura(instante)
    assert resultado == apertura and resultado.tzinfo is timezone.utc


def test_es_un_valor_inmutable_comparable_y_hashable():
    otro = Calendario.crear('co', 'America/Bogota',
                            {0: ('08:00', '17:00'), 1: (time(8), time(17)), 2: ('08:00', '17:00'),
                             3: ('08:00', '17:00'), 4: ('08:00', '17:00'), 5: None})
    assert otro == CO and hash(otro) == hash(CO) and otro.pais == 'CO'
    assert len({CO, otro, PE}) == 2
    with pytest.raises(AttributeError):
        CO.pais = 'PE'
    assert Calendario.crear('CO', 'America/Bogota', SEMANA, recepcion_en_horario=True) != CO
    assert Calendario.crear('CO', 'America/Bogota', SEMANA, no_laborables=['2026-03-02']) != CO


def test_por_defecto_lunes_a_viernes_de_8_a_17():
    assert Calendario.por_defecto() is Calendario.por_defecto('CO', 'America/Bogota')
    assert CO.horario[:5] == (((time(8), time(17)),),) * 5 and CO.horario[5:] == (None, None)
    assert CO.dias_legales == frozenset(range(5))
    assert Calendario.por_defecto('PE', 'America/Lima') == PE


def test_dias_propios_de_la_empresa():
    cal = Calendario.crear('PE', 'America/Lima', SEMANA,
                           no_laborables=[date(2026, 11, 2), '2026-12-24'],
                           laborables=['2026-07-29', date(2026, 11, 7)])
    assert not cal.es_dia_habil(date(2026, 11, 2)) and not cal.es_dia_habil(date(2026, 12, 24))
    assert cal.es_dia_habil(date(2026, 7, 29))   # a holiday made a working day
    assert cal.es_dia_habil(date(2026, 11, 7))   # a Saturday recovery day
    # A working Saturday without hours of its own uses the first configured hours (Monday's).
    assert cal.es_habil(datetime(2026, 11, 7, 9, tzinfo=LIM))
    assert not cal.es_habil(datetime(2026, 11, 7, 17, tzinfo=LIM))


def test_horario_distinto_por_dia():
    cal = Calendario.crear('CO', 'America/Bogota',
                           {0: (time(7), time(12)), 2: (time(14), time(18, 30)),
                            5: (time(9), time(13))})
    assert cal.es_habil(bog(2026, 3, 2, 7)) and not cal.es_habil(bog(2026, 3, 2, 12))
    # Tuesday has no service hours but the law still counts it; Saturday has hours only.
    assert cal.es_dia_habil(date(2026, 3, 3)) and not cal.es_habil(bog(2026, 3, 3, 10))
    assert not cal.es_dia_habil(date(2026, 3, 7)) and cal.es_habil(bog(2026, 3, 7, 10))
    assert cal.siguiente_apertura(bog(2026, 3, 2, 12)) == bog(2026, 3, 4, 14)
    assert cal.siguiente_apertura(bog(2026, 3, 4, 18, 30)) == bog(2026, 3, 7, 9)
