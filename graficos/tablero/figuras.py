"""Tables -> plotly figures (``graph_objects``; plotly.express needs numpy).

``especificacion`` writes the figure as the plain dict plotly.js reads and ``figura`` wraps it
in a validated ``go.Figure``. The dashboard serialises the dict directly: building ten
validated ``go.Figure`` objects costs ~40 ms per page, the dict a fraction of a millisecond;
the tests build every chart through ``figura`` so an invalid property cannot slip in.

Every point carries in ``customdata`` the URL of the case list behind it, so a click on a
bar opens those cases (see the dashboard template)."""
import html
import textwrap
from urllib.parse import urlencode

from plotly.io.json import to_json_plotly

from graficos.tablero.formato import D3, SEPARADORES, numero

ANCHO, LINEAS = 13, 2  # a category label: at most two lines of about 13 characters
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
    # Legend anchored to the bottom of the figure and the margin grown for it, so it never
    # sits on the category labels; automargin lets long tick labels push the plot inward.
    layout = {'title': {'text': _texto(tabla.titulo), 'font': {'size': 15},
                        'yref': 'container', 'y': 1, 'yanchor': 'top', 'pad': {'t': 12}},
              'margin': {'l': 10, 'r': 10, 't': 50, 'b': 10}, 'height': 380,
              'colorway': COLORES, 'legend': {'orientation': 'h', 'x': 0, 'xanchor': 'left',
                                              'yref': 'container', 'y': 0,
                                              'yanchor': 'bottom'},
              'separators': SEPARADORES, 'paper_bgcolor': 'white', 'plot_bgcolor': 'white',
              'yaxis': {'gridcolor': '#ecf0f1', 'rangemode': 'tozero', 'automargin': True},
              'xaxis': {'automargin': True}}
    if tabla.vacia:
        nota = '<br>'.join(_texto(t) for t in textwrap.wrap(tabla.nota, 45))
        layout['annotations'] = [{'text': nota, 'showarrow': False, 'x': 0.5,
                                  'y': 0.5,
                                  'xref': 'paper', 'yref': 'paper',
                                  'font': {'size': 14, 'color': '#7b8a8b'}}]
        layout['xaxis'] = {'visible': False}
        layout['yaxis'] = {'visible': False}
        return {'data': [], 'layout': layout}
    enlaces = [enlace(base_casos, parametros, e) for e in tabla.enlaces]
    dibujar = {'lineas': _lineas, 'apiladas': _apiladas, 'barras_h': _barras_h}
    datos = dibujar.get(tabla.tipo, _barras)(layout, tabla, enlaces)
    if layout.get('showlegend', True) and len(datos) > 1:
        layout['margin']['b'] = 45  # room for the one-line legend under the labels
    return {'data': datos, 'layout': layout}


def _texto(valor):
    """A label as plotly must draw it: plotly.js renders a subset of HTML in every text
    (``<a href>`` becomes a live link, ``<b>``...), so catalog names are escaped; it shows
    the entities back as the plain characters (issue 15)."""
    return html.escape(str(valor), quote=False)


def _etiquetas(tabla):
    return [_texto(v) for v in _columna(tabla, 0)]


def _corta(valor):
    """A long category name on two lines of about ANCHO characters, cut with '…' past them;
    the whole name stays the category (hover, drill-down), only the tick text is short."""
    lineas, actual = [], ''
    for palabra in str(valor).split():
        if actual and len(actual) + 1 + len(palabra) > ANCHO:
            lineas.append(actual)
            actual = palabra
        else:
            actual = f'{actual} {palabra}'.strip()
    lineas.append(actual)
    if len(lineas) > LINEAS:
        lineas = lineas[:LINEAS]
        lineas[-1] = lineas[-1][:ANCHO - 1].rstrip() + '…'
    lineas = [ln if len(ln) <= ANCHO + 4 else ln[:ANCHO - 1] + '…' for ln in lineas]
    return '<br>'.join(_texto(ln) for ln in lineas)


def _categorias(eje, tabla):
    """Short tick texts for the category axis, the full names kept as the values."""
    nombres = _etiquetas(tabla)
    eje.update(automargin=True, tickmode='array', tickvals=nombres,
               ticktext=[_corta(v) for v in _columna(tabla, 0)])
    return nombres


def _formato(tabla, i):
    """The d3 format of column i: whole numbers, shares with one decimal, else two."""
    valores = [v for v in _columna(tabla, i) if v is not None]
    if all(isinstance(v, int) for v in valores):
        return D3[0]
    return D3[1] if str(tabla.columnas[i]).startswith('%') else D3[2]


def _plantillas(tabla, i, eje='y', sufijo=''):
    """Bar label and hover of column i in the dashboard's number format (plotly applies
    layout.separators to d3 formats, never to a number passed as plain text)."""
    sufijo = sufijo or (' %' if str(tabla.columnas[i]).startswith('%') else '')
    valor = f'%{{{eje}:{_formato(tabla, i)}}}{sufijo}'
    categoria = 'y' if eje == 'x' else 'x'
    return {'texttemplate': valor,
            'hovertemplate': f'%{{{categoria}}}<br>{_texto(tabla.columnas[i])}: {valor}'
                             '<extra></extra>'}


