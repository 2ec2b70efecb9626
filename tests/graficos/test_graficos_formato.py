"""What the dashboard's figures print: one number format (decimal comma, thousands dot)
in every bar label and hover, long names shortened on the axis but whole in the hover, the
legend under the labels, and the satisfaction chart's second axis on whole ratings."""
from decimal import Decimal

from graficos.tablero.figuras import especificacion, figura
from graficos.tablero.tablas import TODOS_A_TIEMPO, Tabla

LARGO = 'Suspensión del servicio sin aviso previo al cliente'


def _tiempos():
    return Tabla('tiempos', 'Tiempo de respuesta', ['Motivo', 'Casos resueltos',
                                                    'Mediana (h)', 'Percentil 90 (h)'],
                 [[LARGO, 3, 1.42, 0.5], ['Factura', 1234, 1500.0, 2.25]], [None, None])


def test_cada_numero_con_coma_decimal_y_punto_de_miles():
    spec = especificacion(_tiempos())
    assert spec['layout']['separators'] == ',.'
    for serie in spec['data']:
        assert 'text' not in serie  # a number as text would print "1.42" whatever the locale
        assert serie['texttemplate'] == '%{y:,.2f}'
        assert serie['hovertemplate'].endswith(': %{y:,.2f}<extra></extra>')
    conteo = especificacion(Tabla('conteo', 'Casos', ['Canal', 'Casos'], [['Web', 1500]],
                                  [None]))['data'][0]
    assert conteo['texttemplate'] == '%{y:,d}'
    pct = especificacion(Tabla('cumplimiento', 'C', ['Indicador', 'Respondidos', 'A tiempo',
                                                     '% a tiempo'], [['Legal', 5, 4, 80.0]],
                               [None]))['data'][0]
    assert pct['texttemplate'] == '%{y:,.1f} %'
    montos = especificacion(Tabla('montos', 'M', ['Servicio', 'Reclamado', 'Aprobado'],
                                  [['Agua', Decimal('1500.50'), Decimal('0.00')]], [None]))
    assert montos['data'][0]['texttemplate'] == '%{y:,.2f}'


def test_un_nombre_largo_se_acorta_en_el_eje_y_queda_entero_en_el_detalle():
    spec = especificacion(_tiempos())
    eje = spec['layout']['xaxis']
    assert eje['automargin'] and spec['layout']['yaxis']['automargin']
    assert spec['data'][0]['x'] == [LARGO, 'Factura'] == eje['tickvals']
    corto = eje['ticktext'][0]
    assert corto.count('<br>') == 1 and corto.endswith('…')
    assert all(len(linea) <= 17 for linea in corto.split('<br>'))
    assert eje['ticktext'][1] == 'Factura'
    assert spec['data'][0]['hovertemplate'].startswith('%{x}<br>')  # the whole name
    leyenda = spec['layout']['legend']
    assert (leyenda['yref'], leyenda['y'], leyenda['yanchor']) == ('container', 0, 'bottom')
    figura(_tiempos())  # still valid for plotly


def test_la_satisfaccion_tiene_un_segundo_eje_sin_ticks_encimados():
    t = Tabla('satisfaccion', 'S', ['Área', 'Calificados', 'Promedio', '1', '2', '3', '4',
                                    '5'], [['Redes', 2, 4.5, 0, 0, 0, 1, 1]], [None],
              tipo='apiladas')
    spec = especificacion(t)
    eje2 = spec['layout']['yaxis2']
    assert eje2['tickvals'] == [1, 2, 3, 4, 5] and eje2['showgrid'] is False
    assert spec['layout']['yaxis']['dtick'] == 1  # 2 cases: no "0,5" tick
    assert spec['layout']['xaxis']['ticktext'] == ['Redes<br><b>prom. 4,50</b>']
    assert spec['data'][-1]['hovertemplate'].endswith(': %{y:,.2f}<extra></extra>')
    figura(t)


def test_sin_motivos_bajo_el_cien_por_ciento_lo_dice_en_palabras():
    t = Tabla('peores_motivos', 'Peores', ['Motivo', 'Respondidos', 'A tiempo',
                                          '% a tiempo'], tipo='barras_h', aviso=TODOS_A_TIEMPO)
    spec = especificacion(t)
    assert not spec['data']
    assert spec['layout']['annotations'][0]['text'].replace('<br>', ' ') == TODOS_A_TIEMPO
    barras = especificacion(Tabla('peores_motivos', 'Peores', t.columnas,
                                  [[LARGO, 4, 3, 75.0]], [None], tipo='barras_h'))
    assert barras['data'][0]['texttemplate'] == '%{x:,.1f} %'
    assert barras['layout']['yaxis']['tickvals'] == [LARGO]
