"""Our side of bench.comparar: seed, serve, and the requests wrk repeats.

    python -m bench.comparar_nuestro rutas CARPETA EMAIL   (DATABASE_URL, SECRET_KEY set)

writes CARPETA/r_case_paths.txt (case pages EMAIL may open) and r_public_paths.txt (signed
tracking links), the same 2,000-sample shape as the peer's dbinfo.py.
"""
import os
import random
import re
import subprocess
import sys
from urllib.parse import urlencode

import requests

from bench.comparar_servir import RAIZ, cabecera_cookies, gunicorn_nuestro

SUPERVISOR = os.environ.get('BENCH_USUARIO', 'supervisor@reclamos.demo')
GERENTE = os.environ.get('BENCH_GERENTE', 'gerente@reclamos.demo')
CONTRASENA = os.environ.get('BENCH_CONTRASENA', 'reclamos-demo')
TOKEN = r'name="csrf_token" type="hidden" value="([^"]+)"'


class Nuestro:
    """Reclamos on DATABASE_URL ``url`` with its own instance folder under ``carpeta``."""

    nombre = 'Reclamos'

    def __init__(self, carpeta, url):
        self.carpeta, self.url = carpeta, url
        self.entorno = {**os.environ, 'DATABASE_URL': url,
                        'RECLAMOS_INSTANCE': str(carpeta / 'instancia'),
                        'SECRET_KEY': os.urandom(16).hex(),
                        'SECURITY_PASSWORD_SALT': 'bench-comparar',
                        # One client address: the per-IP portal limit would answer 429.
                        'RECLAMOS_LIMITE_PORTAL': '1000000/minute'}
        self.servidor = None

    def sembrar(self, casos):
        subprocess.run([sys.executable, '-m', 'bench.sembrar', '--casos', str(casos)],
                       cwd=RAIZ, env=self.entorno, check=True, stdout=subprocess.DEVNULL)

    def servir(self):
        self.servidor = gunicorn_nuestro(self.entorno, self.carpeta / 'gunicorn.log')
        self.servidor.esperar('/login')
        return self.servidor

    def _entrar(self, email):
        sesion = requests.Session()
        base = self.servidor.base
        token = re.search(TOKEN, sesion.get(base + '/login', timeout=60).text).group(1)
        r = sesion.post(base + '/login', data={'email': email, 'password': CONTRASENA,
                                               'csrf_token': token},
                        allow_redirects=False, timeout=60)
        if r.status_code != 302:
            raise RuntimeError(f'no se pudo iniciar sesión como {email}: HTTP {r.status_code}')
        return sesion

    def peticiones(self, salida):
        """{name: (path, cookie, paths file, body file)} for wrk, checked once each."""
        subprocess.run([sys.executable, '-m', 'bench.comparar_nuestro', 'rutas', str(salida),
                        SUPERVISOR], cwd=RAIZ, env=self.entorno, check=True)
        base = self.servidor.base
        agente, gerente = self._entrar(SUPERVISOR), self._entrar(GERENTE)
        token = re.search(TOKEN, agente.get(base + '/casos/nuevo', timeout=60).text).group(1)
        (salida / 'r_form_body.txt').write_text(urlencode({
            'csrf_token': token, 'origen': 'externo', 'canal': 'TELEFONO',
            'cliente_tipo_documento_identidad': 'DNI', 'cliente_numero_documento': '70000001',
            'cliente_nombre': 'Cliente de carga', 'motivo': 'CAMBIO_PLAN', 'confirmar': '1',
            'descripcion': 'Solicitud de cambio de plan __N__ por cobro indebido en la '
                           'factura de octubre.'}))
        anonimo = requests.Session()
        token = re.search(TOKEN, anonimo.get(base + '/portal/', timeout=60).text).group(1)
        (salida / 'r_portal_body.txt').write_text(urlencode({
            'csrf_token': token, 'cliente_tipo_documento_identidad': 'DNI',
            'cliente_numero_documento': '70000002', 'cliente_nombre': 'Cliente del portal',
            'cliente_email': 'cliente.prueba@correo.example', 'cliente_telefono': '',
            'cliente_direccion': 'Av. Arequipa 123, Lima', 'servicio': 'INTERNET',
            'motivo': 'CAMBIO_PLAN', 'sitio_web': '', 'acepto_datos': 'si',
            'descripcion': 'Buenos días: en la factura de octubre aparece un cargo por un '
                           'servicio que di de baja en agosto. Solicito la anulación del '
                           'cargo __N__.'}))
        c_agente, c_gerente = cabecera_cookies(agente), cabecera_cookies(gerente)
        return {
            'r_queue': ('/casos/?vista=area', c_agente, None, None, 200),
            'r_case': ('/casos/', c_agente, salida / 'r_case_paths.txt', None, 200),
            'r_public': ('/portal/', '', salida / 'r_public_paths.txt', None, 200),
            'r_dashboard': ('/admin/tablero/', c_gerente, None, None, 200),
            'r_form': ('/casos/nuevo', c_agente, None, salida / 'r_form_body.txt', 302),
            'r_portal': ('/portal/', cabecera_cookies(anonimo), None,
                         salida / 'r_portal_body.txt', 302),
        }

    def contar(self):
        from bench.comparar_servir import contar_filas
        return contar_filas(self.url, 'reclamo')


def rutas(salida, email, muestra=2000, semilla=7):
    from admin_app import create_app
    from bd import db
    from catalogos.usuarios import Usuario
    from reclamos.caso.modelo import Reclamo
    from reclamos.portal import enlaces

    app = create_app()
    with app.app_context(), app.test_request_context(), db.connection_context():
        area = Usuario.get(Usuario.email == email).area_id
        visibles = list(Reclamo.select(Reclamo.numero).where(Reclamo.area == area).tuples())
        todos = list(Reclamo.select(Reclamo.id).tuples())
        azar = random.Random(semilla)
        casos = [f'/casos/{n}' for (n,) in azar.sample(visibles, min(muestra, len(visibles)))]
        publicos = ['/portal/caso/' + enlaces.firmar(enlaces.SEGUIMIENTO, {'r': i})
                    for (i,) in azar.sample(todos, min(muestra, len(todos)))]
    for nombre, filas in (('r_case', casos), ('r_public', publicos)):
        with open(os.path.join(salida, f'{nombre}_paths.txt'), 'w') as f:
            f.writelines(p + '\n' for p in filas)


if __name__ == '__main__':
    if sys.argv[1:2] == ['rutas']:
        rutas(sys.argv[2], sys.argv[3])
