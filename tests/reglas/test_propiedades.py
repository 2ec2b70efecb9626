"""Properties of the engine over random instants, amounts and calendars (hypothesis).

Includes a check against a deliberately naive day-by-day reference implementation.
"""
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reglas import (UNIDADES, VENCIDO, Calendario, estado_sla, transcurrido, vencimiento,
                    vencimiento_con_pausas)

PROPIEDAD = settings(max_examples=200, deadline=None)
UTC = timezone.utc
ZONAS = {'CO': 'America/Bogota', 'PE': 'America/Lima'}
SEMANA = {d: (time(8), time(17)) for d in range(5)}
FIJOS = [
    Calendario.por_defecto('CO', 'America/Bogota'),
    Calendario.crear('PE', 'America/Lima', SEMANA),
    Calendario.crear('PE', 'America/Lima', SEMANA, recepcion_en_horario=True),
    Calendario.crear('CO', 'America/Bogota', {**SEMANA, 5: (time(8), time(12))},
                     no_laborables=['2026-12-24', '2026-12-31'], recepcion_en_horario=True),
    # Lunch break and a Saturday counter that the law does not count.
    Calendario.crear('CO', 'America/Bogota',
                     {**{d: [(time(8), time(12)), (time(14), time(17))] for d in range(5)},
                      5: (time(8), time(12))}, recepcion_en_horario=True),
]
FECHAS = st.dates(date(2025, 1, 1), date(2027, 12, 31))


@st.composite
def calendarios_generados(draw):
    pais = draw(st.sampled_from(sorted(ZONAS)))
    horario = {}
    for dia in draw(st.sets(st.integers(0, 6), min_size=1)):
        # one to three disjoint ranges: sorted distinct hours paired off
        horas = sorted(draw(st.sets(st.integers(0, 23), min_size=2, max_size=6)))
        pares = list(zip(horas[::2], horas[1::2], strict=False))
        horario[dia] = [(time(a, draw(st.sampled_from([0, 30]))), time(c)) for a, c in pares
                        if c > a]
        horario[dia] = horario[dia] or [(time(horas[0]), time(horas[0] + 1))]
    no_laborables = draw(st.sets(FECHAS, max_size=6))
    laborables = draw(st.sets(FECHAS, max_size=3)) - no_laborables
    return Calendario.crear(pais, ZONAS[pais], horario, no_laborables, laborables,
                            recepcion_en_horario=draw(st.booleans()),
                            dias_legales=draw(st.sets(st.integers(0, 6), min_size=1)))


CALENDARIOS = st.one_of(st.sampled_from(FIJOS), calendarios_generados())
INSTANTES = st.datetimes(datetime(2025, 1, 1), datetime(2027, 6, 30), timezones=st.sampled_from(
    [UTC, ZoneInfo('America/Bogota'), ZoneInfo('America/Lima')]))
HABILES = st.sampled_from(['dias_habiles', 'horas_habiles'])
UNIDAD = st.sampled_from(UNIDADES)


def _cantidad(unidad):
    return st.integers(1, 40 if unidad == 'dias_habiles' else 120)


def _con_feriado(cal, dia):
    return Calendario.crear(cal.pais, cal.zona, dict(enumerate(cal.horario)),
                            cal.no_laborables | {dia}, cal.laborables - {dia},
                            cal.recepcion_en_horario, cal.dias_legales)


# -- naive reference: walks day by day, knows nothing of tables or bisect --------------------

@lru_cache(maxsize=None)
def _feriados(pais, anio):
    return holidays.country_holidays(pais, years=anio)


def _franjas(cal, dia):
    """Service ranges of a day straight from the definition, () when closed."""
    if dia in cal.laborables:
        return cal.horario[dia.weekday()] or next(f for f in cal.horario if f)
    if dia in cal.no_laborables or dia in _feriados(cal.pais, dia.year):
        return ()
    return cal.horario[dia.weekday()] or ()


def _legal(cal, dia):
    if dia in cal.laborables:
        return True
    return (dia.weekday() in cal.dias_legales and dia not in cal.no_laborables
            and dia not in _feriados(cal.pais, dia.year))


def _ref_horas(cal, inicio, horas):
    """Local wall time after `horas` service hours (0: the instant counting starts)."""
    cursor = inicio.astimezone(ZoneInfo(cal.zona)).replace(tzinfo=None)
    resto = timedelta(hours=horas)
    while True:
        for franja in _franjas(cal, cursor.date()):
            abre = datetime.combine(cursor.date(), franja[0])
            cierra = datetime.combine(cursor.date(), franja[1])
            cursor = max(cursor, abre)
            if cursor < cierra:
                if resto <= cierra - cursor:
                    return cursor + resto
                resto -= cierra - cursor
                cursor = cierra
        cursor = datetime.combine(cursor.date() + timedelta(days=1), time(0))


def _ref_dias(cal, inicio, dias):
    local = inicio.astimezone(ZoneInfo(cal.zona)).replace(tzinfo=None)
    dia = local.date()
    if cal.recepcion_en_horario:
        abre = _ref_horas(cal, inicio, 0)
        if not (abre == local and _legal(cal, dia)):
            dia = abre.date()
            while not _legal(cal, dia):
                dia += timedelta(days=1)
    while dias:
        dia += timedelta(days=1)
        dias -= _legal(cal, dia)
    return datetime.combine(dia, time(23, 59, 59))


@PROPIEDAD
@given(CALENDARIOS, INSTANTES, st.integers(0, 40))
def test_dias_habiles_como_la_referencia(cal, inicio, dias):
    local = vencimiento(inicio, dias, 'dias_habiles', cal).astimezone(ZoneInfo(cal.zona))
    assert local.replace(tzinfo=None) == _ref_dias(cal, inicio, dias)


