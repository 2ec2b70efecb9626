"""Terms of a case: suspension pauses them and resuming gives the time back; extensions; SLA
state; recomputation after a calendar change; the named queue queries."""
from datetime import date, timedelta

import pytest

from catalogos.organizacion import Calendario, DiaEspecial
from reclamos.caso.modelo import Reclamo
from reclamos.cola import Filtros, pagina_cola
from reclamos.errores import ErrorPermiso, ErrorValidacion
from reclamos.caso.flujo import transicionar
from reclamos.caso.gestion import tomar
from reclamos.plazos.ciclo import prorrogar
from reclamos.plazos.recalculo import recalcular_vencimientos
from reclamos.plazos.modelo import TerminoCaso
from reclamos.tiempo import aware
from reglas import vencimiento, vencimiento_con_pausas
from tests.reclamos.conftest import IP, LUNES

CLIENTE_CO = {'tipo_documento_identidad': 'CC', 'numero_documento': '1020304050',
              'nombre': 'Andrea Gómez'}
SUSPENDE = LUNES + timedelta(days=2, hours=5)  # Wednesday 4 March, 15:00 Bogotá
REANUDA = LUNES + timedelta(days=4)  # Friday 6 March, 10:00 Bogotá


def _peticion(registrar_caso):
    """Colombia, Ley 1755: 10 business days, extensible; priority BAJO (3 days)."""
    return registrar_caso(motivo='PETICION_INFORMACION', servicio='ENERGIA', canal='ESCRITO',
                          campos={}, cliente=CLIENTE_CO)


def _termino(caso, tipo):
    return TerminoCaso.get(TerminoCaso.reclamo == caso.id, TerminoCaso.tipo == tipo)


def _colombia():
    return Calendario.get(Calendario.codigo == 'CO').como_regla()


def test_la_suspension_pausa_y_la_reanudacion_devuelve_el_tiempo(registrar_caso, actores):
    caso = _peticion(registrar_caso)
    calendario = _colombia()
    legal, prioridad = _termino(caso, 'legal'), _termino(caso, 'prioridad')
    assert aware(legal.vence_en) == vencimiento(LUNES, 10, 'dias_habiles', calendario)
    antes = {'legal': aware(legal.vence_en), 'prioridad': aware(prioridad.vence_en)}

    caso = transicionar(caso, 'suspender', actores.agente, IP, caso.version, SUSPENDE,
                        motivo='Esperamos el poder notarial del peticionario.')
    assert caso.vence_en is None
    for tipo in ('legal', 'prioridad'):
        termino = _termino(caso, tipo)
        assert termino.vence_en is None
        assert termino.estado(SUSPENDE + timedelta(hours=1), calendario) == 'suspendido'

    caso = transicionar(caso, 'reanudar', actores.agente, IP, caso.version, REANUDA)
    legal, prioridad = _termino(caso, 'legal'), _termino(caso, 'prioridad')
    esperado = vencimiento_con_pausas(LUNES, 10, 'dias_habiles', calendario,
                                      [(SUSPENDE, REANUDA)])
    assert aware(legal.vence_en) == esperado > antes['legal']
    # Wednesday, Thursday and Friday were touched by the pause: three business days back.
    assert calendario.contar_dias_habiles(calendario.dia_local(antes['legal']),
                                          calendario.dia_local(esperado)) == 3
    # Calendar days: the clock stopped for exactly the length of the pause.
    assert aware(prioridad.vence_en) - antes['prioridad'] == REANUDA - SUSPENDE
    assert aware(caso.vence_en) == min(esperado, aware(prioridad.vence_en))


def test_prorroga_de_un_plazo_prorrogable(registrar_caso, actores):
    caso = _peticion(registrar_caso)
    legal = _termino(caso, 'legal')
    calendario = _colombia()
    with pytest.raises(ErrorPermiso, match='no permite prorrogar'):
        prorrogar(caso, legal, 5, 'Falta información', actores.agente, IP, caso.version, LUNES)
    with pytest.raises(ErrorValidacion) as error:
        prorrogar(caso, legal, 5, ' ', actores.supervisor, IP, caso.version, LUNES)
    assert 'motivo' in error.value.errores
    ahora = LUNES + timedelta(days=1)
    legal = prorrogar(caso, legal, 5, 'Se consulta a otra entidad.', actores.supervisor, IP,
                      caso.version, ahora)
    assert aware(legal.vence_en) == vencimiento(LUNES, 15, 'dias_habiles', calendario)
    assert legal.prorrogado == 5
    caso = Reclamo.get_by_id(caso.id)
    accion = caso.acciones.order_by(caso.acciones.model.id.desc()).first()
    assert (accion.tipo, accion.visible_cliente, accion.texto) == (
        'prorroga', True, 'Se consulta a otra entidad.')
    # Ley 1755: at most the original term again (10), counting what was already granted.
    with pytest.raises(ErrorValidacion, match='excede el máximo de 10'):
        prorrogar(caso, legal, 6, 'Más tiempo', actores.supervisor, IP, caso.version, ahora)
    # After the end, never.
    tarde = aware(legal.vence_en) + timedelta(minutes=1)
    with pytest.raises(ErrorValidacion, match='ya venció'):
        prorrogar(caso, legal, 1, 'Tarde', actores.supervisor, IP, caso.version, tarde)


