"""The dashboard over HTTP: roles, filters with bad input, exports that carry the chart's
numbers, drill-down to the case list, plotly.js served offline; and in real Chromium."""
import csv
import io
import json
import re

import pytest
from openpyxl import load_workbook

from bd import db
from graficos.tablero.filtros import Filtros
from graficos.tablero.tablas import TABLAS, Opciones, calcular
from reclamos.tiempo import ahora_utc
from tests.apoyo.graficos import DESDE, HASTA, cargar
from tests.apoyo.navegador import captura, entrar

RANGO = 'desde=2026-03-01&hasta=2026-03-31'


@pytest.fixture
def ids(app, crear_usuario):
    agente = crear_usuario('agente')
    with app.app_context(), db.connection_context():
        return cargar(agente.id)


def errores(respuesta):
    return re.findall(r'error-campo">([^<]+)<', respuesta.get_data(as_text=True))


def figuras(respuesta):
    html = respuesta.get_data(as_text=True)
    return {n: json.loads(j) for n, j in re.findall(
        r'<script type="application/json" id="figura-([a-z_]+)">(.*?)</script>', html, re.S)}


@pytest.mark.parametrize('rol', ['admin', 'gerente', 'supervisor'])
def test_los_roles_de_gestion_ven_todos_los_graficos(client, como, ids, rol):
    como(rol)
    respuesta = client.get(f'/admin/tablero/?{RANGO}')
    assert respuesta.status_code == 200
    assert set(figuras(respuesta)) == set(TABLAS)
    assert 'href="/admin/tablero/"' in respuesta.get_data(as_text=True)  # menu entry


def test_el_agente_es_rechazado_salvo_que_un_admin_lo_permita(app, client, como, ids):
    como('agente', area=ids['A1'])
    assert client.get('/admin/tablero/').status_code == 403
    assert client.get('/admin/tablero/exportar/conteo.csv').status_code == 403
    app.config['RECLAMOS_TABLERO_AGENTES'] = True
    respuesta = client.get(f'/admin/tablero/?{RANGO}&por=area')
    assert respuesta.status_code == 200
    barras = figuras(respuesta)['conteo']['data'][0]
    assert (barras['x'], barras['y']) == (['Atención'], [4])  # only their area


def test_sin_sesion_va_al_login(client, ids):
    respuesta = client.get('/admin/tablero/')
    assert respuesta.status_code == 302 and '/login' in respuesta.headers['Location']


def test_el_supervisor_ve_solo_su_area(client, como, ids):
    como('supervisor', area=ids['A2'])
    respuesta = client.get(f'/admin/tablero/?{RANGO}&por=area')
    barras = figuras(respuesta)['conteo']['data'][0]
    assert (barras['x'], barras['y']) == (['Redes'], [4])
    # The blank choice of the area filter names their scope, not the whole company.
    html = respuesta.get_data(as_text=True)
    assert re.search(r'<option selected value="">Mi área</option>\s*'
                     r'<option value="\d+">Redes</option>\s*</select>', html), html
    # Another area is not among the choices: a clear message, no numbers.
    respuesta = client.get(f'/admin/tablero/?{RANGO}&area={ids["A1"]}')
    assert respuesta.status_code == 200
    assert errores(respuesta) == [f'Valor desconocido para área: «{ids["A1"]}».']
    assert not figuras(respuesta)
    assert client.get(f'/admin/tablero/exportar/conteo.csv?{RANGO}&area={ids["A1"]}'
                      ).status_code == 400


@pytest.mark.parametrize('consulta, mensajes', [
    ('desde=&hasta=2026-03-31', ['Indique la fecha inicial del período.']),
    ('desde=2026-03-01&hasta=', ['Indique la fecha final del período.']),
    ('desde=2026-03-31&hasta=2026-03-01', ['La fecha final es anterior a la inicial.']),
    ('desde=31/03/2026&hasta=2026-04-01',
     ['Fecha inválida: «31/03/2026». Use el formato AAAA-MM-DD.']),
    ('desde=0001-01-01&hasta=2026-04-01', ['La fecha debe estar entre los años 2000 y 2100.']),
    (f'{RANGO}&motivo=9999', ['Valor desconocido para motivo: «9999».']),
    (f'{RANGO}&motivo=abc', ['Valor desconocido para motivo: «abc».']),
    (f'{RANGO}&por=descripcion', ['Valor desconocido para contar casos por: «descripcion».']),
    (f'{RANGO}&periodo=hora', ['Valor desconocido para agrupar la evolución por: «hora».']),
    (f'{RANGO}&origen=marte', ['Valor desconocido para origen: «marte».']),
])
def test_entradas_malas_dan_un_mensaje_claro(client, como, ids, consulta, mensajes):
    como('gerente')
    respuesta = client.get(f'/admin/tablero/?{consulta}')
    assert respuesta.status_code == 200
    assert errores(respuesta) == mensajes
    assert 'Corrija los filtros marcados' in respuesta.get_data(as_text=True)
    exportado = client.get(f'/admin/tablero/exportar/conteo.xlsx?{consulta}')
    assert exportado.status_code == 400
    assert mensajes[0].split('«')[0] in exportado.get_data(as_text=True)


