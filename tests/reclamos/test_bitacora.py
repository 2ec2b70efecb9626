"""The action log is append-only: the model, the services and raw SQL cannot change it."""
import pytest
from peewee import DatabaseError

from bd import db
from reclamos.caso.acciones import Accion
from reclamos.errores import AccionInmutable
from reclamos.caso.flujo import transicionar
from reclamos.caso.gestion import tomar
from tests.reclamos.conftest import IP, LUNES


@pytest.fixture
def caso(registrar_caso, actores):
    caso = tomar(registrar_caso(), actores.agente, IP, 1, LUNES)
    return transicionar(caso, 'suspender', actores.agente, IP, caso.version, LUNES,
                        motivo='Esperando documentos.')


def _foto():
    return [tuple(fila) for fila in Accion.select().order_by(Accion.id).tuples()]


def test_el_modelo_no_edita_ni_borra(caso):
    antes = _foto()
    accion = Accion.select().first()
    accion.texto = 'reescrito'
    with pytest.raises(AccionInmutable):
        accion.save()
    with pytest.raises(AccionInmutable):
        accion.delete_instance()
    with pytest.raises(AccionInmutable):
        Accion.update(texto='x').execute()
    with pytest.raises(AccionInmutable):
        Accion.delete().execute()
    assert _foto() == antes


@pytest.mark.parametrize('sql', [
    "UPDATE accion SET texto = 'borrado'",
    "UPDATE accion SET valor_nuevo = NULL WHERE tipo = 'transicion'",
    'DELETE FROM accion',
    "DELETE FROM accion WHERE tipo = 'creacion'",
])
def test_sql_crudo_rechazado_por_la_base(caso, sql):
    antes = _foto()
    with pytest.raises(DatabaseError, match='no se editan ni se borran'):
        with db.atomic():
            db.execute_sql(sql)
    assert _foto() == antes


def test_replace_y_truncate_rechazados_por_la_base(caso):
    """SQLite's REPLACE deletes without DELETE triggers unless recursive_triggers is on;
    PostgreSQL's TRUNCATE fires no row trigger (issue 15, F10)."""
    from bd import es_postgres

    antes = _foto()
    primera = Accion.select().order_by(Accion.id).first()
    if es_postgres():
        sql = 'TRUNCATE accion CASCADE'
    else:
        columnas = 'id, reclamo_id, usuario_id, instante, ip, tipo, campo, visible_cliente'
        sql = (f"INSERT OR REPLACE INTO accion ({columnas}, texto) SELECT {columnas}, "
               f"'reescrito' FROM accion WHERE id = {primera.id}")
    with pytest.raises(DatabaseError, match='no se editan ni se borran'):
        with db.atomic():
            db.execute_sql(sql)
    assert _foto() == antes


def test_un_caso_con_acciones_no_se_borra(caso):
    with pytest.raises(DatabaseError):
        with db.atomic():
            db.execute_sql(f'DELETE FROM reclamo WHERE id = {caso.id}')
    assert Accion.select().where(Accion.reclamo == caso.id).count() == 5  # with the ack e-mail


def test_los_servicios_solo_agregan(caso, actores):
    antes = _foto()
    transicionar(caso, 'reanudar', actores.agente, IP, caso.version, LUNES)
    despues = _foto()
    assert despues[:len(antes)] == antes and len(despues) == len(antes) + 1
