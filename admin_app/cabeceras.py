"""Security headers on every response."""

# flask-admin's templates use inline event handlers (onclick=...), which a nonce cannot cover,
# so scripts keep 'unsafe-inline'; everything must still come from this site (no CDN), pages
# cannot be framed, and forms post only here.
POLITICA = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; "
            "base-uri 'self'; object-src 'none'")


def registrar(app):
    @app.after_request
    def _cabeceras(respuesta):
        respuesta.headers.setdefault('Content-Security-Policy', POLITICA)
        respuesta.headers.setdefault('X-Frame-Options', 'DENY')
        respuesta.headers.setdefault('X-Content-Type-Options', 'nosniff')
        respuesta.headers.setdefault('Referrer-Policy', 'same-origin')
        if app.config.get('SESSION_COOKIE_SECURE'):
            # Served over HTTPS (that is what the setting says): browsers must not fall back.
            respuesta.headers.setdefault('Strict-Transport-Security',
                                         'max-age=31536000; includeSubDomains')
        return respuesta
