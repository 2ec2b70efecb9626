"""Every number of every chart on the hand-computed case set of tests/apoyo/graficos.py, on
the database the run uses (SQLite or PostgreSQL), read from the cases and from the daily
rollup (graficos.tablero.consolidado): both must give the same hand-computed numbers."""
import dataclasses
from decimal import Decimal

import pytest

from bd import db
from graficos.tablero import agregados, consultas
from graficos.tablero.filtros import AgrupacionInvalida, Filtros
from graficos.tablero.consolidado import recalcular
from graficos.tablero.tablas import SIN_DATOS, TODOS_A_TIEMPO, Opciones, calcular
from tests.apoyo.graficos import AHORA, DESDE, HASTA, cargar


FUENTE = {}


@pytest.fixture(params=['casos', 'resumen'])
def ids(request, app, crear_usuario):
    agente = crear_usuario('agente')
    with app.app_context(), db.connection_context():
        valores = cargar(agente.id)
        FUENTE['q'] = consultas
        if request.param == 'resumen':
            assert recalcular('America/Bogota', ahora=AHORA) > 0
            FUENTE['q'] = agregados
        yield valores


def tabla(nombre, opciones=None, clientes=None, **filtros):
    f = Filtros(DESDE, HASTA, 'America/Bogota', **filtros)
    return calcular(nombre, f, opciones or Opciones(), AHORA, clientes, FUENTE['q'])


def como_dict(t):
    return {fila[0]: fila[1:] for fila in t.filas}


def test_evolucion_por_semana_dia_y_mes(ids):
    # Weeks start on Monday; 03-01 is a Sunday, so the first bucket is 02-23.
    # Received: week 03-02 cases 1,2,3; week 03-09 cases 4,5; week 03-16 cases 6,7,8.
    # Resolved (answer inside the range, any receipt): week 03-02 cases 1,2,3 and 9 (received
    # in February); week 03-09 cases 4 (03-10 01:00 UTC = 03-09 local) and 5.
    # Backlog: 1 at the start (case 9); 1+0-0=1; 1+3-4=0; 0+2-2=0; 0+3-1 (8 annulled)=2; 2; 2.
    t = tabla('evolucion', Opciones(periodo='semana'))
    assert t.filas == [['2026-02-23', 0, 0, 1], ['2026-03-02', 3, 4, 0],
                       ['2026-03-09', 2, 2, 0], ['2026-03-16', 3, 0, 2],
                       ['2026-03-23', 0, 0, 2], ['2026-03-30', 0, 0, 2]]
    dias = {f[0]: f[1:] for f in tabla('evolucion', Opciones(periodo='dia')).filas}
    assert len(dias) == 31
    # Case 4 is received and answered the same local day (01:00 UTC is 20:00 of 03-09 in
    # Bogota); backlog 1+3-4 = 0 before, +1-1 on each of these days.
    assert dias['2026-03-09'] == [1, 1, 0]
    assert dias['2026-03-10'] == [1, 1, 0]
    assert dias['2026-03-18'] == [1, 0, 3]  # 6, 7, 8 open
    assert dias['2026-03-19'] == [0, 0, 2]  # case 8 annulled: leaves the backlog
    # One month: 8 received, 6 answered; backlog 1 + 8 - 7 = 2 (cases 6 and 7).
    assert tabla('evolucion', Opciones(periodo='mes')).filas == [['2026-03-01', 8, 6, 2]]


@pytest.mark.parametrize('por, esperado', [
    ('motivo', [['Fuga', 4], ['Factura', 2], ['Corte', 2]]),
    ('area', [['Atención', 4], ['Redes', 4]]),
    ('canal', [['Web', 5], ['Teléfono', 3]]),
    ('prioridad', [['Alto', 5], ['Bajo', 3]]),
    ('tipo', [['Reclamo', 5], ['Queja', 2], ['Petición', 1]]),
    ('origen', [['Externo (cliente)', 7], ['Interno (un área)', 1]]),
    ('servicio', [['Agua', 6], ['Luz', 2]]),
])
def test_conteos(ids, por, esperado):
    # Cases 1-8 are received in March; 9 (February) and 10 (April) are outside.
    assert tabla('conteo', Opciones(por=por)).filas == esperado


