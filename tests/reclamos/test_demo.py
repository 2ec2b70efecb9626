"""The demo shows real work: cases in every state, registered through the services."""
from peewee import fn

from catalogos.procesos import Proceso
from reclamos.caso.acciones import Accion
from reclamos.caso.modelo import Reclamo


def test_la_demo_trae_casos_variados(demo):
    assert Reclamo.select().count() == 40
    estados = dict(Reclamo.select(Reclamo.estado, fn.COUNT(Reclamo.id))
                   .group_by(Reclamo.estado).tuples())
    assert set(estados) == {'PENDIENTE', 'EN_CURSO', 'SUSPENDIDO', 'TERMINADO', 'CERRADO',
                            'ANULADO'}
    assert Reclamo.select(fn.COUNT(fn.DISTINCT(Reclamo.canal))).scalar() >= 5
    assert Reclamo.select(fn.COUNT(fn.DISTINCT(Reclamo.motivo))).scalar() == 8
    assert {o for (o,) in Reclamo.select(Reclamo.origen).distinct().tuples()} == {'externo',
                                                                                 'interno'}
    assert Reclamo.select(fn.COUNT(fn.DISTINCT(Reclamo.numero))).scalar() == 40
    creados = Accion.select().where(Accion.tipo == 'creacion').count()
    assert creados == 40
    assert Reclamo.select().where(Reclamo.calificacion.is_null(False)).exists()
    assert Proceso.select().count() == 2
