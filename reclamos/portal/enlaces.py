"""Signed links for e-mails (tracking, survey): itsdangerous with the app's SECRET_KEY.

Each purpose has its own salt, so a tracking token can never be replayed as a survey token.
The public base URL comes from RECLAMOS_URL_PUBLICA only (links are written into e-mails,
often outside any request). Never from the request: its Host header is whatever the client
sent, so a forged one would put an attacker's site in a customer's e-mail. In production the
app does not start without it (admin_app.config.comprobar); a demo falls back to localhost.
"""
import functools
import hashlib

from flask import current_app, has_app_context
from itsdangerous import BadData, Signer, URLSafeTimedSerializer

SEGUIMIENTO, ENCUESTA, ADJUNTO = 'seguimiento', 'encuesta', 'adjunto-pendiente'
# ADJUNTO: a file set aside while the customer corrects the form (portal.adjuntos_pendientes).
DURACION = {SEGUIMIENTO: 2 * 366 * 86400, ENCUESTA: 120 * 86400, ADJUNTO: 86400}
LOCAL = 'http://localhost:5000'  # run.py's default address, for a demo without the setting


def disponible():
    """Links need the application's key: services called outside the app cannot sign."""
    return has_app_context()


def _serializador(proposito):
    return _serializador_de(current_app.config['SECRET_KEY'], proposito)


@functools.lru_cache(maxsize=16)
def _serializador_de(clave, proposito):
    # Built once per key and purpose: building one runs a trial dump of its JSON serializer,
    # which the tracking page, opened from every e-mail, would pay on every request.
    return URLSafeTimedSerializer(clave, salt=f'reclamos-portal-{proposito}')


@functools.lru_cache(maxsize=4)
def _firmante_formulario(clave):
    return Signer(clave, salt='reclamos-portal-formulario', digest_method=hashlib.sha256)


def firmar(proposito, datos):
    return _serializador(proposito).dumps(datos)


def leer(proposito, token):
    """The signed data, or None for a forged, altered, expired or foreign token."""
    try:
        return _serializador(proposito).loads(str(token or '')[:500],
                                              max_age=DURACION[proposito])
    except BadData:
        return None


def clave_formulario(token):
    """The token the reply form of the page a tracking link opens carries: a signature of
    that link under the app's key, with its own salt.

    Why not the session's CSRF token: the page and its POST are authorised by the link, not
    by a cookie, so a cross-site request gains nothing a visitor's browser holds; what must
    hold is that whoever posts has the link. Another site cannot know it nor sign it, so it
    cannot forge the token, and the page needs no session: a GET writes no cookie.
    """
    return _firmante_formulario(current_app.config['SECRET_KEY']).get_signature(
        str(token)).decode('ascii')


def formulario_valido(token, enviado):
    """Whether ``enviado`` (the posted form token) is the one of this tracking link."""
    enviado = str(enviado or '')
    return bool(enviado) and enviado.isascii() and _firmante_formulario(
        current_app.config['SECRET_KEY']).verify_signature(str(token), enviado)


def url_publica(ruta):
    from catalogos.empresa import dato

    # Never the request's Host header: anyone can send one (a link in a customer's mail).
    base = dato('url_publica', current_app.config) or LOCAL
    return base.rstrip('/') + ruta


def enlace_seguimiento(reclamo):
    return url_publica('/portal/caso/' + firmar(SEGUIMIENTO, {'r': reclamo.id}))
