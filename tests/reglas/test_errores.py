"""Every bad input raises ReglaInvalida with a Spanish message that names the bad value."""
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest

from reglas import (Calendario, ReglaInvalida, ReglaPlazo, estado_sla, prorrogar, restante,
                    restante_congelado, transcurrido, vencimiento, vencimiento_con_pausas)
from reglas.defaults import regla_por_codigo

BOG = ZoneInfo('America/Bogota')
CO = Calendario.por_defecto()
SEMANA = {dia: (time(8), time(17)) for dia in range(5)}
INICIO = datetime(2026, 3, 2, 9, tzinfo=BOG)
PETICION = ReglaPlazo('CO_1755_PETICION', 'Derecho de petición', 15, 'dias_habiles',
                      prorrogable=True)


def test_es_un_value_error():
    assert issubclass(ReglaInvalida, ValueError)


def test_mensaje_exacto_de_unidad_desconocida():
    with pytest.raises(ReglaInvalida) as error:
        vencimiento(INICIO, 3, 'semanas', CO)
    assert str(error.value) == ("Unidad desconocida: 'semanas'. Use una de: minutos, horas, "
                                "dias, dias_habiles, horas_habiles")


CALENDARIOS_MALOS = [
    (dict(pais='XX'), "'XX'"),
    (dict(pais=None), 'None'),
    (dict(zona='America/Bogot'), "'America/Bogot'"),
    (dict(zona=''), "''"),
    (dict(horario={0: (time(17), time(8))}), '08:00'),
    (dict(horario={0: (time(8), time(8))}), '08:00'),
    (dict(horario={7: (time(8), time(17))}), '7'),
    (dict(horario={0: ('8h', '17:00')}), "'8h'"),
    (dict(horario={0: (time(8),)}), 'lunes'),
    (dict(horario={0: None, 6: None}), 'ningún día'),
    (dict(horario='L-V'), "'L-V'"),
    (dict(no_laborables=['2026-13-01']), "'2026-13-01'"),
    (dict(no_laborables=[datetime(2026, 3, 2, 10)]), '2026, 3, 2, 10'),
    (dict(laborables=[20260302]), '20260302'),
    (dict(no_laborables=[date(2026, 3, 23)], laborables=['2026-03-23']), '2026-03-23'),
    (dict(recepcion_en_horario='si'), "'si'"),
]


@pytest.mark.parametrize('cambios, nombra', CALENDARIOS_MALOS)
def test_calendario_invalido(cambios, nombra):
    datos = dict(pais='CO', zona='America/Bogota', horario=SEMANA)
    datos.update(cambios)
    with pytest.raises(ReglaInvalida, match='.') as error:
        Calendario.crear(**datos)
    assert nombra in str(error.value)


VENCIMIENTOS_MALOS = [
    (dict(inicio=datetime(2026, 3, 2, 9)), 'Fecha sin zona horaria'),
    (dict(inicio=datetime(2026, 3, 2, 9)), '2026-03-02T09:00:00'),
    (dict(inicio='2026-03-02'), "'2026-03-02'"),
    (dict(inicio=date(2026, 3, 2)), 'datetime.date(2026, 3, 2)'),
    (dict(cantidad=-1), '-1'),
    (dict(cantidad=1.5), '1.5'),
    (dict(cantidad=True), 'True'),
    (dict(cantidad='3'), "'3'"),
    (dict(cantidad=100_001), '100001'),
    (dict(unidad='Dias'), "'Dias'"),
    (dict(unidad=None), 'None'),
    (dict(calendario='CO'), "'CO'"),
]


@pytest.mark.parametrize('cambios, nombra', VENCIMIENTOS_MALOS)
def test_vencimiento_invalido(cambios, nombra):
    datos = dict(inicio=INICIO, cantidad=15, unidad='dias_habiles', calendario=CO)
    datos.update(cambios)
    with pytest.raises(ReglaInvalida) as error:
        vencimiento(**datos)
    assert nombra in str(error.value)


def test_vencimiento_fuera_del_rango_de_fechas():
    with pytest.raises(ReglaInvalida, match='9998'):
        vencimiento(datetime(9998, 12, 1, tzinfo=timezone.utc), 100, 'dias_habiles', CO)
    with pytest.raises(ReglaInvalida, match='fuera de las fechas'):
        vencimiento(datetime(9999, 12, 31, tzinfo=timezone.utc), 100, 'dias', CO)


@pytest.mark.parametrize('funcion', [transcurrido, restante])
def test_transcurrido_y_restante_exigen_zona(funcion):
    with pytest.raises(ReglaInvalida, match='sin zona horaria'):
        funcion(INICIO, datetime(2026, 3, 3), 'horas', CO)
    with pytest.raises(ReglaInvalida, match="'quincenas'"):
        funcion(INICIO, INICIO, 'quincenas', CO)


PAUSAS_MALAS = [
    ([(INICIO, datetime(2026, 3, 1, tzinfo=BOG))], 'termina antes de empezar'),
    ([(datetime(2026, 3, 3), None)], 'sin zona horaria'),
    ([(INICIO,)], 'Suspensión inválida'),
    ([INICIO], 'Suspensión inválida'),
    ([(datetime(2026, 3, 9, tzinfo=BOG), None)], 'empieza en el futuro'),
]


