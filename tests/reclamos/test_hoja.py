"""The hoja de reclamación states its term in words and digits from the case's legal term."""
from types import SimpleNamespace

import pytest
from hypothesis import given, strategies as st

from reclamos.portal.hoja import en_letras, texto_plazo


@pytest.mark.parametrize('numero, letras', [
    (3, 'tres'), (15, 'quince'), (20, 'veinte'), (21, 'veintiuno'), (30, 'treinta'),
    (45, 'cuarenta y cinco'), (99, 'noventa y nueve'), (150, '150')])
def test_en_letras(numero, letras):
    assert en_letras(numero) == letras


@given(st.integers(min_value=0, max_value=99))
def test_en_letras_sin_digitos_hasta_99(numero):
    assert not any(c.isdigit() for c in en_letras(numero))


@pytest.mark.parametrize('cantidad, unidad, prorrogado, texto', [
    (15, 'dias_habiles', 0, 'quince (15) días hábiles'),
    (20, 'dias_habiles', 0, 'veinte (20) días hábiles'),
    (15, 'dias_habiles', 15, 'treinta (30) días hábiles'),  # the extension counts
    (24, 'horas', 0, 'veinticuatro (24) horas')])
def test_texto_plazo(cantidad, unidad, prorrogado, texto):
    termino = SimpleNamespace(cantidad=cantidad, unidad=unidad, prorrogado=prorrogado)
    assert texto_plazo(termino) == texto
