import pytest

from reglas.visibilidad import puede_ver


@pytest.mark.parametrize('roles, area_usuario, area_caso, asignado, registro, esperado', [
    ({'admin'}, 1, 2, None, None, True),
    ({'gerente'}, None, 2, None, None, True),
    ({'supervisor'}, None, 2, None, None, True),   # a supervisor of no area oversees all
    ({'supervisor'}, 1, 2, None, None, False),
    ({'supervisor'}, 2, 2, None, None, True),
    ({'agente'}, 1, 1, None, None, True),          # own area
    ({'agente'}, 1, 2, None, None, False),         # another area
    ({'agente'}, 1, 2, 7, None, True),             # assigned to the agent
    ({'agente'}, 1, 2, None, 7, True),             # registered by the agent
    ({'agente'}, None, 2, None, None, False),
    (set(), 1, 1, 7, 7, False),                    # no role, nothing
])
def test_puede_ver(roles, area_usuario, area_caso, asignado, registro, esperado):
    assert puede_ver(roles, 7, area_usuario, area_caso, asignado, registro) is esperado
