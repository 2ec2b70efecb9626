"""A chart's table as CSV or XLSX: the same rows the figure draws."""
import csv
import io
from decimal import Decimal

from reglas.hojas import celda_segura, fila_segura

FORMATOS = {'csv': 'text/csv; charset=utf-8',
            'xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'}


def _celda(valor):
    return '' if valor is None else celda_segura(valor)


def a_csv(tabla):
    """UTF-8 with a BOM so spreadsheet programs read the accents; decimal point, no thousands."""
    salida = io.StringIO()
    escritor = csv.writer(salida)
    escritor.writerow(fila_segura(tabla.columnas))
    for fila in tabla.filas:
        escritor.writerow([_celda(v) for v in fila])
    return ('\ufeff' + salida.getvalue()).encode('utf-8')


def a_xlsx(tabla, filtros_texto=''):
    # Imported here: openpyxl is heavy and only exports need it (app start stays quick).
    from openpyxl import Workbook
    from openpyxl.styles import Font

    libro = Workbook()
    hoja = libro.active
    hoja.title = tabla.nombre[:31]
    hoja.append(fila_segura(tabla.columnas))
    for celda in hoja[1]:
        celda.font = Font(bold=True)
    for fila in tabla.filas:
        hoja.append([float(v) if isinstance(v, Decimal) else celda_segura(v) for v in fila])
    if filtros_texto:
        hoja.append([])
        hoja.append([celda_segura(filtros_texto)])
    for i, _ in enumerate(tabla.columnas):
        hoja.column_dimensions[hoja.cell(1, i + 1).column_letter].width = 18 if i else 34
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def exportar(tabla, formato, filtros_texto=''):
    """(bytes, mimetype) of ``tabla`` in ``formato`` ('csv' or 'xlsx')."""
    datos = a_xlsx(tabla, filtros_texto) if formato == 'xlsx' else a_csv(tabla)
    return datos, FORMATOS[formato]
