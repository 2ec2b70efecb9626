"""Security headers on every response.

Scripts run only from this site or with the response's nonce (issue 15): a fresh random
nonce per request, given to flask-admin (``Admin(csp_nonce_generator=...)``) and to our
templates (``csp_nonce()``). No inline event handler (onclick=...) is left: flask-admin's
few are replaced in vistas/templates/admin by data attributes that vistas/static/sin_inline.js
wires up. Styles keep 'unsafe-inline' (flask-admin and plotly set style attributes; a style
cannot run code). Everything comes from this site (no CDN), pages cannot be framed, and
forms post only here.
"""
from vistas.csp import nonce

POLITICA = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "script-src 'self' 'nonce-{nonce}'; frame-ancestors 'none'; form-action 'self'; "
            "base-uri 'self'; object-src 'none'")


def registrar(app):
    app.jinja_env.globals['csp_nonce'] = nonce

    @app.after_request
    def _cabeceras(respuesta):
        respuesta.headers.setdefault('Content-Security-Policy', POLITICA.format(nonce=nonce()))
        respuesta.headers.setdefault('X-Frame-Options', 'DENY')
        respuesta.headers.setdefault('X-Content-Type-Options', 'nosniff')
        respuesta.headers.setdefault('Referrer-Policy', 'same-origin')
        if app.config.get('SESSION_COOKIE_SECURE'):
            # Served over HTTPS (that is what the setting says): browsers must not fall back.
            respuesta.headers.setdefault('Strict-Transport-Security',
                                         'max-age=31536000; includeSubDomains')
        return respuesta