@pytest.mark.parametrize('pausas, mensaje', PAUSAS_MALAS)
@pytest.mark.parametrize('funcion', [vencimiento_con_pausas, restante_congelado])
def test_pausa_invalida(funcion, pausas, mensaje):
    with pytest.raises(ReglaInvalida, match=mensaje):
        funcion(INICIO, 15, 'dias_habiles', CO, pausas, ahora=datetime(2026, 3, 5, tzinfo=BOG))


REGLAS_MALAS = [
    (dict(codigo=''), "''"),
    (dict(cantidad=0), 'Cantidad inválida: 0'),
    (dict(cantidad=2.5), '2.5'),
    (dict(unidad='semanas'), "'semanas'"),
    (dict(prorrogable='no'), "'no'"),
    (dict(prorroga_max=5), 'prorroga_max=5'),
    (dict(prorrogable=True, prorroga_max=0), 'Prorroga_max inválida: 0'),
    (dict(notificacion_cantidad=5), 'notificacion_unidad'),
    (dict(notificacion_cantidad=5, notificacion_unidad='semanas'), "'semanas'"),
    (dict(notificacion_cantidad=0, notificacion_unidad='dias_habiles'), '0'),
    (dict(nombre=None), 'None'),
]


@pytest.mark.parametrize('cambios, nombra', REGLAS_MALAS)
def test_regla_invalida(cambios, nombra):
    datos = dict(codigo='X', nombre='Regla', cantidad=15, unidad='dias_habiles')
    datos.update(cambios)
    with pytest.raises(ReglaInvalida) as error:
        ReglaPlazo(**datos)
    assert nombra in str(error.value)


def test_regla_desde_dict_rechaza_campos_desconocidos():
    with pytest.raises(ReglaInvalida, match='plazo_dias'):
        ReglaPlazo.desde_dict({'codigo': 'X', 'nombre': 'X', 'cantidad': 1,
                               'unidad': 'dias', 'plazo_dias': 3})


def test_regla_por_codigo_desconocida():
    with pytest.raises(ReglaInvalida, match="'NO_EXISTE'"):
        regla_por_codigo('NO_EXISTE')


@pytest.mark.parametrize('umbral', [0, 1, 1.5, -0.2, True, '0.8', None])
def test_umbral_invalido(umbral):
    with pytest.raises(ReglaInvalida, match='Umbral inválido') as error:
        estado_sla(INICIO, INICIO, INICIO, umbral=umbral)
    assert repr(umbral) in str(error.value)


def test_sla_unidad_sin_calendario_y_fechas_incoherentes():
    with pytest.raises(ReglaInvalida, match="unidad='dias_habiles'"):
        estado_sla(INICIO, INICIO, INICIO, unidad='dias_habiles')
    with pytest.raises(ReglaInvalida, match='anterior a inicio'):
        estado_sla(INICIO, datetime(2026, 3, 1, tzinfo=BOG), INICIO)


PRORROGAS_MALAS = [
    (dict(regla=ReglaPlazo('PE_31435_LIBRO', 'Libro', 15, 'dias_habiles')),
     "'PE_31435_LIBRO' (Libro) no admite prórroga"),
    (dict(ahora=datetime(2026, 3, 25, tzinfo=BOG)), 'ya venció el 2026-03-24 23:59:59'),
    (dict(cantidad=0), 'Cantidad de la prórroga inválida: 0'),
    (dict(cantidad=16), 'La prórroga de 16 días hábiles excede el máximo de 15'),
    (dict(cantidad=6, prorrogado_ya=10), 'ya prorrogado: 10'),
    (dict(prorrogado_ya=-1), 'Prorrogado_ya inválida: -1'),
    (dict(regla='CO_1755_PETICION'), "'CO_1755_PETICION'"),
    (dict(ahora=datetime(2026, 3, 1, tzinfo=BOG)), 'Fechas incoherentes'),
    (dict(vence_actual=datetime(2026, 3, 24, 23, 59, 59)), 'sin zona horaria'),
]


@pytest.mark.parametrize('cambios, mensaje', PRORROGAS_MALAS)
def test_prorroga_rechazada(cambios, mensaje):
    datos = dict(regla=PETICION, inicio=INICIO,
                 vence_actual=datetime(2026, 3, 24, 23, 59, 59, tzinfo=BOG),
                 ahora=datetime(2026, 3, 20, tzinfo=BOG), cantidad=5, calendario=CO)
    datos.update(cambios)
    with pytest.raises(ReglaInvalida) as error:
        prorrogar(**datos)
    assert mensaje in str(error.value)


def test_consultas_del_calendario_exigen_tipos():
    with pytest.raises(ReglaInvalida, match="'2026-03-02'"):
        CO.es_dia_habil('2026-03-02')
    with pytest.raises(ReglaInvalida, match='sin zona horaria'):
        CO.es_habil(datetime(2026, 3, 2, 10))
    with pytest.raises(ReglaInvalida, match='sin zona horaria'):
        CO.siguiente_apertura(datetime(2026, 3, 2, 10))


def test_pausas_fuera_del_rango_de_fechas():
    with pytest.raises(ReglaInvalida, match='fuera de las fechas'):
        vencimiento_con_pausas(datetime(9999, 12, 31, tzinfo=timezone.utc), 100, 'dias', CO,
                               [(datetime(9999, 12, 31, 1, tzinfo=timezone.utc),
                                 datetime(9999, 12, 31, 2, tzinfo=timezone.utc))])
