"""Term rules, shipped defaults and extensions (prórroga)."""
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from reglas import Calendario, ReglaInvalida, ReglaPlazo, prorrogar, vencimiento
from reglas.defaults import REGLAS, REGLAS_POR_DEFECTO, regla_por_codigo

BOG, LIM = ZoneInfo('America/Bogota'), ZoneInfo('America/Lima')
CO = Calendario.por_defecto()
SEMANA = {d: (time(8), time(17)) for d in range(5)}
PE = Calendario.crear('PE', 'America/Lima', SEMANA)
PE_RECEPCION = Calendario.crear('PE', 'America/Lima', SEMANA, recepcion_en_horario=True)
PETICION = regla_por_codigo('CO_1755_PETICION')
INICIO = datetime(2026, 3, 2, 9, tzinfo=BOG)
VENCE = datetime(2026, 3, 24, 23, 59, 59, tzinfo=BOG)


def bog(*a):
    return datetime(*a, tzinfo=BOG)


def test_defaults_completos_y_estables():
    esperado = {
        'CO_1755_PETICION': (15, 'dias_habiles', True, None),
        'CO_1755_INFORMACION': (10, 'dias_habiles', True, None),
        'CO_1755_CONSULTA': (30, 'dias_habiles', True, None),
        'CO_142_SERVICIOS_PUBLICOS': (15, 'dias_habiles', False, None),
        'PE_31435_LIBRO': (15, 'dias_habiles', False, None),
        'OSIPTEL_3': (3, 'dias_habiles', False, 5),
        'OSIPTEL_15': (15, 'dias_habiles', False, 5),
        'OSIPTEL_20': (20, 'dias_habiles', False, 5),
        'SUNASS_30': (30, 'dias_habiles', False, 5),
        'CANAL_VIRTUAL_24H': (24, 'horas', False, None),
        'PRIORIDAD_ALTO': (30, 'minutos', False, None),
        'PRIORIDAD_MEDIO': (1, 'dias', False, None),
        'PRIORIDAD_BAJO': (3, 'dias', False, None),
    }
    assert {r.codigo: (r.cantidad, r.unidad, r.prorrogable, r.notificacion_cantidad)
            for r in REGLAS} == esperado
    assert len(REGLAS_POR_DEFECTO) == len(REGLAS) == len(esperado)
    assert all(isinstance(d, dict) and d['nombre'] and d['norma'] for d in REGLAS_POR_DEFECTO)
    assert all(r.notificacion_unidad == 'dias_habiles' for r in REGLAS if r.notificacion_cantidad)


def test_prorroga_maxima_por_defecto_es_el_plazo_original():
    assert PETICION.prorroga_max is None and PETICION.prorroga_limite == 15
    assert regla_por_codigo('PE_31435_LIBRO').prorroga_limite == 0
    assert ReglaPlazo('X', 'X', 10, 'dias', prorrogable=True, prorroga_max=3).prorroga_limite == 3


def test_como_dict_y_desde_dict_ida_y_vuelta():
    for regla in REGLAS:
        assert ReglaPlazo.desde_dict(regla.como_dict()) == regla
    assert REGLAS_POR_DEFECTO[0] == REGLAS[0].como_dict()


def test_regla_vence_con_y_sin_pausas():
    assert PETICION.vence(INICIO, CO) == VENCE
    pausa = [(bog(2026, 3, 11, 15), bog(2026, 3, 13, 10))]
    assert PETICION.vence(INICIO, CO, pausa) == bog(2026, 3, 27, 23, 59, 59)
    assert PETICION.vence(INICIO, CO, [(bog(2026, 3, 11, 15), None)]) is None


def test_plazo_para_notificar():
    sunass = regla_por_codigo('SUNASS_30')
    # Answered Monday 27 July: 28-29 are holidays, so 5 business days end Wednesday 5 August.
    respondido = datetime(2026, 7, 27, 10, tzinfo=LIM)
    assert sunass.vence_notificacion(respondido, PE) == datetime(2026, 8, 5, 23, 59, 59, tzinfo=LIM)
    assert PETICION.vence_notificacion(respondido, PE) is None


def test_prorroga_de_dias_habiles_sigue_al_vencimiento():
    # 15 more business days after Tuesday 24 March, skipping Holy Thursday and Friday.
    nuevo = prorrogar(PETICION, INICIO, VENCE, bog(2026, 3, 20), 15, CO)
    assert nuevo == bog(2026, 4, 16, 23, 59, 59)
    # In two steps it lands on the same day.
    primero = prorrogar(PETICION, INICIO, VENCE, bog(2026, 3, 20), 5, CO)
    assert primero == bog(2026, 3, 31, 23, 59, 59)
    assert prorrogar(PETICION, INICIO, primero, bog(2026, 3, 30), 10, CO, prorrogado_ya=5) == nuevo


def test_prorroga_el_mismo_instante_del_vencimiento_aun_vale():
    assert prorrogar(PETICION, INICIO, VENCE, VENCE, 1, CO) == bog(2026, 3, 25, 23, 59, 59)


def test_prorroga_no_aplica_otra_vez_la_recepcion_en_horario():
    regla = ReglaPlazo('PE_PRUEBA', 'Prueba', 3, 'dias_habiles', prorrogable=True)
    vence = datetime(2026, 7, 31, 23, 59, 59, tzinfo=LIM)  # Friday, outside business hours
    nuevo = prorrogar(regla, datetime(2026, 7, 25, 22, tzinfo=LIM), vence,
                      datetime(2026, 7, 31, 9, tzinfo=LIM), 1, PE_RECEPCION)
    assert nuevo == datetime(2026, 8, 3, 23, 59, 59, tzinfo=LIM)


def test_prorroga_en_horas_habiles_y_en_minutos():
    regla = ReglaPlazo('H', 'Horas', 8, 'horas_habiles', prorrogable=True)
    assert prorrogar(regla, bog(2026, 3, 2, 8), bog(2026, 3, 2, 16), bog(2026, 3, 2, 12), 2,
                     CO) == bog(2026, 3, 3, 9)
    regla = ReglaPlazo('M', 'Minutos', 30, 'minutos', prorrogable=True, prorroga_max=10)
    assert prorrogar(regla, bog(2026, 3, 2, 8), bog(2026, 3, 2, 8, 30), bog(2026, 3, 2, 8, 10),
                     10, CO) == bog(2026, 3, 2, 8, 40)
    with pytest.raises(ReglaInvalida, match='excede el máximo de 10'):
        prorrogar(regla, bog(2026, 3, 2, 8), bog(2026, 3, 2, 8, 30), bog(2026, 3, 2, 8, 10),
                  11, CO)


@pytest.mark.parametrize('codigo', ['PE_31435_LIBRO', 'OSIPTEL_15', 'SUNASS_30',
                                    'CO_142_SERVICIOS_PUBLICOS'])
def test_reglas_no_prorrogables(codigo):
    regla = regla_por_codigo(codigo)
    vence = vencimiento(INICIO, regla.cantidad, regla.unidad, CO)
    with pytest.raises(ReglaInvalida, match='no admite prórroga'):
        prorrogar(regla, INICIO, vence, INICIO, 1, CO)
