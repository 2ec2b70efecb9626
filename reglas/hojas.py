"""Cells of CSV and XLSX exports that a spreadsheet cannot run (CSV/formula injection).

OWASP's advice: a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is read by Excel/LibreOffice as a formula (``=HYPERLINK(...)``, ``@SUM``, DDE), so it
is prefixed with a single quote, which makes it plain text. Numbers and dates are left alone
(a negative amount is a number, not text); only strings are touched.
"""

PREFIJOS_FORMULA = ('=', '+', '-', '@', '\t', '\r')


def celda_segura(valor):
    """``valor`` as a spreadsheet will show it and never evaluate it."""
    if isinstance(valor, str) and valor.startswith(PREFIJOS_FORMULA):
        return "'" + valor
    return valor


def fila_segura(valores):
    return [celda_segura(v) for v in valores]
