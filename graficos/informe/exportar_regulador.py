"""The regulator report as the regulator takes it: CSV and XLSX with exactly the layout's
header row and rows (no title lines), and a PDF summary for the file's cover."""
import csv
import datetime
import io
from collections import Counter

from openpyxl import Workbook

from graficos.informe.exportar import _Pdf


def a_csv(reporte):
    salida = io.StringIO()
    escritor = csv.writer(salida, lineterminator='\r\n')
    escritor.writerow(reporte.encabezados)
    escritor.writerows(reporte.filas)
    return salida.getvalue().encode('utf-8-sig')  # Excel reads the accents right


def a_xlsx(reporte):
    libro = Workbook()
    hoja = libro.active
    hoja.title = reporte.formato.codigo[:31]
    hoja.append(reporte.encabezados)
    for fila in reporte.filas:
        hoja.append(fila)
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def _conteo(reporte, titulo):
    if titulo not in reporte.encabezados:
        return []
    i = reporte.encabezados.index(titulo)
    return sorted(Counter(str(f[i]) or '(vacío)' for f in reporte.filas).items())


def a_pdf(reporte):
    """Totals by every coded column (outcome, motive, channel, type): what a reviewer checks
    against the file before sending it."""
    f = reporte.formato
    pdf = _Pdf()
    pdf.add_page()
    pdf.set_font(pdf.familia, 'B', 14)
    ultimo = reporte.hasta - datetime.timedelta(days=1)
    pdf.multi_cell(0, 8, pdf.texto(f'{f.nombre}: del {reporte.desde:%d/%m/%Y} al '
                                   f'{ultimo:%d/%m/%Y}'),
                   new_x='LMARGIN', new_y='NEXT')
    pdf.set_font(pdf.familia, '', 9)
    pdf.multi_cell(0, 5, pdf.texto(f'Norma: {f.norma}'), new_x='LMARGIN', new_y='NEXT')
    pdf.multi_cell(0, 6, pdf.texto(f'Casos en el archivo: {len(reporte.filas)}'),
                   new_x='LMARGIN', new_y='NEXT')
    codificadas = [titulo for clave, titulo in f.lista_columnas() if clave.endswith('_codigo')]
    for titulo in codificadas:
        pdf.ln(2)
        pdf.set_font(pdf.familia, 'B', 11)
        pdf.multi_cell(0, 7, pdf.texto(f'Por {titulo}'), new_x='LMARGIN', new_y='NEXT')
        pdf.set_font(pdf.familia, '', 9)
        with pdf.table(col_widths=(80, 30), width=110, text_align='LEFT',
                       line_height=5) as tabla:
            for valores in [(titulo, 'Casos')] + _conteo(reporte, titulo):
                fila = tabla.row()
                for valor in valores:
                    fila.cell(pdf.texto(valor))
    return bytes(pdf.output())
