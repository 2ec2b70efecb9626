"""The open cases per agent that registration reads (carga_agente, kept by the database's
triggers, migration 0027) always equal a fresh count of the cases, whatever wrote them: the
services, plain SQL, multi-row statements, deletes, concurrent transactions; and the agent
picked is the one the count of the cases would pick."""
import uuid
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from peewee import JOIN, fn

from bd import db
from catalogos.usuarios import Rol, Usuario, UsuarioRol
from reclamos.caso.asignacion import CargaAgente, menos_cargado, recontar
from reclamos.caso.flujo import transicionar
from reclamos.caso.gestion import derivar, reasignar, tomar
from reclamos.caso.modelo import Reclamo
from reglas.transiciones import ABIERTOS, ESTADOS
from tests.apoyo.hilos import en_hilos
from tests.conftest import URL_BASE
from tests.reclamos.conftest import IP, LUNES

T = [LUNES + timedelta(minutes=10 * i) for i in range(1, 30)]


def cargas():
    """What the database keeps, without the agents back at zero (same as no row)."""
    return {u: n for u, n in CargaAgente.select(CargaAgente.usuario, CargaAgente.abiertos)
            .tuples() if n}


def contados():
    """A fresh count of the open cases per agent."""
    return dict(Reclamo.select(Reclamo.usuario, fn.COUNT(Reclamo.id))
                .where(Reclamo.usuario.is_null(False), Reclamo.estado.in_(ABIERTOS))
                .group_by(Reclamo.usuario).tuples())


def contando(area_id):
    """The agent the former GROUP BY over the cases picked (ties: oldest account)."""
    carga = fn.COUNT(Reclamo.id)
    fila = (Usuario.select(Usuario.id)
            .join(UsuarioRol, on=(UsuarioRol.user == Usuario.id))
            .join(Rol, on=(Rol.id == UsuarioRol.role))
            .join_from(Usuario, Reclamo, JOIN.LEFT_OUTER,
                       on=((Reclamo.usuario == Usuario.id) & Reclamo.estado.in_(ABIERTOS)))
            .where(Usuario.area == area_id, Usuario.active == True,  # noqa: E712
                   Rol.name == 'agente')
            .group_by(Usuario.id).order_by(carga, Usuario.id).limit(1).tuples().first())
    return fila[0] if fila else None


def al_dia(*areas):
    assert cargas() == contados()
    for area in areas:
        elegido = menos_cargado(area)
        assert (elegido.id if elegido else None) == contando(area)


@pytest.fixture
def equipo(actores, crear_usuario):
    """Three agents in MONITOREO (the one of ``actores`` the oldest), two in soporte."""
    area = actores.agente.area_id
    otros = [crear_usuario('agente', area=area) for _ in range(2)]
    soporte = crear_usuario('agente', area=actores.agente_soporte.area_id)
    return [actores.agente, *otros], [actores.agente_soporte, soporte]


def test_cada_cambio_de_un_caso_mueve_la_carga(registrar_caso, actores, equipo):
    monitoreo, soporte = equipo
    areas = (actores.agente.area_id, actores.agente_soporte.area_id)
    al_dia(*areas)
    casos = [registrar_caso(descripcion=f'Sin servicio desde ayer, caso {i} de la prueba.')
             for i in range(5)]
    # Registrations spread over the three agents, the oldest account first on each tie.
    assert [c.usuario_id for c in casos] == [u.id for u in monitoreo + monitoreo[:2]]
    al_dia(*areas)
    casos[0] = tomar(casos[0], monitoreo[2], IP, casos[0].version, T[0])
    al_dia(*areas)
    casos[1] = reasignar(casos[1], monitoreo[0], actores.supervisor, IP, casos[1].version, T[1])
    al_dia(*areas)
    casos[2] = derivar(casos[2], 'SOPORTE_TECNICO', 'Requiere visita técnica.', monitoreo[2],
                       IP, casos[2].version, T[2])
    assert casos[2].usuario_id == soporte[0].id
    al_dia(*areas)
    casos[3] = tomar(casos[3], monitoreo[0], IP, casos[3].version, T[3])
    casos[3] = transicionar(casos[3], 'suspender', monitoreo[0], IP, casos[3].version, T[4],
                            motivo='Esperamos la foto del módem.')
    al_dia(*areas)
    casos[3] = transicionar(casos[3], 'reanudar', monitoreo[0], IP, casos[3].version, T[5])
    casos[3] = transicionar(casos[3], 'terminar', monitoreo[0], IP, casos[3].version, T[6],
                            respuesta='Se cambió el módem.', resultado='fundado')
    al_dia(*areas)
    casos[3] = transicionar(casos[3], 'cerrar', actores.registrador, IP, casos[3].version, T[7],
                            calificacion=5)
    casos[4] = transicionar(casos[4], 'anular', actores.supervisor, IP, casos[4].version, T[8],
                            motivo='Registrado dos veces.')
    al_dia(*areas)
    # Plain SQL and multi-row statements (admin screens, CLI, bulk actions) count the same.
    Reclamo.update(usuario=monitoreo[1]).where(Reclamo.estado.in_(ABIERTOS)).execute()
    al_dia(*areas)
    Reclamo.update(estado='EN_CURSO').where(Reclamo.id.in_([casos[3].id, casos[4].id])).execute()
    al_dia(*areas)
    # A user who leaves: their cases lose their owner, their count goes with them.
    Usuario.update(active=False).where(Usuario.id == monitoreo[2].id).execute()
    al_dia(*areas)
    assert menos_cargado(actores.agente.area_id).id == monitoreo[0].id


