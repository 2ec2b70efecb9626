"""Customer look-up: the local table, and a real HTTP directory on loopback."""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from reclamos.clientes.buscador import (BuscadorHttp, BuscadorLocal, DatosCliente,
                                        ErrorBuscadorClientes, buscador_clientes)
from reclamos.clientes.modelo import Cliente

DIRECTORIO = {('DNI', '45781236'): {'nombre': 'Rosa Quispe', 'correo': 'rosa@correo.pe',
                                    'telefono': '987654321'}}


class Directorio(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        partes = urlsplit(self.path)
        consulta = {k: v[0] for k, v in parse_qs(partes.query).items()}
        if partes.path == '/lento':
            time.sleep(1.5)
        if partes.path == '/roto':
            return self._responder(500, b'{"error": "interno"}')
        if partes.path == '/basura':
            return self._responder(200, b'<html>no es json</html>')
        if partes.path.startswith('/clientes/'):
            _, _, tipo, numero = partes.path.split('/')
            consulta = {'tipo': tipo, 'numero': numero}
        dato = DIRECTORIO.get((consulta.get('tipo'), consulta.get('numero')))
        if dato is None:
            return self._responder(404, b'{}')
        return self._responder(200, json.dumps({'cliente': dato}).encode())

    def _responder(self, codigo, cuerpo):
        self.send_response(codigo)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(cuerpo)))
        self.end_headers()
        try:
            self.wfile.write(cuerpo)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the timeout test)

    def log_message(self, *args):
        pass


@pytest.fixture(scope='module')
def servidor():
    http = ThreadingHTTPServer(('127.0.0.1', 0), Directorio)
    hilo = threading.Thread(target=http.serve_forever, daemon=True)
    hilo.start()
    yield f'http://127.0.0.1:{http.server_address[1]}'
    http.shutdown()
    http.server_close()


def test_http_encuentra_y_no_encuentra(servidor):
    buscador = buscador_clientes({'RECLAMOS_CLIENTES_URL': servidor + '/buscar'})
    assert isinstance(buscador, BuscadorHttp)
    assert buscador.buscar('DNI', '45.781.236') == DatosCliente(
        'DNI', '45781236', 'Rosa Quispe', 'rosa@correo.pe', '987654321', '')
    assert buscador.buscar('DNI', '11111111') is None


def test_http_con_plantilla_en_la_url(servidor):
    buscador = buscador_clientes(
        {'RECLAMOS_CLIENTES_URL': servidor + '/clientes/{tipo}/{numero}'})
    assert buscador.buscar('DNI', '45781236').nombre == 'Rosa Quispe'


@pytest.mark.parametrize('ruta, mensaje', [
    ('/roto', 'respondió 500'), ('/basura', 'no respondió JSON'),
    ('/lento', 'no respondió en 0.5 s'),
])
def test_http_errores_claros(servidor, ruta, mensaje):
    buscador = buscador_clientes({'RECLAMOS_CLIENTES_URL': servidor + ruta,
                                  'RECLAMOS_CLIENTES_TIMEOUT': '0.5'})
    with pytest.raises(ErrorBuscadorClientes, match=mensaje):
        buscador.buscar('DNI', '45781236')


def test_http_sin_servidor():
    buscador = BuscadorHttp('http://127.0.0.1:9/clientes', timeout=1)
    with pytest.raises(ErrorBuscadorClientes, match='No se pudo consultar'):
        buscador.buscar('DNI', '45781236')


@pytest.mark.parametrize('config, mensaje', [
    ({'RECLAMOS_CLIENTES_URL': 'ftp://x'}, 'http:// o https://'),
    ({'RECLAMOS_CLIENTES_URL': 'http://x', 'RECLAMOS_CLIENTES_TIMEOUT': 'mucho'}, 'número'),
    ({'RECLAMOS_CLIENTES_URL': 'http://x', 'RECLAMOS_CLIENTES_TIMEOUT': '0'}, 'mayor que cero'),
])
def test_configuracion_invalida(config, mensaje):
    with pytest.raises(ErrorBuscadorClientes, match=mensaje):
        buscador_clientes(config)


def test_local_por_defecto(app):
    buscador = buscador_clientes({})
    assert isinstance(buscador, BuscadorLocal)
    assert buscador.buscar('DNI', '45781236') is None
    Cliente.create(tipo_documento_identidad='DNI', numero_documento='45781236',
                   nombre='Rosa Quispe')
    assert buscador.buscar('DNI', ' 45781236 ').nombre == 'Rosa Quispe'


def test_validacion_del_cliente(app):
    assert Cliente(tipo_documento_identidad='RUC', numero_documento='20512345671',
                   nombre='Andina SAC').errores() == {}
    errores = Cliente(tipo_documento_identidad='RUC', numero_documento='30512345678',
                      nombre='', email='x@', telefono='abc').errores()
    assert set(errores) == {'numero_documento', 'nombre', 'email', 'telefono'}
