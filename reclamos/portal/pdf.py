"""Small PDF documents (response letters, the hoja de reclamación) with fpdf2.

DejaVu Sans (Debian's fonts-dejavu-core) covers every character a customer may type; without
it the built-in Helvetica still renders Spanish (Latin-1) and other characters become '?'.
"""
from pathlib import Path

FUENTE = Path('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf')
FUENTE_NEGRITA = Path('/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf')


class Documento:
    """An A4 page flow: a title, label/value rows and paragraphs."""

    def __init__(self, titulo):
        from fpdf import FPDF  # ~1 s to import: only when a PDF is made, not at app start

        self.pdf = FPDF(format='A4')
        self.pdf.set_title(titulo)
        self.pdf.set_margins(20, 20, 20)
        self.pdf.set_auto_page_break(True, margin=20)
        self.unicode = FUENTE.exists() and FUENTE_NEGRITA.exists()
        if self.unicode:
            self.pdf.add_font('texto', '', str(FUENTE))
            self.pdf.add_font('texto', 'B', str(FUENTE_NEGRITA))
            self.familia = 'texto'
        else:
            self.familia = 'helvetica'
        self.pdf.add_page()

    def _t(self, texto):
        texto = str(texto if texto is not None else '')
        if self.unicode:
            return texto
        return texto.encode('latin-1', 'replace').decode('latin-1')

    def titulo(self, texto):
        self.pdf.set_font(self.familia, 'B', 14)
        self.pdf.multi_cell(0, 8, self._t(texto), new_x='LMARGIN', new_y='NEXT')
        self.pdf.ln(3)

    def fila(self, etiqueta, valor):
        self.pdf.set_font(self.familia, 'B', 10)
        self.pdf.cell(55, 6, self._t(etiqueta))
        self.pdf.set_font(self.familia, '', 10)
        self.pdf.multi_cell(0, 6, self._t(valor) or '-', new_x='LMARGIN', new_y='NEXT')

    def parrafo(self, texto, tamano=11):
        self.pdf.set_font(self.familia, '', tamano)
        self.pdf.multi_cell(0, 6, self._t(texto), new_x='LMARGIN', new_y='NEXT')
        self.pdf.ln(2)

    def subtitulo(self, texto):
        self.pdf.ln(2)
        self.pdf.set_font(self.familia, 'B', 11)
        self.pdf.multi_cell(0, 7, self._t(texto), new_x='LMARGIN', new_y='NEXT')

    def bytes(self):
        return bytes(self.pdf.output())