def test_libro_de_reclamaciones_no_se_prorroga(registrar_caso, actores):
    caso = registrar_caso(motivo='CAMBIO_PLAN', campos={})
    legal = _termino(caso, 'legal')
    assert legal.codigo == 'PE_31435_LIBRO' and not legal.prorrogable
    with pytest.raises(ErrorValidacion) as error:
        prorrogar(caso, legal, 5, 'Necesitamos más tiempo', actores.supervisor_soporte, IP,
                  caso.version, LUNES + timedelta(hours=1))
    assert 'no admite prórroga' in error.value.errores['prorroga']
    assert _termino(caso, 'legal').vence_en == legal.vence_en


def test_no_se_prorroga_un_plazo_suspendido_ni_cumplido(registrar_caso, actores):
    caso = _peticion(registrar_caso)
    suspendido = transicionar(caso, 'suspender', actores.agente, IP, 1, SUSPENDE, motivo='x')
    with pytest.raises(ErrorValidacion) as error:
        prorrogar(caso, _termino(caso, 'legal'), 1, 'x', actores.supervisor, IP,
                  suspendido.version, SUSPENDE)
    assert 'Suspendido' in error.value.errores['estado']


def test_estado_sla(registrar_caso):
    caso = registrar_caso()  # ALTO: 30 minutes
    prioridad = _termino(caso, 'prioridad')
    calendario = Calendario.get(Calendario.codigo == 'PE').como_regla()
    assert prioridad.estado(LUNES + timedelta(minutes=5), calendario) == 'a_tiempo'
    assert prioridad.estado(LUNES + timedelta(minutes=25), calendario) == 'por_vencer'
    assert prioridad.estado(LUNES + timedelta(minutes=31), calendario) == 'vencido'


def test_recalcular_tras_un_feriado_nuevo(registrar_caso, actores):
    caso = _peticion(registrar_caso)
    antes = aware(_termino(caso, 'legal').vence_en)
    colombia = Calendario.get(Calendario.codigo == 'CO')
    DiaEspecial.create(calendario=colombia, fecha=date(2026, 3, 10), descripcion='Decreto')
    # Who may run it is the screen's business (admins only, tests/vistas/test_plazos_pantallas.py).
    assert recalcular_vencimientos(colombia.id, ahora=LUNES)[0] == 1
    despues = aware(_termino(caso, 'legal').vence_en)
    assert despues > antes
    assert despues == vencimiento(LUNES, 10, 'dias_habiles', colombia.como_regla())


def _cola(usuario, vista):
    filas, _ = pagina_cola(usuario, usuario.nombres_roles(), Filtros(vista=vista), LUNES)
    return filas


def test_consultas_nombradas(registrar_caso, actores):
    a = registrar_caso()  # MONITOREO, due in 30 minutes
    b = _peticion(registrar_caso)  # MONITOREO, due in days
    c = registrar_caso(motivo='CAMBIO_PLAN', campos={})  # SOPORTE_TECNICO
    tomar(b, actores.agente, IP, 1, LUNES)
    assert set(Reclamo.abiertos()) == {a, b, c}
    assert list(Reclamo.vencidos(LUNES + timedelta(hours=1))) == [a]
    # The real queue: the area's, next due first; and what is assigned to someone.
    assert _cola(actores.agente, 'area') == [a, b]
    assert _cola(actores.agente_soporte, 'mios') == [c]
    transicionar(a, 'anular', actores.supervisor, IP, a.version, LUNES, motivo='Error')
    assert set(Reclamo.abiertos()) == {b, c}
    assert list(Reclamo.vencidos(LUNES + timedelta(hours=1))) == []
