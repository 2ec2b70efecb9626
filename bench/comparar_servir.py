"""Pieces bench.comparar and bench.dos_servidores share: gunicorn and throw-away databases.

Each server is a process group this process started; it is stopped by that id only.
"""
import contextlib
import os
import re
import signal
import socket
import subprocess
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import requests

RAIZ = Path(__file__).resolve().parent.parent


def puerto_libre():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Proceso:
    """A server started in its own process group, logged to a file, stopped by its pid."""

    def __init__(self, orden, cwd, entorno, registro):
        self.registro = open(registro, 'ab')
        self.proceso = subprocess.Popen(orden, cwd=cwd, env=entorno, stdout=self.registro,
                                        stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def pid(self):
        return self.proceso.pid

    def parar(self):
        if self.proceso.poll() is None:
            os.killpg(self.proceso.pid, signal.SIGTERM)
            try:
                self.proceso.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proceso.pid, signal.SIGKILL)
                self.proceso.wait()
        self.registro.close()


class Gunicorn(Proceso):
    """gunicorn on 127.0.0.1 with sync workers, the flags the peer's harness uses."""

    def __init__(self, orden_app, cwd, entorno, registro, trabajadores=2, puerto=None):
        self.puerto = puerto or puerto_libre()
        self.base = f'http://127.0.0.1:{self.puerto}'
        super().__init__([*orden_app, '--workers', str(trabajadores), '--bind',
                          f'127.0.0.1:{self.puerto}', '--timeout', '300',
                          '--graceful-timeout', '5', '--log-level', 'warning'],
                         cwd, entorno, registro)

    def esperar(self, ruta, limite=120):
        fin = time.monotonic() + limite
        while time.monotonic() < fin:
            if self.proceso.poll() is not None:
                raise RuntimeError(f'gunicorn terminó (código {self.proceso.returncode}); '
                                   f'vea {self.registro.name}')
            try:
                if requests.get(self.base + ruta, timeout=30).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.3)  # workers still booting
        raise RuntimeError(f'gunicorn no respondió en {limite} s')

    def rss_max_mib(self):
        """Peak resident memory (VmHWM) of the workers, from /proc."""
        hijos = Path(f'/proc/{self.pid}/task/{self.pid}/children')
        picos = []
        for pid in hijos.read_text().split() if hijos.exists() else []:
            with contextlib.suppress(OSError):
                hallado = re.search(r'VmHWM:\s+(\d+) kB', Path(f'/proc/{pid}/status').read_text())
                if hallado:
                    picos.append(int(hallado.group(1)) / 1024)
        return max(picos) if picos else None


def gunicorn_nuestro(entorno, registro, trabajadores=2, puerto=None):
    import sys
    return Gunicorn([sys.executable, '-m', 'gunicorn', 'admin_app:create_app()'], RAIZ,
                    entorno, registro, trabajadores, puerto)


@contextlib.contextmanager
def base_postgres(url_servidor, prefijo):
    """A new database on that PostgreSQL server (its URL yielded), dropped afterwards."""
    import psycopg

    nombre = f'{prefijo}_{uuid.uuid4().hex[:10]}'
    conexion = psycopg.connect(url_servidor, autocommit=True)
    # The name is ours (prefix + hex), never input.
    conexion.execute(f'CREATE DATABASE {nombre}')
    try:
        yield urlunsplit(urlsplit(url_servidor)._replace(path='/' + nombre))
    finally:
        conexion.execute(f'DROP DATABASE IF EXISTS {nombre} WITH (FORCE)')
        conexion.close()


def cabecera_cookies(sesion):
    return '; '.join(f'{c.name}={c.value}' for c in sesion.cookies)


def contar_filas(url, tabla):
    """Rows of one of our tables (a fixed name, never input) at that database URL."""
    from playhouse.db_url import connect

    base = connect(url)
    try:
        return base.execute_sql(f'SELECT COUNT(*) FROM "{tabla}"').fetchone()[0]  # nosec B608
    finally:
        base.close()
