"""The role policy, pinned to README's "Who may do what": the screens, the API and the access
matrix all read reglas.permisos, so this table is what proves the policy itself."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reglas.permisos import PERMISOS, ROLES, puede, roles_de

TODOS = set(ROLES)
ESPERADO = {
    'admin': set(PERMISOS) - {'registros.editar'},  # everything; records are never edited
    'supervisor': {'inicio', 'plazos.simular', 'notificaciones.propias', 'casos.leer',
                   'casos.trabajar', 'casos.supervisar', 'catalogos.leer', 'clientes.leer',
                   'clientes.editar', 'plantillas_carta.leer', 'tablero.ver', 'informes.ver',
                   'mejora.leer'},
    'agente': {'inicio', 'plazos.simular', 'notificaciones.propias', 'casos.leer',
               'casos.trabajar', 'catalogos.leer', 'clientes.leer'},
    # Reads every case, dashboards, reports; improvement actions; no configuration.
    'gerente': {'inicio', 'plazos.simular', 'notificaciones.propias', 'casos.leer',
                'casos.ver_todos', 'catalogos.leer', 'clientes.leer', 'tablero.ver',
                'informes.ver', 'mejora.leer', 'mejora.editar'},
}


@pytest.mark.parametrize('rol', ROLES)
def test_cada_rol_puede_lo_que_dice_el_readme(rol):
    assert {accion for accion in PERMISOS if puede({rol}, accion)} == ESPERADO[rol]


def test_sin_rol_nada_y_una_accion_desconocida_se_dice():
    assert not any(puede(set(), accion) for accion in PERMISOS)
    assert not any(puede({'cliente'}, accion) for accion in PERMISOS)
    with pytest.raises(KeyError, match='casos.borrar'):
        roles_de('casos.borrar')


@given(st.sets(st.sampled_from(ROLES + ('cliente', 'otro'))), st.sampled_from(sorted(PERMISOS)))
def test_varios_roles_suman_lo_de_cada_uno(roles, accion):
    assert puede(roles, accion) == any(puede({r}, accion) for r in roles)
    assert roles_de(accion) <= TODOS
