import pytest

from reglas.visibilidad import SIN_ACCESO, Alcance, alcance, areas_visibles, puede_ver


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
    ({'cliente'}, 1, 1, 7, 7, False),
])
def test_puede_ver(roles, area_usuario, area_caso, asignado, registro, esperado):
    assert puede_ver(roles, 7, area_usuario, area_caso, asignado, registro) is esperado


def test_el_alcance_es_lo_que_la_cola_pone_en_sql():
    assert alcance({'gerente'}, 7, 1) == Alcance(todo=True)
    assert alcance({'agente'}, 7, 1) == Alcance(usuario=7, area=1)
    assert alcance({'agente'}, 7, None) == Alcance(usuario=7)
    assert alcance(set(), 7, 1) == Alcance()


@pytest.mark.parametrize('roles, area, agentes, esperado', [
    ({'admin'}, 3, False, None),
    ({'gerente'}, 3, False, None),
    ({'supervisor'}, None, False, None),   # as in the queue: no area, every area
    ({'supervisor'}, 3, False, (3,)),
    ({'agente'}, 3, False, SIN_ACCESO),    # agents only where the company allows it
    ({'agente'}, 3, True, (3,)),
    ({'agente'}, None, True, ()),
    (set(), 3, True, SIN_ACCESO),
])
def test_areas_de_los_indicadores(roles, area, agentes, esperado):
    assert areas_visibles(roles, area, agentes) == esperado
