"""gzip for text answers (pages, JSON, CSS, JavaScript), so the dashboard's first open does
not send plotly.js's 4.8 MB as is (about 1.4 MB compressed).

Why our own and not Flask-Compress: one after_request of stdlib gzip does it, with the
compressed bytes of static files (which carry an ETag) kept in memory, so each is compressed
once per process and not on every request.
"""
import gzip
from functools import lru_cache

TEXTO = ('text/', 'application/javascript', 'application/json', 'image/svg+xml')
MINIMO = 1400  # below one packet compression gains nothing
MAXIMO = 8 * 1024 * 1024
# A page is compressed on every request: level 1 takes about half the time of 6 (0.4 ms
# instead of 0.8 ms for the 34 KB queue) for ~12 % more bytes. Static files are compressed
# once per process (below), so they get the smaller output.
NIVEL_PAGINA, NIVEL_FIJO = 1, 6


@lru_cache(maxsize=64)
def _comprimir_fijo(_etag, datos):
    return gzip.compress(datos, compresslevel=NIVEL_FIJO, mtime=0)


def comprimir(respuesta, acepta):
    """The response gzip-encoded when the client accepts it and it is worth it."""
    if ('gzip' not in (acepta or '') or respuesta.status_code != 200
            or 'Content-Encoding' in respuesta.headers
            or not (respuesta.mimetype or '').startswith(TEXTO)
            or (respuesta.is_streamed and not respuesta.direct_passthrough)):
        return respuesta
    largo = respuesta.content_length
    if largo is not None and not MINIMO <= largo <= MAXIMO:
        return respuesta
    etag = respuesta.headers.get('ETag')
    respuesta.direct_passthrough = False
    datos = respuesta.get_data()
    if not MINIMO <= len(datos) <= MAXIMO:
        return respuesta
    comprimido = (_comprimir_fijo(etag, datos) if etag
                  else gzip.compress(datos, compresslevel=NIVEL_PAGINA, mtime=0))
    respuesta.set_data(comprimido)
    respuesta.headers['Content-Encoding'] = 'gzip'
    respuesta.headers['Content-Length'] = str(len(comprimido))
    respuesta.vary.add('Accept-Encoding')
    if etag:  # a different representation: its own validator
        respuesta.headers['ETag'] = etag.rstrip('"') + '-gz"' if etag.endswith('"') else etag
    return respuesta


def registrar(app):
    from flask import request

    @app.after_request
    def _gzip(respuesta):
        return comprimir(respuesta, request.headers.get('Accept-Encoding'))
