"""The dashboard's headline tiles on the hand-computed cases of tests/apoyo/graficos.py.

Period: March 2026 (31 days); previous period: 2026-01-29 to 2026-02-28, where only case 9
(area A1, received 02-27, answered 03-03 after 96 h, legal term met in time) falls.
Each test runs twice: figures from the cases, and from the daily rollup as the dashboard
reads them (the same numbers, as the charts').
"""
import datetime

import pytest

from bd import db
from graficos.tablero.consolidado import recalcular, ultimo
from graficos.tablero.filtros import Filtros
from graficos.tablero.formato import con_signo, numero
from graficos.tablero.kpi import anterior, indicadores
from tests.apoyo.graficos import DESDE, HASTA, cargar


CALCULO = {}


@pytest.fixture(params=['casos', 'resumen'])
def ids(request, app, crear_usuario):
    agente = crear_usuario('agente')
    with app.app_context(), db.connection_context():
        valores = cargar(agente.id)
        CALCULO['calculo'] = None
        if request.param == 'resumen':
            recalcular('America/Bogota')
            CALCULO['calculo'] = ultimo()
        yield valores


def tablero(**filtros):
    return {i.clave: i for i in indicadores(Filtros(DESDE, HASTA, 'America/Bogota', **filtros),
                                            CALCULO['calculo'])}


def test_el_periodo_anterior_tiene_la_misma_duracion():
    p = anterior(Filtros(DESDE, HASTA))
    assert (p.desde, p.hasta) == (datetime.date(2026, 1, 29), datetime.date(2026, 2, 28))


def test_los_cinco_indicadores_y_su_cambio(ids):
    k = tablero()
    # Received 1-8 against case 9 alone.
    assert (k['recibidos'].valor, k['recibidos'].previo) == (8, 1)
    assert k['recibidos'].variacion == '+700 % frente al período anterior'
    # Open at the close: 6 and 7 (8 annulled, 10 received in April); at February's: case 9.
    assert (k['pendientes'].texto, k['pendientes'].previo) == ('2', 1)
    assert k['pendientes'].variacion == '+100 % frente al período anterior'
    assert k['pendientes'].tendencia == 'peor'
    # Legal terms met: 1, 2, 4, 5 in time, 3 late -> 4/5; February: case 9 in time.
    assert k['a_tiempo'].texto == '80,0 %'
    assert k['a_tiempo'].variacion == '−20,0 puntos frente al período anterior'
    assert k['a_tiempo'].tendencia == 'peor'
    # Answered cases 1-5 after 2, 4, 6, 10, 1 h: median 4; February 96 h: (4-96)/96 = -95.8 %.
    assert k['mediana'].texto == '4,0 h'
    assert k['mediana'].variacion == '−96 % frente al período anterior'
    assert k['mediana'].tendencia == 'mejor'
    # Ratings 5, 3, 4; nobody rated in February.
    assert k['satisfaccion'].texto == '4,00'
    assert k['satisfaccion'].variacion == 'Sin datos del período anterior'


def test_el_alcance_del_supervisor_y_los_filtros(ids):
    k = tablero(areas=(ids['A2'],))
    # Area A2: cases 3, 4, 7, 8; open 7; legal 3 late, 4 in time; medians of 6 and 10 h.
    assert [k[c].texto for c in ('recibidos', 'pendientes', 'a_tiempo', 'mediana',
                                 'satisfaccion')] == ['4', '1', '50,0 %', '8,0 h', '3,00']
    assert k['recibidos'].variacion == 'Período anterior: 0'
    assert k['mediana'].variacion == 'Sin datos del período anterior'
    k = tablero(motivo=ids['M2'])  # cases 5 (1 h, rated 4, in time) and 6 (open)
    assert [k[c].texto for c in ('recibidos', 'pendientes', 'a_tiempo', 'mediana',
                                 'satisfaccion')] == ['2', '1', '100,0 %', '1,0 h', '4,00']
    vacio = {i.clave: i for i in indicadores(Filtros(datetime.date(2025, 1, 1),
                                                     datetime.date(2025, 1, 31)),
                                             CALCULO['calculo'])}
    assert vacio['mediana'].texto == 'Sin datos'
    assert vacio['recibidos'].variacion == 'Igual frente al período anterior'


@pytest.mark.parametrize('valor, decimales, texto', [
    (0, 0, '0'), (1234567, 0, '1.234.567'), (1234.5, 1, '1.234,5'), (1.42, 2, '1,42'),
    (None, 1, '—'), (0.5, 1, '0,5'),
])
def test_un_solo_formato_de_numero(valor, decimales, texto):
    assert numero(valor, decimales) == texto


def test_el_signo_del_cambio():
    assert (con_signo(12), con_signo(-3.5, 1), con_signo(0.01, 1)) == ('+12', '−3,5', '0,0')
