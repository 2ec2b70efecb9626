"""The peer's side of bench.comparar: django-helpdesk 2.6.1 built by its own harness
(setup.sh, seed.py, hdclient.py, dbinfo.py in ../shared/peers/django-helpdesk), in its own venv
under the run's temporary folder, never inside this checkout."""
import os
import subprocess
from pathlib import Path

from bench.comparar_servir import RAIZ, Gunicorn

# ../shared/peers beside the checkout (a git worktree may sit one level deeper).
ARNES = Path(os.environ.get('RECLAMOS_PAR_ARNES') or next(
    (c for c in (RAIZ.parent / 'shared', RAIZ.parent.parent / 'shared') if c.exists()),
    RAIZ.parent / 'shared') / 'peers' / 'django-helpdesk')
USUARIO, CONTRASENA = 'admin', 'peer-dh-admin-pass'


class Par:
    """django-helpdesk on SQLite (a file under ``carpeta``) or on PostgreSQL ``url_pg``."""

    nombre = 'django-helpdesk 2.6.1'

    def __init__(self, carpeta, url_pg=None):
        self.raiz = carpeta / 'par'
        self.raiz.mkdir(parents=True, exist_ok=True)
        self.python = str(self.raiz / 'venv' / 'bin' / 'python')
        self.entorno = {**os.environ, 'PEER_DH_ROOT': str(self.raiz)}
        self.entorno.pop('DATABASE_URL', None)
        if url_pg:  # the peer's settings read postgres:// URLs
            self.entorno['DATABASE_URL'] = url_pg.replace('postgresql://', 'postgres://', 1)
        else:
            self.entorno['DH_SQLITE'] = str(self.raiz / 'data' / 'db.sqlite3')
        self.servidor = None

    def _correr(self, *orden, salida=None):
        return subprocess.run(orden, cwd=ARNES, env=self.entorno, check=True, text=True,
                              stdout=salida or subprocess.PIPE, stderr=subprocess.STDOUT).stdout

    def instalar(self):
        """venv with the pinned packages (pip from PyPI), project, migrate, staff user."""
        with open(self.raiz / 'instalacion.log', 'w') as registro:
            self._correr('bash', 'setup.sh', salida=registro)

    def sembrar(self, casos):
        self._correr(self.python, 'seed.py', str(casos), '--reset')

    def servir(self):
        self.servidor = Gunicorn([str(self.raiz / 'venv' / 'bin' / 'gunicorn'),
                                  'dhsite.wsgi:application', '--chdir', str(self.raiz / 'site')],
                                 self.raiz, self.entorno, self.raiz / 'gunicorn.log')
        self.servidor.esperar('/helpdesk/login/')
        return self.servidor

    def _cliente(self, *argumentos):
        return self._correr(self.python, 'hdclient.py', *argumentos).strip()

    def peticiones(self, salida):
        """{name: (path, cookie, paths file, body file, expected status)} for wrk."""
        base = self.servidor.base
        cookie = self._cliente('login', base, USUARIO, CONTRASENA)
        self._correr(self.python, 'dbinfo.py', 'paths', str(salida))
        tabla = self._cliente('dtpath', base, cookie)
        anonima, token = self._cliente('anoncsrf', base).split('\t')
        self._correr(self.python, 'dbinfo.py', 'createbody', str(salida / 'create_body.txt'),
                     token)
        return {
            'p_list': ('/helpdesk/tickets/', cookie, None, None, 200),
            'p_list_json': (tabla, cookie, None, None, 200),
            'p_detail': ('/helpdesk/', cookie, salida / 'detail_paths.txt', None, 200),
            'p_public': ('/helpdesk/', '', salida / 'public_paths.txt', None, 200),
            'p_dashboard': ('/helpdesk/dashboard/', cookie, None, None, 200),
            'p_create': ('/helpdesk/tickets/submit/', anonima, None,
                         salida / 'create_body.txt', 302),
        }

    def contar(self):
        return int(self._correr(self.python, 'dbinfo.py', 'count').strip().splitlines()[-1])
