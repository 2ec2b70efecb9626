"""Tables -> plotly figures (``graph_objects``; plotly.express needs numpy).

``especificacion`` writes the figure as the plain dict plotly.js reads and ``figura`` wraps it
in a validated ``go.Figure``. The dashboard serialises the dict directly: building ten
validated ``go.Figure`` objects costs ~40 ms per page, the dict a fraction of a millisecond;
the tests build every chart through ``figura`` so an invalid property cannot slip in.

Every point carries in ``customdata`` the URL of the case list behind it, so a click on a
bar opens those cases (see the dashboard template)."""
import html
from urllib.parse import urlencode

from plotly.io.json import to_json_plotly

from graficos.tablero.tablas import SIN_DATOS

COLORES = ['#2c3e50', '#18bc9c', '#e74c3c', '#f39c12', '#3498db', '#95a5a6']
NOTAS = ['#c0392b', '#e67e22', '#f1c40f', '#7dcea0', '#1e8449']  # ratings 1..5


def enlace(base_casos, parametros, extra):
    """The case list URL: the dashboard's filters plus the clicked group's."""
    if extra is None:
        return None
    return f'{base_casos}?{urlencode({**parametros, **extra})}'


def figura(tabla, base_casos='/casos/', parametros=None):
    import plotly.graph_objects as go  # heavy; the dashboard itself serialises the dict

    return go.Figure(especificacion(tabla, base_casos, parametros))


def como_json(tabla, base_casos='/casos/', parametros=None):
    """The figure as JSON for Plotly.newPlot; '<' escaped so that no catalog name can close
    the <script> element that holds it. The standard-library engine always: plotly's default
    picks orjson when it happens to be installed, and the page then differed by machine."""
    return to_json_plotly(especificacion(tabla, base_casos, parametros),
                          engine='json').replace('<', '\\u003c')


def especificacion(tabla, base_casos='/casos/', parametros=None):
    parametros = parametros or {}
    layout = {'title': {'text': _texto(tabla.titulo), 'font': {'size': 15}},
              'margin': {'l': 50, 'r': 20, 't': 50, 'b': 60}, 'height': 360,
              'colorway': COLORES, 'legend': {'orientation': 'h', 'y': -0.2},
              'separators': ',.', 'paper_bgcolor': 'white', 'plot_bgcolor': 'white',
              'yaxis': {'gridcolor': '#ecf0f1', 'rangemode': 'tozero'}, 'xaxis': {}}
    if tabla.vacia:
        layout['annotations'] = [{'text': SIN_DATOS, 'showarrow': False, 'x': 0.5, 'y': 0.5,
                                  'xref': 'paper', 'yref': 'paper',
                                  'font': {'size': 14, 'color': '#7b8a8b'}}]
        layout['xaxis'] = {'visible': False}
        layout['yaxis'] = {'visible': False}
        return {'data': [], 'layout': layout}
    enlaces = [enlace(base_casos, parametros, e) for e in tabla.enlaces]
    dibujar = {'lineas': _lineas, 'apiladas': _apiladas, 'barras_h': _barras_h}
    datos = dibujar.get(tabla.tipo, _barras)(layout, tabla, enlaces)
    return {'data': datos, 'layout': layout}


def _texto(valor):
    """A label as plotly must draw it: plotly.js renders a subset of HTML in every text
    (``<a href>`` becomes a live link, ``<b>``...), so catalog names are escaped; it shows
    the entities back as the plain characters (issue 15)."""
    return html.escape(str(valor), quote=False)


def _etiquetas(tabla):
    return [_texto(v) for v in _columna(tabla, 0)]


def _columna(tabla, i):
    return [fila[i] for fila in tabla.filas]


def _valores(columna):
    """Amounts (Decimal) as numbers plotly can draw; counts stay integers."""
    return [v if v is None or isinstance(v, (int, float)) else float(v) for v in columna]


def _lineas(layout, tabla, enlaces):
    x = _columna(tabla, 0)
    layout['xaxis'] = {'type': 'date'}
    return [{'type': 'scatter', 'x': x, 'y': _columna(tabla, i),
             'name': _texto(tabla.columnas[i]), 'mode': 'lines+markers'}
            for i in range(1, len(tabla.columnas))]


def _series(tabla):
    """Which columns a bar chart draws: shares, hours and per-thousand over raw counts."""
    preferidas = {'cumplimiento': [3], 'tiempos': [2, 3], 'incidencia': [3]}
    return preferidas.get(tabla.nombre, list(range(1, len(tabla.columnas))))


def _barras(layout, tabla, enlaces):
    """One bar series per numeric column after the label (counts, hours, shares, amounts)."""
    x = _etiquetas(tabla)
    series = _series(tabla)
    layout.update(barmode='group', showlegend=len(series) > 1)
    return [{'type': 'bar', 'x': x, 'y': _valores(_columna(tabla, i)),
             'name': _texto(tabla.columnas[i]), 'customdata': enlaces,
             'text': _valores(_columna(tabla, i)), 'textposition': 'auto'} for i in series]


def _barras_h(layout, tabla, enlaces):
    layout['yaxis'].update(autorange='reversed')
    layout['xaxis'] = {'range': [0, 100], 'title': {'text': '% a tiempo'}}
    return [{'type': 'bar', 'orientation': 'h', 'y': _etiquetas(tabla),
             'x': _valores(_columna(tabla, 3)), 'name': _texto(tabla.columnas[3]),
             'customdata': enlaces, 'text': _valores(_columna(tabla, 3)),
             'textposition': 'auto'}]


def _apiladas(layout, tabla, enlaces):
    """Distribution of ratings stacked per group, the average on a second axis."""
    x = _etiquetas(tabla)
    layout.update(barmode='stack', yaxis2={'overlaying': 'y', 'side': 'right',
                                           'range': [0, 5.5], 'title': {'text': 'Promedio'}})
    datos = [{'type': 'bar', 'x': x, 'y': _columna(tabla, 2 + nota),
              'name': f'Calificación {nota}', 'marker': {'color': NOTAS[nota - 1]},
              'customdata': enlaces} for nota in range(1, 6)]
    datos.append({'type': 'scatter', 'x': x, 'y': _columna(tabla, 2), 'name': 'Promedio',
                  'yaxis': 'y2', 'mode': 'markers+text', 'text': _columna(tabla, 2),
                  'textposition': 'top center', 'marker': {'size': 10, 'color': '#2c3e50'},
                  'customdata': enlaces})
    return datos
