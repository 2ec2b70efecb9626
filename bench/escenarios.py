"""What the load bench measures (bench.carga runs them): the requests the desk makes most,
the JSON API as an integration calls it, the customer's public page and the dashboard.

Each scenario prepares per-thread state once (a logged-in session, case numbers, a form or API
token), then ``ejecutar`` makes one request and says whether it got the expected answer.
"""
import os
import re

import requests

USUARIO = os.environ.get('BENCH_USUARIO', 'supervisor@reclamos.demo')
CONTRASENA = os.environ.get('BENCH_CONTRASENA', 'reclamos-demo')
# The integration account of the API scenarios: it may work any case (its own registrations).
USUARIO_API = os.environ.get('BENCH_USUARIO_API', 'admin@reclamos.demo')
GERENTE = os.environ.get('BENCH_GERENTE', 'gerente@reclamos.demo')


class Escenario:
    """One request repeated; ``ruta`` may use {numero} (a visible case, read at start), its
    {sufijo} (the number without the year) and a customer's {documento}."""

    def __init__(self, nombre, ruta, metodo='GET', datos=None, esperado=200, usuario=None):
        self.nombre, self.ruta, self.metodo = nombre, ruta, metodo
        self.datos, self.esperado = datos, esperado
        self.usuario = usuario or USUARIO

    def preparar(self, sesion, base):
        """Per-thread state: a few case numbers and the form token of this session."""
        pagina = sesion.get(base + '/casos/?vista=area', timeout=30).text
        numeros = re.findall(r'/casos/(\d{4}-\d{6})"', pagina) or ['2026-000001']
        token = re.search(r'id="csrf_token" name="csrf_token" type="hidden" value="([^"]+)"',
                          sesion.get(base + '/casos/nuevo', timeout=30).text)
        documentos = re.findall(r'<small class="text-muted">(\d{6,})</small>', pagina)
        return {'numeros': numeros, 'token': token.group(1) if token else '',
                'documentos': documentos or ['00000000']}

    def ejecutar(self, sesion, base, estado, i):
        numero = estado['numeros'][i % len(estado['numeros'])]
        ruta = self.ruta.format(numero=numero, sufijo=int(numero.split('-')[1]),
                                documento=estado['documentos'][i % len(estado['documentos'])])
        datos = self.datos(estado, i) if callable(self.datos) else self.datos
        antes = next((c for c in sesion.cookies if c.name == 'session'), None)
        respuesta = sesion.request(self.metodo, base + ruta, data=datos,
                                   allow_redirects=False, timeout=30)
        if self.metodo == 'POST' and antes:
            # The page the redirect leads to shows and drops the "registered" message; not
            # following it, the session cookie would pile one message per case and grow.
            sesion.cookies.set_cookie(antes)  # same name, domain and path: replaces it
        return respuesta.status_code == self.esperado


def _registro(estado, i):
    """A registration form as the agents' screen posts it (demo motive without fields)."""
    return {'csrf_token': estado['token'], 'origen': 'externo', 'canal': 'TELEFONO',
            'cliente_tipo_documento_identidad': 'DNI',
            'cliente_numero_documento': str(70000000 + i % 50000),
            'cliente_nombre': 'Cliente de carga', 'motivo': 'CAMBIO_PLAN',
            'descripcion': f'Solicitud de cambio de plan número {i}.', 'confirmar': '1'}


class EscenarioApi:
    """A JSON API call with a token of its own per thread (as an integration would do)."""

    def __init__(self, nombre, ejecutar, esperado):
        self.nombre, self._ejecutar, self.esperado = nombre, ejecutar, esperado

    def preparar(self, sesion, base):
        respuesta = sesion.post(base + '/api/v1/token', json={
            'email': USUARIO_API, 'password': CONTRASENA}, timeout=30)
        respuesta.raise_for_status()
        datos = respuesta.json()
        sesion.headers[datos['cabecera']] = datos['token']
        # Each thread works its own case, so transitions never fight over a version.
        caso = sesion.post(base + '/api/v1/casos', json=_registro_api(0), timeout=30)
        caso.raise_for_status()
        return {'numero': caso.json()['numero'], 'version': caso.json()['version']}

    def ejecutar(self, sesion, base, estado, i):
        respuesta = self._ejecutar(sesion, base, estado, i)
        return respuesta.status_code == self.esperado


