"""API tokens: Flask-Security's signed auth tokens, checked here rather than by its decorators.

The token is Flask-Security's own, issued and revoked by the service reclamos.acceso.tokens
(shared with the CLI's ``token-api``).

Why not ``@auth_token_required``: when authentication fails it redirects to the HTML login
page unless the client happens to send ``Accept: application/json``; its loader also takes
the token from the query string (where it ends up in access logs) and from JSON bodies, and
it is installed for every endpoint, so an API token would open the screens too
(admin_app.seguridad switches that loader off). Here the token is read from the
``Authentication-Token`` header only, any failure is a JSON 401, and a session cookie is never
looked at: a browser session cannot call the API, so the API needs no CSRF token.
"""
from functools import wraps

from flask import current_app, g, jsonify, request
from flask_security import hash_password, verify_password
from flask_security.utils import parse_auth_token
from itsdangerous import SignatureExpired

from bd import db
from catalogos import accesos
from catalogos.usuarios import Usuario, usuario_de_token
from reclamos.acceso.tokens import emitir, revocar, vigencia
from reglas.permisos import puede
from reclamos.tiempo import ahora_utc
from vistas.api import api
from vistas.api.base import error, leer_json, usuario
from vistas.api.esquemas import TOKEN
from vistas.api.serializacion import instante


def cabecera():
    return current_app.config['SECURITY_TOKEN_AUTHENTICATION_HEADER']


def _no_autenticado(mensaje):
    return error(401, cabecera(), mensaje,
                 cabeceras={'WWW-Authenticate': f'{cabecera()} realm="reclamos"'})


def autenticar():
    """The active staff user of the request's token; ErrorApi 401/403 otherwise."""
    token = request.headers.get(cabecera(), '').strip()
    if not token:
        raise _no_autenticado(f'Falta la cabecera {cabecera()}: pida un token con '
                              'POST /api/v1/token.')
    try:
        datos = parse_auth_token(token)
    except SignatureExpired:
        raise _no_autenticado('El token venció: pida uno nuevo con POST /api/v1/token.') \
            from None
    except Exception:  # bad signature, garbage, an old format: all the same to the client
        raise _no_autenticado('Token inválido o revocado.') from None
    uid = datos.get('uid')
    fila = usuario_de_token(uid) if isinstance(uid, str) and uid else None
    if fila is None or not fila.active or not fila.verify_auth_token(datos):
        raise _no_autenticado('Token inválido o revocado.')
    if not puede(fila.nombres_roles(), 'casos.leer'):
        raise error(403, 'permiso', 'Su usuario no tiene un rol que permita usar la API.')
    return fila


def requiere_token(vista):
    """Run ``vista`` only for a valid token; the user is then ``base.usuario()``."""

    @wraps(vista)
    def envuelta(*args, **kwargs):
        g.usuario_api = autenticar()
        return vista(*args, **kwargs)

    envuelta.requiere_token = True  # the OpenAPI test checks the document says so
    return envuelta


def datos_token(fila, token):
    return {'token': token, 'cabecera': cabecera(),
            'expira_en': instante(ahora_utc() + vigencia()),
            'usuario': {'email': fila.email, 'nombre': fila.nombre,
                        'roles': sorted(fila.nombres_roles()),
                        'area': fila.area.codigo if fila.area_id else None}}


@api.post('/token')
def token():
    """Email and password in, a token out; 401 without saying which of the two was wrong."""
    datos = leer_json(TOKEN)
    email = datos['email'].strip().lower()
    fila = Usuario.get_or_none(Usuario.email == email)
    if fila is not None and accesos.bloqueada_desde_peticion(fila):
        # Checked before the password and answered like a wrong one (catalogos.accesos).
        hash_password(datos['password'])
        accesos.evento_desde_peticion(fila, 'bloqueada')
        raise error(401, 'credenciales', accesos.MENSAJE)
    if fila is None or not fila.password:
        hash_password(datos['password'])  # the same work whether or not the email exists
        valida = False
    else:
        valida = verify_password(datos['password'], fila.password)
        if not valida:
            accesos.fallo_desde_peticion(fila)
    if not valida or not fila.active:
        raise error(401, 'credenciales', accesos.MENSAJE)
    with db.atomic():
        texto = emitir(fila)
        accesos.exito_desde_peticion(fila, 'token')
    return jsonify(datos_token(fila, texto))


@api.post('/token/revocar')
@requiere_token
def revocar_tokens():
    """Revoke every token of the caller (including the one of this request)."""
    with db.atomic():
        revocar(usuario())
    return jsonify({'mensaje': 'Se revocaron todos sus tokens; pida uno nuevo para seguir.'})
