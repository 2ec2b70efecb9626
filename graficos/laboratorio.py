"""Figures of a sandbox run: compliance side by side, and the backlog per area over time."""
import datetime
import re

import plotly.graph_objects as go

ESCENARIOS = (('real', 'Lo que pasó', 'solid'), ('actual', 'Configuración actual', 'dot'),
              ('borrador', 'Borrador', 'dash'))


def figura_cumplimiento(informe):
    """Grouped bars: legal-term and SLA compliance (%) per scenario."""
    figura = go.Figure()
    for clave, nombre, _ in ESCENARIOS:
        datos = informe.get(clave, {}).get('indicadores')
        if not datos:
            continue
        figura.add_trace(go.Bar(name=nombre, x=['Plazo legal', 'SLA de prioridad'],
                                y=[datos['cumplimiento_legal'], datos['cumplimiento_sla']]))
    figura.update_layout(barmode='group', yaxis={'title': '% a tiempo', 'range': [0, 100]},
                         height=320, margin={'t': 30, 'b': 40})
    return figura


def figura_pendientes(informe):
    """Lines: cases waiting or in hand per area over the period, one dash style per scenario."""
    inicio = informe['periodo'][0]
    figura = go.Figure()
    for clave, nombre, trazo in ESCENARIOS:
        escenario = informe.get(clave, {})
        if 'pendientes' not in escenario:
            continue
        fechas = [inicio + datetime.timedelta(minutes=m) for m in escenario['muestras']]
        for area, serie in sorted(escenario['pendientes'].items()):
            if any(serie):
                figura.add_trace(go.Scatter(x=fechas, y=list(serie), mode='lines',
                                            name=f'{area} · {nombre}', line={'dash': trazo},
                                            legendgroup=clave))
    figura.update_layout(yaxis={'title': 'Casos pendientes'}, height=420,
                         margin={'t': 30, 'b': 40})
    return figura


def html_figura(figura, ident, nonce=''):
    """The figure's div and its drawing script, which carries ``nonce`` (the page's CSP)."""
    html = figura.to_html(full_html=False, include_plotlyjs=False, div_id=ident,
                          config={'displaylogo': False})
    return re.sub(r'<script(?=[\s>])(?![^>]*\bsrc=)', f'<script nonce="{nonce}"', html)
