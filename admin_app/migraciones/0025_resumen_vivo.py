"""The dashboard's daily rollup kept current by the app (issue 20): its one computation row
gains the data fingerprint it saw, sub-second timing and a claim for single-flight rebuilds,
and the rollup is built here once, so an upgraded desk never reads the cases for its charts.

The rebuild is a frozen copy of ``graficos.tablero.consolidado.recalcular`` as of this step,
over frozen copies of the columns it reads: no migration imports the application (a later
step may add columns the models then read, which would not exist yet when this one runs on
an old database). The zone is the running app's (``flask migrar``, run.py), else
RECLAMOS_TIMEZONE, else America/Bogota, as admin_app.config. At a million cases this step
takes about as long as one rebuild (~80 s on SQLite).
"""
import datetime
import os
import time
from zoneinfo import ZoneInfo

from peewee import *

DIMENSIONES = ('servicio', 'motivo', 'area', 'canal', 'prioridad', 'origen', 'tipo',
               'usuario')
MEDIDAS = ('recibidos', 'resueltos', 'finalizados', 'abiertos', 'vencidos', 'legal',
           'legal_a_tiempo', 'sla', 'sla_a_tiempo', 'nota_1', 'nota_2', 'nota_3', 'nota_4',
           'nota_5', 'reclamado', 'aprobado')
ABIERTOS = ('PENDIENTE', 'EN_CURSO', 'SUSPENDIDO')
LOTE = 500