def test_los_filtros_se_combinan(ids):
    # Motive Fuga: cases 1,3,4 by web, 2 by phone.
    assert tabla('conteo', Opciones(por='canal'), motivo=ids['M1']).filas == [
        ['Web', 3], ['Teléfono', 1]]
    assert tabla('conteo', Opciones(por='tipo'), origen='interno').filas == [['Petición', 1]]
    assert tabla('conteo', Opciones(por='motivo'), servicio=ids['LUZ'], canal=ids['TEL'],
                 prioridad=ids['ALTO']).filas == [['Corte', 1]]
    # A supervisor's scope (area Redes) and an area filter give the same.
    assert tabla('conteo', Opciones(por='area'), areas=(ids['A2'],)).filas == [['Redes', 4]]
    assert tabla('conteo', Opciones(por='area'), area=ids['A1']).filas == [['Atención', 4]]
    assert tabla('conteo', areas=()).vacia


def test_tiempos_mediana_y_percentil_90_exactos(ids):
    # Fuga: 2,4,6,10 h. Median at position 1+(4-1)*0.5=2.5: (4+6)/2 = 5.0;
    #   p90 at 1+3*0.9=3.7: 6 + 0.7*(10-6) = 8.8.  Factura: only 1 h.  Corte: none answered.
    assert como_dict(tabla('tiempos', Opciones(por_tiempo='motivo'))) == {
        'Fuga': [4, 5.0, 8.8], 'Factura': [1, 1.0, 1.0]}
    # Atención: 1,2,4 h -> median 2.0; p90 at 1+2*0.9=2.8: 2 + 0.8*(4-2) = 3.6.
    # Redes: 6,10 h -> median 8.0; p90 at 1.9: 6 + 0.9*4 = 9.6.
    assert como_dict(tabla('tiempos', Opciones(por_tiempo='area'))) == {
        'Atención': [3, 2.0, 3.6], 'Redes': [2, 8.0, 9.6]}


def test_percentiles_como_percentile_cont_de_postgresql(ids):
    from bd import es_postgres
    if not es_postgres():
        pytest.skip('percentile_cont solo existe en PostgreSQL')
    mediana, p90 = db.execute_sql(
        "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM terminado_en - "
        "recibido_en) / 3600), percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM "
        "terminado_en - recibido_en) / 3600) FROM reclamo WHERE motivo_id = %s AND "
        "recibido_en >= '2026-03-01 05:00'", (ids['M1'],)).fetchone()
    assert (round(mediana, 2), round(p90, 2)) == (5.0, 8.8)


def test_cumplimiento_general_por_actividad_y_peores_motivos(ids):
    # Legal: 5 answered (1-5), 4 in time (3 late; 4 exactly at its due instant counts) = 80%.
    # Priority: 5 answered, 2,3,4 in time = 60%. Inspección 2 of 3 = 66.7%; Visita 1 of 1
    # (case 5's was cancelled). Open (6) and annulled (8) terms are not answered.
    assert tabla('cumplimiento').filas == [
        ['Plazo legal (general)', 5, 4, 80.0], ['SLA de prioridad (general)', 5, 3, 60.0],
        ['Actividad: Inspección', 3, 2, 66.7], ['Actividad: Visita', 1, 1, 100.0]]
    # Legal by motive: Fuga 3 of 4 = 75%; Factura 1 of 1 met every term, so it is not drawn.
    assert tabla('peores_motivos').filas == [['Fuga', 4, 3, 75.0]]
    # Factura alone (case 5 in time, case 6 still open): nothing below 100 %, said in words.
    todos = tabla('peores_motivos', motivo=ids['M2'])
    assert todos.vacia and todos.nota == TODOS_A_TIEMPO
    assert tabla('peores_motivos', motivo=ids['M3']).nota == SIN_DATOS  # no term met at all


def test_carga_y_congestion(ids):
    # Open in March: 6 (Atención, agent U1, overdue since 03-17) and 7 (Redes, unassigned,
    # due in December).
    assert tabla('carga_area').filas == [['Atención', 1, 1], ['Redes', 1, 0]]
    por_agente = como_dict(tabla('carga_usuario'))
    assert por_agente.pop('Sin asignar') == [1, 0]
    assert list(por_agente.values()) == [[1, 1]]


def test_satisfaccion(ids):
    # Ratings: case 2 -> 5 (Atención, Fuga), 3 -> 3 (Redes, Fuga), 5 -> 4 (Atención, Factura).
    assert tabla('satisfaccion', Opciones(por_satisfaccion='area')).filas == [
        ['Atención', 2, 4.5, 0, 0, 0, 1, 1], ['Redes', 1, 3.0, 0, 0, 1, 0, 0]]
    assert tabla('satisfaccion', Opciones(por_satisfaccion='motivo')).filas == [
        ['Factura', 1, 4.0, 0, 0, 0, 1, 0], ['Fuga', 2, 4.0, 0, 0, 1, 0, 1]]


