"""``flask enviar-correos``: deliver the outbox (cron, or the in-process loop of run.py)."""
import sys

import click
from flask import current_app
from flask.cli import with_appcontext

from bd import db


@click.command('enviar-correos')
@with_appcontext
def enviar_correos():
    """Send pending e-mail now; failures stay queued for a later retry."""
    from reclamos.correo.salida import enviar_pendientes

    if not current_app.config.get('RECLAMOS_SMTP_SERVIDOR'):
        click.echo('Error: defina RECLAMOS_SMTP_SERVIDOR para enviar correos.', err=True)
        sys.exit(2)
    with db.connection_context():
        resumen = enviar_pendientes(current_app.config)
    click.echo(f"Enviados {resumen['enviados']}; fallidos {resumen['fallidos']}; "
               f"por reintentar {resumen['reintentar']}.")
    if resumen['reintentar']:
        sys.exit(1)
