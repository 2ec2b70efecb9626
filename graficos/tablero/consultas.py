"""SQL aggregates behind the dashboard: every function returns ``group_by(...).tuples()`` rows,
never the cases themselves. The same SQL runs on SQLite and PostgreSQL.

Sample (``conteo(f, 'canal')``)::

    canal_id | casos
    ---------+------
           3 |   412
           1 |   118
"""
import datetime

from peewee import SQL, Case, NodeList, fn

from bd import es_postgres
from graficos.tablero.filtros import AgrupacionInvalida
from reclamos.caso.modelo import Reclamo
from reclamos.caso.lineas import LineaReclamo
from reclamos.plazos.modelo import ACTIVIDAD, LEGAL, PRIORIDAD, TerminoCaso
from reglas.transiciones import ABIERTOS, APROBADO, CANCELADO

DIMENSIONES = {
    'tipo': Reclamo.tipo, 'motivo': Reclamo.motivo, 'prioridad': Reclamo.prioridad,
    'canal': Reclamo.canal, 'area': Reclamo.area, 'servicio': Reclamo.servicio,
    'origen': Reclamo.origen, 'usuario': Reclamo.usuario,
}
POR_CONTEO = ('tipo', 'motivo', 'prioridad', 'canal', 'area', 'servicio', 'origen')
POR_TIEMPO = ('motivo', 'area')
POR_SATISFACCION = ('area', 'motivo')
POR_CARGA = ('area', 'usuario')


def dimension(nombre, permitidas):
    """The column to group by, checked against the chart's whitelist."""
    if nombre not in permitidas:
        raise AgrupacionInvalida(f'No se puede agrupar por «{nombre}»; use una de: '
                                 f'{", ".join(permitidas)}.')
    return DIMENSIONES[nombre]


def filtrar(consulta, f, fechas=True):
    """The filters of ``f`` on a query over Reclamo (or joined to it)."""
    for nombre in ('servicio', 'motivo', 'area', 'canal', 'prioridad', 'origen'):
        valor = getattr(f, nombre)
        if valor not in (None, ''):
            consulta = consulta.where(DIMENSIONES[nombre] == valor)
    if f.areas is not None:
        consulta = consulta.where(Reclamo.area.in_(list(f.areas)) if f.areas else SQL('1=0'))
    if fechas:
        consulta = consulta.where(Reclamo.recibido_en >= f.inicio, Reclamo.recibido_en < f.fin)
    return consulta


def _cubeta(campo, f, periodo):
    """The local day, week (Monday) or month (first day) of an instant, in SQL."""
    minutos = f.desfase_minutos()
    if es_postgres():
        local = campo + SQL(f"interval '{minutos} minutes'")
        unidad = {'dia': 'day', 'semana': 'week', 'mes': 'month'}[periodo]
        return fn.date_trunc(SQL(f"'{unidad}'"), local)
    extra = {'dia': (), 'semana': ('weekday 0', '-6 days'), 'mes': ('start of month',)}[periodo]
    return fn.date(campo, f'{minutos:+d} minutes', *extra)


def como_fecha(valor):
    """A bucket from either database (text on SQLite, timestamp on PostgreSQL) -> date."""
    if isinstance(valor, datetime.datetime):
        return valor.date()
    if isinstance(valor, datetime.date):
        return valor
    return datetime.date.fromisoformat(str(valor)[:10])


def _por_cubeta(campo, f, periodo):
    cubeta = _cubeta(campo, f, periodo)
    consulta = (filtrar(Reclamo.select(cubeta, fn.COUNT(Reclamo.id)), f, fechas=False)
                .where(campo >= f.inicio, campo < f.fin).group_by(SQL('1')))
    return {como_fecha(c): n for c, n in consulta.tuples()}


def evolucion(f, periodo):
    """(received by bucket, resolved by bucket, finished by bucket, backlog at the start).

    Finished = resolved or annulled (whichever came first): what leaves the backlog.
    """
    fin = fn.COALESCE(Reclamo.terminado_en, Reclamo.anulado_en)
    recibidos = _por_cubeta(Reclamo.recibido_en, f, periodo)
    resueltos = _por_cubeta(Reclamo.terminado_en, f, periodo)
    finalizados = _por_cubeta(fin, f, periodo)
    inicial = (filtrar(Reclamo.select(fn.COUNT(Reclamo.id)), f, fechas=False)
               .where(Reclamo.recibido_en < f.inicio, fin.is_null() | (fin >= f.inicio))
               .scalar()) or 0
    return recibidos, resueltos, finalizados, inicial


def conteo(f, por):
    campo = dimension(por, POR_CONTEO)
    return list(filtrar(Reclamo.select(campo, fn.COUNT(Reclamo.id)), f)
                .group_by(campo).order_by(fn.COUNT(Reclamo.id).desc(), campo).tuples())


def _segundos(desde, hasta):
    """Elapsed whole seconds between two instants, in SQL (exact: no julianday floats)."""
    if es_postgres():
        return NodeList((SQL('EXTRACT(EPOCH FROM'), hasta - desde, SQL(')')))
    return (fn.CAST(NodeList((fn.strftime('%s', hasta), SQL('AS INTEGER'))))
            - fn.CAST(NodeList((fn.strftime('%s', desde), SQL('AS INTEGER')))))


