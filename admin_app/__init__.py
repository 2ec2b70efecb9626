"""Application factory. Importing this package imports nothing else of the project:
views, blueprints and the CLI are pulled in inside ``create_app()``."""
from pathlib import Path

from flask import Flask


def create_app(config=None):
    """Build the app from environment variables, then ``config`` (tests pass their own)."""
    from admin_app import config as configuracion
    from bd import abrir, registrar_conexion_por_peticion

    raiz = Path(__file__).resolve().parent.parent
    app = Flask('reclamos', root_path=str(raiz),
                template_folder=str(raiz / 'vistas' / 'templates'),
                static_folder=str(raiz / 'vistas' / 'static'))
    app.config.update(configuracion.FIJA)
    app.config.update(configuracion.desde_entorno())
    app.config.update(config or {})
    configuracion.comprobar(app.config)
    from vistas import numeros
    numeros.registrar(app)  # before any route: the bounded int converter

    proxies = app.config.get('RECLAMOS_PROXIES', 0)
    if proxies:
        # Behind nginx the peer is the proxy: the client's address (rate limits, the action
        # log's IP) and scheme come from the X-Forwarded-* headers of that many proxies.
        from werkzeug.middleware.proxy_fix import ProxyFix
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)

    from reclamos.caso.almacen import modo_valido
    # An unknown storage setting stops the start here, not at the first upload.
    app.config['RECLAMOS_ADJUNTOS_EN'] = modo_valido(app.config.get('RECLAMOS_ADJUNTOS_EN'))

    abrir(app.config['DATABASE_URL'])
    registrar_conexion_por_peticion(app)

    from admin_app import cabeceras, cli, idioma, seguridad
    from vistas import limites
    cabeceras.registrar(app)
    limites.iniciar(app)
    idioma.iniciar(app)
    seguridad.iniciar(app)
    cli.registrar(app)

    from vistas import registrar_vistas
    registrar_vistas(app)
    limites.limitar_entradas(app)
    return app
