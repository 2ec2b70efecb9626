"""The JSON API under /api/v1: per-user tokens, cases, catalogs, and its OpenAPI document.

Every answer is JSON, errors included: ``{"mensaje": ..., "errores": {field: message}}`` with
400 (not JSON), 401 (token), 403 (role), 404 (no such case, or not visible), 409 (stale
version, with the changes), 422 (invalid data). The routes live in tokens, casos, catalogos
and openapi; esquemas holds the request shapes both the checks and the document use.
"""
from flask import Blueprint, current_app, request
from peewee import DataError
from werkzeug.exceptions import HTTPException

from reclamos.errores import ConflictoVersion, ErrorPermiso, ErrorValidacion

PREFIJO = '/api/v1'
api = Blueprint('api', __name__, url_prefix=PREFIJO)

from vistas.api.base import ErrorApi, error  # noqa: E402  (modules below import ``api``)

CAMPO_HTTP = {404: 'url', 405: 'metodo', 413: 'cuerpo', 400: 'cuerpo'}
MENSAJE_HTTP = {404: 'No existe esa dirección en la API; vea /api/v1/openapi.json.',
                405: 'Método no admitido en esta dirección.',
                413: 'El cuerpo es demasiado grande.'}


@api.errorhandler(ErrorApi)
def _error_api(fallo):
    return fallo.respuesta()


@api.errorhandler(ErrorValidacion)
def _validacion(fallo):
    return ErrorApi(422, fallo.errores).respuesta()


@api.errorhandler(ErrorPermiso)
def _permiso(fallo):
    return error(403, 'permiso', str(fallo)).respuesta()


@api.errorhandler(ConflictoVersion)
def _conflicto(fallo):
    from vistas.api.serializacion import instante

    cambios = [{**c, 'instante': instante(c.get('instante'))} for c in fallo.cambios]
    return error(409, 'version', str(fallo), cambios=cambios,
                 version_leida=fallo.version_leida,
                 version_actual=fallo.version_actual).respuesta()


def _http(fallo):
    campo = CAMPO_HTTP.get(fallo.code, 'http')
    mensaje = MENSAJE_HTTP.get(fallo.code, fallo.description)
    cabeceras = {}
    if fallo.code == 405 and getattr(fallo, 'valid_methods', None):
        cabeceras['Allow'] = ', '.join(fallo.valid_methods)
    return error(fallo.code, campo, mensaje, cabeceras=cabeceras).respuesta()


@api.errorhandler(HTTPException)
def _http_en_la_api(fallo):
    return _http(fallo)


@api.errorhandler(OverflowError)
@api.errorhandler(DataError)
def _desborde(fallo):
    # A number beyond SQLite's 64 bits that no check stopped earlier (vistas.numeros).
    return error(422, 'parametro', 'El número es demasiado grande.').respuesta()


@api.errorhandler(Exception)
def _inesperado(fallo):
    current_app.logger.exception('Error no previsto en la API: %s %s', request.method,
                                 request.path)
    return error(500, 'servidor', 'Error interno del servidor; quedó registrado.').respuesta()


@api.app_errorhandler(404)
@api.app_errorhandler(405)
def _ruta(fallo):
    """Routing errors never reach a blueprint's handlers: answer JSON under /api/v1 and the
    Spanish page (vistas.paginas_error) everywhere else."""
    from vistas.paginas_error import pagina

    if request.path == PREFIJO or request.path.startswith(PREFIJO + '/'):
        return _http(fallo)
    return pagina(fallo)


@api.after_request
def _sin_cache(respuesta):
    # Cases and tokens are personal data: no shared or browser cache keeps them.
    if request.endpoint != 'api.openapi':
        respuesta.headers['Cache-Control'] = 'no-store'
    return respuesta


from vistas.api import (casos, catalogos, documentos, entregas, openapi, resultado,  # noqa: E402,F401,I001
                        tokens)