def test_montos_reclamados_y_aprobados(ids):
    # Agua: 100.00 + 50.50 claimed (30.00 cancelled), 80.00 approved.
    # Luz: 200.00 + 20.25 claimed, 20.25 approved. Case 10's line is in April.
    assert tabla('montos').filas == [['Agua', Decimal('150.50'), Decimal('80.00')],
                                     ['Luz', Decimal('220.25'), Decimal('20.25')]]


def test_incidencia_por_mil_clientes(ids):
    # 4 customers in the table: Agua 6/4*1000 = 1500, Luz 2/4*1000 = 500.
    assert tabla('incidencia').filas == [['Agua', 6, 4, 1500.0], ['Luz', 2, 4, 500.0]]
    # A configured figure for Agua: 6/3000*1000 = 2.0; Luz keeps the table's count.
    assert tabla('incidencia', clientes={'AGUA': 3000}).filas == [
        ['Agua', 6, 3000, 2.0], ['Luz', 2, 4, 500.0]]


def test_un_periodo_sin_casos_da_graficos_vacios_que_lo_dicen(ids):
    f = Filtros(DESDE.replace(year=2025), HASTA.replace(year=2025))
    for nombre in ('evolucion', 'conteo', 'tiempos', 'cumplimiento', 'peores_motivos',
                   'carga_area', 'carga_usuario', 'satisfaccion', 'montos', 'incidencia'):
        t = calcular(nombre, f, Opciones(), AHORA, q=FUENTE['q'])
        assert t.vacia and t.nota == SIN_DATOS, nombre


def test_agrupacion_desconocida(ids):
    with pytest.raises(AgrupacionInvalida, match='descripcion'):
        tabla('conteo', Opciones(por='descripcion'))
    with pytest.raises(AgrupacionInvalida):
        tabla('tiempos', dataclasses.replace(Opciones(), por_tiempo='canal'))


def test_cada_figura_es_valida_para_plotly_y_dibuja_la_tabla(ids):
    from graficos.tablero.figuras import figura

    for nombre in ('evolucion', 'conteo', 'tiempos', 'cumplimiento', 'peores_motivos',
                   'carga_area', 'carga_usuario', 'satisfaccion', 'montos', 'incidencia'):
        t = tabla(nombre)
        fig = figura(t, '/casos/', {'vista': 'todos'})  # validated by graph_objects
        assert fig.data, nombre
        etiquetas = fig.data[0].y if nombre == 'peores_motivos' else fig.data[0].x
        assert list(etiquetas) == [str(f[0]) for f in t.filas], nombre
    barras = figura(tabla('conteo', Opciones(por='canal'))).data[0]
    assert (list(barras.y), barras.customdata[0]) == ([5, 3], f'/casos/?canal={ids["WEB"]}')
    vacia = figura(calcular('conteo', Filtros(DESDE.replace(year=2025),
                                               HASTA.replace(year=2025)), Opciones(), AHORA,
                            q=FUENTE['q']))
    assert not vacia.data and vacia.layout.annotations[0].text == SIN_DATOS


def test_anular_registra_el_instante_y_el_caso_sale_de_pendientes(app, demo, crear_usuario):
    import datetime as dt

    from reclamos.caso.flujo import transicionar
    from reclamos.tiempo import ahora_utc
    from tests.apoyo.casos import crear_caso

    admin = crear_usuario('admin')
    with app.app_context(), db.connection_context():
        caso = crear_caso(admin)
        hoy = dt.datetime.now(dt.timezone(dt.timedelta(hours=-5))).date()
        f = Filtros(hoy, hoy, motivo=caso.motivo_id)
        [(_, recibidos, resueltos, pendientes)] = calcular(
            'evolucion', f, Opciones(periodo='dia'), ahora_utc()).filas
        antes = ahora_utc()
        anulado = transicionar(caso, 'anular', admin, '127.0.0.1', caso.version,
                               motivo='Registrado dos veces.')
        assert antes.replace(tzinfo=None) <= anulado.anulado_en <= dt.datetime.utcnow()
        # Still received today, not resolved, and out of the backlog.
        assert calcular('evolucion', f, Opciones(periodo='dia'), ahora_utc()).filas == [
            [hoy.isoformat(), recibidos, resueltos, pendientes - 1]]


def test_clientes_por_servicio_desde_el_entorno():
    from admin_app.config import clientes_por_servicio

    assert clientes_por_servicio('') == {}
    assert clientes_por_servicio(' AGUA=120000, LUZ=5 ') == {'AGUA': 120000, 'LUZ': 5}
    for malo in ('AGUA', 'AGUA=mucho', 'AGUA=0', '=5'):
        with pytest.raises(ValueError, match='RECLAMOS_CLIENTES_POR_SERVICIO'):
            clientes_por_servicio(malo)
