"""``flask --app admin_app token-api EMAIL``: a fresh JSON API token, or revoke them all."""
import sys

import click
from flask.cli import with_appcontext

from bd import db


@click.command('token-api')
@with_appcontext
@click.argument('email')
@click.option('--revocar', is_flag=True,
              help='Revocar todos los tokens del usuario en vez de emitir uno.')
def token_api(email, revocar):
    """Print a new API token for EMAIL (for scripts and integrations), or revoke them all."""
    from catalogos.usuarios import Usuario
    from reclamos.acceso.tokens import emitir, revocar as revocar_todos, vigencia

    with db.connection_context():
        usuario = Usuario.get_or_none(Usuario.email == email.strip().lower())
        if usuario is None or not usuario.active:
            click.echo(f'Error: no existe un usuario activo con el correo «{email}».', err=True)
            sys.exit(2)
        with db.atomic():
            if revocar:
                revocar_todos(usuario)
                click.echo(f'Tokens de {usuario.email} revocados.')
                return
            token = emitir(usuario)
    horas = int(vigencia().total_seconds() // 3600)
    click.echo(token)
    click.echo(f'Vence en {horas} horas; envíelo en la cabecera Authentication-Token.', err=True)
