"""``flask barrer-alertas`` (cron) and ``flask resumen-diario``; the in-process loop of run.py."""
import datetime
import threading
import time
from zoneinfo import ZoneInfo

import click
from flask import current_app
from flask.cli import with_appcontext

from bd import db


def ciclo(app, ahora=None):
    """One round: the sweep, the daily digest once its hour has come, the outbox, then the
    dashboard's rollup when stale (so the next dashboard opened is current)."""
    from reclamos.alertas.barrido import barrer
    from reclamos.correo.salida import enviar_pendientes
    from reclamos.mejora.alertas import avisar_mejoras
    from reclamos.correo.digesto import resumen_diario
    from graficos.tablero.vigencia import refrescar
    from reclamos.tiempo import ahora_utc

    ahora = ahora or ahora_utc()
    zona = app.config['BABEL_DEFAULT_TIMEZONE']
    with db.connection_context():
        resumen = barrer(ahora)
        resumen['mejoras'] = avisar_mejoras(ahora, zona)
        resumen['resumenes'] = 0
        if ahora.astimezone(ZoneInfo(zona)).hour >= app.config['RECLAMOS_RESUMEN_HORA']:
            resumen['resumenes'] = resumen_diario(ahora, zona)
        resumen.update(enviar_pendientes(app.config))  # sending runs on the real clock
        # Last: at a million cases a rebuild takes a minute or more; real clock too.
        resumen['tablero'] = refrescar(zona, app.config['RECLAMOS_RESUMEN_MINUTOS'])
    return resumen


@click.command('barrer-alertas')
@with_appcontext
def barrer_alertas():
    """Notify escalation levels due now, the daily digest when due, send the outbox and
    refresh the dashboard's rollup when stale."""
    r = ciclo(current_app._get_current_object())
    click.echo(f"Plazos revisados {r['terminos']}; alertas {r['avisos']}; resúmenes "
               f"{r['resumenes']}; acciones de mejora {r['mejoras']}; correos enviados "
               f"{r['enviados']}, fallidos {r['fallidos']}, por reintentar {r['reintentar']}; "
               f"resumen del tablero: {r['tablero']}.")


@click.command('resumen-diario')
@with_appcontext
def resumen_diario():
    """Queue today's digest of overdue cases for supervisors and managers (once a day)."""
    from reclamos.correo.digesto import resumen_diario as resumir

    with db.connection_context():
        n = resumir(zona=current_app.config['BABEL_DEFAULT_TIMEZONE'])
    click.echo(f'Resúmenes encolados: {n}.')


def iniciar_en_segundo_plano(app):
    """run.py only: a daemon thread runs ``ciclo`` every RECLAMOS_ALERTAS_MINUTOS (0: off)."""
    minutos = app.config['RECLAMOS_ALERTAS_MINUTOS']
    if minutos <= 0:
        return None

    def bucle():
        while True:
            try:
                with app.app_context():
                    ciclo(app)
            except Exception:  # noqa: BLE001  (a bad round must not stop the next ones)
                app.logger.exception('Falló una ronda de alertas; se reintenta en la próxima.')
            time.sleep(datetime.timedelta(minutes=minutos).total_seconds())

    hilo = threading.Thread(target=bucle, name='alertas', daemon=True)
    hilo.start()
    return hilo
