"""The dashboard's headline figures (issue 20): received, backlog at the close, share of legal
terms met in time, median resolution hours and average satisfaction, each for the chosen
period and for the previous period of the same length, with the same filters and area scope.

With a computation of the daily rollup (the dashboard always has one) received, backlog, %
on time and satisfaction are sums over the rollup, so the tiles say what the charts below
them draw; the median reads the cases (medians do not add up day by day), on the covering
(recibido_en, terminado_en, motivo, area) index. Without one (tests, scripts) every figure
is an SQL aggregate over the cases: a count, a sum, an average.

Sample (``indicadores(f)`` on tests/apoyo/graficos.py, March 2026 against Jan 29-Feb 28)::

    recibidos    8  vs 1   -> +700 %
    pendientes   2  vs 1   -> +100 %
    a_tiempo    80,0 vs 100,0 -> −20,0 puntos
"""
import dataclasses
import datetime

from peewee import Case, fn

from graficos.tablero import agregados, consultas
from graficos.tablero.consultas import _segundos, filtrar
from graficos.tablero.formato import con_signo, numero
from reclamos.caso.modelo import Reclamo
from reclamos.plazos.modelo import LEGAL

FRENTE = 'frente al período anterior'


def anterior(f):
    """The same filters over the period of the same length that ends where ``f`` starts."""
    dias = (f.hasta - f.desde).days + 1
    return dataclasses.replace(f, desde=f.desde - datetime.timedelta(days=dias),
                               hasta=f.desde - datetime.timedelta(days=1))


def recibidos(f):
    return filtrar(Reclamo.select(fn.COUNT(Reclamo.id)), f).scalar() or 0


def pendientes(f):
    """Received before the close and neither answered nor annulled by then."""
    fin = fn.COALESCE(Reclamo.terminado_en, Reclamo.anulado_en)
    return (filtrar(Reclamo.select(fn.COUNT(Reclamo.id)), f, fechas=False)
            .where(Reclamo.recibido_en < f.fin, fin.is_null() | (fin >= f.fin))
            .scalar()) or 0


def a_tiempo(f):
    """% of the legal terms met (cases received in the period) that were met in time."""
    filas = consultas.cumplimiento(f, (LEGAL,))
    total = sum(n for *_, n, _ in filas)
    return round(100.0 * sum(ok for *_, ok in filas) / total, 1) if total else None


def mediana_horas(f):
    """Median hours from receipt to answer of the period's answered cases (as the chart's).

    Reads only the two instants (ties need no order: they have the same value), so without
    filters, or by motive or area, it walks the index and never the case rows."""
    segundos = _segundos(Reclamo.recibido_en, Reclamo.terminado_en)
    horas = Case(None, [(segundos < 0, 0)], segundos)
    base = filtrar(Reclamo.select(horas), f).where(Reclamo.terminado_en.is_null(False))
    n = base.count()
    if not n:
        return None
    medio = [float(v) for v, in base.order_by(horas)
             .offset((n - 1) // 2).limit(2 - n % 2).tuples()]
    return round(sum(medio) / len(medio) / 3600, 1)


def satisfaccion(f):
    valor = (filtrar(Reclamo.select(fn.AVG(Reclamo.calificacion)), f)
             .where(Reclamo.calificacion.is_null(False)).scalar())
    return round(float(valor), 2) if valor is not None else None


@dataclasses.dataclass(frozen=True)
class Indicador:
    clave: str
    titulo: str
    valor: float | None
    previo: float | None
    decimales: int = 0
    unidad: str = ''
    puntos: bool = False  # change in points (shares, ratings) instead of a relative %
    mejor: str = ''  # 'sube' or 'baja' when a direction is good; '' for plain volumes

    @property
    def texto(self):
        return 'Sin datos' if self.valor is None else numero(self.valor, self.decimales) \
            + self.unidad

    @property
    def variacion(self):
        """'+12 % frente al período anterior', or why there is nothing to compare."""
        if self.previo is None:
            return 'Sin datos del período anterior'
        if self.valor is None:
            return 'Sin datos en este período'
        if self.puntos:
            unidad = ' puntos' if self.unidad else ''
            return f'{con_signo(self.valor - self.previo, self.decimales)}{unidad} {FRENTE}'
        if not self.previo:
            return f'Período anterior: {numero(0)}' if self.valor else f'Igual {FRENTE}'
        cambio = 100.0 * (self.valor - self.previo) / self.previo
        return f'{con_signo(cambio)} % {FRENTE}'

    @property
    def tendencia(self):
        """'mejor', 'peor' or '' (for colouring the change)."""
        if not self.mejor or None in (self.valor, self.previo) or self.valor == self.previo:
            return ''
        return 'mejor' if (self.valor > self.previo) == (self.mejor == 'sube') else 'peor'


def de_casos(f):
    return {'recibidos': recibidos(f), 'pendientes': pendientes(f), 'a_tiempo': a_tiempo(f),
            'mediana': mediana_horas(f), 'satisfaccion': satisfaccion(f)}


def del_resumen(f):
    """The same figures from the daily rollup (the median still from the cases)."""
    recibidos_, legal, legal_ok, *notas = agregados.cabecera(f)
    calificados = sum(notas)
    return {'recibidos': recibidos_, 'pendientes': agregados.pendientes(f),
            'a_tiempo': round(100.0 * legal_ok / legal, 1) if legal else None,
            'mediana': mediana_horas(f),
            'satisfaccion': round(sum(n * c for n, c in enumerate(notas, start=1))
                                  / calificados, 2) if calificados else None}


_MEMORIA = {}
MEMORIA_MAX = 1000


def indicadores(f, calculo=None):
    """The five tiles, in the order the dashboard shows them; ``calculo``: the rollup's
    computation the charts read (None: every figure from the cases).

    With a computation they are kept in this process until the next one, as the charts are
    (graficos.tablero.tablas): the medians sort the period's answered cases, ~0.3 s each at
    a million on SQLite, and every other tile is as of the rollup anyway."""
    if calculo is None:
        return _indicadores(f, de_casos)
    clave = (calculo.calculado_en, f)
    if clave not in _MEMORIA:
        if len(_MEMORIA) >= MEMORIA_MAX or next(iter(_MEMORIA), clave)[0] != clave[0]:
            _MEMORIA.clear()  # a new computation (or too many filter sets): start again
        _MEMORIA[clave] = _indicadores(f, del_resumen)
    return _MEMORIA[clave]


def _indicadores(f, cifras):
    a, p = cifras(f), cifras(anterior(f))
    return [
        Indicador('recibidos', 'Casos recibidos', a['recibidos'], p['recibidos']),
        Indicador('pendientes', 'Pendientes al cierre', a['pendientes'], p['pendientes'],
                  mejor='baja'),
        Indicador('a_tiempo', 'Respondidos a tiempo (plazo legal)', a['a_tiempo'],
                  p['a_tiempo'], 1, ' %', puntos=True, mejor='sube'),
        Indicador('mediana', 'Mediana de resolución', a['mediana'], p['mediana'], 1, ' h',
                  mejor='baja'),
        Indicador('satisfaccion', 'Satisfacción promedio (1 a 5)', a['satisfaccion'],
                  p['satisfaccion'], 2, puntos=True, mejor='sube'),
    ]
