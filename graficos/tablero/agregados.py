"""The dashboard's additive figures read from the daily rollup (``graficos.tablero.consolidado``):
the same functions and rows as ``graficos.tablero.consultas``, over a few thousand rollup rows
instead of the cases. Percentiles do not add up day by day: ``tiempos`` stays in ``consultas``
(the view keeps each result until the next rollup, see ``tablas.calcular``)."""
import datetime

from peewee import SQL, fn

from graficos.tablero import consultas
from graficos.tablero.consultas import POR_CARGA, POR_CONTEO, POR_SATISFACCION, dimension
from graficos.tablero.consolidado import ResumenActividad as RA
from graficos.tablero.consolidado import ResumenDiario as R
from reclamos.plazos.modelo import ACTIVIDAD, LEGAL, PRIORIDAD



def _columna(por, permitidas):
    dimension(por, permitidas)  # the same whitelist and message as the raw queries
    return getattr(R, por)


def filtrar(consulta, f, fechas=True, tabla=R):
    for nombre in ('servicio', 'motivo', 'area', 'canal', 'prioridad', 'origen'):
        valor = getattr(f, nombre)
        if valor not in (None, ''):
            consulta = consulta.where(getattr(tabla, nombre) == valor)
    if f.areas is not None:
        consulta = consulta.where(tabla.area.in_(list(f.areas)) if f.areas else SQL('1=0'))
    if fechas:
        consulta = consulta.where(tabla.dia >= f.desde, tabla.dia <= f.hasta)
    return consulta


def _cubeta(dia, periodo):
    if periodo == 'semana':
        return dia - datetime.timedelta(days=dia.weekday())
    if periodo == 'mes':
        return dia.replace(day=1)
    return dia


def evolucion(f, periodo):
    por_dia = (filtrar(R.select(R.dia, fn.SUM(R.recibidos), fn.SUM(R.resueltos),
                                fn.SUM(R.finalizados)), f).group_by(R.dia).tuples())
    recibidos, resueltos, finalizados = {}, {}, {}
    for dia, *valores in por_dia:
        clave = _cubeta(consultas.como_fecha(dia), periodo)
        for destino, valor in zip((recibidos, resueltos, finalizados), valores, strict=True):
            destino[clave] = destino.get(clave, 0) + int(valor or 0)
    inicial = (filtrar(R.select(fn.SUM(R.recibidos - R.finalizados)), f, fechas=False)
               .where(R.dia < f.desde).scalar()) or 0
    return recibidos, resueltos, finalizados, int(inicial)


def conteo(f, por):
    campo = _columna(por, POR_CONTEO)
    total = fn.SUM(R.recibidos)
    return [(g, int(n)) for g, n in filtrar(R.select(campo, total), f)
            .group_by(campo).having(total > 0).order_by(total.desc(), campo).tuples()]


def cumplimiento(f):
    filas = filtrar(R.select(fn.SUM(R.legal), fn.SUM(R.legal_a_tiempo), fn.SUM(R.sla),
                             fn.SUM(R.sla_a_tiempo)), f).tuples()
    legal, legal_ok, sla, sla_ok = (int(v or 0) for v in filas[0])
    resultado = [(LEGAL, '', legal, legal_ok)] if legal else []
    resultado += [(PRIORIDAD, '', sla, sla_ok)] if sla else []
    return resultado + [(ACTIVIDAD, a, int(n), int(ok)) for a, n, ok in
                        filtrar(RA.select(RA.actividad, fn.SUM(RA.terminos),
                                          fn.SUM(RA.a_tiempo)), f, tabla=RA)
                        .group_by(RA.actividad).order_by(RA.actividad).tuples()]


def cumplimiento_por_motivo(f):
    return [(m, int(n), int(ok)) for m, n, ok in
            filtrar(R.select(R.motivo, fn.SUM(R.legal), fn.SUM(R.legal_a_tiempo)), f)
            .group_by(R.motivo).having(fn.SUM(R.legal) > 0).tuples()]


def carga(f, por, ahora):
    """Open and overdue as of the rollup's computation (``ahora`` is the raw queries')."""
    campo = _columna(por, POR_CARGA)
    abiertos = fn.SUM(R.abiertos)
    return [(g, int(n), int(v or 0)) for g, n, v in
            filtrar(R.select(campo, abiertos, fn.SUM(R.vencidos)), f).group_by(campo)
            .having(abiertos > 0).order_by(abiertos.desc(), campo).tuples()]


def satisfaccion(f, por):
    campo = _columna(por, POR_SATISFACCION)
    sumas = [fn.SUM(getattr(R, f'nota_{n}')) for n in range(1, 6)]
    filas = filtrar(R.select(campo, *sumas), f).group_by(campo).order_by(campo).tuples()
    return [(g, n, int(c)) for g, *conteos in filas
            for n, c in enumerate(conteos, start=1) if c]


def montos(f):
    reclamado, aprobado = fn.SUM(R.reclamado), fn.SUM(R.aprobado)
    return list(filtrar(R.select(R.servicio, reclamado, aprobado), f).group_by(R.servicio)
                .having((reclamado > 0) | (aprobado > 0)).order_by(R.servicio).tuples())


def cabecera(f):
    """The headline tiles' sums over the period: received, legal terms met and met in time,
    and the count of each rating 1-5 (graficos.tablero.kpi)."""
    fila = filtrar(R.select(fn.SUM(R.recibidos), fn.SUM(R.legal), fn.SUM(R.legal_a_tiempo),
                            *[fn.SUM(getattr(R, f'nota_{n}')) for n in range(1, 6)]),
                   f).tuples()[0]
    return [int(v or 0) for v in fila]


def pendientes(f):
    """Received by the close and not finished by then: the evolution chart's last backlog."""
    return int(filtrar(R.select(fn.SUM(R.recibidos - R.finalizados)), f, fechas=False)
               .where(R.dia <= f.hasta).scalar() or 0)


tiempos = consultas.tiempos
