"""Signed links for e-mails (tracking, survey): itsdangerous with the app's SECRET_KEY.

Each purpose has its own salt, so a tracking token can never be replayed as a survey token.
The public base URL comes from RECLAMOS_URL_PUBLICA only (links are written into e-mails,
often outside any request). Never from the request: its Host header is whatever the client
sent, so a forged one would put an attacker's site in a customer's e-mail. In production the
app does not start without it (admin_app.config.comprobar); a demo falls back to localhost.
"""
from flask import current_app, has_app_context
from itsdangerous import BadData, URLSafeTimedSerializer

SEGUIMIENTO, ENCUESTA, ADJUNTO = 'seguimiento', 'encuesta', 'adjunto-pendiente'
# ADJUNTO: a file set aside while the customer corrects the form (portal.adjuntos_pendientes).
DURACION = {SEGUIMIENTO: 2 * 366 * 86400, ENCUESTA: 120 * 86400, ADJUNTO: 86400}
LOCAL = 'http://localhost:5000'  # run.py's default address, for a demo without the setting


def disponible():
    """Links need the application's key: services called outside the app cannot sign."""
    return has_app_context()


def _serializador(proposito):
    return URLSafeTimedSerializer(current_app.config['SECRET_KEY'],
                                  salt=f'reclamos-portal-{proposito}')


def firmar(proposito, datos):
    return _serializador(proposito).dumps(datos)


def leer(proposito, token):
    """The signed data, or None for a forged, altered, expired or foreign token."""
    try:
        return _serializador(proposito).loads(str(token or '')[:500],
                                              max_age=DURACION[proposito])
    except BadData:
        return None


def url_publica(ruta):
    from catalogos.empresa import dato

    # Never the request's Host header: anyone can send one (a link in a customer's mail).
    base = dato('url_publica', current_app.config) or LOCAL
    return base.rstrip('/') + ruta


def enlace_seguimiento(reclamo):
    return url_publica('/portal/caso/' + firmar(SEGUIMIENTO, {'r': reclamo.id}))
