"""When two case descriptions say the same thing (seed 004: check it is not registered yet)."""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

UMBRAL_SIMILITUD = 0.85
DIAS_VENTANA = 30  # descriptions are compared with cases received in the last 30 days
_ESPACIOS = re.compile(r'\s+')


def normalizar(texto: str) -> str:
    """Lower case, no accents, single spaces: 'Sin  SERVICIO desde ayer' == 'sin servicio...'."""
    sin_tildes = unicodedata.normalize('NFKD', texto or '')
    sin_tildes = ''.join(c for c in sin_tildes if not unicodedata.combining(c))
    return _ESPACIOS.sub(' ', sin_tildes.casefold()).strip()


def similitud(a: str, b: str) -> float:
    """Ratio 0..1 between two descriptions after normalising them."""
    a, b = normalizar(a), normalizar(b)
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def es_similar(a: str, b: str, umbral: float = UMBRAL_SIMILITUD) -> bool:
    a, b = normalizar(a), normalizar(b)
    if not a or not b:
        return False
    comparador = SequenceMatcher(None, a, b, autojunk=False)
    # The quick ratios are upper bounds: skip the quadratic ratio() when they fall short.
    return (comparador.real_quick_ratio() >= umbral and comparador.quick_ratio() >= umbral
            and comparador.ratio() >= umbral)
