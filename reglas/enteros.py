"""Integers that arrive as text (form fields, query strings, URLs).

Ids and versions are 32-bit columns on both databases; a larger number cannot match a row,
and SQLite raises OverflowError above 2**63 (issue 15, F12), so such text is not a number.
"""

ENTERO_MAX = 2 ** 31 - 1


def entero(valor, minimo=0, maximo=ENTERO_MAX):
    """``valor`` (text of ASCII digits, or an int) as an int in [minimo, maximo], else None."""
    if isinstance(valor, bool):
        return None
    if isinstance(valor, int):
        numero = valor
    else:
        texto = str(valor if valor is not None else '').strip()
        # isascii: '²' and Arabic-Indic digits pass isdigit() but int() refuses or reads them.
        if not texto or len(texto) > 12 or not (texto.isascii() and texto.isdigit()):
            return None
        numero = int(texto)
    return numero if minimo <= numero <= maximo else None