@PROPIEDAD
@given(CALENDARIOS, INSTANTES, st.integers(0, 120))
def test_horas_habiles_como_la_referencia(cal, inicio, horas):
    local = vencimiento(inicio, horas, 'horas_habiles', cal).astimezone(ZoneInfo(cal.zona))
    assert local.replace(tzinfo=None) == _ref_horas(cal, inicio, horas)


# -- properties ---------------------------------------------------------------------------

@PROPIEDAD
@given(CALENDARIOS, INSTANTES, HABILES, st.data())
def test_un_plazo_habil_nunca_vence_en_tiempo_no_habil(cal, inicio, unidad, data):
    vence = vencimiento(inicio, data.draw(_cantidad(unidad)), unidad, cal)
    if unidad == 'dias_habiles':
        assert cal.es_dia_habil(vence)
        assert cal.local(vence).time() == time(23, 59, 59)
    else:
        assert cal.es_habil(vence - timedelta(microseconds=1))


@PROPIEDAD
@given(CALENDARIOS, INSTANTES, UNIDAD, st.data(), st.integers(-2, 60))
def test_un_feriado_nuevo_nunca_adelanta_el_vencimiento(cal, inicio, unidad, data, desfase):
    cantidad = data.draw(_cantidad(unidad))
    feriado = cal.local(inicio).date() + timedelta(days=desfase)
    antes = vencimiento(inicio, cantidad, unidad, cal)
    assert vencimiento(inicio, cantidad, unidad, _con_feriado(cal, feriado)) >= antes


@PROPIEDAD
@given(CALENDARIOS, INSTANTES, UNIDAD, st.data(), st.timedeltas(timedelta(days=-5),
                                                                   timedelta(days=60)))
def test_una_pausa_de_duracion_cero_no_cambia_nada(cal, inicio, unidad, data, desfase):
    cantidad = data.draw(_cantidad(unidad))
    pausa = (inicio + desfase, inicio + desfase)
    assert vencimiento_con_pausas(inicio, cantidad, unidad, cal, [pausa]) == \
        vencimiento(inicio, cantidad, unidad, cal)


@PROPIEDAD
@given(CALENDARIOS, INSTANTES, UNIDAD, st.data())
def test_lo_transcurrido_hasta_el_vencimiento_es_el_plazo(cal, inicio, unidad, data):
    cantidad = data.draw(st.integers(0, 60))
    vence = vencimiento(inicio, cantidad, unidad, cal)
    esperado = {'minutos': timedelta(minutes=cantidad), 'horas': timedelta(hours=cantidad),
                'dias': timedelta(days=cantidad), 'horas_habiles': timedelta(hours=cantidad),
                'dias_habiles': cantidad}[unidad]
    assert transcurrido(inicio, vence, unidad, cal) == esperado


@PROPIEDAD
@given(CALENDARIOS, INSTANTES, INSTANTES, UNIDAD, st.data())
def test_monotono_en_el_inicio(cal, a, b, unidad, data):
    cantidad = data.draw(st.integers(0, 60))
    a, b = sorted([a, b])
    assert vencimiento(a, cantidad, unidad, cal) <= vencimiento(b, cantidad, unidad, cal)


@PROPIEDAD
@given(CALENDARIOS, INSTANTES, UNIDAD, st.integers(0, 60), st.integers(0, 60))
def test_monotono_en_la_cantidad(cal, inicio, unidad, m, n):
    m, n = sorted([m, n])
    assert vencimiento(inicio, m, unidad, cal) <= vencimiento(inicio, n, unidad, cal)


PAUSAS = st.lists(st.tuples(st.timedeltas(timedelta(days=-3), timedelta(days=40)),
                            st.timedeltas(timedelta(0), timedelta(days=5))), max_size=4)


@PROPIEDAD
@given(CALENDARIOS, INSTANTES, UNIDAD, st.data(), PAUSAS)
def test_las_pausas_nunca_acortan_el_plazo(cal, inicio, unidad, data, pausas):
    cantidad = data.draw(_cantidad(unidad))
    tramos = [(inicio + desde, inicio + desde + largo) for desde, largo in pausas]
    assert vencimiento_con_pausas(inicio, cantidad, unidad, cal, tramos) >= \
        vencimiento(inicio, cantidad, unidad, cal)


@PROPIEDAD
@given(INSTANTES, st.integers(1, 600), PAUSAS)
def test_en_tiempo_real_la_pausa_se_suma_entera(inicio, minutos, pausas):
    tramos = [(inicio + desde, inicio + desde + largo) for desde, largo in pausas]
    vence = vencimiento_con_pausas(inicio, minutos, 'minutos', FIJOS[0], tramos)
    pausado = timedelta(0)
    cursor = inicio
    for desde, hasta in sorted(tramos):
        desde, hasta = max(desde, cursor), min(hasta, vence)
        if hasta > desde:
            pausado += hasta - desde
            cursor = hasta
    assert vence - inicio - pausado == timedelta(minutes=minutos)


@PROPIEDAD
@given(INSTANTES, st.integers(1, 30), st.timedeltas(timedelta(days=-1), timedelta(days=60)))
def test_vencido_si_y_solo_si_ahora_pasa_el_vencimiento(inicio, dias, desfase):
    cal = FIJOS[0]
    vence = vencimiento(inicio, dias, 'dias_habiles', cal)
    ahora = inicio + desfase
    assume(ahora >= inicio)
    estado = estado_sla(inicio, vence, ahora, unidad='dias_habiles', calendario=cal)
    assert (estado == VENCIDO) == (ahora > vence)
