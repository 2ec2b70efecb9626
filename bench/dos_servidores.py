"""Two app servers on one PostgreSQL, behind HAProxy, on loopback (docs/DEPLOY.md).

    python -m bench.dos_servidores --bd postgresql://postgres@127.0.0.1:5432/reclamos
                                   [--puerto 8080] [--casos 0]

Brings the schema up to date (with the demo catalogs and users on an empty database, and
``--casos`` seeded cases), then serves until Ctrl-C: two gunicorn instances (server A and B,
each with its own instance folder, as two machines would be) on free loopback ports and
Debian's HAProxy on ``--puerto`` balancing round robin between them. What makes them one
application is the environment they share: the same SECRET_KEY and password salt (sessions
and signed links valid on either), rate-limit counters in Redis (RECLAMOS_LIMITES_URI),
documents in the database (RECLAMOS_ADJUNTOS_EN=bd). ``cron(servidor, orden)`` runs a flask
command as that server's cron would (the escalation sweep, the outbox).
"""
import argparse
import os
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

import requests

from bench.comparar_servir import RAIZ, Proceso, gunicorn_nuestro, puerto_libre

REDIS = os.environ.get('RECLAMOS_LIMITES_URI', 'redis://127.0.0.1:6379/0')

HAPROXY = """global
    maxconn 512
defaults
    mode http
    timeout connect 5s
    timeout client 120s
    timeout server 120s
frontend reclamos
    bind 127.0.0.1:{puerto}
    default_backend servidores
backend servidores
    balance roundrobin
    option forwardfor
    server a 127.0.0.1:{a} check
    server b 127.0.0.1:{b} check
"""


class DosServidores:
    """Servers A and B (gunicorn) and HAProxy in front; ``base`` is HAProxy's URL."""

    def __init__(self, url_bd, carpeta, entorno=None, trabajadores=2, puerto=None):
        self.carpeta = Path(carpeta)
        self.trabajadores = trabajadores
        self.puerto = puerto or puerto_libre()
        self.base = f'http://127.0.0.1:{self.puerto}'
        comun = {**os.environ, 'DATABASE_URL': url_bd,
                 'SECRET_KEY': self._secreto('SECRET_KEY'),
                 'SECURITY_PASSWORD_SALT': self._secreto('SECURITY_PASSWORD_SALT'),
                 'RECLAMOS_LIMITES_URI': REDIS, 'RECLAMOS_ADJUNTOS_EN': 'bd',
                 # HAProxy adds X-Forwarded-For: limits and the action log see the client.
                 'RECLAMOS_PROXIES': '1', 'RECLAMOS_ALERTAS_MINUTOS': '0', **(entorno or {})}
        self.entornos = {nombre: {**comun, 'RECLAMOS_INSTANCE': str(self.carpeta / nombre)}
                         for nombre in ('a', 'b')}
        self.servidores, self.haproxy = {}, None

    def _secreto(self, variable):
        """From the environment, else made once and kept in the folder: one value for both
        servers and every restart (a new salt would break every password)."""
        if os.environ.get(variable):
            return os.environ[variable]
        archivo = self.carpeta / variable.lower()
        if not archivo.exists():
            self.carpeta.mkdir(parents=True, exist_ok=True)
            archivo.write_text(secrets.token_urlsafe(32))
        return archivo.read_text()

    def preparar(self, casos=0, solo_abiertos=False):
        """Schema, demo catalogs and users (empty database only), seeded cases: once."""
        subprocess.run([sys.executable, '-m', 'bench.sembrar', '--casos', str(casos),
                        *(['--solo-abiertos'] if solo_abiertos else [])],
                       cwd=RAIZ, env=self.entornos['a'], check=True, stdout=subprocess.DEVNULL)

    def iniciar(self):
        if not shutil.which('haproxy'):
            raise RuntimeError('Falta HAProxy: apt-get install haproxy')
        self.carpeta.mkdir(parents=True, exist_ok=True)
        for nombre, entorno in self.entornos.items():
            self.servidores[nombre] = gunicorn_nuestro(
                entorno, self.carpeta / f'gunicorn-{nombre}.log', self.trabajadores)
        configuracion = self.carpeta / 'haproxy.cfg'
        configuracion.write_text(HAPROXY.format(puerto=self.puerto, a=self.servidores['a'].puerto,
                                                b=self.servidores['b'].puerto))
        self.haproxy = Proceso(['haproxy', '-db', '-f', str(configuracion)], self.carpeta,
                               dict(os.environ), self.carpeta / 'haproxy.log')
        for servidor in self.servidores.values():
            servidor.esperar('/login')
        self._esperar_balanceador()
        return self

    def _esperar_balanceador(self, limite=30):
        fin = time.monotonic() + limite
        while time.monotonic() < fin:
            try:
                if requests.get(self.base + '/login', timeout=30).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.2)  # HAProxy still binding
        raise RuntimeError('HAProxy no respondió')

    def url(self, nombre):
        """The direct URL of server 'a' or 'b' (bypassing HAProxy)."""
        return self.servidores[nombre].base

    def cron(self, nombre, *orden):
        """A flask command with server ``nombre``'s environment (what its crontab runs)."""
        return subprocess.run([sys.executable, '-m', 'flask', '--app', 'admin_app', *orden],
                              cwd=RAIZ, env=self.entornos[nombre], capture_output=True,
                              text=True, timeout=300)

    def parar(self):
        for proceso in [self.haproxy, *self.servidores.values()]:
            if proceso is not None:
                proceso.parar()

    def __enter__(self):
        return self.iniciar()

    def __exit__(self, *error):
        self.parar()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--bd', default=os.environ.get('DATABASE_URL', ''))
    parser.add_argument('--puerto', type=int, default=8080)
    parser.add_argument('--casos', type=int, default=0)
    parser.add_argument('--carpeta', default=str(RAIZ / 'instance' / 'dos-servidores'))
    args = parser.parse_args(argv)
    if not args.bd.startswith('postgres'):
        raise SystemExit('Use --bd postgresql://… (o DATABASE_URL): dos servidores comparten '
                         'una base PostgreSQL.')
    par = DosServidores(args.bd, args.carpeta, puerto=args.puerto)
    par.preparar(args.casos)
    with par:
        print(f"HAProxy {par.base} -> A {par.url('a')}, B {par.url('b')}. Ctrl-C para parar.")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == '__main__':
    main()