def _modelos(db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Reclamo(Base):
        servicio = IntegerField(column_name='servicio_id')
        motivo = IntegerField(column_name='motivo_id')
        area = IntegerField(column_name='area_id')
        canal = IntegerField(column_name='canal_id')
        prioridad = IntegerField(column_name='prioridad_id', null=True)
        origen = CharField()
        tipo = CharField()
        usuario = IntegerField(column_name='usuario_id', null=True)
        estado = CharField()
        recibido_en = DateTimeField()
        terminado_en = DateTimeField(null=True)
        anulado_en = DateTimeField(null=True)
        vence_en = DateTimeField(null=True)
        calificacion = IntegerField(null=True)

    class TerminoCaso(Base):
        reclamo = IntegerField(column_name='reclamo_id')
        tipo = CharField()
        nombre = CharField()
        vence_en = DateTimeField(null=True)
        cumplido_en = DateTimeField(null=True)
        cancelado = BooleanField()

    class LineaReclamo(Base):
        reclamo = IntegerField(column_name='reclamo_id')
        estado = CharField()
        monto_reclamado = DecimalField(max_digits=14, decimal_places=2)
        monto_aprobado = DecimalField(max_digits=14, decimal_places=2, null=True)

    class Accion(Base):
        pass

    class Dimensiones(Base):
        dia = DateField()
        servicio = IntegerField()
        motivo = IntegerField()
        area = IntegerField()
        canal = IntegerField()
        prioridad = IntegerField(null=True)
        origen = CharField(max_length=10)
        tipo = CharField(max_length=20)
        usuario = IntegerField(null=True)

    class ResumenDiario(Dimensiones):
        recibidos = IntegerField(default=0)
        resueltos = IntegerField(default=0)
        finalizados = IntegerField(default=0)
        abiertos = IntegerField(default=0)
        vencidos = IntegerField(default=0)
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
            table_name = 'resumen_diario'

    class ResumenActividad(Dimensiones):
        actividad = CharField(max_length=200)
        terminos = IntegerField(default=0)
        a_tiempo = IntegerField(default=0)

        class Meta:
            table_name = 'resumen_actividad'

    return Reclamo, TerminoCaso, LineaReclamo, Accion, ResumenDiario, ResumenActividad


def _calculo(db, actual=True):
    """The computation row: this step's shape, or 0011's (``actual`` False, for down)."""
    class CalculoResumen(Model):
        calculado_en = DateTimeField()
        zona = CharField(max_length=60)
        segundos = FloatField(default=0) if actual else IntegerField(default=0)
        if actual:
            ultimo_reclamo = IntegerField(default=0)
            ultima_accion = IntegerField(default=0)
            iniciado_en = DateTimeField(null=True)

        class Meta:
            database = db
            table_name = 'calculo_resumen'
            legacy_table_names = False

    return CalculoResumen


def _zona():
    try:
        from flask import current_app, has_app_context
    except ImportError:  # pragma: no cover (flask is a dependency)
        has_app_context = lambda: False  # noqa: E731
    if has_app_context():
        return current_app.config['BABEL_DEFAULT_TIMEZONE']
    return os.environ.get('RECLAMOS_TIMEZONE', 'America/Bogota')


def _como_fecha(valor):
    if isinstance(valor, datetime.datetime):
        return valor.date()
    if isinstance(valor, datetime.date):
        return valor
    return datetime.date.fromisoformat(str(valor)[:10])


def _reconstruir(db, CalculoResumen):
    Reclamo, TerminoCaso, LineaReclamo, Accion, ResumenDiario, ResumenActividad = _modelos(db)
    inicio = time.monotonic()
    zona = _zona()
    huella = (Reclamo.select(fn.MAX(Reclamo.id)).scalar() or 0,
              Accion.select(fn.MAX(Accion.id)).scalar() or 0)
    ahora = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    minutos = int(datetime.datetime.now(ZoneInfo(zona)).utcoffset().total_seconds() // 60)
    postgres = 'postgres' in type(db).__name__.lower()
    filas = {}

    def dia(campo):
        if postgres:
            return fn.date_trunc(SQL("'day'"), campo + SQL(f"interval '{minutos} minutes'"))
        return fn.date(campo, f'{minutos:+d} minutes')

    def grupos(consulta_de, campo_dia, medidas, where=(), extra=()):
        dims = [getattr(Reclamo, d) for d in DIMENSIONES] + list(extra)
        consulta = consulta_de(dia(campo_dia), dims, medidas)
        for condicion in where:
            consulta = consulta.where(condicion)
        filas_sql = consulta.group_by(*[SQL(str(i)) for i in range(1, len(dims) + 2)]).tuples()
        return {(_como_fecha(f[0]), *f[1:len(dims) + 1]): f[len(dims) + 1:] for f in filas_sql}

    def sumar(de_grupos, columnas):
        for clave, valores in de_grupos.items():
            fila = filas.setdefault(clave, dict.fromkeys(MEDIDAS, 0))
            for columna, valor in zip(columnas, valores, strict=True):
                fila[columna] += valor or 0

    def uno(condicion):
        return fn.SUM(Case(None, [(condicion, 1)], 0))

    def de_reclamos(d, dims, medidas):
        return Reclamo.select(d, *dims, *medidas)

    def de_terminos(d, dims, medidas):
        return TerminoCaso.select(d, *dims, *medidas).join(
            Reclamo, on=(TerminoCaso.reclamo == Reclamo.id))

    def de_lineas(d, dims, medidas):
        return LineaReclamo.select(d, *dims, *medidas).join(
            Reclamo, on=(LineaReclamo.reclamo == Reclamo.id))

    abierto = Reclamo.estado.in_(ABIERTOS)
    sumar(grupos(de_reclamos, Reclamo.recibido_en, [
        fn.COUNT(Reclamo.id), uno(abierto), uno(abierto & (Reclamo.vence_en < ahora))]
        + [uno(Reclamo.calificacion == n) for n in range(1, 6)]),
        ['recibidos', 'abiertos', 'vencidos', 'nota_1', 'nota_2', 'nota_3', 'nota_4',
         'nota_5'])
    sumar(grupos(de_reclamos, Reclamo.terminado_en, [fn.COUNT(Reclamo.id)],
                 [Reclamo.terminado_en.is_null(False)]), ['resueltos'])
    fin = fn.COALESCE(Reclamo.terminado_en, Reclamo.anulado_en)
    sumar(grupos(de_reclamos, fin, [fn.COUNT(Reclamo.id)], [fin.is_null(False)]),
          ['finalizados'])
    a_tiempo = (TerminoCaso.vence_en.is_null(False)
                & (TerminoCaso.cumplido_en <= TerminoCaso.vence_en))
    cumplidos = [TerminoCaso.cumplido_en.is_null(False),
                 TerminoCaso.cancelado == False]  # noqa: E712
    sumar(grupos(de_terminos, Reclamo.recibido_en,
                 [uno(TerminoCaso.tipo == 'legal'), uno((TerminoCaso.tipo == 'legal') & a_tiempo),
                  uno(TerminoCaso.tipo == 'prioridad'),
                  uno((TerminoCaso.tipo == 'prioridad') & a_tiempo)],
                 cumplidos + [TerminoCaso.tipo.in_(['legal', 'prioridad'])]),
          ['legal', 'legal_a_tiempo', 'sla', 'sla_a_tiempo'])
    sumar(grupos(de_lineas, Reclamo.recibido_en,
                 [fn.SUM(Case(None, [(LineaReclamo.estado != 'CANCELADO',
                                      LineaReclamo.monto_reclamado)], 0)),
                  fn.SUM(Case(None, [(LineaReclamo.estado == 'APROBADO',
                                      LineaReclamo.monto_aprobado)], 0))]),
          ['reclamado', 'aprobado'])
    actividades = grupos(de_terminos, Reclamo.recibido_en,
                         [fn.COUNT(TerminoCaso.id), uno(a_tiempo)],
                         cumplidos + [TerminoCaso.tipo == 'actividad'],
                         extra=[TerminoCaso.nombre])

    def insertar(modelo, campos, pares):
        lista = [dict(zip(campos, (*clave, *valores), strict=True)) for clave, valores in pares]
        for i in range(0, len(lista), LOTE):
            modelo.insert_many(lista[i:i + LOTE]).execute()

    ResumenDiario.delete().execute()
    insertar(ResumenDiario, ['dia', *DIMENSIONES, *MEDIDAS],
             [(clave, [m[c] for c in MEDIDAS]) for clave, m in filas.items()])
    ResumenActividad.delete().execute()
    insertar(ResumenActividad, ['dia', *DIMENSIONES, 'actividad', 'terminos', 'a_tiempo'],
             actividades.items())
    CalculoResumen.create(
        id=1, calculado_en=datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None),
        zona=zona, segundos=round(time.monotonic() - inicio, 3), ultimo_reclamo=huella[0],
        ultima_accion=huella[1])


def up(migrator, db):
    # One row at most, rebuilt below: a new table is simpler than changing a column's type
    # (SQLite rebuilds the table for that anyway).
    migrator.migrate(migrator.drop_table('calculo_resumen'))
    CalculoResumen = _calculo(db)
    db.create_tables([CalculoResumen])
    _reconstruir(db, CalculoResumen)


def down(migrator, db):
    # The earlier code reads the cases until ``flask recalcular-resumen`` runs again.
    migrator.migrate(migrator.drop_table('calculo_resumen'))
    db.create_tables([_calculo(db, actual=False)])