class EscenarioPublico:
    """The customer's tracking page (no login), opened from the signed link in every e-mail.

    Preparing looks a case up the way a customer does (number + document on
    /portal/seguimiento), which answers with the signed link; the measured request is that link.
    """

    nombre = 'seguimiento público (enlace firmado)'

    def preparar(self, sesion, base):
        pagina = sesion.get(base + '/casos/?vista=area', timeout=30).text
        pares = [re.search(r'/casos/(\d{4}-\d{6})".*<small class="text-muted">(\d{6,})</small>',
                           fila, re.S) for fila in pagina.split('<tr')]
        numero, documento = next(p.groups() for p in pares if p)
        publico = requests.Session()
        formulario = publico.get(base + '/portal/seguimiento', timeout=30).text
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', formulario)
        respuesta = publico.post(base + '/portal/seguimiento', data={
            'csrf_token': token.group(1), 'numero': numero, 'documento': documento},
            allow_redirects=False, timeout=30)
        if respuesta.status_code != 302:
            raise RuntimeError(f'el portal no encontró el caso {numero}')
        return {'publico': publico, 'enlace': respuesta.headers['Location']}

    def ejecutar(self, sesion, base, estado, i):
        enlace = estado['enlace']
        url = enlace if enlace.startswith('http') else base + enlace
        return estado['publico'].get(url, timeout=30).status_code == 200


def _registro_api(i):
    return {'motivo': 'CAMBIO_PLAN', 'canal': 'TELEFONO',
            'descripcion': f'Solicitud de cambio de plan por API número {i}.',
            'cliente': {'tipo_documento_identidad': 'DNI',
                        'numero_documento': str(60000000 + i % 50000),
                        'nombre': 'Cliente de la integración'}}


def _registrar_api(sesion, base, estado, i):
    return sesion.post(base + '/api/v1/casos', json=_registro_api(i), timeout=30)


def _registrar_api_completo(sesion, base, estado, i):
    """The whole path: a motive with a custom field, a process and an area with an agent (the
    least loaded one is chosen and told), and a customer e-mail (the acknowledgment is
    queued with its signed link)."""
    return sesion.post(base + '/api/v1/casos', timeout=30, json={
        'motivo': 'SIN_SERVICIO', 'canal': 'WEB', 'servicio': 'INTERNET',
        'descripcion': f'Sin servicio de internet desde ayer, reporte {i}.',
        'campos': {'codigo_abonado': f'AB-{i:06d}'},
        'cliente': {'tipo_documento_identidad': 'DNI',
                    'numero_documento': str(50000000 + i % 50000),
                    'nombre': 'Cliente con correo', 'email': f'cliente{i % 50000}@correo.example'}})


def _suspender_o_reanudar(sesion, base, estado, i):
    """Alternate suspend / resume on the thread's case: each is a real transition that
    pauses or resumes every running term of the case."""
    # The request counter is shared by the threads: alternate on this thread's own state.
    cuerpo = ({'accion': 'reanudar'} if estado.get('suspendido')
              else {'accion': 'suspender', 'motivo': 'Esperando documentos del cliente.'})
    respuesta = sesion.post(f"{base}/api/v1/casos/{estado['numero']}/transiciones",
                            json={**cuerpo, 'version': estado['version']}, timeout=30)
    if respuesta.status_code == 200:
        estado['version'] = respuesta.json()['version']
        estado['suspendido'] = not estado.get('suspendido')
    return respuesta


def escenarios():
    """What the desk does most; the dashboard and the public page are added with them."""
    return [
        Escenario('cola, página 1 por vencimiento', '/casos/?vista=area'),
        Escenario('cola con dos filtros', '/casos/?vista=area&estado=EN_CURSO&vence=vencidos'),
        Escenario('búsqueda por documento', '/casos/?vista=todos&q={documento}'),
        # Full text: a surname only the demo's customers have (a rare word among a million),
        # and a case number typed without its year ("42" for 2026-000042).
        Escenario('búsqueda por una palabra del nombre', '/casos/?vista=todos&q=Quispe'),
        Escenario('búsqueda por número sin el año', '/casos/?vista=todos&estado=todos&q={sufijo}'),
        Escenario('página del caso', '/casos/{numero}'),
        Escenario('registro por formulario', '/casos/nuevo', 'POST', _registro, 302),
        Escenario('lista de motivos (admin generado)', '/admin/motivos/'),
        EscenarioApi('registro por API', _registrar_api, 201),
        EscenarioApi('registro por API con asignación y acuse', _registrar_api_completo, 201),
        EscenarioApi('transición por API (suspender/reanudar)', _suspender_o_reanudar, 200),
        EscenarioPublico(),
        # The whole dashboard (every chart, default range: the last 30 days) and one export.
        # A manager sees every area: the heaviest case.
        Escenario('tablero', '/admin/tablero/', usuario=GERENTE),
        Escenario('tablero, exportación XLSX', '/admin/tablero/exportar/evolucion.xlsx',
                  usuario=GERENTE),
    ]
