"""The outcome the claim lines propose (issue 17): a table, and properties."""
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reglas.resultado import (FUNDADO, INFUNDADO, PARCIAL, exige_resultado, proponer,
                              requiere_justificacion)

A, R, P, B, C = 'APROBADO', 'RECHAZADO', 'APROBACION_PENDIENTE', 'BORRADOR', 'CANCELADO'
D = Decimal


@pytest.mark.parametrize('lineas, decision, esperado', [
    ([], None, None),
    ([(B, D(10), None), (P, D(5), None), (C, D(3), None)], None, None),
    ([(A, D(10), D(10)), (A, D(5), D(5))], None, FUNDADO),
    ([(A, D(10), D(10)), (C, D(5), None)], None, FUNDADO),  # cancelled lines do not count
    ([(A, D(10), D(10)), (R, D(5), None)], None, PARCIAL),
    ([(A, D(10), D(4))], None, PARCIAL),  # approved for less than claimed
    ([(R, D(10), None), (R, D(5), None)], None, INFUNDADO),
    ([(A, D(10), D(10))], ('RECHAZADO', None, D(10)), INFUNDADO),  # the claim decision wins
    ([], ('APROBADO', D(10), D(10)), FUNDADO),
    ([], ('APROBADO', D(6), D(10)), PARCIAL),
])
def test_propuesta(lineas, decision, esperado):
    assert proponer(lineas, decision) == esperado


ESTADOS = st.sampled_from([A, R, P, B, C])
MONTOS = st.decimals(min_value=1, max_value=1000, places=2)


@given(st.lists(st.tuples(ESTADOS, MONTOS), max_size=8))
def test_propiedades(filas):
    lineas = [(e, m, m if e == A else None) for e, m in filas]
    propuesta = proponer(lineas)
    decididas = [e for e, _ in filas if e in (A, R)]
    if not decididas:
        assert propuesta is None
    elif all(e == A for e in decididas):
        assert propuesta == FUNDADO
    elif A in decididas:
        assert propuesta == PARCIAL
    else:
        assert propuesta == INFUNDADO


def test_tipos_y_justificacion():
    assert exige_resultado('reclamo') and exige_resultado('queja')
    assert not exige_resultado('peticion') and not exige_resultado('sugerencia')
    assert requiere_justificacion(FUNDADO, INFUNDADO)
    assert not requiere_justificacion(FUNDADO, FUNDADO)
    assert not requiere_justificacion(None, INFUNDADO)
