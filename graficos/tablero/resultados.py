"""Dashboard chart of issue 17: cases resolved in the period by outcome, counted by sense
(fundado, fundado en parte, infundado...) so that OSIPTEL's «Fundado» and SSPD's «Accede»
add up.

Read from the cases, not the daily rollup (which has no outcome column): one GROUP BY over
the period's rows, walked on the (recibido_en, terminado_en, motivo, area) index.
"""
from peewee import JOIN, fn

from catalogos.resultados import Resultado
from graficos.tablero import consultas
from reclamos.caso.modelo import Reclamo
from reglas.resultado import SENTIDOS


def resultados(f, o, ahora=None, q=None):
    from graficos.tablero.tablas import Tabla  # tablas registers this chart

    filas = (consultas.filtrar(
        Reclamo.select(Resultado.sentido, fn.COUNT(Reclamo.id))
        .join(Resultado, JOIN.LEFT_OUTER, on=(Reclamo.resultado == Resultado.id))
        .where(Reclamo.terminado_en.is_null(False)), f)
        .group_by(Resultado.sentido).order_by(fn.COUNT(Reclamo.id).desc(), Resultado.sentido)
        .tuples())
    sentidos = dict(SENTIDOS)
    t = Tabla('resultados', 'Casos resueltos por resultado', ['Resultado', 'Casos'])
    for sentido, casos in filas:
        t.filas.append([sentidos.get(sentido, 'Sin resultado'), casos])
        t.enlaces.append(None)
    return t
