"""Issuing and revoking JSON API tokens: one service for the API's POST /token and the CLI's
``token-api``, so the command line never imports the HTTP layer.

The token is Flask-Security's own (``Usuario.get_auth_token()``: signed with SECRET_KEY,
carrying ``fs_token_uniquifier``, expiring after SECURITY_TOKEN_MAX_AGE). Replacing a user's
``fs_token_uniquifier`` revokes all of their tokens at once and leaves their screen sessions
alone. Callers run these inside their transaction.
"""
import datetime
import uuid

from flask import current_app

from catalogos.usuarios import Usuario


def emitir(fila):
    """A fresh token of ``fila`` (giving the user a token identity on first use)."""
    if not fila.fs_token_uniquifier:
        # Conditional: two first requests at once must not invalidate each other's token.
        (Usuario.update(fs_token_uniquifier=uuid.uuid4().hex)
         .where(Usuario.id == fila.id, Usuario.fs_token_uniquifier.is_null()).execute())
        fila.fs_token_uniquifier = (Usuario.select(Usuario.fs_token_uniquifier)
                                    .where(Usuario.id == fila.id).scalar())
    return fila.get_auth_token()


def revocar(fila):
    """Invalidate every token issued to ``fila`` so far."""
    fila.fs_token_uniquifier = uuid.uuid4().hex
    (Usuario.update(fs_token_uniquifier=fila.fs_token_uniquifier)
     .where(Usuario.id == fila.id).execute())


def vigencia():
    """How long a token issued now lives (Flask-Security accepts seconds or a timedelta)."""
    maximo = current_app.config['SECURITY_TOKEN_MAX_AGE']
    if not isinstance(maximo, datetime.timedelta):
        maximo = datetime.timedelta(seconds=maximo)
    return maximo
