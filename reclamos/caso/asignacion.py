"""Who gets a case: the agent of the area with the fewest open cases.

The open cases per agent live in ``carga_agente``, kept by triggers on ``reclamo``
(migration 0027): whatever writes a case (a service, an admin screen, the CLI, an import, a
bulk action, a delete) moves the count in the same transaction, and nothing here writes it.
"""
from peewee import JOIN, ForeignKeyField, IntegerField, fn

from bd import BaseModel, db, es_postgres
from bd.compiladas import Compilada
from catalogos.usuarios import Rol, Usuario, UsuarioRol
from reclamos.caso.modelo import Reclamo
from reglas.transiciones import ABIERTOS


class CargaAgente(BaseModel):
    """Open cases of one agent. Written only by the database's triggers; an agent without a
    row has none."""
    usuario = ForeignKeyField(Usuario, primary_key=True, on_delete='CASCADE')
    abiertos = IntegerField(default=0)


def menos_cargado(area_id):
    """The active agent of ``area_id`` with the fewest open cases (ties: oldest account), or
    None when the area has no agent. One query over the area's agents, whatever the cases."""
    if area_id is None:
        return None
    return _menos_cargado.primera(area_id)


@Compilada  # every registration and hand-over: compiled once (bd.compiladas)
def _menos_cargado(area_id):
    # Counting the open cases here cost 10-15 ms per registration at a million cases
    # (~30,000 per agent), growing with the data; the kept count is one row per agent.
    carga = fn.COALESCE(CargaAgente.abiertos, 0)
    return (Usuario.select(Usuario, carga.alias('carga'))
            .join(UsuarioRol, on=(UsuarioRol.user == Usuario.id))
            .join(Rol, on=(Rol.id == UsuarioRol.role))
            .join_from(Usuario, CargaAgente, JOIN.LEFT_OUTER,
                       on=(CargaAgente.usuario == Usuario.id))
            .where(Usuario.area == area_id, Usuario.active == True,  # noqa: E712
                   Rol.name == 'agente')
            .order_by(carga, Usuario.id)
            .limit(1))


def recontar():
    """Rebuild every count from the cases in one set-based statement (0.04 s on SQLite,
    0.13 s on PostgreSQL at a million cases). Only for rows written with the triggers off:
    a load under PostgreSQL's ``session_replication_role = replica`` or ``DISABLE TRIGGER``,
    or a restore of data only.
    """
    with db.atomic():
        if es_postgres():  # writers of cases wait until the new counts are in
            db.execute_sql('LOCK TABLE reclamo IN SHARE MODE')
        CargaAgente.delete().execute()
        abiertos = (Reclamo.select(Reclamo.usuario, fn.COUNT(Reclamo.id))
                    .where(Reclamo.usuario.is_null(False), Reclamo.estado.in_(ABIERTOS))
                    .group_by(Reclamo.usuario))
        CargaAgente.insert_from(abiertos, [CargaAgente.usuario, CargaAgente.abiertos]).execute()
