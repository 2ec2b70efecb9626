"""The dashboard's daily rollup kept current by the app (graficos.tablero.vigencia): built
by migration 0025, rebuilt inline when that is cheap, in the background when it is not
(the page meanwhile shows the figures it has), claimed by one process at a time, refreshed
by the periodic round; the tiles say what the charts draw."""
import datetime
import json
import os
import re
import threading
import time

import pytest

from bd import abrir, db
from graficos.tablero import vigencia
from graficos.tablero.consolidado import (CalculoResumen, ResumenActividad, ResumenDiario,
                                          huella, recalcular, ultimo)
from tests.apoyo.bases import base_temporal
from tests.apoyo.graficos import AHORA, cargar
from tests.conftest import URL_BASE

RANGO = 'desde=2026-03-01&hasta=2026-03-31'
ESPERA = 60  # seconds at most for a background rebuild (it takes milliseconds here)


@pytest.fixture
def ids(app, crear_usuario):
    agente = crear_usuario('agente')
    with app.app_context(), db.connection_context():
        return cargar(agente.id)


def figuras(html):
    return {n: json.loads(j) for n, j in re.findall(
        r'<script type="application/json" id="figura-([a-z_]+)">(.*?)</script>', html, re.S)}


def tiles(html):
    return dict(re.findall(r'id="kpi-(\w+)".*?kpi-valor">([^<]+)<', html, re.S))


def por_canal(client):
    html = client.get(f'/admin/tablero/?{RANGO}&por=canal').get_data(as_text=True)
    return figuras(html)['conteo']['data'][0]['y'], html


def caso_tardio(app, ids, numero='2026-000099'):
    """A phone case received in March, registered after the dashboard was opened."""
    from reclamos.caso.modelo import Reclamo

    with app.app_context(), db.connection_context():
        Reclamo.create(numero=numero, tipo='reclamo', origen='externo', canal=ids['TEL'],
                       servicio=ids['AGUA'], motivo=ids['M1'], descripcion='Caso tardío',
                       recibido_en=AHORA.replace(month=3, day=20), area=ids['A1'])


def _filas(modelo):
    columnas = [c for c in modelo._meta.sorted_fields if c.name != 'id']
    return sorted(tuple(str(v) for v in fila)
                  for fila in modelo.select(*columnas).tuples())


def test_la_migracion_0025_deja_el_resumen_construido(tmp_path):
    """An existing desk upgraded with cases gets the rollup the app would have built, so
    its first dashboard reads no case."""
    zona = os.environ.get('RECLAMOS_TIMEZONE', 'America/Bogota')
    from admin_app.esquema import migrar

    with base_temporal(URL_BASE, tmp_path) as url:
        abrir(url)
        try:
            migrar(hasta='0024_tipos_identidad')
            with db.connection_context():
                cargar()
            assert migrar(hasta='0025_resumen_vivo') == ['0025_resumen_vivo']
            with db.connection_context():
                calculo = ultimo()
                assert calculo is not None and calculo.zona == zona
                assert calculo.huella == huella() and calculo.iniciado_en is None
                migradas = _filas(ResumenDiario), _filas(ResumenActividad)
                assert migradas[0] and migradas[1]
                recalcular(zona)
                assert (_filas(ResumenDiario), _filas(ResumenActividad)) == migradas
        finally:
            db.close()


def test_un_caso_nuevo_se_ve_al_abrir_el_tablero(app, client, como, ids, crear_usuario):
    """Small desk: the last rebuild was cheap, so a stale rollup is rebuilt inside the
    request and the figures are exact."""
    from reclamos.caso.flujo import transicionar
    from reclamos.caso.modelo import Reclamo

    como('gerente')
    assert por_canal(client)[0] == [5, 3]
    caso_tardio(app, ids)
    assert por_canal(client)[0] == [5, 4]
    # A change that adds no case (an annulment is an action): the open-case bars follow.
    supervisor = crear_usuario('supervisor', area=ids['A2'])
    with app.app_context(), db.connection_context():
        septimo = Reclamo.get(Reclamo.numero == '2026-000007')
        transicionar(septimo.id, 'anular', supervisor, '127.0.0.1', septimo.version,
                     motivo='Registrado dos veces.')
    html = client.get(f'/admin/tablero/?{RANGO}').get_data(as_text=True)
    carga = figuras(html)['carga_area']['data'][0]
    assert 'Redes' not in carga['x']  # case 7 was A2's only open case


