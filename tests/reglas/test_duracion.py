"""reglas.duracion, the one measure of elapsed time every report uses: never negative."""
from datetime import datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reglas import UNIDADES, Calendario, duracion

BOG, LIM = ZoneInfo('America/Bogota'), ZoneInfo('America/Lima')
SEMANA = {d: (time(8), time(17)) for d in range(5)}
PE = Calendario.crear('PE', 'America/Lima', SEMANA, recepcion_en_horario=True)
CO = Calendario.crear('CO', 'America/Bogota',
                      {**{d: [(time(8), time(12)), (time(14), time(17))] for d in range(5)},
                       5: (time(8), time(12))}, recepcion_en_horario=True)
INSTANTES = st.datetimes(datetime(2025, 1, 1), datetime(2027, 12, 31),
                         timezones=st.sampled_from([timezone.utc, BOG, LIM]))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([PE, CO, Calendario.por_defecto()]), INSTANTES, INSTANTES,
       st.sampled_from(UNIDADES))
def test_nunca_es_negativa(calendario, a, b, unidad):
    assert duracion(a, b, unidad, calendario) >= 0


@pytest.mark.parametrize('recibido, respondido, unidad, esperado', [
    # Friday 6 Feb 2026 18:00 Lima counts from Monday 9; answered Saturday 7: before the
    # count began, 0 days (the signed count is -1).
    (datetime(2026, 2, 6, 18, tzinfo=LIM), datetime(2026, 2, 7, 10, tzinfo=LIM),
     'dias_habiles', 0.0),
    # Same receipt, answered Wednesday 11: Tuesday 10 and Wednesday 11 = 2 days.
    (datetime(2026, 2, 6, 18, tzinfo=LIM), datetime(2026, 2, 11, 9, tzinfo=LIM),
     'dias_habiles', 2.0),
    # Friday 18:00 to Saturday 07:00: no service hour in between.
    (datetime(2026, 2, 6, 18, tzinfo=LIM), datetime(2026, 2, 7, 7, tzinfo=LIM),
     'horas_habiles', 0.0),
    # Answer before receipt (bad data) is 0, not negative.
    (datetime(2026, 2, 6, 10, tzinfo=LIM), datetime(2026, 2, 5, 10, tzinfo=LIM), 'horas', 0.0),
])
def test_casos_calculados_a_mano(recibido, respondido, unidad, esperado):
    assert duracion(recibido, respondido, unidad, PE) == esperado


def test_horas_habiles_descuentan_el_almuerzo():
    # Monday 2 March 2026 10:00 -> 15:00 Bogotá with a 12-14 lunch: 2 h + 1 h = 3 h.
    assert duracion(datetime(2026, 3, 2, 10, tzinfo=BOG), datetime(2026, 3, 2, 15, tzinfo=BOG),
                    'horas_habiles', CO) == pytest.approx(3.0)