def _columna(tabla, i):
    return [fila[i] for fila in tabla.filas]


def _valores(columna):
    """Amounts (Decimal) as numbers plotly can draw; counts stay integers."""
    return [v if v is None or isinstance(v, (int, float)) else float(v) for v in columna]


def _lineas(layout, tabla, enlaces):
    x = _columna(tabla, 0)
    # Numeric dates: plotly.min.js only carries English month names.
    layout['xaxis'] = {'type': 'date', 'tickformat': '%d/%m/%Y', 'automargin': True}
    return [{'type': 'scatter', 'x': x, 'y': _columna(tabla, i),
             'name': _texto(tabla.columnas[i]), 'mode': 'lines+markers',
             'hovertemplate': f'%{{x|%d/%m/%Y}}<br>{_texto(tabla.columnas[i])}: '
                              f'%{{y:{D3[0]}}}<extra></extra>'}
            for i in range(1, len(tabla.columnas))]


def _series(tabla):
    """Which columns a bar chart draws: shares, hours and per-thousand over raw counts."""
    preferidas = {'cumplimiento': [3], 'tiempos': [2, 3], 'incidencia': [3]}
    return preferidas.get(tabla.nombre, list(range(1, len(tabla.columnas))))


def _enteros(layout, tabla, columnas, apiladas=False):
    """Small counts tick at whole numbers: a '0,5' case on the axis reads as an error."""
    valores = [[f[i] for i in columnas] for f in tabla.filas]
    if all(isinstance(v, int) for fila in valores for v in fila):
        alto = max((sum(f) if apiladas else max(f)) for f in valores)
        if alto < 8:
            layout['yaxis'].update(dtick=1)


def _barras(layout, tabla, enlaces):
    """One bar series per numeric column after the label (counts, hours, shares, amounts)."""
    x = _categorias(layout['xaxis'], tabla)
    series = _series(tabla)
    _enteros(layout, tabla, series)
    layout.update(barmode='group', showlegend=len(series) > 1)
    return [{'type': 'bar', 'x': x, 'y': _valores(_columna(tabla, i)),
             'name': _texto(tabla.columnas[i]), 'customdata': enlaces,
             'textposition': 'auto', 'cliponaxis': False, **_plantillas(tabla, i)}
            for i in series]


def _barras_h(layout, tabla, enlaces):
    layout['yaxis'].update(autorange='reversed')
    y = _categorias(layout['yaxis'], tabla)
    layout['xaxis'] = {'range': [0, 100], 'title': {'text': '% a tiempo'},
                       'automargin': True, 'ticksuffix': ' %'}
    return [{'type': 'bar', 'orientation': 'h', 'y': y,
             'x': _valores(_columna(tabla, 3)), 'name': _texto(tabla.columnas[3]),
             'customdata': enlaces, 'textposition': 'auto',
             **_plantillas(tabla, 3, eje='x', sufijo=' %')}]


def _apiladas(layout, tabla, enlaces):
    """Distribution of ratings stacked per group, the average on a second axis."""
    x = _categorias(layout['xaxis'], tabla)
    # The second axis: whole ratings 1-5 only and no grid of its own, so its ticks never
    # crowd against the first axis' gridlines.
    layout.update(barmode='stack', yaxis2={
        'overlaying': 'y', 'side': 'right', 'range': [0, 5.5], 'tickvals': [1, 2, 3, 4, 5],
        'showgrid': False, 'zeroline': False, 'automargin': True,
        'title': {'text': 'Promedio', 'standoff': 4}})
    layout['yaxis']['title'] = {'text': 'Casos calificados', 'standoff': 4}
    _enteros(layout, tabla, range(3, 8), apiladas=True)
    datos = [{'type': 'bar', 'x': x, 'y': _columna(tabla, 2 + nota),
              'name': f'Nota {nota}', 'marker': {'color': NOTAS[nota - 1]},
              'customdata': enlaces,
              'hovertemplate': f'%{{x}}<br>Calificación {nota}: %{{y:{D3[0]}}} casos'
                               '<extra></extra>'} for nota in range(1, 6)]
    # The average is written under each group's name rather than next to its marker, where
    # it sat on top of the bars.
    layout['xaxis']['ticktext'] = [f'{t}<br><b>prom. {numero(p, 2)}</b>' for t, p in
                                   zip(layout['xaxis']['ticktext'], _columna(tabla, 2),
                                       strict=True)]
    datos.append({'type': 'scatter', 'x': x, 'y': _columna(tabla, 2), 'name': 'Promedio',
                  'yaxis': 'y2', 'mode': 'markers', 'cliponaxis': False,
                  'marker': {'size': 10, 'color': '#2c3e50', 'symbol': 'diamond'},
                  'customdata': enlaces, **_plantillas(tabla, 2)})
    return datos