def test_un_periodo_sin_casos_muestra_graficos_que_lo_dicen(client, como, ids):
    como('gerente')
    respuesta = client.get('/admin/tablero/?desde=2025-01-01&hasta=2025-01-31')
    html = respuesta.get_data(as_text=True)
    # Said twice per chart: in a line above it and inside the drawn (empty) figure.
    assert html.count('No hay casos con estos filtros en el período.') == len(TABLAS)
    dibujadas = figuras(respuesta)
    assert set(dibujadas) == set(TABLAS)
    for figura in dibujadas.values():
        assert not figura['data']
        assert [a['text'] for a in figura['layout']['annotations']] == [
            'No hay casos con estos filtros en el período.']


def test_desconocidos_en_la_ruta_de_exportacion(client, como, ids):
    como('gerente')
    assert client.get('/admin/tablero/exportar/nada.csv').status_code == 404
    assert client.get('/admin/tablero/exportar/conteo.pdf').status_code == 404


def _esperadas(nombre):
    # The screen counts overdue cases at the real instant, so the expectation does too.
    return calcular(nombre, Filtros(DESDE, HASTA), Opciones(), ahora_utc()).filas


def _texto(valor):
    return '' if valor is None else str(valor)


@pytest.mark.parametrize('nombre', list(TABLAS))
def test_cada_exportacion_lleva_los_numeros_del_grafico(app, client, como, ids, nombre):
    como('gerente')
    with app.app_context(), db.connection_context():
        filas = _esperadas(nombre)
    texto = client.get(f'/admin/tablero/exportar/{nombre}.csv?{RANGO}')
    assert texto.status_code == 200 and texto.mimetype == 'text/csv'
    leidas = list(csv.reader(io.StringIO(texto.data.decode('utf-8-sig'))))
    assert leidas[1:] == [[_texto(v) for v in fila] for fila in filas]
    libro = client.get(f'/admin/tablero/exportar/{nombre}.xlsx?{RANGO}')
    assert 'attachment' in libro.headers['Content-Disposition']
    hoja = load_workbook(io.BytesIO(libro.data)).active
    valores = [list(f) for f in hoja.iter_rows(min_row=2, max_row=len(filas) + 1,
                                                values_only=True)]
    assert valores == [[float(v) if hasattr(v, 'quantize') else v for v in fila]
                       for fila in filas]
    # The figure carries the same numbers (first numeric series).
    figura = figuras(client.get(f'/admin/tablero/?{RANGO}'))[nombre]
    if filas and nombre not in ('evolucion', 'satisfaccion'):
        serie = figura['data'][0]
        etiquetas = serie['y'] if serie.get('orientation') == 'h' else serie['x']
        assert etiquetas == [str(f[0]) for f in filas]


def test_el_grafico_y_la_exportacion_siguen_los_filtros(client, como, ids):
    como('gerente')
    consulta = f'{RANGO}&motivo={ids["M1"]}&por=canal'
    barras = figuras(client.get(f'/admin/tablero/?{consulta}'))['conteo']['data'][0]
    assert (barras['x'], barras['y']) == (['Web', 'Teléfono'], [3, 1])
    leidas = list(csv.reader(io.StringIO(
        client.get(f'/admin/tablero/exportar/conteo.csv?{consulta}').data.decode('utf-8-sig'))))
    assert leidas == [['Canal', 'Casos'], ['Web', '3'], ['Teléfono', '1']]


