"""Bounded loopback load against a real server: gunicorn (2 workers) on 127.0.0.1.

    python -m bench.carga [--segundos 10] [--concurrencia 4] [--trabajadores 2]
                          [--escenario NOMBRE ...]

Uses the database in DATABASE_URL (default: the embedded SQLite file). Every request goes to
127.0.0.1 only; each scenario stops after a fixed time or number of requests. Prints a table
and writes JSON under bench/resultados/. This module runs the server and the clock; what is
measured (the scenarios and the accounts they use) is ``bench.escenarios``.
"""
import argparse
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

from bench.escenarios import CONTRASENA, USUARIO, escenarios

RAIZ = Path(__file__).resolve().parent.parent


def puerto_libre():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Servidor:
    """gunicorn with two workers, started and stopped by this process."""

    def __init__(self, url_bd, trabajadores=2):
        self.puerto = puerto_libre()
        self.base = f'http://127.0.0.1:{self.puerto}'
        entorno = {**os.environ, 'DATABASE_URL': url_bd} if url_bd else dict(os.environ)
        # The portal's per-IP limit would answer 429 to a load from one address: the bench
        # measures the pages, the limiter has its own tests.
        entorno.setdefault('RECLAMOS_LIMITE_PORTAL', '1000000/minute')
        self.proceso = subprocess.Popen(
            [sys.executable, '-m', 'gunicorn', '-w', str(trabajadores), '-b',
             f'127.0.0.1:{self.puerto}', '--log-level', 'warning', 'admin_app:create_app()'],
            cwd=RAIZ, env=entorno)

    def esperar(self, limite=90):
        fin = time.monotonic() + limite
        while time.monotonic() < fin:
            try:
                # A busy machine may take seconds for a worker's first (cold) answer.
                if requests.get(self.base + '/login', timeout=15).status_code == 200:
                    return
            except requests.RequestException:
                # Workers still booting (slow on a busy machine): ask again.
                time.sleep(0.2)
        raise RuntimeError('gunicorn no respondió a tiempo')

    def rss_max_trabajadores_mb(self):
        """Peak resident memory (VmHWM) of the gunicorn workers, from /proc."""
        hijos = Path(f'/proc/{self.proceso.pid}/task/{self.proceso.pid}/children')
        picos = []
        for pid in hijos.read_text().split() if hijos.exists() else []:
            estado = Path(f'/proc/{pid}/status').read_text()
            encontrado = re.search(r'VmHWM:\s+(\d+) kB', estado)
            if encontrado:
                picos.append(int(encontrado.group(1)) / 1024)
        return max(picos) if picos else None

    def parar(self):
        self.proceso.send_signal(signal.SIGTERM)
        try:
            self.proceso.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proceso.kill()


def sesion_iniciada(base, email=USUARIO, contrasena=CONTRASENA):
    sesion = requests.Session()
    pagina = sesion.get(base + '/login', timeout=10).text
    token = re.search(r'id="csrf_token" name="csrf_token" type="hidden" value="([^"]+)"', pagina)
    respuesta = sesion.post(base + '/login', data={
        'email': email, 'password': contrasena, 'csrf_token': token.group(1)},
        allow_redirects=False, timeout=10)
    if respuesta.status_code != 302:
        raise RuntimeError(f'no se pudo iniciar sesión como {email}')
    return sesion


def percentil(valores, p):
    ordenados = sorted(valores)
    indice = min(len(ordenados) - 1, max(0, round(p / 100 * len(ordenados) + 0.5) - 1))
    return ordenados[indice]


def medir(base, escenario, segundos, concurrencia, maximo):
    """Run one scenario from ``concurrencia`` threads; returns its figures."""
    latencias, errores = [], []
    cerrojo = threading.Lock()
    contador = iter(range(maximo))
    # Threads log in and prepare first; the clock starts when all are ready.
    reloj = {}
    salida = threading.Barrier(concurrencia + 1, action=lambda: reloj.update(
        comienzo=time.monotonic(), fin=time.monotonic() + segundos))

    def trabajar():
        try:
            sesion = sesion_iniciada(base, getattr(escenario, 'usuario', USUARIO))
            estado = escenario.preparar(sesion, base)
        except (RuntimeError, requests.RequestException, AttributeError) as error:
            with cerrojo:
                errores.append(str(error))
            salida.wait()
            return
        salida.wait()
        while time.monotonic() < reloj['fin']:
            with cerrojo:
                i = next(contador, None)
            if i is None:
                return
            inicio = time.perf_counter()
            try:
                ok = escenario.ejecutar(sesion, base, estado, i)
            except requests.RequestException:
                ok = False
            transcurrido = (time.perf_counter() - inicio) * 1000
            with cerrojo:
                (latencias if ok else errores).append(transcurrido)

    hilos = [threading.Thread(target=trabajar) for _ in range(concurrencia)]
    for hilo in hilos:
        hilo.start()
    salida.wait()
    for hilo in hilos:
        hilo.join()
    duracion = time.monotonic() - reloj['comienzo']
    total = len(latencias) + len(errores)
    return {
        'escenario': escenario.nombre,
        'peticiones': total,
        'por_segundo': round(total / duracion, 1) if duracion else 0,
        'mediana_ms': round(statistics.median(latencias), 1) if latencias else None,
        'p99_ms': round(percentil(latencias, 99), 1) if latencias else None,
        'errores': len(errores),
    }


def tabla(resultados):
    lineas = ['| escenario | peticiones | pet/s | mediana ms | p99 ms | errores |',
              '| --- | ---: | ---: | ---: | ---: | ---: |']
    lineas += [f"| {r['escenario']} | {r['peticiones']} | {r['por_segundo']} | "
               f"{r['mediana_ms']} | {r['p99_ms']} | {r['errores']} |" for r in resultados]
    return '\n'.join(lineas)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--segundos', type=float, default=10)
    parser.add_argument('--peticiones', type=int, default=100_000,
                        help='Máximo de peticiones por escenario.')
    parser.add_argument('--concurrencia', type=int, default=4)
    parser.add_argument('--trabajadores', type=int, default=2,
                        help='Trabajadores de gunicorn (sync); 2 como en bench.comparar.')
    parser.add_argument('--salida', default=str(RAIZ / 'bench' / 'resultados'))
    parser.add_argument('--escenario', action='append', default=[],
                        help='Solo los escenarios cuyo nombre contiene este texto.')
    args = parser.parse_args(argv)

    url_bd = os.environ.get('DATABASE_URL', '')
    servidor = Servidor(url_bd, args.trabajadores)
    try:
        servidor.esperar()
        resultados = [medir(servidor.base, e, args.segundos, args.concurrencia, args.peticiones)
                      for e in escenarios()
                      if not args.escenario or any(t in e.nombre for t in args.escenario)]
        rss = servidor.rss_max_trabajadores_mb()
    finally:
        servidor.parar()
    informe = {'fecha': time.strftime('%Y-%m-%d %H:%M'), 'bd': url_bd.split(':')[0] or 'sqlite',
               'concurrencia': args.concurrencia, 'trabajadores': args.trabajadores,
               'rss_max_mb': rss and round(rss, 1),
               'resultados': resultados}
    Path(args.salida).mkdir(parents=True, exist_ok=True)
    archivo = Path(args.salida) / f"carga-{informe['bd']}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    archivo.write_text(json.dumps(informe, ensure_ascii=False, indent=2))
    print(tabla(resultados))
    print(f"RSS máximo de un trabajador: {informe['rss_max_mb']} MB. JSON: {archivo}")
    return informe


if __name__ == '__main__':
    main()
