"""A real HTTP server on loopback standing in for the company's systems (CRM, ERP)."""
import contextlib
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer


@contextlib.contextmanager
def servidor_json(responder):
    """Serve GET on 127.0.0.1; ``responder(path)`` returns a JSON-able body, or None for 404.
    Yields the base URL ('http://127.0.0.1:PORT')."""

    class Manejador(BaseHTTPRequestHandler):
        def do_GET(self):
            cuerpo = responder(self.path)
            if cuerpo is None:
                self.send_response(404)
                self.end_headers()
                return
            datos = json.dumps(cuerpo).encode()
            self.send_response(200)
            self.send_header('Content-Type', 'application/json')
            self.end_headers()
            self.wfile.write(datos)

        def log_message(self, *args):
            pass

    servidor = HTTPServer(('127.0.0.1', 0), Manejador)
    threading.Thread(target=servidor.serve_forever, daemon=True).start()
    try:
        yield f'http://127.0.0.1:{servidor.server_port}'
    finally:
        servidor.shutdown()
        servidor.server_close()
