"""The report as XLSX (openpyxl) and PDF (fpdf2), with the same numbers as the screen."""
import io
from pathlib import Path

from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Font

from graficos.informe.construccion import NOTA, formato
from reglas.hojas import fila_segura

# DejaVu covers every character we print; fpdf2's core fonts are latin-1 only (accents and
# ñ fit, but not «—» or «…»), so without the TTF the text is folded to latin-1.
FUENTES = Path('/usr/share/fonts/truetype/dejavu')
_LATIN1 = str.maketrans({'—': '-', '–': '-', '…': '...', '·': '-', '“': '"', '”': '"',
                         '’': "'"})


def _numero(columna, valor):
    """XLSX cells hold numbers, not text: averages rounded to 2 decimals like the screen."""
    if valor is None:
        return None
    if columna in ('promedio_dias_habiles', 'calificacion_promedio'):
        return round(float(valor), 2)
    return valor


def a_xlsx(informe):
    libro = Workbook()
    hoja = libro.active
    hoja.title = 'Informe'
    negrita = Font(bold=True)
    hoja.append(fila_segura([informe.titulo]))
    hoja['A1'].font = Font(bold=True, size=14)
    hoja.append(fila_segura([informe.subtitulo]))
    hoja.append([f'Generado: {_local(informe)}'])
    hoja.append([])
    if informe.vacio:
        hoja.append(['No hay casos recibidos en el periodo.'])
    for seccion in informe.secciones:
        hoja.append(['Por ' + ', '.join(t.lower() for t in seccion.titulos)])
        hoja.cell(hoja.max_row, 1).font = negrita
        hoja.append(fila_segura(seccion.titulos + informe.titulos_columnas))
        for celda in hoja[hoja.max_row]:
            celda.font = negrita
        for etiquetas, valores in seccion.filas:
            hoja.append(fila_segura(etiquetas)
                        + [_numero(c, valores.get(c)) for c in informe.columnas])
        hoja.append(['Total'] + [''] * (len(seccion.titulos) - 1)
                    + [_numero(c, informe.total.get(c)) for c in informe.columnas])
        for celda in hoja[hoja.max_row]:
            celda.font = negrita
        hoja.append([])
    hoja.append([NOTA])
    hoja.column_dimensions['A'].width = 36
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


class _Pdf(FPDF):
    def __init__(self):
        super().__init__(orientation='L', format='A4')
        self.unicode = (FUENTES / 'DejaVuSans.ttf').exists() and \
            (FUENTES / 'DejaVuSans-Bold.ttf').exists()
        if self.unicode:
            self.add_font('DejaVu', '', str(FUENTES / 'DejaVuSans.ttf'))
            self.add_font('DejaVu', 'B', str(FUENTES / 'DejaVuSans-Bold.ttf'))
            self.familia = 'DejaVu'
        else:
            self.familia = 'Helvetica'

    def texto(self, valor):
        valor = str(valor)
        if self.unicode:
            return valor
        return valor.translate(_LATIN1).encode('latin-1', 'replace').decode('latin-1')

    def footer(self):
        self.set_y(-12)
        self.set_font(self.familia, '', 8)
        self.cell(0, 8, self.texto(f'Página {self.page_no()}'), align='C')


def a_pdf(informe):
    pdf = _Pdf()
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font(pdf.familia, 'B', 14)
    pdf.multi_cell(0, 8, pdf.texto(informe.titulo), new_x='LMARGIN', new_y='NEXT')
    pdf.set_font(pdf.familia, '', 10)
    pdf.multi_cell(0, 6, pdf.texto(informe.subtitulo), new_x='LMARGIN', new_y='NEXT')
    pdf.multi_cell(0, 6, pdf.texto(f'Generado: {_local(informe)}'),
                   new_x='LMARGIN', new_y='NEXT')
    pdf.ln(3)
    if informe.vacio:
        pdf.set_font(pdf.familia, 'B', 11)
        pdf.multi_cell(0, 8, pdf.texto('No hay casos recibidos en el periodo.'),
                       new_x='LMARGIN', new_y='NEXT')
    for seccion in informe.secciones:
        pdf.set_font(pdf.familia, 'B', 11)
        pdf.multi_cell(0, 8, pdf.texto('Por ' + ', '.join(t.lower() for t in seccion.titulos)),
                       new_x='LMARGIN', new_y='NEXT')
        pdf.set_font(pdf.familia, '', 8)
        n = len(seccion.titulos) + len(informe.columnas)
        anchos = [60] * len(seccion.titulos) + [(277 - 60 * len(seccion.titulos))
                                                / max(len(informe.columnas), 1)] * (n - len(
                                                    seccion.titulos))
        with pdf.table(col_widths=anchos, text_align='LEFT', line_height=5) as tabla:
            _fila(pdf, tabla, seccion.titulos + informe.titulos_columnas)
            for etiquetas, valores in seccion.filas:
                _fila(pdf, tabla, list(etiquetas)
                      + [formato(c, valores.get(c)) for c in informe.columnas])
            _fila(pdf, tabla, ['Total'] + [''] * (len(seccion.titulos) - 1)
                  + [formato(c, informe.total.get(c)) for c in informe.columnas])
        pdf.ln(4)
    pdf.set_font(pdf.familia, '', 8)
    pdf.multi_cell(0, 4, pdf.texto(NOTA), new_x='LMARGIN', new_y='NEXT')
    return bytes(pdf.output())


def _fila(pdf, tabla, valores):
    fila = tabla.row()
    for valor in valores:
        fila.cell(pdf.texto(valor))


def _local(informe):
    """When the file was made, in the desk's zone (the reader's clock, not UTC)."""
    from zoneinfo import ZoneInfo

    zona = ZoneInfo(informe.pedido.zona)
    return f'{informe.generado_en.astimezone(zona):%d/%m/%Y %H:%M} ({informe.pedido.zona})'
