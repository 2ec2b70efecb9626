"""The instant a term reaches a share of itself, on each unit's clock (no database)."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from reglas import Calendario, ReglaInvalida, estado_sla, vencimiento
from reglas.escalamiento import instante_nivel

BOGOTA = ZoneInfo('America/Bogota')
CO = Calendario.por_defecto('CO', 'America/Bogota')


def _b(*partes):
    return datetime(*partes, tzinfo=BOGOTA)


@pytest.mark.parametrize('inicio, cantidad, unidad, porcentaje, esperado', [
    # 15 business days from Monday 2 March: 80 % is the start of day 12 (Wednesday 18;
    # Monday 23 is a holiday), 100 % the due instant, 150 % the end of day 23.
    (_b(2026, 3, 2, 10), 15, 'dias_habiles', 80, _b(2026, 3, 18, 0, 0)),
    (_b(2026, 3, 2, 10), 15, 'dias_habiles', 100, _b(2026, 3, 24, 23, 59, 59)),
    (_b(2026, 3, 2, 10), 15, 'dias_habiles', 150, _b(2026, 4, 7, 23, 59, 59)),
    (_b(2026, 3, 2, 10), 30, 'minutos', 80, _b(2026, 3, 2, 10, 24)),
    (_b(2026, 3, 2, 10), 30, 'minutos', 150, _b(2026, 3, 2, 10, 45)),
    # Two business hours from Monday 16:30 (closing 17:00): night does not count.
    (_b(2026, 3, 2, 16, 30), 2, 'horas_habiles', 50, _b(2026, 3, 3, 8, 30)),
    (_b(2026, 3, 2, 16, 30), 2, 'horas_habiles', 150, _b(2026, 3, 3, 10, 30)),
    (_b(2026, 3, 2, 10), 1, 'dias', 50, _b(2026, 3, 2, 22)),
])
def test_instante_de_cada_nivel(inicio, cantidad, unidad, porcentaje, esperado):
    vence = vencimiento(inicio, cantidad, unidad, CO)
    assert instante_nivel(inicio, vence, porcentaje, unidad, CO) == esperado


@pytest.mark.parametrize('unidad, cantidad', [('dias_habiles', 15), ('horas_habiles', 8),
                                              ('horas', 5), ('dias', 3)])
def test_el_80_coincide_con_el_semaforo_por_vencer(unidad, cantidad):
    inicio = _b(2026, 3, 4, 11, 15)
    vence = vencimiento(inicio, cantidad, unidad, CO)
    momento = instante_nivel(inicio, vence, 80, unidad, CO)
    segundo = timedelta(seconds=1)
    assert estado_sla(inicio, vence, momento - segundo, 0.8, unidad, CO) == 'a_tiempo'
    assert estado_sla(inicio, vence, momento + segundo, 0.8, unidad, CO) == 'por_vencer'


@pytest.mark.parametrize('porcentaje', [0, -5, 1001, 80.5, True, None])
def test_porcentaje_invalido(porcentaje):
    inicio = _b(2026, 3, 2, 10)
    with pytest.raises(ReglaInvalida):
        instante_nivel(inicio, vencimiento(inicio, 1, 'horas', CO), porcentaje, 'horas', CO)
