"""Values that end up in an e-mail header (subject, display name, address).

A CR or LF in a header value either injects a header (Bcc: ...) or makes Python's email
package refuse the whole message; other control characters are never meant there either.
"""

def error_cabecera(texto, campo='asunto'):
    """A Spanish message when ``texto`` cannot be a header value, else None."""
    if any(ord(c) < 32 or ord(c) == 127 for c in texto or ''):
        return (f'El {campo} debe ser una sola línea: quite los saltos de línea y los '
                'caracteres de control.')
    return None


def una_linea(texto):
    """``texto`` with every control character turned into a space (for rendered values)."""
    return ''.join(' ' if ord(c) < 32 or ord(c) == 127 else c for c in texto or '').strip()