def _esperar_reconstruccion(app, antes):
    limite = time.monotonic() + ESPERA
    while True:
        with app.app_context(), db.connection_context():
            calculo = ultimo()
        if calculo.iniciado_en is None and calculo.calculado_en > antes:
            return calculo
        assert time.monotonic() < limite, 'la reconstrucción en segundo plano no terminó'
        time.sleep(0.05)


def test_si_reconstruir_es_caro_se_sirve_el_resumen_que_hay(app, client, como, ids):
    """Large desk: the request claims the rebuild, starts it in the background and shows
    the figures it has at once; the next request shows the new ones."""
    como('gerente')
    assert por_canal(client)[0] == [5, 3]
    with app.app_context(), db.connection_context():
        CalculoResumen.update(segundos=600).execute()  # as at a million cases
    caso_tardio(app, ids)
    # Younger than RECLAMOS_RESUMEN_MINUTOS: a busy desk does not rebuild on every change.
    barras, html = por_canal(client)
    assert barras == [5, 3] and 'Se están recalculando' not in html
    with app.app_context(), db.connection_context():
        calculo = ultimo()
        assert calculo.iniciado_en is None
        antes = calculo.calculado_en - datetime.timedelta(minutes=6)
        CalculoResumen.update(calculado_en=antes).execute()
    barras, html = por_canal(client)
    assert barras == [5, 3]
    assert 'Se están recalculando ahora' in html
    _esperar_reconstruccion(app, antes)
    barras, html = por_canal(client)
    assert barras == [5, 4] and 'Se están recalculando' not in html


def test_dos_reclamos_a_la_vez_solo_uno_gana(app):
    """Several processes (here threads, each with its own connection) find the rollup
    stale at once: exactly one claims the rebuild; an abandoned claim can be taken over."""
    with app.app_context(), db.connection_context():
        recalcular('America/Bogota')
    salida = threading.Barrier(2)
    ganadores = []

    def intentar():
        with db.connection_context():
            salida.wait()
            ganadores.append(vigencia.reclamar())

    hilos = [threading.Thread(target=intentar) for _ in range(2)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()
    assert sorted(ganadores) == [False, True]
    with app.app_context(), db.connection_context():
        assert not vigencia.reclamar()
        # A claim older than RECLAMO_VENCE (its process died) is taken over.
        despues = vigencia.ahora_utc() + vigencia.RECLAMO_VENCE * 2
        assert vigencia.reclamar(despues)


def test_la_ronda_periodica_lo_refresca(app, runner, ids):
    """`flask barrer-alertas` (cron; run.py's thread runs the same round) rebuilds a stale
    rollup, so the first open after a change is current; not twice for nothing."""
    caso_tardio(app, ids)
    salida = runner.invoke(args=['barrer-alertas']).output
    assert 'resumen del tablero: recalculado.' in salida
    with app.app_context(), db.connection_context():
        assert ultimo().huella == huella()
    assert 'resumen del tablero: al día.' in runner.invoke(args=['barrer-alertas']).output
    caso_tardio(app, ids, '2026-000098')
    with app.app_context(), db.connection_context():
        assert vigencia.reclamar()  # another server is at it
    assert 'resumen del tablero: lo recalcula otro proceso.' in runner.invoke(
        args=['barrer-alertas']).output


def test_las_cifras_de_cabecera_dicen_lo_que_dibujan_los_graficos(client, como, ids):
    como('gerente')
    html = client.get(f'/admin/tablero/?{RANGO}').get_data(as_text=True)
    cifras, dibujos = tiles(html), figuras(html)
    assert cifras['recibidos'] == str(sum(dibujos['conteo']['data'][0]['y']))
    pendientes = next(s for s in dibujos['evolucion']['data'] if 'Pendientes' in s['name'])
    assert cifras['pendientes'] == str(pendientes['y'][-1])
    cumplimiento = dibujos['cumplimiento']['data'][0]
    legal = cumplimiento['y'][cumplimiento['x'].index('Plazo legal (general)')]
    assert cifras['a_tiempo'] == f'{legal:.1f} %'.replace('.', ',')
    notas = {n: sum(s['y']) for n in range(1, 6) for s in dibujos['satisfaccion']['data']
             if s['name'] == f'Nota {n}'}
    promedio = sum(n * c for n, c in notas.items()) / sum(notas.values())
    assert cifras['satisfaccion'] == f'{promedio:.2f}'.replace('.', ',')


def test_la_demo_trae_su_resumen(app, demo):
    with app.app_context(), db.connection_context():
        calculo = ultimo()
        assert calculo is not None and calculo.huella == huella()
