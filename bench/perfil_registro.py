"""Registrations in one process: SQL statements per registration and registrations per second.

    python -m bench.perfil_registro api|formulario [--registros 300] [--correo]
                                    [--perfil salida.prof]

Against the database of DATABASE_URL (seed it first: ``python -m bench.sembrar``). The app's
test client sends the same requests bench.carga sends (bench.escenarios: the integration's
token, the agent's session and form), so the real views, service and database run; nothing
is mocked. ``--correo``: the customer gives an e-mail, so every case queues its
acknowledgment. ``--perfil``: cProfile over the measured registrations. It registers real
cases: use a benchmark database.
"""
import argparse
import cProfile
import logging
import pstats
import re
import sys
import time

from bench import escenarios

CORREO = {'email': 'cliente@correo.pe'}
CALENTAR = 5  # first requests fill the per-process caches (prepared statements, calendars)


class _Sentencias(logging.Handler):
    """Counts what peewee sends (it logs each statement at DEBUG as (sql, params))."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.sql = []

    def emit(self, record):
        if isinstance(record.msg, tuple):
            self.sql.append(record.msg[0])


def _por_api(app, cliente, correo):
    datos = cliente.post('/api/v1/token', json={'email': escenarios.USUARIO_API,
                                                'password': escenarios.CONTRASENA}).get_json()
    cabeceras = {datos['cabecera']: datos['token']}

    def registrar(i):
        cuerpo = escenarios._registro_api(i)
        if correo:
            cuerpo['cliente'].update(CORREO)
        respuesta = cliente.post('/api/v1/casos', headers=cabeceras, json=cuerpo)
        if respuesta.status_code != 201:
            raise RuntimeError(respuesta.get_data(as_text=True)[:500])
    return registrar


def _por_formulario(app, cliente, correo):
    pagina = cliente.get('/login').get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', pagina).group(1)
    cliente.post('/login', data={'email': escenarios.USUARIO, 'csrf_token': token,
                                 'password': escenarios.CONTRASENA})
    estado = {'token': re.search(r'id="csrf_token" name="csrf_token" type="hidden" '
                                 r'value="([^"]+)"',
                                 cliente.get('/casos/nuevo').get_data(as_text=True)).group(1)}
    nombre = app.config['SESSION_COOKIE_NAME']
    sesion = cliente.get_cookie(nombre).value

    def registrar(i):
        datos = escenarios._registro(estado, i)
        if correo:
            datos['cliente_email'] = CORREO['email']
        respuesta = cliente.post('/casos/nuevo', data=datos)
        if respuesta.status_code != 302:
            raise RuntimeError(respuesta.get_data(as_text=True)[:500])
        # The case page the redirect leads to shows and drops the "registered" message; not
        # following it, the session would pile one message per case and grow.
        cliente.set_cookie(nombre, sesion)
    return registrar


def medir(app, modo, registros, correo=False, perfil=None):
    """{'sentencias', 'registros', 'segundos', 'cpu_ms'} of ``registros`` registrations."""
    cliente = app.test_client()
    registrar = (_por_api if modo == 'api' else _por_formulario)(app, cliente, correo)
    for i in range(CALENTAR):
        registrar(10_000 + i)
    contador, registro = _Sentencias(), logging.getLogger('peewee')
    nivel = registro.level
    registro.addHandler(contador)
    registro.setLevel(logging.DEBUG)
    try:
        registrar(20_000)
    finally:
        registro.removeHandler(contador)
        registro.setLevel(nivel)
    inicio, cpu = time.perf_counter(), time.process_time()
    if perfil is not None:
        perfil.enable()
    for i in range(registros):
        registrar(i)
    if perfil is not None:
        perfil.disable()
    segundos, cpu = time.perf_counter() - inicio, time.process_time() - cpu
    return {'sentencias': len(contador.sql), 'registros': registros, 'segundos': segundos,
            'cpu_ms': 1000 * cpu / registros}


def main(argv=None):
    from admin_app import create_app

    parser = argparse.ArgumentParser(description='Mide el registro de casos en un proceso.')
    parser.add_argument('modo', choices=('api', 'formulario'))
    parser.add_argument('--registros', type=int, default=300)
    parser.add_argument('--correo', action='store_true')
    parser.add_argument('--perfil', help='archivo para el perfil de cProfile')
    args = parser.parse_args(argv)
    app = create_app()
    perfil = cProfile.Profile() if args.perfil else None
    r = medir(app, args.modo, args.registros, args.correo, perfil)
    print(f"{args.modo}: {r['sentencias']} sentencias por registro; {r['registros']} registros "
          f"en {r['segundos']:.2f} s = {r['registros'] / r['segundos']:.1f}/s; CPU "
          f"{r['cpu_ms']:.2f} ms por registro = {1000 / r['cpu_ms']:.1f}/s por núcleo")
    if perfil is not None:
        perfil.dump_stats(args.perfil)
        pstats.Stats(perfil, stream=sys.stdout).sort_stats('cumulative').print_stats(30)
    return r


if __name__ == '__main__':
    main()