def test_el_detalle_lleva_a_la_lista_de_casos_filtrada(client, como, ids):
    como('gerente')
    barras = figuras(client.get(f'/admin/tablero/?{RANGO}&por=canal'))['conteo']['data'][0]
    enlace = barras['customdata'][barras['x'].index('Teléfono')]
    assert enlace.startswith('/casos/?') and f'canal={ids["TEL"]}' in enlace
    lista = client.get(enlace).get_data(as_text=True)
    # Phone cases received in March: 2, 5, 7 (any state); never 9 or 10.
    assert sorted(set(re.findall(r'>(2026-0000\d\d)</a>', lista))) == [
        '2026-000002', '2026-000005', '2026-000007']
    # Overdue of an agent: the workload bar opens their open cases.
    carga = figuras(client.get(f'/admin/tablero/?{RANGO}'))['carga_area']['data'][0]
    lista = client.get(carga['customdata'][carga['x'].index('Atención')]).get_data(
        as_text=True)
    assert sorted(set(re.findall(r'>(2026-0000\d\d)</a>', lista))) == ['2026-000006']


def test_plotly_se_sirve_desde_el_paquete_con_cache_larga(client, como, ids):
    como('gerente')
    html = client.get(f'/admin/tablero/?{RANGO}').get_data(as_text=True)
    fuente = re.search(r'<script src="([^"]*plotly[^"]*)"', html).group(1)
    assert fuente.startswith('/admin/tablero/plotly.min.js')
    assert 'cdn' not in html.lower()
    js = client.get(fuente)
    assert js.status_code == 200 and len(js.data) > 1_000_000
    assert 'max-age=31536000' in js.headers['Cache-Control']
    assert "script-src 'self'" in js.headers['Content-Security-Policy']


def test_chromium_dibuja_los_graficos(app, crear_usuario, servidor_vivo, pagina, ids):
    usuario = crear_usuario('gerente')
    errores_js = []
    pagina.on('pageerror', lambda e: errores_js.append(str(e)))
    pagina.on('console', lambda m: errores_js.append(m.text) if m.type == 'error'
              and 'Failed to load resource' not in m.text else None)
    # Every resource comes from this server and loads.
    pagina.on('response', lambda r: errores_js.append(f'{r.status} {r.url}')
              if r.status >= 400 else None)
    entrar(pagina, servidor_vivo, usuario.email)
    pagina.click('text=Tablero')
    pagina.wait_for_load_state('networkidle')
    pagina.goto(f'{servidor_vivo}/admin/tablero/?{RANGO}&periodo=semana')
    pagina.wait_for_selector('#grafico-montos .js-plotly-plot .main-svg')
    assert pagina.locator('.js-plotly-plot .main-svg').count() >= len(TABLAS)
    assert pagina.locator('#grafico-conteo .bars .point').count() == 3  # Fuga, Factura, Corte
    # No console error at all: no third-party font, no blocked or missing resource.
    assert errores_js == []
    captura(pagina, 'tablero')
    # A click on a bar opens the matching cases.
    # (plotly's drag layer takes the pointer, as for a person: click where the bar is)
    caja = pagina.locator('#grafico-conteo .bars .point path').first.bounding_box()
    pagina.mouse.click(caja['x'] + caja['width'] / 2, caja['y'] + caja['height'] / 2)
    pagina.wait_for_url('**/casos/**')
    assert f'motivo={ids["M1"]}' in pagina.url
    assert pagina.locator('#cola a[href*="/casos/2026-"]').count() == 4


def test_el_tablero_lee_el_resumen_y_el_comando_lo_recalcula(app, client, como, runner, ids):
    """The charts read the daily rollup the app keeps (the exports above prove its figures
    are the cases'); the command still forces a rebuild, though nobody needs to run it."""
    from graficos.tablero.consolidado import ultimo

    como('gerente')
    html = client.get(f'/admin/tablero/?{RANGO}&por=canal').get_data(as_text=True)
    assert 'Cifras calculadas el' in html and 'se actualizan solas cada 5 minutos' in html
    with app.app_context(), db.connection_context():
        antes = ultimo().calculado_en
    resultado = runner.invoke(args=['recalcular-resumen'])
    assert resultado.exit_code == 0 and 'Resumen diario recalculado' in resultado.output
    with app.app_context(), db.connection_context():
        assert ultimo().calculado_en > antes
    barras = figuras(client.get(f'/admin/tablero/?{RANGO}&por=canal'))['conteo']['data'][0]
    assert barras['y'] == [5, 3]
