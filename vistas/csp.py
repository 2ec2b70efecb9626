"""The Content-Security-Policy nonce of the current request (admin_app.cabeceras sends it)."""
import secrets

from flask import g


def nonce():
    """This request's nonce, made on first use (templates, flask-admin, the header)."""
    if 'csp_nonce' not in g:
        g.csp_nonce = secrets.token_urlsafe(18)
    return g.csp_nonce
