"""Diagnosis (seed 004): the resolved cases most like this one, by the database's own
full-text ranking (SQLite FTS5 bm25, PostgreSQL ts_rank over a GIN-indexed tsvector; the
index is kept by triggers, migration 0013), so no request loads every case."""
from peewee import SQL, Column, Expression, Table, fn

from bd import es_postgres
from catalogos.servicios import Motivo
from reclamos.caso.modelo import Reclamo
from reglas.busqueda import terminos_busqueda
from reglas.transiciones import CERRADO, TERMINADO

RESUELTOS = (TERMINADO, CERRADO)
# Only the latest cases are ranked: a common word matches most of a million cases, and
# ranking them all on every case page would cost seconds. The window bounds that work (the
# index narrows by id range: FTS5 rowid constraint, btree AND GIN bitmap on PostgreSQL).
VENTANA = 20_000


def ranking(texto, *filtros, limite=5):
    """Ids of the cases whose indexed text best matches ``texto`` (any of its words), best
    first, among the latest VENTANA cases that pass ``filtros`` (expressions on Reclamo)."""
    terminos = terminos_busqueda(texto)
    if not terminos:
        return []
    desde = (Reclamo.select(fn.MAX(Reclamo.id)).scalar() or 0) - VENTANA
    if es_postgres():
        indice = Table('reclamo_texto')
        documento = Column(indice, 'documento')
        consulta = fn.to_tsquery('spanish', ' | '.join(terminos))
        query = (Reclamo.select(Reclamo.id)
                 .join(indice, on=(Column(indice, 'reclamo_id') == Reclamo.id))
                 .where(Expression(documento, '@@', consulta),
                        Column(indice, 'reclamo_id') > desde, *filtros)
                 .order_by(fn.ts_rank(documento, consulta).desc(), Reclamo.id.desc()))
    else:
        indice = Table('reclamo_texto')
        coincide = ' OR '.join(f'"{t}"' for t in terminos)
        query = (Reclamo.select(Reclamo.id)
                 .join(indice, on=(Column(indice, 'rowid') == Reclamo.id))
                 .where(SQL('reclamo_texto MATCH ?', [coincide]),
                        Column(indice, 'rowid') > desde, *filtros)
                 .order_by(fn.bm25(SQL('reclamo_texto')), Reclamo.id.desc()))
    return [i for (i,) in query.limit(limite).tuples()]


def similares_resueltos(reclamo, limite=5, visible=None):
    """The resolved cases most similar to ``reclamo`` (description + motive), best first.

    ``visible(case) -> bool`` drops cases the reader may not see; a few more are ranked so
    that the page still shows ``limite`` when some are hidden.
    """
    texto = f'{reclamo.descripcion} {reclamo.motivo.nombre}'
    ids = ranking(texto, Reclamo.estado.in_(RESUELTOS), Reclamo.id != reclamo.id,
                  limite=limite * 4 if visible else limite)
    if not ids:
        return []
    filas = {r.id: r for r in Reclamo.select(Reclamo, Motivo).join(Motivo)
             .where(Reclamo.id.in_(ids))}
    casos = [filas[i] for i in ids if i in filas]
    if visible is not None:
        casos = [c for c in casos if visible(c)]
    return casos[:limite]
