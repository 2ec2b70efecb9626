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


@click.command('barrer-adjuntos')
@with_appcontext
@click.option('--minutos', default=60, show_default=True, type=click.IntRange(min=0),
              help='Solo lo que tenga al menos esta antigüedad (una subida en curso es más '
                   'reciente).')
def barrer_adjuntos(minutos):
    """Remove stored files no document names and stale temporary uploads."""
    import datetime

    from bd import db
    from reclamos.caso.almacen import barrer_huerfanos, de_config

    with db.atomic():
        quitados = barrer_huerfanos(de_config(current_app.config),
                                    datetime.timedelta(minutes=minutos))
    click.echo(f'Archivos huérfanos eliminados: {quitados}.')
