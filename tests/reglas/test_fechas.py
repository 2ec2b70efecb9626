"""Dates and times as typed in Colombia and Peru: tables and properties."""
from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reglas.fechas import FechaInvalida, leer_fecha, leer_hora, mostrar_fecha, mostrar_hora


@pytest.mark.parametrize('texto, esperada', [
    ('24/12/2026', date(2026, 12, 24)),
    (' 24/12/2026 ', date(2026, 12, 24)),
    ('1/2/2026', date(2026, 2, 1)),
    ('01-02-2026', date(2026, 2, 1)),
    ('24.12.2026', date(2026, 12, 24)),
    ('2026-12-24', date(2026, 12, 24)),
    ('29/02/2028', date(2028, 2, 29)),
])
def test_fechas_aceptadas(texto, esperada):
    assert leer_fecha(texto) == esperada


@pytest.mark.parametrize('texto, mensaje', [
    ('0002-01-014/12/2026', 'escríbala como dd/mm/aaaa'),
    ('24/12/26', 'escríbala como dd/mm/aaaa'),
    ('12/24/2026', 'no existe'),
    ('31/02/2026', 'no existe'),
    ('24/12-2026', 'escríbala como dd/mm/aaaa'),
    ('', 'escríbala como dd/mm/aaaa'),
    ('mañana', 'escríbala como dd/mm/aaaa'),
    ('01/01/0002', 'fuera de rango'),
])
def test_fechas_rechazadas_nombran_el_formato(texto, mensaje):
    with pytest.raises(FechaInvalida, match=mensaje):
        leer_fecha(texto)


@pytest.mark.parametrize('texto, esperada', [
    ('8:00', time(8)), ('08:00', time(8)), ('17:30', time(17, 30)), ('08:00:00', time(8)),
    ('5:30 p. m.', time(17, 30)), ('5 pm', time(17)), ('12 a. m.', time(0)),
    ('12:15 p.m.', time(12, 15)), ('7:05 AM', time(7, 5)),
])
def test_horas_aceptadas(texto, esperada):
    assert leer_hora(texto) == esperada


@pytest.mark.parametrize('texto', ['25:00', '8:75', '13 pm', 'ocho', '8h', ''])
def test_horas_rechazadas(texto):
    with pytest.raises(FechaInvalida, match='hh:mm de 24 horas'):
        leer_hora(texto)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_lo_mostrado_se_lee_igual(fecha):
    assert leer_fecha(mostrar_fecha(fecha)) == fecha
    assert leer_fecha(fecha.isoformat()) == fecha


@given(st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_hora_mostrada_se_lee_igual(hora):
    assert leer_hora(mostrar_hora(hora)) == hora


@given(st.text(max_size=30))
def test_nunca_otra_fecha(texto):
    """Whatever is typed: refused, or the date whose day, month and year were written."""
    try:
        fecha = leer_fecha(texto)
    except FechaInvalida:
        return
    assert str(fecha.year) in texto and str(fecha.day) in texto and str(fecha.month) in texto
