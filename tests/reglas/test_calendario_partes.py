"""The two parts of a calendar: legal business days (dias_habiles) apart from service hours
(horas_habiles, receipt outside hours). Expected dates are derived by hand in each test."""
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reglas import Calendario, ReglaInvalida, vencimiento

BOG, LIM = ZoneInfo('America/Bogota'), ZoneInfo('America/Lima')
SEMANA = {d: (time(8), time(17)) for d in range(5)}
ALMUERZO = {d: [(time(8), time(12)), (time(14), time(17))] for d in range(5)}
SABADO = (time(8), time(12))


def bog(*a):
    return datetime(*a, tzinfo=BOG)


def dia_local(instante, zona=BOG):
    return instante.astimezone(zona).date()


def test_el_ejemplo_del_readme_da_15_de_abril_aunque_el_sabado_se_atienda():
    # Received Friday 2026-03-20. Monday 23 is San José; 2 and 3 April are Holy Thursday and
    # Good Friday. Legal days after the 20th: Tue 24 (1), 25, 26, 27, 30, 31, Wed 1 April (7),
    # Mon 6 (8), 7, 8, 9, 10, Mon 13 (13), Tue 14 (14), Wed 15 April (15).
    cal = Calendario.crear('CO', 'America/Bogota', {**SEMANA, 5: SABADO})
    vence = vencimiento(bog(2026, 3, 20, 10), 15, 'dias_habiles', cal)
    assert dia_local(vence) == date(2026, 4, 15)
    # Only an explicit Monday-Saturday choice counts Saturdays: Sat 21 (1), Tue 24 (2), ...,
    # Sat 28 (6), Mon 30 (7), Tue 31, Wed 1 (9), Sat 4 (10), Mon 6 (11), ..., Fri 10 (15).
    sabado_legal = Calendario.crear('CO', 'America/Bogota', {**SEMANA, 5: SABADO},
                                    dias_legales=range(6))
    assert dia_local(vencimiento(bog(2026, 3, 20, 10), 15, 'dias_habiles', sabado_legal)) == \
        date(2026, 4, 10)


def test_libro_de_reclamaciones_en_peru_no_cuenta_el_sabado_de_atencion():
    # Received Monday 7 Dec 2026; 8 and 9 Dec and 25 Dec are holidays. Mon-Fri: Thu 10 (1),
    # 11, 14, 15, 16, 17, 18, 21, 22, 23, Thu 24 (11), Mon 28 (12), 29, 30, Thu 31 Dec (15).
    cal = Calendario.crear('PE', 'America/Lima', {**SEMANA, 5: SABADO})
    vence = vencimiento(datetime(2026, 12, 7, 10, tzinfo=LIM), 15, 'dias_habiles', cal)
    assert dia_local(vence, LIM) == date(2026, 12, 31)


def test_recibido_fuera_de_horario_un_viernes_no_cuenta_desde_el_sabado():
    # Friday 6 March 18:00, receipt counted from the next opening. The Saturday counter does
    # not make Saturday the day of receipt: it counts from Monday 9, so day 1 is Tuesday 10,
    # exactly as for the same calendar without Saturday hours.
    con_sabado = Calendario.crear('CO', 'America/Bogota', {**SEMANA, 5: SABADO},
                                  recepcion_en_horario=True)
    sin_sabado = Calendario.crear('CO', 'America/Bogota', SEMANA, recepcion_en_horario=True)
    for cal in (con_sabado, sin_sabado):
        assert dia_local(vencimiento(bog(2026, 3, 6, 18), 1, 'dias_habiles', cal)) == \
            date(2026, 3, 10)
    # Received at the Saturday counter itself (09:00): also counted from Monday.
    assert dia_local(vencimiento(bog(2026, 3, 7, 9), 1, 'dias_habiles', con_sabado)) == \
        date(2026, 3, 10)


def test_horas_habiles_usan_el_sabado_y_la_pausa_de_almuerzo():
    cal = Calendario.crear('CO', 'America/Bogota', {**ALMUERZO, 5: SABADO})
    # Monday 2 March 11:00 + 3 h: 11-12 (1 h), lunch, 14-16 (2 h) -> 16:00.
    assert vencimiento(bog(2026, 3, 2, 11), 3, 'horas_habiles', cal) == bog(2026, 3, 2, 16)
    # Friday 6 March 16:00 + 3 h: 16-17 (1 h), Saturday 08-10 (2 h) -> Saturday 10:00.
    assert vencimiento(bog(2026, 3, 6, 16), 3, 'horas_habiles', cal) == bog(2026, 3, 7, 10)
    assert cal.siguiente_apertura(bog(2026, 3, 2, 12, 30)) == bog(2026, 3, 2, 14)
    assert not cal.es_habil(bog(2026, 3, 2, 13)) and cal.es_habil(bog(2026, 3, 2, 14))
    # A term ending exactly at the lunch closing ends at 12:00, not at 14:00.
    assert vencimiento(bog(2026, 3, 2, 8), 4, 'horas_habiles', cal) == bog(2026, 3, 2, 12)


@pytest.mark.parametrize('horario, mensaje', [
    ({0: [(time(8), time(12)), (time(11), time(13))]},
     'Las franjas del lunes se solapan: 08:00-12:00 y 11:00-13:00'),
    ({5: [(time(8), time(12)), (time(8), time(9))]}, 'Las franjas del sábado se solapan'),
    ({0: [(time(12), time(8))]}, 'cierra a las 08:00, no después de abrir a las 12:00'),
])
def test_franjas_invalidas_con_mensaje_en_espanol(horario, mensaje):
    with pytest.raises(ReglaInvalida, match=mensaje):
        Calendario.crear('CO', 'America/Bogota', horario)


@pytest.mark.parametrize('dias', [(), [7], ['lunes'], [True]])
def test_dias_legales_invalidos(dias):
    with pytest.raises(ReglaInvalida, match='Días hábiles legales inválidos'):
        Calendario.crear('CO', 'America/Bogota', SEMANA, dias_legales=dias)


@settings(max_examples=150, deadline=None)
@given(st.datetimes(datetime(2025, 1, 1), datetime(2027, 6, 30)), st.integers(0, 40),
       st.booleans(), st.sets(st.integers(5, 6), min_size=1))
def test_abrir_en_fin_de_semana_nunca_acorta_un_plazo_legal(inicio, dias, recepcion, abiertos):
    inicio = inicio.replace(tzinfo=BOG)
    base = Calendario.crear('CO', 'America/Bogota', ALMUERZO, recepcion_en_horario=recepcion)
    abierto = Calendario.crear('CO', 'America/Bogota',
                               {**ALMUERZO, **{d: SABADO for d in abiertos}},
                               recepcion_en_horario=recepcion)
    assert vencimiento(inicio, dias, 'dias_habiles', abierto) == \
        vencimiento(inicio, dias, 'dias_habiles', base)
    assert vencimiento(inicio, dias, 'horas_habiles', abierto) <= \
        vencimiento(inicio, dias, 'horas_habiles', base) + timedelta(0)
