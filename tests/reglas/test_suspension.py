"""Suspensions: hand-checked cases on the 2026 Colombian calendar (Mon-Fri 08:00-17:00).

Base term: a petition received Monday 2026-03-02 09:00, 15 business days: days 1-4 are
3-6 March, 5-9 are 9-13, 10-14 are 16-20, Monday 23 is San José, so day 15 is Tuesday 24.
"""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from reglas import (Calendario, fusionar_pausas, restante_congelado, vencimiento,
                    vencimiento_con_pausas)

BOG = ZoneInfo('America/Bogota')
CO = Calendario.por_defecto()
INICIO = datetime(2026, 3, 2, 9, tzinfo=BOG)


def bog(*a):
    return datetime(*a, tzinfo=BOG)


def fin(*a):
    return bog(*a, 23, 59, 59)


CASOS_DIAS_HABILES = [
    ('sin pausas', [], fin(2026, 3, 24)),
    ('devuelve los tres dias tocados', [(bog(2026, 3, 11, 15), bog(2026, 3, 13, 10))],
     fin(2026, 3, 27)),
    ('pausa sobre un feriado: devuelve 20 y 24, no el 23',
     [(bog(2026, 3, 20, 10), bog(2026, 3, 24, 10))], fin(2026, 3, 26)),
    ('pausas solapadas cuentan una vez',
     [(bog(2026, 3, 12, 9), bog(2026, 3, 13, 10)), (bog(2026, 3, 11, 15), bog(2026, 3, 12, 12))],
     fin(2026, 3, 27)),
    ('pausa repetida cuenta una vez',
     [(bog(2026, 3, 11, 15), bog(2026, 3, 13, 10))] * 2, fin(2026, 3, 27)),
    ('pausa de duracion cero', [(bog(2026, 3, 11, 10), bog(2026, 3, 11, 10))], fin(2026, 3, 24)),
    ('pausa que termina a medianoche no toca ese dia',
     [(bog(2026, 3, 11, 15), bog(2026, 3, 13, 0))], fin(2026, 3, 26)),
    ('pausa solo el dia de recepcion', [(bog(2026, 3, 2, 10), bog(2026, 3, 2, 16))],
     fin(2026, 3, 24)),
    ('pausa desde antes de la recepcion', [(bog(2026, 2, 27, 10), bog(2026, 3, 3, 12))],
     fin(2026, 3, 25)),
    ('pausa que empieza despues del vencimiento', [(bog(2026, 3, 25, 10), bog(2026, 3, 30))],
     fin(2026, 3, 24)),
    ('pausa abierta', [(bog(2026, 3, 11, 15), None)], None),
    ('pausa abierta despues del vencimiento', [(bog(2026, 3, 25, 10), None)], fin(2026, 3, 24)),
]


@pytest.mark.parametrize('pausas, esperado', [c[1:] for c in CASOS_DIAS_HABILES],
                         ids=[c[0] for c in CASOS_DIAS_HABILES])
def test_pausas_en_dias_habiles(pausas, esperado):
    assert vencimiento_con_pausas(INICIO, 15, 'dias_habiles', CO, pausas) == esperado


def test_restante_congelado_en_dias_habiles():
    abierta = [(bog(2026, 3, 11, 15), None)]
    # Counted before the pause: 3-6 and 9-10 March, six days; nine remain.
    assert restante_congelado(INICIO, 15, 'dias_habiles', CO, abierta) == 9
    assert restante_congelado(INICIO, 15, 'dias_habiles', CO, [(bog(2026, 3, 25), None)]) == 0
    assert restante_congelado(INICIO, 15, 'dias_habiles', CO, []) is None
    cerrada = [(bog(2026, 3, 11, 15), bog(2026, 3, 13, 10))]
    assert restante_congelado(INICIO, 15, 'dias_habiles', CO, cerrada) is None


def test_al_reanudar_vuelve_con_lo_que_quedaba():
    """Closing the open pause on Friday 13 gives the nine remaining days from Monday 16."""
    cerrada = [(bog(2026, 3, 11, 15), bog(2026, 3, 13, 10))]
    assert vencimiento_con_pausas(INICIO, 15, 'dias_habiles', CO, cerrada) == \
        vencimiento(bog(2026, 3, 13, 10), 9, 'dias_habiles', CO)


