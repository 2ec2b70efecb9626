"""When the customer's answer resumes the suspended terms (Ley 1755 art. 17)."""
import pytest
from hypothesis import given, strategies as st

from reglas.respuesta_cliente import reanuda_con_respuesta
from reglas.transiciones import ESTADOS, SUSPENDIDO


@pytest.mark.parametrize('estado, pausa, configurado, esperado', [
    (SUSPENDIDO, True, True, True),
    (SUSPENDIDO, True, False, False),   # the company turned it off
    (SUSPENDIDO, False, True, False),   # nothing open to end
    ('EN_CURSO', True, True, False),
])
def test_tabla(estado, pausa, configurado, esperado):
    assert reanuda_con_respuesta(estado, pausa, configurado) is esperado


@given(st.sampled_from(ESTADOS), st.booleans(), st.booleans())
def test_solo_un_caso_suspendido_con_pausa_abierta_se_reanuda(estado, pausa, configurado):
    if reanuda_con_respuesta(estado, pausa, configurado):
        assert estado == SUSPENDIDO and pausa and configurado
