"""The daily rollup the dashboard reads at a million cases: one row per local day and
combination of the filter dimensions, rebuilt whole by ``recalcular``. Migration 0025 builds
it, ``graficos.tablero.vigencia`` keeps it current (the dashboard and the periodic round
call it) and ``flask recalcular-resumen`` forces a rebuild. Activity terms have a table of
their own (another grain).

``dia`` is the day of each event: received cases count on the day they arrived, answers on
the day of the answer, and so on; the cohort figures (open, overdue, terms met, ratings,
amounts) hang on the reception day, as the charts filter them.

Sample::

    dia        servicio motivo area canal prioridad origen  tipo    recibidos resueltos ...
    2026-03-02        1      1    1     1         1 externo reclamo         3         2
"""
import datetime
import time
from zoneinfo import ZoneInfo

from peewee import (SQL, CharField, DateField, DateTimeField, DecimalField, FloatField,
                    IntegerField, Case, fn)

from bd import BaseModel, db
from graficos.tablero.consultas import como_fecha
from reclamos.caso.acciones import Accion
from reclamos.caso.modelo import Reclamo
from reclamos.caso.lineas import LineaReclamo
from reclamos.plazos.modelo import ACTIVIDAD, LEGAL, PRIORIDAD, TerminoCaso
from reclamos.tiempo import a_bd, ahora_utc
from reglas.transiciones import ABIERTOS, APROBADO, CANCELADO

DIMENSIONES = ('servicio', 'motivo', 'area', 'canal', 'prioridad', 'origen', 'tipo',
               'usuario')
MEDIDAS = ('recibidos', 'resueltos', 'finalizados', 'abiertos', 'vencidos', 'legal',
           'legal_a_tiempo', 'sla', 'sla_a_tiempo', 'nota_1', 'nota_2', 'nota_3', 'nota_4',
           'nota_5', 'reclamado', 'aprobado')
LOTE = 500


class ResumenDiario(BaseModel):
    dia = DateField()
    servicio = IntegerField()
    motivo = IntegerField()
    area = IntegerField()
    canal = IntegerField()
    prioridad = IntegerField(null=True)
    origen = CharField(max_length=10)
    tipo = CharField(max_length=20)
    usuario = IntegerField(null=True)  # the responsible now (workload per agent)
    recibidos = IntegerField(default=0)
    resueltos = IntegerField(default=0)
    finalizados = IntegerField(default=0)  # resolved or annulled: left the backlog
    abiertos = IntegerField(default=0)  # at the time of the computation
    vencidos = IntegerField(default=0)  # open and past due at the time of the computation
    legal = IntegerField(default=0)
    legal_a_tiempo = IntegerField(default=0)
    sla = IntegerField(default=0)
    sla_a_tiempo = IntegerField(default=0)
    nota_1 = IntegerField(default=0)
    nota_2 = IntegerField(default=0)
    nota_3 = IntegerField(default=0)
    nota_4 = IntegerField(default=0)
    nota_5 = IntegerField(default=0)
    reclamado = DecimalField(max_digits=16, decimal_places=2, default=0)
    aprobado = DecimalField(max_digits=16, decimal_places=2, default=0)

    class Meta:
        indexes = ((('dia', 'area'), False),)


class ResumenActividad(BaseModel):
    """Activity terms met, and met in time, by reception day, dimensions and activity."""

    dia = DateField()
    servicio = IntegerField()
    motivo = IntegerField()
    area = IntegerField()
    canal = IntegerField()
    prioridad = IntegerField(null=True)
    origen = CharField(max_length=10)
    tipo = CharField(max_length=20)
    usuario = IntegerField(null=True)
    actividad = CharField(max_length=200)
    terminos = IntegerField(default=0)
    a_tiempo = IntegerField(default=0)

    class Meta:
        indexes = ((('dia', 'area'), False),)


class CalculoResumen(BaseModel):
    """The one row (id UNICO) saying when the rollup was last rebuilt, in which zone, how
    long it took, the data it saw (``huella``) and whether a rebuild is under way."""

    calculado_en = DateTimeField()
    zona = CharField(max_length=60)
    segundos = FloatField(default=0)
    # The fingerprint: the last case and the last action when the rebuild started. Every
    # change of a case writes an action (reclamos.caso.acciones), so equal ids mean the
    # same data (two index-only MAX reads).
    ultimo_reclamo = IntegerField(default=0)
    ultima_accion = IntegerField(default=0)
    iniciado_en = DateTimeField(null=True)  # claimed by a background rebuild since then

    @property
    def huella(self):
        return self.ultimo_reclamo, self.ultima_accion


UNICO = 1


def huella():
    """(last case id, last action id) now."""
    return (Reclamo.select(fn.MAX(Reclamo.id)).scalar() or 0,
            Accion.select(fn.MAX(Accion.id)).scalar() or 0)


def ultimo():
    """The computation the rollup holds, or None when it was never built."""
    return CalculoResumen.get_or_none(CalculoResumen.id == UNICO)


def _insertar(modelo, filas):
    for i in range(0, len(filas), LOTE):
        modelo.insert_many(filas[i:i + LOTE]).execute()


def _dia(campo, minutos):
    from bd import es_postgres

    if es_postgres():
        return fn.date_trunc(SQL("'day'"), campo + SQL(f"interval '{minutos} minutes'"))
    return fn.date(campo, f'{minutos:+d} minutes')


