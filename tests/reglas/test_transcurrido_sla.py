"""Elapsed and remaining time on each unit's clock, and the SLA state built on them."""
import doctest
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

import reglas
from reglas import (A_TIEMPO, POR_VENCER, VENCIDO, Calendario, estado_sla, restante,
                    restante_en_unidad, transcurrido, vencimiento)

BOG, LIM = ZoneInfo('America/Bogota'), ZoneInfo('America/Lima')
CO = Calendario.por_defecto()
PE_RECEPCION = Calendario.crear('PE', 'America/Lima', {d: (time(8), time(17)) for d in range(5)},
                                recepcion_en_horario=True)
INICIO = datetime(2026, 3, 2, 9, tzinfo=BOG)  # petition: day 15 is Tuesday 24 March


def bog(*a):
    return datetime(*a, tzinfo=BOG)


@pytest.mark.parametrize('fin, dias', [
    (bog(2026, 3, 2, 16), 0),              # the day of receipt does not count
    (bog(2026, 3, 3, 0, 0), 1),            # a business day counts from its first instant
    (bog(2026, 3, 4, 10), 2),
    (bog(2026, 3, 8, 10), 4),              # Sunday: 3-6 March
    (bog(2026, 3, 23, 12), 14),            # San José adds nothing
    (bog(2026, 3, 24, 23, 59, 59), 15),
    (bog(2026, 2, 27, 10), -1),            # before the receipt: negative
])
def test_transcurrido_en_dias_habiles(fin, dias):
    assert transcurrido(INICIO, fin, 'dias_habiles', CO) == dias


def test_transcurrido_aplica_la_recepcion_en_horario():
    sabado = datetime(2026, 7, 25, 22, tzinfo=LIM)
    vence = vencimiento(sabado, 3, 'dias_habiles', PE_RECEPCION)
    assert transcurrido(sabado, vence, 'dias_habiles', PE_RECEPCION) == 3


@pytest.mark.parametrize('inicio, fin, unidad, esperado', [
    (bog(2026, 3, 2, 16, 30), bog(2026, 3, 3, 9, 30), 'horas_habiles', timedelta(hours=2)),
    (bog(2026, 3, 6, 16), bog(2026, 3, 9, 9), 'horas_habiles', timedelta(hours=2)),
    (bog(2026, 3, 20, 20), bog(2026, 3, 24, 7), 'horas_habiles', timedelta(0)),
    (bog(2026, 3, 3, 9, 30), bog(2026, 3, 2, 16, 30), 'horas_habiles', -timedelta(hours=2)),
    (bog(2026, 3, 6, 16), bog(2026, 3, 9, 9), 'horas', timedelta(hours=65)),
    (bog(2026, 3, 6, 16), bog(2026, 3, 9, 16), 'dias', timedelta(days=3)),
    (bog(2026, 3, 6, 16), bog(2026, 3, 6, 16, 45), 'minutos', timedelta(minutes=45)),
])
def test_transcurrido_en_unidades_de_tiempo(inicio, fin, unidad, esperado):
    assert transcurrido(inicio, fin, unidad, CO) == esperado


def test_dias_en_horario_de_verano_son_de_reloj_de_pared():
    ny = ZoneInfo('America/New_York')
    cal = Calendario.crear('US', 'America/New_York', {d: (time(9), time(17)) for d in range(5)})
    a, b = datetime(2026, 3, 7, 10, tzinfo=ny), datetime(2026, 3, 8, 10, tzinfo=ny)
    assert transcurrido(a, b, 'dias', cal) == timedelta(days=1)
    assert transcurrido(a, b, 'horas', cal) == timedelta(hours=23)


@pytest.mark.parametrize('ahora, dias', [
    (bog(2026, 3, 20, 10), 1),    # only Tuesday 24 is left (Monday 23 is San José)
    (bog(2026, 3, 24, 10), 0),    # "vence hoy"
    (bog(2026, 3, 25, 10), -1),
])
def test_restante_en_dias_habiles(ahora, dias):
    assert restante(ahora, bog(2026, 3, 24, 23, 59, 59), 'dias_habiles', CO) == dias
    assert restante_en_unidad(ahora, bog(2026, 3, 24, 23, 59, 59), 'dias_habiles', CO) == dias


@pytest.mark.parametrize('ahora, vence, unidad, esperado', [
    (bog(2026, 3, 2, 16), bog(2026, 3, 3, 9, 30), 'horas_habiles', 2.5),
    (bog(2026, 3, 2, 10), bog(2026, 3, 2, 10, 30), 'minutos', 30.0),
    (bog(2026, 3, 2, 10, 35), bog(2026, 3, 2, 10, 30), 'minutos', -5.0),
    (bog(2026, 3, 2, 10), bog(2026, 3, 3, 22), 'horas', 36.0),
    (bog(2026, 3, 2, 10), bog(2026, 3, 3, 22), 'dias', 1.5),
])
def test_restante_en_unidad(ahora, vence, unidad, esperado):
    assert restante_en_unidad(ahora, vence, unidad, CO) == pytest.approx(esperado)


def test_sla_en_tiempo_real():
    inicio = bog(2026, 3, 2, 8)
    vence = inicio + timedelta(hours=10)
    assert estado_sla(inicio, vence, inicio + timedelta(hours=7)) == A_TIEMPO
    assert estado_sla(inicio, vence, inicio + timedelta(hours=8)) == POR_VENCER
    assert estado_sla(inicio, vence, vence) == POR_VENCER
    assert estado_sla(inicio, vence, vence + timedelta(seconds=1)) == VENCIDO
    assert estado_sla(inicio, vence, inicio + timedelta(hours=5), umbral=0.5) == POR_VENCER
    assert estado_sla(inicio, inicio, inicio) == POR_VENCER


def test_sla_en_horas_habiles_no_cuenta_el_fin_de_semana():
    inicio = bog(2026, 3, 6, 15)
    vence = vencimiento(inicio, 8, 'horas_habiles', CO)  # Monday 14:00
    domingo = bog(2026, 3, 8, 20)                         # 2 of 8 business hours used
    assert estado_sla(inicio, vence, domingo, umbral=0.6) == POR_VENCER  # real: 53 of 71 h
    assert estado_sla(inicio, vence, domingo, 0.6, 'horas_habiles', CO) == A_TIEMPO
    assert estado_sla(inicio, vence, bog(2026, 3, 9, 12, 30), 0.8, 'horas_habiles', CO) == \
        POR_VENCER


def test_sla_en_dias_habiles():
    vence = vencimiento(INICIO, 15, 'dias_habiles', CO)
    assert estado_sla(INICIO, vence, bog(2026, 3, 17, 16), 0.8, 'dias_habiles', CO) == A_TIEMPO
    assert estado_sla(INICIO, vence, bog(2026, 3, 18, 9), 0.8, 'dias_habiles', CO) == POR_VENCER
    assert estado_sla(INICIO, vence, bog(2026, 3, 25), 0.8, 'dias_habiles', CO) == VENCIDO


def test_los_ejemplos_de_la_documentacion_son_ciertos():
    resultado = doctest.testmod(reglas)
    assert resultado.attempted >= 8 and resultado.failed == 0


def test_vencimientos_en_utc_aunque_el_inicio_venga_en_otra_zona():
    inicio = datetime(2026, 3, 2, 14, tzinfo=timezone.utc)
    assert vencimiento(inicio, 1, 'horas', CO) == bog(2026, 3, 2, 10)