def _plantilla():
    """A registered case's row, to insert copies of it with other owners and states."""
    fila = Reclamo.select().order_by(Reclamo.id).dicts().first()
    return {k: v for k, v in fila.items() if k != 'id'}


def _copia(plantilla, usuario, estado):
    return {**plantilla, 'numero': uuid.uuid4().hex[:20], 'usuario': usuario, 'estado': estado}


def test_insertar_y_borrar_de_a_muchos(registrar_caso, actores, equipo):
    monitoreo, _ = equipo
    registrar_caso()
    plantilla = _plantilla()
    agentes = [u.id for u in monitoreo] + [None]
    filas = [_copia(plantilla, agentes[i % 4], ESTADOS[i % len(ESTADOS)]) for i in range(60)]
    Reclamo.insert_many(filas).execute()
    al_dia(actores.agente.area_id)
    Reclamo.delete().where(Reclamo.usuario == monitoreo[0].id,
                           Reclamo.estado == 'EN_CURSO').execute()
    al_dia(actores.agente.area_id)
    # A deleted user: their cases are left without owner (SET NULL), their row goes.
    hoja = Reclamo.insert(_copia(plantilla, monitoreo[2].id, 'PENDIENTE')).execute()
    with db.atomic():
        UsuarioRol.delete().where(UsuarioRol.user == monitoreo[2].id).execute()
        Usuario.delete().where(Usuario.id == monitoreo[2].id).execute()
    assert Reclamo.get_by_id(hoja).usuario_id is None
    al_dia(actores.agente.area_id)


OPERACIONES = st.lists(st.one_of(
    st.tuples(st.just('insertar'), st.lists(st.tuples(st.integers(0, 3),
                                                       st.sampled_from(ESTADOS)),
                                            min_size=1, max_size=4)),
    st.tuples(st.just('cambiar'), st.integers(0, 30), st.integers(0, 3),
              st.sampled_from(ESTADOS)),
    st.tuples(st.just('cambiar_estados'), st.sampled_from(ESTADOS), st.sampled_from(ESTADOS)),
    st.tuples(st.just('pasar'), st.integers(0, 3), st.integers(0, 3)),
    st.tuples(st.just('borrar'), st.integers(0, 30)),
), max_size=25)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operaciones=OPERACIONES)
def test_cualquier_secuencia_de_escrituras(registrar_caso, actores, equipo, operaciones):
    """Random writes straight to the table, each example rolled back."""
    monitoreo, _ = equipo
    if not Reclamo.select().exists():
        registrar_caso()
    plantilla = _plantilla()
    agentes = [u.id for u in monitoreo] + [None]
    with db.atomic() as transaccion:
        for operacion in operaciones:
            ids = [i for (i,) in Reclamo.select(Reclamo.id).order_by(Reclamo.id).tuples()]
            if operacion[0] == 'insertar':
                Reclamo.insert_many([_copia(plantilla, agentes[a], e)
                                     for a, e in operacion[1]]).execute()
            elif operacion[0] == 'cambiar' and ids:
                (Reclamo.update(usuario=agentes[operacion[2]], estado=operacion[3])
                 .where(Reclamo.id == ids[operacion[1] % len(ids)]).execute())
            elif operacion[0] == 'cambiar_estados':
                Reclamo.update(estado=operacion[2]).where(
                    Reclamo.estado == operacion[1]).execute()
            elif operacion[0] == 'pasar':  # a bulk reassignment between two agents
                Reclamo.update(usuario=agentes[operacion[2]]).where(
                    Reclamo.usuario == agentes[operacion[1]]).execute()
            elif operacion[0] == 'borrar' and len(ids) > 1:
                Reclamo.delete().where(Reclamo.id == ids[1 + operacion[1] % (len(ids) - 1)]
                                       ).execute()
            al_dia(actores.agente.area_id)
        transaccion.rollback()
    al_dia(actores.agente.area_id)


