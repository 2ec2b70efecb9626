"""One number format for everything the dashboard shows (es-CO / es-PE): decimal comma and
thousands dot. Plotly draws with the same pair through ``SEPARADORES`` and d3 formats, so a
tile, a bar label and a hover read alike. Hand-written rather than Babel's ``format_decimal``
because the figure module needs the d3 format strings next to it anyway and the rule is two
characters; Babel would also switch to a thin space for some locales."""

SEPARADORES = ',.'  # plotly's layout.separators: decimal, then thousands
D3 = {0: ',d', 1: ',.1f', 2: ',.2f'}  # d3 formats of plotly templates per decimals


def numero(valor, decimales=0):
    """1234.5 -> '1.234,5'; None -> '—'."""
    if valor is None:
        return '—'
    texto = f'{float(valor):,.{decimales}f}' if decimales else f'{round(float(valor)):,d}'
    return texto.replace(',', '\0').replace('.', ',').replace('\0', '.')


def con_signo(valor, decimales=0):
    """+12 / −3,5 (a true minus sign, as in print); 0 without sign."""
    texto = numero(abs(valor), decimales)
    if texto.strip('0,.') == '':
        return texto
    return ('+' if valor > 0 else '−') + texto