CASOS_RELOJ = [
    ('horas habiles: 15 min el lunes, 1h45 el martes', bog(2026, 3, 2, 16, 30), 2,
     'horas_habiles', [(bog(2026, 3, 2, 16, 45), bog(2026, 3, 3, 8, 30))], bog(2026, 3, 3, 10, 15)),
    ('horas habiles sobre San Jose', bog(2026, 3, 20, 16), 3, 'horas_habiles',
     [(bog(2026, 3, 20, 16, 30), bog(2026, 3, 24, 9))], bog(2026, 3, 24, 11, 30)),
    ('minutos', bog(2026, 3, 2, 10), 30, 'minutos',
     [(bog(2026, 3, 2, 10, 10), bog(2026, 3, 2, 10, 20))], bog(2026, 3, 2, 10, 40)),
    ('minutos con pausas solapadas', bog(2026, 3, 2, 10), 30, 'minutos',
     [(bog(2026, 3, 2, 10, 15), bog(2026, 3, 2, 10, 25)),
      (bog(2026, 3, 2, 10, 10), bog(2026, 3, 2, 10, 20))], bog(2026, 3, 2, 10, 45)),
    ('dias', bog(2026, 3, 6, 10), 1, 'dias', [(bog(2026, 3, 6, 12), bog(2026, 3, 7, 12))],
     bog(2026, 3, 8, 10)),
    ('horas: pausa despues del vencimiento', bog(2026, 3, 2, 10), 1, 'horas',
     [(bog(2026, 3, 2, 11), bog(2026, 3, 2, 12))], bog(2026, 3, 2, 11)),
    ('minutos con pausa abierta', bog(2026, 3, 2, 10), 30, 'minutos',
     [(bog(2026, 3, 2, 10, 10), None)], None),
]


@pytest.mark.parametrize('inicio, cantidad, unidad, pausas, esperado',
                         [c[1:] for c in CASOS_RELOJ], ids=[c[0] for c in CASOS_RELOJ])
def test_pausas_en_unidades_de_tiempo(inicio, cantidad, unidad, pausas, esperado):
    assert vencimiento_con_pausas(inicio, cantidad, unidad, CO, pausas) == esperado


def test_restante_congelado_en_unidades_de_tiempo():
    abierta = [(bog(2026, 3, 2, 10, 10), None)]
    assert restante_congelado(bog(2026, 3, 2, 10), 30, 'minutos', CO, abierta) == \
        timedelta(minutes=20)
    # 16:30 to 17:00 on Monday is all the business time used before a pause opened at night.
    abierta = [(bog(2026, 3, 2, 20), None)]
    assert restante_congelado(bog(2026, 3, 2, 16, 30), 2, 'horas_habiles', CO, abierta) == \
        timedelta(hours=1, minutes=30)


def test_cantidad_cero_no_depende_de_las_pausas():
    abierta = [(bog(2026, 3, 2, 8), None)]
    assert vencimiento_con_pausas(INICIO, 0, 'dias_habiles', CO, abierta) == fin(2026, 3, 2)
    assert vencimiento_con_pausas(INICIO, 0, 'horas', CO, abierta) == INICIO


def test_ahora_solo_valida_y_admite_un_fin_programado():
    pausas = [(bog(2026, 3, 11, 15), bog(2026, 3, 13, 10))]
    assert vencimiento_con_pausas(INICIO, 15, 'dias_habiles', CO, pausas,
                                  ahora=bog(2026, 3, 12)) == fin(2026, 3, 27)


def test_fusionar_pausas():
    a, b, c, d = (bog(2026, 3, 2, h) for h in (8, 9, 10, 11))
    assert fusionar_pausas([(c, d), (a, b), (b, c), (d, d)]) == [
        (a.astimezone(ZoneInfo('UTC')), d.astimezone(ZoneInfo('UTC')))]
    assert fusionar_pausas([(a, None), (b, c)]) == [(a, None)]
    assert fusionar_pausas([(c, c)]) == []