def tiempos(f, por):
    """Median and 90th percentile of hours from receipt to answer, exact, per group.

    Window functions rank each group's durations; only the (at most four) rows around each
    percentile's position leave the database. Interpolation as PostgreSQL's percentile_cont:
    position 1 + (n - 1) * p between the neighbouring ranks.
    Returns [(group, n, median, p90)] by group.
    """
    campo = dimension(por, POR_TIEMPO)
    segundos = _segundos(Reclamo.recibido_en, Reclamo.terminado_en)
    # Never negative, like reglas.duracion (a hand-edited receipt after the answer reads 0).
    horas = Case(None, [(segundos < 0, 0)], segundos)
    rangos = (filtrar(Reclamo.select(
        campo.alias('g'), horas.alias('h'),
        fn.ROW_NUMBER().over(partition_by=[campo], order_by=[horas, Reclamo.id]).alias('rn'),
        fn.COUNT(Reclamo.id).over(partition_by=[campo]).alias('n')), f)
        .where(Reclamo.terminado_en.is_null(False)))
    sub = rangos.alias('r')
    n = sub.c.n
    medio, p90 = (n - 1) / 2 + 1, (n - 1) * 9 / 10 + 1  # integer division on both databases
    filas = (Reclamo.select(sub.c.g, sub.c.n, sub.c.rn, sub.c.h).from_(sub)
             .where(sub.c.rn.in_([medio, medio + 1, p90, p90 + 1])).tuples())
    grupos = {}
    for grupo, total, rango, valor in filas:
        grupos.setdefault(grupo, (total, {}))[1][rango] = float(valor) / 3600
    return [(grupo, total, _percentil(valores, total, 0.5), _percentil(valores, total, 0.9))
            for grupo, (total, valores) in sorted(grupos.items(), key=lambda g: str(g[0]))]


def _percentil(valores, n, p):
    posicion = (n - 1) * p
    bajo = int(posicion)
    fraccion = posicion - bajo
    menor = valores[bajo + 1]
    mayor = valores.get(bajo + 2, menor)
    return menor + (mayor - menor) * fraccion


def _en_plazo():
    return fn.SUM(Case(None, [((TerminoCaso.vence_en.is_null(False))
                               & (TerminoCaso.cumplido_en <= TerminoCaso.vence_en), 1)], 0))


def _terminos(f, *columnas):
    return filtrar(TerminoCaso.select(*columnas).join(Reclamo), f).where(
        TerminoCaso.cumplido_en.is_null(False), TerminoCaso.cancelado == False)  # noqa: E712


def cumplimiento(f, tipos=(LEGAL, PRIORIDAD, ACTIVIDAD)):
    """Met terms and those met in time: [(tipo, activity name or '', met, in time)].

    A term is met when the case (or the activity) is answered; in time when that happened
    no later than its due instant, extensions and suspensions included.
    """
    nombre = Case(None, [(TerminoCaso.tipo == ACTIVIDAD, TerminoCaso.nombre)], '')
    return list(_terminos(f, TerminoCaso.tipo, nombre, fn.COUNT(TerminoCaso.id), _en_plazo())
                .where(TerminoCaso.tipo.in_(list(tipos)))
                .group_by(SQL('1'), SQL('2')).order_by(SQL('1'), SQL('2')).tuples())


def cumplimiento_por_motivo(f):
    """[(motivo id, legal terms met, in time)]."""
    return list(_terminos(f, Reclamo.motivo, fn.COUNT(TerminoCaso.id), _en_plazo())
                .where(TerminoCaso.tipo == LEGAL).group_by(Reclamo.motivo).tuples())


def carga(f, por, ahora):
    """Open cases and the overdue among them: [(group, open, overdue)]."""
    campo = dimension(por, POR_CARGA)
    vencidos = fn.SUM(Case(None, [(Reclamo.vence_en < ahora, 1)], 0))
    return list(filtrar(Reclamo.select(campo, fn.COUNT(Reclamo.id), vencidos), f)
                .where(Reclamo.estado.in_(ABIERTOS)).group_by(campo)
                .order_by(fn.COUNT(Reclamo.id).desc(), campo).tuples())


def satisfaccion(f, por):
    """Ratings given: [(group, rating 1-5, cases)]."""
    campo = dimension(por, POR_SATISFACCION)
    return list(filtrar(Reclamo.select(campo, Reclamo.calificacion, fn.COUNT(Reclamo.id)), f)
                .where(Reclamo.calificacion.is_null(False))
                .group_by(campo, Reclamo.calificacion).order_by(campo, Reclamo.calificacion)
                .tuples())


def montos(f):
    """Claim lines by service: [(servicio id, amount claimed, amount approved)].

    Claimed: every line not cancelled; approved: the approved amount of approved lines.
    """
    reclamado = fn.SUM(Case(None, [(LineaReclamo.estado != CANCELADO,
                                    LineaReclamo.monto_reclamado)], 0))
    aprobado = fn.SUM(Case(None, [(LineaReclamo.estado == APROBADO,
                                   LineaReclamo.monto_aprobado)], 0))
    return list(filtrar(LineaReclamo.select(Reclamo.servicio, reclamado, aprobado)
                        .join(Reclamo), f)
                .group_by(Reclamo.servicio).having((reclamado > 0) | (aprobado > 0))
                .order_by(Reclamo.servicio).tuples())
