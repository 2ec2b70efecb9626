"""Tables -> plotly figures (``graph_objects`` only: plotly.express needs numpy).

Every point carries in ``customdata`` the URL of the case list behind it, so a click on a
bar opens those cases (see the dashboard template)."""
from urllib.parse import urlencode

import plotly.graph_objects as go

from graficos.tablas import SIN_DATOS

COLORES = ['#2c3e50', '#18bc9c', '#e74c3c', '#f39c12', '#3498db', '#95a5a6']
NOTAS = ['#c0392b', '#e67e22', '#f1c40f', '#7dcea0', '#1e8449']  # ratings 1..5


def enlace(base_casos, parametros, extra):
    """The case list URL: the dashboard's filters plus the clicked group's."""
    if extra is None:
        return None
    return f'{base_casos}?{urlencode({**parametros, **extra})}'


def figura(tabla, base_casos='/casos/', parametros=None):
    parametros = parametros or {}
    fig = go.Figure()
    fig.update_layout(title={'text': tabla.titulo, 'font': {'size': 15}},
                      margin={'l': 50, 'r': 20, 't': 50, 'b': 60}, height=360,
                      colorway=COLORES, legend={'orientation': 'h', 'y': -0.2},
                      separators=',.', paper_bgcolor='white', plot_bgcolor='white')
    if tabla.vacia:
        fig.add_annotation(text=SIN_DATOS, showarrow=False, x=0.5, y=0.5, xref='paper',
                           yref='paper', font={'size': 14, 'color': '#7b8a8b'})
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        return fig
    enlaces = [enlace(base_casos, parametros, e) for e in tabla.enlaces]
    dibujar = {'lineas': _lineas, 'apiladas': _apiladas, 'barras_h': _barras_h}
    dibujar.get(tabla.tipo, _barras)(fig, tabla, enlaces)
    fig.update_yaxes(gridcolor='#ecf0f1', rangemode='tozero')
    return fig


def _columna(tabla, i):
    return [fila[i] for fila in tabla.filas]


def _valores(columna):
    """Amounts (Decimal) as numbers plotly can draw; counts stay integers."""
    return [v if v is None or isinstance(v, (int, float)) else float(v) for v in columna]


def _lineas(fig, tabla, enlaces):
    x = _columna(tabla, 0)
    for i in range(1, len(tabla.columnas)):
        fig.add_trace(go.Scatter(x=x, y=_columna(tabla, i), name=tabla.columnas[i],
                                 mode='lines+markers'))
    fig.update_xaxes(type='date')


def _barras(fig, tabla, enlaces):
    """One bar series per numeric column after the label (counts, hours, shares, amounts)."""
    x = [str(v) for v in _columna(tabla, 0)]
    series = _series(tabla)
    for i in series:
        fig.add_trace(go.Bar(x=x, y=_valores(_columna(tabla, i)), name=tabla.columnas[i],
                             customdata=enlaces, text=_valores(_columna(tabla, i)),
                             textposition='auto'))
    fig.update_layout(barmode='group', showlegend=len(series) > 1)


def _series(tabla):
    """Which columns a bar chart draws: shares, hours and per-thousand over raw counts."""
    preferidas = {'cumplimiento': [3], 'tiempos': [2, 3], 'incidencia': [3]}
    return preferidas.get(tabla.nombre, list(range(1, len(tabla.columnas))))


def _barras_h(fig, tabla, enlaces):
    fig.add_trace(go.Bar(y=[str(v) for v in _columna(tabla, 0)], x=_valores(_columna(tabla, 3)),
                         orientation='h', name=tabla.columnas[3], customdata=enlaces,
                         text=_valores(_columna(tabla, 3)), textposition='auto'))
    fig.update_yaxes(autorange='reversed')
    fig.update_xaxes(range=[0, 100], title='% a tiempo')


def _apiladas(fig, tabla, enlaces):
    """Distribution of ratings stacked per group, the average on a second axis."""
    x = [str(v) for v in _columna(tabla, 0)]
    for nota in range(1, 6):
        fig.add_trace(go.Bar(x=x, y=_columna(tabla, 2 + nota), name=f'Calificación {nota}',
                             marker_color=NOTAS[nota - 1], customdata=enlaces))
    fig.add_trace(go.Scatter(x=x, y=_columna(tabla, 2), name='Promedio', yaxis='y2',
                             mode='markers+text', text=_columna(tabla, 2),
                             textposition='top center', marker={'size': 10, 'color': '#2c3e50'},
                             customdata=enlaces))
    fig.update_layout(barmode='stack', yaxis2={'overlaying': 'y', 'side': 'right',
                                                'range': [0, 5.5], 'title': 'Promedio'})