def _grupos(consulta_de, campo_dia, minutos, medidas, where=(), extra=()):
    """{(dia, dims..., extra...): [values]} of one GROUP BY over the cases (joined as
    needed)."""
    dia = _dia(campo_dia, minutos)
    dims = [getattr(Reclamo, d) for d in DIMENSIONES] + list(extra)
    consulta = consulta_de(dia, dims, medidas)
    for condicion in where:
        consulta = consulta.where(condicion)
    filas = consulta.group_by(*[SQL(str(i)) for i in range(1, len(dims) + 2)]).tuples()
    return {(como_fecha(f[0]), *f[1:len(dims) + 1]): f[len(dims) + 1:] for f in filas}


def _de_reclamos(dia, dims, medidas):
    return Reclamo.select(dia, *dims, *medidas)


def _uno(condicion):
    return fn.SUM(Case(None, [(condicion, 1)], 0))


def recalcular(zona, ahora=None):
    """Rebuild the whole rollup in one transaction; returns the number of rows.

    Reads first, then writes under the lock of the one CalculoResumen row, so rebuilds from
    several processes or servers replace each other whole instead of adding up."""
    inicio = time.monotonic()
    vista = huella()  # before reading: a change made meanwhile makes the result stale
    ahora = ahora or ahora_utc()
    minutos = int(datetime.datetime.now(ZoneInfo(zona)).utcoffset().total_seconds() // 60)
    abierto = Reclamo.estado.in_(ABIERTOS)
    filas = {}

    def sumar(grupos, columnas):
        for clave, valores in grupos.items():
            fila = filas.setdefault(clave, dict.fromkeys(MEDIDAS, 0))
            for columna, valor in zip(columnas, valores, strict=True):
                fila[columna] += valor or 0

    sumar(_grupos(_de_reclamos, Reclamo.recibido_en, minutos, [
        fn.COUNT(Reclamo.id), _uno(abierto), _uno(abierto & (Reclamo.vence_en < a_bd(ahora)))]
        + [_uno(Reclamo.calificacion == n) for n in range(1, 6)]),
        ['recibidos', 'abiertos', 'vencidos', 'nota_1', 'nota_2', 'nota_3', 'nota_4',
         'nota_5'])
    sumar(_grupos(_de_reclamos, Reclamo.terminado_en, minutos, [fn.COUNT(Reclamo.id)],
                  [Reclamo.terminado_en.is_null(False)]), ['resueltos'])
    fin = fn.COALESCE(Reclamo.terminado_en, Reclamo.anulado_en)
    sumar(_grupos(_de_reclamos, fin, minutos, [fn.COUNT(Reclamo.id)], [fin.is_null(False)]),
          ['finalizados'])
    a_tiempo = (TerminoCaso.vence_en.is_null(False)
                & (TerminoCaso.cumplido_en <= TerminoCaso.vence_en))
    sumar(_grupos(lambda dia, dims, medidas: TerminoCaso.select(dia, *dims, *medidas)
                  .join(Reclamo), Reclamo.recibido_en, minutos,
                  [_uno(TerminoCaso.tipo == LEGAL), _uno((TerminoCaso.tipo == LEGAL) & a_tiempo),
                   _uno(TerminoCaso.tipo == PRIORIDAD),
                   _uno((TerminoCaso.tipo == PRIORIDAD) & a_tiempo)],
                  [TerminoCaso.cumplido_en.is_null(False),
                   TerminoCaso.cancelado == False,  # noqa: E712
                   TerminoCaso.tipo.in_([LEGAL, PRIORIDAD])]),
          ['legal', 'legal_a_tiempo', 'sla', 'sla_a_tiempo'])
    sumar(_grupos(lambda dia, dims, medidas: LineaReclamo.select(dia, *dims, *medidas)
                  .join(Reclamo), Reclamo.recibido_en, minutos,
                  [fn.SUM(Case(None, [(LineaReclamo.estado != CANCELADO,
                                       LineaReclamo.monto_reclamado)], 0)),
                   fn.SUM(Case(None, [(LineaReclamo.estado == APROBADO,
                                       LineaReclamo.monto_aprobado)], 0))]),
          ['reclamado', 'aprobado'])
    actividades = _grupos(lambda dia, dims, medidas: TerminoCaso.select(dia, *dims, *medidas)
                          .join(Reclamo), Reclamo.recibido_en, minutos,
                          [fn.COUNT(TerminoCaso.id), _uno(a_tiempo)],
                          [TerminoCaso.cumplido_en.is_null(False),
                           TerminoCaso.cancelado == False,  # noqa: E712
                           TerminoCaso.tipo == ACTIVIDAD], extra=[TerminoCaso.nombre])
    campos = ['dia', *DIMENSIONES, *MEDIDAS]
    with db.atomic():
        calculo = dict(calculado_en=a_bd(ahora_utc()), zona=zona, ultimo_reclamo=vista[0],
                       ultima_accion=vista[1], iniciado_en=None)
        # Waits for a concurrent rebuild's row, then locks it until this one commits.
        CalculoResumen.insert(id=UNICO, **calculo).on_conflict_ignore().execute()
        CalculoResumen.update(**calculo).where(CalculoResumen.id == UNICO).execute()
        ResumenDiario.delete().execute()
        _insertar(ResumenDiario, [dict(zip(campos, (*clave, *(m[c] for c in MEDIDAS)),
                                           strict=True)) for clave, m in filas.items()])
        ResumenActividad.delete().execute()
        campos = ['dia', *DIMENSIONES, 'actividad', 'terminos', 'a_tiempo']
        _insertar(ResumenActividad, [dict(zip(campos, (*clave, *valores), strict=True))
                                     for clave, valores in actividades.items()])
        # The real instant (not ``ahora``): it names this computation for the view's cache.
        (CalculoResumen.update(calculado_en=a_bd(ahora_utc()),
                               segundos=round(time.monotonic() - inicio, 3))
         .where(CalculoResumen.id == UNICO).execute())
    return len(filas)
