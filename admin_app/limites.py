"""Request rate limits (Flask-Limiter), bound in the factory.

One unbound ``limitador``: views decorate with ``limitador.limit('10/minute')``. Counters live
in memory by default (one process); with several app servers set RECLAMOS_LIMITES_URI to a
shared store (e.g. ``redis://127.0.0.1:6379/0``) so a client cannot multiply its quota by the
number of workers.
"""
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

limitador = Limiter(key_func=get_remote_address, default_limits=[])


def iniciar(app):
    app.config.setdefault('RATELIMIT_STORAGE_URI', 'memory://')
    app.config.setdefault('RATELIMIT_HEADERS_ENABLED', True)
    limitador.init_app(app)
