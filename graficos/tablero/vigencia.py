"""Which computation of the daily rollup the dashboard reads, kept current by the app itself
(issue 20): no deployment scans the cases for the charts and nobody runs a command.

A computation is current while the zone is the same, the data fingerprint (last case id,
last action id) has not moved and it is younger than RECLAMOS_RESUMEN_MINUTOS (open and
overdue counts age with the clock). When it is not:

- a rebuild expected to be cheap (under ``BARATO`` seconds: a small desk, the demo) runs
  inline, so those desks always see exact figures;
- otherwise, once it is older than the limit, one process claims the rebuild with a
  conditional UPDATE (the row count says who won, on SQLite and PostgreSQL, across processes
  and servers), rebuilds in a daemon thread, and every request meanwhile is served the
  existing rollup at once.

Sample: ``asegurar('America/Bogota', app)`` -> the CalculoResumen row to read.
"""
import datetime
import threading

from bd import db
from graficos.tablero.consolidado import UNICO, CalculoResumen, huella, recalcular, ultimo
from reclamos.tiempo import a_bd, ahora_utc

BARATO = 1.0  # seconds: below this a rebuild runs inside the request
RECLAMO_VENCE = datetime.timedelta(minutes=30)  # a claim older than this was abandoned
HOLGURA = 100  # cases added to both sides of the size ratio (an empty base is not free)


def reciente(calculo, zona, minutos, ahora=None):
    """Same zone and younger than ``minutos``."""
    edad = a_bd(ahora or ahora_utc()) - calculo.calculado_en
    return calculo.zona == zona and edad < datetime.timedelta(minutes=minutos)


def vigente(calculo, zona, minutos, actual, ahora=None):
    """Whether ``calculo`` may be served as it is (``actual``: the fingerprint now)."""
    return calculo.huella == tuple(actual) and reciente(calculo, zona, minutos, ahora)


def costo_estimado(calculo, actual):
    """Seconds the next rebuild should take: the last one's, scaled by the cases added since
    (a rollup built on an empty base says nothing about a million seeded cases)."""
    return calculo.segundos * (actual[0] + HOLGURA) / (calculo.ultimo_reclamo + HOLGURA)


def reclamar(ahora=None):
    """Claim the background rebuild; True for exactly one of several concurrent callers."""
    ahora = a_bd(ahora or ahora_utc())
    return (CalculoResumen.update(iniciado_en=ahora)
            .where(CalculoResumen.id == UNICO,
                   CalculoResumen.iniciado_en.is_null()
                   | (CalculoResumen.iniciado_en < ahora - RECLAMO_VENCE))
            .execute()) == 1


def soltar():
    """Give a claim back (the rebuild failed), so the next request tries again."""
    CalculoResumen.update(iniciado_en=None).where(CalculoResumen.id == UNICO).execute()


def asegurar(zona, app):
    """The computation the dashboard should read now (see the module docstring)."""
    calculo = ultimo()
    if calculo is None:  # never built (a database made without the migrations)
        recalcular(zona)
        return ultimo()
    actual = huella()
    minutos = app.config['RECLAMOS_RESUMEN_MINUTOS']
    if vigente(calculo, zona, minutos, actual):
        return calculo
    if costo_estimado(calculo, actual) < BARATO:
        recalcular(zona)
        return ultimo()
    # An expensive rebuild waits for the age limit even when cases changed: on a busy desk
    # at a million cases the fingerprint moves every second, and rebuilding back to back
    # would keep a core busy all day.
    if not reciente(calculo, zona, minutos) and reclamar():
        en_segundo_plano(app, zona)
        calculo.iniciado_en = a_bd(ahora_utc())
    return calculo


RECALCULADO, AL_DIA, EN_CURSO = 'recalculado', 'al día', 'lo recalcula otro proceso'


def refrescar(zona, minutos):
    """For the periodic round: rebuild here and now when stale and nobody else is at it.
    Returns RECALCULADO, AL_DIA or EN_CURSO."""
    calculo = ultimo()
    if calculo is not None and vigente(calculo, zona, minutos, huella()):
        return AL_DIA
    if calculo is not None and not reclamar():
        return EN_CURSO
    try:
        recalcular(zona)
    except Exception:
        soltar()
        raise
    return RECALCULADO


def en_segundo_plano(app, zona):
    """Rebuild in a daemon thread with its own app context and connection."""
    def trabajo():
        with app.app_context():
            try:
                with db.connection_context():
                    recalcular(zona)
            except Exception:  # noqa: BLE001  (logged; the claim is given back)
                app.logger.exception('No se pudo recalcular el resumen del tablero.')
                with db.connection_context():
                    soltar()

    hilo = threading.Thread(target=trabajo, name='resumen-tablero', daemon=True)
    hilo.start()
    return hilo
