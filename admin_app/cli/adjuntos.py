"""``flask adjuntos-a-bd``: move to RECLAMOS_ADJUNTOS_EN=bd without losing stored documents."""
import click
from flask import current_app
from flask.cli import with_appcontext


@click.command('adjuntos-a-bd')
@with_appcontext
def adjuntos_a_bd():
    """Copy the documents' files from RECLAMOS_ADJUNTOS into the database."""
    from reclamos.caso.almacen import copiar_a_bd

    cuenta = copiar_a_bd(current_app.config['RECLAMOS_ADJUNTOS'])
    click.echo(f"Copiados: {cuenta['copiados']}; ya estaban: {cuenta['ya_estaban']}; "
               f"faltan en la carpeta: {cuenta['faltan']}; alterados (no copiados): "
               f"{cuenta['alterados']}.")
    if cuenta['faltan'] or cuenta['alterados']:
        raise SystemExit(1)