def test_recontar_rehace_lo_que_se_cargo_sin_disparadores(registrar_caso, actores, equipo):
    registrar_caso()
    registrar_caso(descripcion='Otra caída distinta en otro distrito.')
    CargaAgente.update(abiertos=99).execute()
    CargaAgente.insert(usuario=equipo[1][0], abiertos=7).execute()
    recontar()
    al_dia(actores.agente.area_id, actores.agente_soporte.area_id)
    assert sum(cargas().values()) == 2


def test_la_migracion_cuenta_los_casos_existentes(registrar_caso, actores, equipo):
    from admin_app.esquema import ejecutor

    for i in range(4):
        registrar_caso(descripcion=f'Sin servicio desde ayer, caso {i} de la prueba.')
    ejecucion = ejecutor()
    paso = next(m for m in ejecucion.status() if m.name == '0027_carga_agente').load()
    with db.atomic():
        paso.down(ejecucion.migrator, db.obj)
        paso.up(ejecucion.migrator, db.obj)
    assert sum(cargas().values()) == 4
    al_dia(actores.agente.area_id)
    registrar_caso(descripcion='Y uno más después de migrar.')  # the triggers are back
    al_dia(actores.agente.area_id)
    assert sum(cargas().values()) == 5


postgres = pytest.mark.skipif(not URL_BASE.startswith('postgres'),
                              reason='concurrencia y TRUNCATE de PostgreSQL')


def _en_hilos(funcion, n):
    return en_hilos(funcion, n)[1]


@postgres
def test_altas_simultaneas_para_un_agente_no_pierden_ninguna(registrar_caso, actores):
    registrar_caso()
    plantilla = _plantilla()
    db.close()

    def alta(i):
        with db.atomic():
            Reclamo.insert(_copia(plantilla, actores.agente.id, 'PENDIENTE')).execute()

    assert _en_hilos(alta, 8) == []
    assert cargas() == contados() == {actores.agente.id: 9}


@postgres
def test_reasignaciones_cruzadas_no_se_bloquean(registrar_caso, actores, equipo):
    """Two supervisors moving cases in opposite directions between the same two agents, over
    and over: both agents' rows are locked in the same order, so neither waits for the other
    forever (a deadlock would abort one of them)."""
    uno, dos = equipo[0][0].id, equipo[0][1].id
    registrar_caso()
    plantilla = _plantilla()
    casos = [Reclamo.insert(_copia(plantilla, quien, 'EN_CURSO')).execute()
             for quien in (uno, dos)]
    db.close()

    def vaiven(i):
        origen, destino = (uno, dos) if i == 0 else (dos, uno)
        for vuelta in range(40):
            with db.atomic():
                (Reclamo.update(usuario=destino if vuelta % 2 == 0 else origen)
                 .where(Reclamo.id == casos[i]).execute())

    assert _en_hilos(vaiven, 2) == []
    al_dia(actores.agente.area_id)


@postgres
def test_truncate_de_los_casos_deja_la_carga_en_cero(registrar_caso, actores):
    registrar_caso()
    assert cargas()
    with db.atomic() as transaccion:
        # The action log refuses TRUNCATE (0018); only for this rolled-back transaction.
        db.execute_sql('ALTER TABLE accion DISABLE TRIGGER accion_sin_truncate')
        db.execute_sql('TRUNCATE reclamo CASCADE')
        assert cargas() == {} and contados() == {}
        transaccion.rollback()
