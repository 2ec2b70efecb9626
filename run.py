"""One command: bring the schema up to date, load demo data into an empty database, serve.

    python run.py [--host 127.0.0.1] [--port 5000] [--sin-demo]

DATABASE_URL picks the database (default: SQLite under instance/); HOST and PORT may also
come from the environment.
"""
import argparse
import os
import sys

from admin_app import create_app
from admin_app.config import ConfiguracionInvalida


def argumentos():
    parser = argparse.ArgumentParser(description='Reclamos: mesa de PQRS.')
    parser.add_argument('--host', default=os.environ.get('HOST', '127.0.0.1'))
    parser.add_argument('--port', type=int, default=int(os.environ.get('PORT', '5000')))
    parser.add_argument('--sin-demo', action='store_true',
                        help='No cargar datos de demostración en una base vacía.')
    return parser.parse_args()


def preparar(app, con_demo=True):
    """Apply pending migrations; load the demo into an empty database. Returns login text."""
    from admin_app import demo
    from admin_app.esquema import migrar

    with app.app_context():
        aplicadas = migrar()
        if aplicadas:
            print(f'Migraciones aplicadas: {", ".join(aplicadas)}')
        if con_demo and demo.base_vacia():
            demo.cargar()
            print('Datos de demostración cargados.')
        return demo.texto_accesos() if demo.hay_usuarios_demo() else ''


def main():
    args = argumentos()
    # The demo's e-mail links point at this server unless a public URL is configured.
    propia = {} if os.environ.get('RECLAMOS_URL_PUBLICA') else {
        'RECLAMOS_URL_PUBLICA': f'http://{args.host}:{args.port}'}
    try:
        app = create_app(propia)
    except ConfiguracionInvalida as error:  # the operator's words, not a traceback
        sys.exit(f'No se puede iniciar Reclamos: {error}')
    accesos = preparar(app, con_demo=not args.sin_demo)
    print(f'\nReclamos está en http://{args.host}:{args.port}/  (ingreso: '
          f'http://{args.host}:{args.port}/login)')
    if accesos:
        print(accesos)
    from admin_app.cli.alertas import iniciar_en_segundo_plano
    if iniciar_en_segundo_plano(app):
        print(f"Alertas y correo cada {app.config['RECLAMOS_ALERTAS_MINUTOS']:g} minutos "
              '(RECLAMOS_ALERTAS_MINUTOS=0 lo desactiva).')
    app.run(host=args.host, port=args.port, threaded=True, use_reloader=False)


if __name__ == '__main__':
    main()
