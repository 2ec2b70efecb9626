"""Issue 12: plotly.js draws a subset of HTML in labels (``<a href>`` is a live link), so a
catalog name never reaches a figure as markup: escaped, shown back as plain characters."""
import pytest

from graficos.tablero.figuras import como_json, especificacion, figura
from graficos.tablero.tablas import Tabla

ENLACE = '<a href="https://malo.example/robar">Sin servicio</a>'


@pytest.mark.parametrize('tipo', ['barras', 'barras_h', 'apiladas'])
def test_un_nombre_de_catalogo_no_se_dibuja_como_enlace(tipo):
    columnas = ['Motivo', 'Casos', 'Promedio', 'n', 'Uno', 'Dos', 'Tres', 'Cuatro', 'Cinco']
    fila = [ENLACE, 3, 4.0, 80, 1, 0, 0, 1, 1]
    tabla = Tabla('motivos', 'Por motivo', columnas, [fila], [None], tipo)
    figura(tabla)  # still a valid figure
    especificacion_ = especificacion(tabla)
    etiquetas = [e for serie in especificacion_['data']
                 for e in (serie.get('x', []) if tipo != 'barras_h' else serie['y'])]
    assert etiquetas and all(e == '&lt;a href="https://malo.example/robar"&gt;Sin servicio'
                                  '&lt;/a&gt;' for e in etiquetas if isinstance(e, str))
    assert '<a' not in como_json(tabla) and '\\u003ca' not in como_json(tabla)
