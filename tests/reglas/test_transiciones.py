"""The who-may-do-what table, as a table (no database)."""
import pytest

from reglas.transiciones import (ACCIONES, ANULADO, APROBACION_PENDIENTE, APROBADO, BORRADOR,
                                 CANCELADO, CERRADO, EN_CURSO, ESTADOS, PENDIENTE, RECHAZADO,
                                 SUSPENDIDO, TERMINADO, TRANSICIONES, destino, permitido,
                                 puede_registrar, transicion_linea)

AGENTE, SUPERVISOR, ADMIN, GERENTE = {'agente'}, {'supervisor'}, {'admin'}, {'gerente'}


@pytest.mark.parametrize('estado, accion, roles, responsable, esperado', [
    (PENDIENTE, 'tomar', AGENTE, True, True),
    (PENDIENTE, 'tomar', AGENTE, False, False),
    (PENDIENTE, 'tomar', GERENTE, True, False),
    (PENDIENTE, 'tomar', ADMIN, False, True),
    (EN_CURSO, 'tomar', AGENTE, True, False),
    (EN_CURSO, 'terminar', AGENTE, True, True),
    (PENDIENTE, 'terminar', AGENTE, True, False),
    (TERMINADO, 'cerrar', AGENTE, False, True),  # customer service makes the call
    (TERMINADO, 'cerrar', {'cliente'}, False, True),
    (TERMINADO, 'cerrar', GERENTE, True, False),
    (EN_CURSO, 'cerrar', ADMIN, True, False),
    (EN_CURSO, 'suspender', AGENTE, True, True),
    (PENDIENTE, 'suspender', AGENTE, True, True),
    (TERMINADO, 'suspender', AGENTE, True, False),
    (SUSPENDIDO, 'reanudar', AGENTE, True, True),
    (EN_CURSO, 'reanudar', AGENTE, True, False),
    (EN_CURSO, 'anular', AGENTE, True, False),
    (EN_CURSO, 'anular', SUPERVISOR, True, True),
    (EN_CURSO, 'anular', SUPERVISOR, False, False),
    (TERMINADO, 'anular', SUPERVISOR, True, True),
    (CERRADO, 'anular', ADMIN, True, False),
    (ANULADO, 'comentar', AGENTE, False, True),
    (CERRADO, 'comentar', GERENTE, False, False),
    (EN_CURSO, 'reasignar', AGENTE, True, False),
    (SUSPENDIDO, 'reasignar', SUPERVISOR, True, True),
    (EN_CURSO, 'prorrogar', SUPERVISOR, True, True),
    (EN_CURSO, 'prorrogar', AGENTE, True, False),
    (SUSPENDIDO, 'prorrogar', SUPERVISOR, True, False),
    (EN_CURSO, 'derivar', AGENTE, True, True),
    (TERMINADO, 'derivar', SUPERVISOR, True, False),
    (PENDIENTE, 'completar_actividad', AGENTE, True, False),
    (EN_CURSO, 'aprobar_linea', AGENTE, True, False),
    (EN_CURSO, 'aprobar_linea', SUPERVISOR, True, True),
    (EN_CURSO, 'enviar_linea', {'agente', 'gerente'}, True, True),
    (EN_CURSO, 'volar', ADMIN, True, False),
    ('PERDIDO', 'tomar', ADMIN, True, False),
])
def test_permitido(estado, accion, roles, responsable, esperado):
    ok, motivo = permitido(estado, accion, roles, responsable)
    assert ok is esperado
    assert (motivo == '') is esperado


@pytest.mark.parametrize('estado, accion, roles, responsable, fragmento', [
    (CERRADO, 'tomar', ADMIN, True, 'No se puede tomar un caso en estado Cerrado; solo desde: '
                                    'Pendiente.'),
    (PENDIENTE, 'tomar', GERENTE, True, 'Su rol (gerente) no permite tomar casos.'),
    (PENDIENTE, 'tomar', set(), True, 'Su rol (sin rol)'),
    (PENDIENTE, 'tomar', AGENTE, False, 'Solo el responsable del caso'),
    (EN_CURSO, 'volar', AGENTE, True, 'Acción desconocida: «volar»'),
])
def test_motivos_en_castellano(estado, accion, roles, responsable, fragmento):
    assert fragmento in permitido(estado, accion, roles, responsable)[1]


@pytest.mark.parametrize('accion', list(ACCIONES))
def test_gerente_solo_lee_y_admin_puede_todo(accion):
    for estado in ESTADOS:
        assert not permitido(estado, accion, GERENTE, True)[0]
        desde = estado in ACCIONES[accion].desde
        assert permitido(estado, accion, ADMIN, False)[0] is desde


@pytest.mark.parametrize('estado, accion, anterior, esperado', [
    (PENDIENTE, 'tomar', None, EN_CURSO),
    (EN_CURSO, 'terminar', None, TERMINADO),
    (TERMINADO, 'cerrar', None, CERRADO),
    (EN_CURSO, 'suspender', None, SUSPENDIDO),
    (SUSPENDIDO, 'reanudar', PENDIENTE, PENDIENTE),
    (SUSPENDIDO, 'reanudar', EN_CURSO, EN_CURSO),
    (SUSPENDIDO, 'reanudar', None, EN_CURSO),
    (EN_CURSO, 'anular', None, ANULADO),
    (EN_CURSO, 'derivar', None, PENDIENTE),
    (EN_CURSO, 'comentar', None, EN_CURSO),
])
def test_destino(estado, accion, anterior, esperado):
    assert destino(estado, accion, anterior) == esperado


def test_las_transiciones_cambian_el_estado():
    for accion in TRANSICIONES:
        assert ACCIONES[accion].hacia is not None


@pytest.mark.parametrize('roles, area_registra, esperado', [
    (AGENTE, True, True), (AGENTE, False, False), (AGENTE, None, False),
    (SUPERVISOR, True, True), (GERENTE, True, False), (set(), True, False),
    (ADMIN, None, True), (ADMIN, False, True), ({'cliente'}, None, True),
])
def test_puede_registrar(roles, area_registra, esperado):
    assert puede_registrar(roles, area_registra)[0] is esperado


@pytest.mark.parametrize('estado, accion, esperado', [
    (BORRADOR, 'enviar_linea', APROBACION_PENDIENTE),
    (BORRADOR, 'modificar_linea', BORRADOR),
    (BORRADOR, 'cancelar_linea', CANCELADO),
    (BORRADOR, 'aprobar_linea', None),
    (APROBACION_PENDIENTE, 'aprobar_linea', APROBADO),
    (APROBACION_PENDIENTE, 'rechazar_linea', RECHAZADO),
    (APROBACION_PENDIENTE, 'devolver_linea', BORRADOR),
    (APROBACION_PENDIENTE, 'cancelar_linea', CANCELADO),
    (APROBACION_PENDIENTE, 'enviar_linea', None),
    (RECHAZADO, 'enviar_linea', None),
    (RECHAZADO, 'modificar_linea', None),
    (APROBADO, 'cancelar_linea', None),
    (CANCELADO, 'enviar_linea', None),
    (BORRADOR, 'borrar_linea', None),
])
def test_transicion_linea(estado, accion, esperado):
    nuevo, motivo = transicion_linea(estado, accion)
    assert nuevo == esperado
    assert bool(motivo) is (esperado is None)


def test_rechazada_no_se_reenvia():
    assert 'no puede volver a enviarse' in transicion_linea(RECHAZADO, 'enviar_linea')[1]
