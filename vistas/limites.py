"""Request rate limits (Flask-Limiter), bound in the factory.

One unbound ``limitador``: views decorate with ``limitador.limit('10/minute')``. Counters live
in memory by default (one process); with several app servers set RECLAMOS_LIMITES_URI to a
shared store (e.g. ``redis://127.0.0.1:6379/0``) so a client cannot multiply its quota by the
number of workers.
"""
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

limitador = Limiter(key_func=get_remote_address, default_limits=[])
# Every limit here is on POST (the portal's forms, the login, the API's token request), so
# only a POST is handed to Flask-Limiter: otherwise it works through its limits on every
# page to find that none applies (~0.1 ms, a tenth of the customer's tracking page).
# tests/vistas/test_limites.py fails when a limit on another method is declared.
METODOS_LIMITADOS = frozenset({'POST'})


@limitador.request_filter
def _sin_limite():
    from flask import request
    return request.method not in METODOS_LIMITADOS


def iniciar(app):
    app.config.setdefault('RATELIMIT_STORAGE_URI', 'memory://')
    app.config.setdefault('RATELIMIT_HEADERS_ENABLED', True)
    limitador.init_app(app)


def _limite_entrada():
    from flask import current_app
    return current_app.config['RECLAMOS_LIMITE_ENTRADA']


def _fallida(respuesta):
    """Only failed attempts use up the quota: a whole office behind one address signing in
    at nine must not lock itself out (a good login redirects; a good token request is 200)."""
    from flask import request
    exito = 302 if request.endpoint == 'security.login' else 200
    return respuesta.status_code != exito


def limitar_entradas(app):
    """Password guessing by IP: the login form and the API's token request share one quota of
    failed attempts per client (RECLAMOS_LIMITE_ENTRADA); the per-account lock-out is
    catalogos.accesos."""
    limite = limitador.shared_limit(_limite_entrada, scope='entrada', methods=['POST'],
                                    deduct_when=_fallida)
    for endpoint in ('security.login', 'api.token'):
        app.view_functions[endpoint] = limite(app.view_functions[endpoint])

    @app.errorhandler(429)
    def _demasiadas(error):
        from flask import jsonify, request
        mensaje = ('Demasiados intentos desde su dirección: espere un momento y vuelva a '
                   'intentarlo.')
        if request.blueprint == 'api':
            respuesta = jsonify({'mensaje': mensaje, 'errores': {}})
        else:
            from vistas.paginas_error import pagina
            respuesta = app.make_response(pagina(error, mensaje))
        respuesta.status_code = 429
        if getattr(error, 'retry_after', None):
            respuesta.headers['Retry-After'] = str(error.retry_after)
        return respuesta
