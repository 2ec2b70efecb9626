"""What one request of each busy page costs in one process: SQL statements, wall and CPU ms.

    python -m bench.por_peticion [--peticiones 200] [--perfil PAGINA]

On the database of DATABASE_URL, seeded by bench.sembrar. Pages: the case page and the queue
(signed in as BENCH_USUARIO, the cases of their area), the customer's tracking page by signed
link, and the portal's two forms, all as the load bench asks for them (no cookie for the
customer). Each page is asked 10 times to warm up, then ``--peticiones`` times: medians. No
server and no concurrency: the service time the code itself costs, deterministic enough to
compare two commits on one machine. ``--perfil PAGINA`` prints cProfile's top instead.
"""
import argparse
import cProfile
import pstats
import random
import re
import statistics
import time
from contextlib import contextmanager

from bench.escenarios import CONTRASENA, USUARIO

TOKEN = r'name="csrf_token" type="hidden" value="([^"]+)"'


@contextmanager
def contando(sentencias):
    """Append every SQL statement sent inside the block to ``sentencias``."""
    from bd import db

    clase = type(db.obj)
    original = clase.execute_sql

    def contar(self, sql, params=None, *args, **kwargs):
        sentencias.append(sql)
        return original(self, sql, params, *args, **kwargs)

    clase.execute_sql = contar
    try:
        yield
    finally:
        clase.execute_sql = original


def _muestras(app, email, cuantas=50, semilla=7):
    from bd import db
    from catalogos.usuarios import Usuario
    from reclamos.caso.modelo import Reclamo
    from reclamos.portal import enlaces

    with app.app_context(), app.test_request_context(), db.connection_context():
        area = Usuario.get(Usuario.email == email).area_id
        numeros = [n for (n,) in Reclamo.select(Reclamo.numero).where(Reclamo.area == area)
                   .tuples()]
        ids = [i for (i,) in Reclamo.select(Reclamo.id).tuples()]
        azar = random.Random(semilla)
        return (azar.sample(numeros, min(cuantas, len(numeros))),
                [enlaces.firmar(enlaces.SEGUIMIENTO, {'r': i})
                 for i in azar.sample(ids, min(cuantas, len(ids)))])


def paginas(app, email=USUARIO, contrasena=CONTRASENA):
    """{page: request(i)} as the load bench makes them."""
    casos, enlaces = _muestras(app, email)
    personal = app.test_client()
    token = re.search(TOKEN, personal.get('/login').get_data(as_text=True)).group(1)
    entrada = personal.post('/login', data={'email': email, 'password': contrasena,
                                            'csrf_token': token})
    if entrada.status_code != 302:
        raise RuntimeError(f'no se pudo iniciar sesión como {email}')

    def cliente(ruta):
        return app.test_client(use_cookies=False).get(ruta)

    return {
        'caso': lambda i: personal.get(f'/casos/{casos[i % len(casos)]}'),
        'cola': lambda i: personal.get('/casos/?vista=area'),
        'seguimiento público': lambda i: cliente(f'/portal/caso/{enlaces[i % len(enlaces)]}'),
        'formulario del portal': lambda i: cliente('/portal/'),
        'consulta del portal': lambda i: cliente('/portal/seguimiento'),
    }


def medir(pedir, peticiones):
    """(median statements, min, max, median wall ms, median CPU ms) of ``pedir(i)``."""
    for i in range(10):
        respuesta = pedir(i)
        if respuesta.status_code != 200:
            raise RuntimeError(f'HTTP {respuesta.status_code}')
    cuentas, reloj, cpu = [], [], []
    for i in range(peticiones):
        sentencias = []
        with contando(sentencias):
            inicio, inicio_cpu = time.perf_counter(), time.process_time()
            pedir(i)
            cpu.append((time.process_time() - inicio_cpu) * 1000)
            reloj.append((time.perf_counter() - inicio) * 1000)
        cuentas.append(len(sentencias))
    return (statistics.median(cuentas), min(cuentas), max(cuentas), statistics.median(reloj),
            statistics.median(cpu))


def main(argv=None):
    from admin_app import create_app
    from bd import db

    parser = argparse.ArgumentParser(description='Costo por petición de las páginas más usadas.')
    parser.add_argument('--peticiones', type=int, default=200)
    parser.add_argument('--perfil', help='página a perfilar con cProfile')
    args = parser.parse_args(argv)
    app = create_app()
    todas = paginas(app)
    if args.perfil:
        pedir = todas[args.perfil]
        for i in range(10):
            pedir(i)
        perfil = cProfile.Profile()
        perfil.runcall(lambda: [pedir(i) for i in range(args.peticiones)])
        pstats.Stats(perfil).sort_stats('cumulative').print_stats(60)
        return None
    filas = {nombre: medir(pedir, args.peticiones) for nombre, pedir in todas.items()}
    print(f'{type(db.obj).__name__}, {args.peticiones} peticiones por página (medianas)')
    print(f'{"página":22} {"sentencias":>10} {"mín-máx":>8} {"ms":>7} {"ms CPU":>7}')
    for nombre, (mediana, minimo, maximo, reloj, cpu) in filas.items():
        print(f'{nombre:22} {mediana:10.0f} {f"{minimo}-{maximo}":>8} {reloj:7.2f} {cpu:7.2f}')
    return filas


if __name__ == '__main__':
    main()
