"""Staff notifications: a case handed over or reassigned lights the new responsible's bell
and queues an e-mail; a customer's reply and a mention reach who they should; each user's
preferences are obeyed; the actor is never notified of their own act."""
import pytest

from catalogos.organizacion import Area
from reclamos.alertas import avisos_personal as avisos
from reclamos.alertas.notificaciones import Notificacion
from reclamos.caso.gestion import comentar, derivar, reasignar, tomar
from reclamos.caso.modelo import Reclamo
from reclamos.correo.salida import Correo
from tests.apoyo.casos import crear_caso


def campana(usuario):
    return [n.titulo for n in Notificacion.select().where(Notificacion.usuario == usuario.id)]


def correos(usuario):
    return [c.asunto for c in Correo.select().where(Correo.destinatario == usuario.email)]


@pytest.fixture
def areas(demo):
    return {c: Area.get(Area.codigo == c) for c in ('MONITOREO', 'SOPORTE_TECNICO',
                                                     'ATENCION_CLIENTE')}


def test_derivar_enciende_la_campana_del_nuevo_responsable(areas, crear_usuario):
    registrador = crear_usuario('agente', area=areas['ATENCION_CLIENTE'],
                                email='registro@prueba.pe')
    actor = crear_usuario('agente', area=areas['MONITOREO'])
    caso = crear_caso(registrador, motivo='CORTE_ENERGIA')
    assert Reclamo.get_by_id(caso.id).usuario_id == actor.id
    assert campana(actor) == [f'Caso {caso.numero} asignado a usted']
    nuevo = crear_usuario('agente', area=areas['SOPORTE_TECNICO'], email='tecnico@prueba.pe')
    avisos.guardar_preferencias(nuevo.id, {avisos.ASIGNACION: (True, True)})
    caso = derivar(caso, areas['SOPORTE_TECNICO'].id, 'Requiere visita', actor, '127.0.0.1',
                   Reclamo.get_by_id(caso.id).version)
    assert caso.usuario_id == nuevo.id
    assert campana(nuevo) == [f'Caso {caso.numero} asignado a usted']
    assert correos(nuevo) == [f'Caso {caso.numero} asignado a usted']
    assert f'/casos/{caso.numero}' in Correo.get(Correo.destinatario == nuevo.email).cuerpo
    assert campana(registrador) == []


def test_sin_responsable_avisa_al_area(areas, crear_usuario):
    registrador = crear_usuario('agente', area=areas['ATENCION_CLIENTE'])
    jefa = crear_usuario('supervisor', area=areas['SOPORTE_TECNICO'], email='jefa@prueba.pe')
    caso = crear_caso(registrador, motivo='CAMBIO_PLAN')  # SOPORTE_TECNICO has no agent
    assert Reclamo.get_by_id(caso.id).usuario_id is None
    assert campana(jefa) == [f'Caso {caso.numero} asignado a su área']


def test_reasignar_y_preferencias(areas, crear_usuario):
    registrador = crear_usuario('agente', area=areas['ATENCION_CLIENTE'])
    jefe = crear_usuario('supervisor', area=areas['MONITOREO'])
    caso = crear_caso(registrador, motivo='CORTE_ENERGIA')
    otra = crear_usuario('agente', area=areas['MONITOREO'], email='otra@prueba.pe')
    assert avisos.preferencias(otra.id)[avisos.ASIGNACION] == (True, False)  # by default
    avisos.guardar_preferencias(otra.id, {avisos.ASIGNACION: (False, True)})
    reasignar(caso, otra.id, jefe, '127.0.0.1', Reclamo.get_by_id(caso.id).version)
    assert campana(otra) == [] and correos(otra) == [f'Caso {caso.numero} asignado a usted']
    assert avisos.preferencias(otra.id)[avisos.MENCION] == (False, False)
    # The demo's Monitoreo agent got the case at registration; the supervisor is told
    # nothing of that nor of his own reassignment.
    assert campana(jefe) == []


def test_respuesta_del_cliente_y_menciones(areas, crear_usuario):
    registrador = crear_usuario('agente', area=areas['ATENCION_CLIENTE'],
                                email='maria.lopez@prueba.pe')
    responsable = crear_usuario('agente', area=areas['MONITOREO'])
    caso = crear_caso(registrador, motivo='CORTE_ENERGIA')
    tomar(caso, responsable, '127.0.0.1', Reclamo.get_by_id(caso.id).version)
    comentar(caso, 'Ya pagué, adjunto el recibo.', None, '')
    assert f'El cliente respondió en el caso {caso.numero}' in campana(responsable)
    ajena = crear_usuario('agente', area=areas['SOPORTE_TECNICO'], email='ajena@prueba.pe')
    comentar(caso, '@Maria.Lopez ¿lo registraste tú? cc @ajena @nadie', responsable,
             '127.0.0.1')
    assert campana(registrador)[-1].endswith(f'le mencionó en el caso {caso.numero}')
    assert campana(ajena) == []  # may not see the case: not told about it
    comentar(caso, 'Nota para mí @' + responsable.email.split('@')[0], responsable, '')
    assert not any('mencionó' in t for t in campana(responsable))
