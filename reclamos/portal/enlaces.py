"""Signed links for e-mails (tracking, survey): itsdangerous with the app's SECRET_KEY.

Each purpose has its own salt, so a tracking token can never be replayed as a survey token.
The public base URL comes from RECLAMOS_URL_PUBLICA (links are written into e-mails, often
outside any request); in a request it defaults to the host the customer used.
"""
from flask import current_app, has_app_context, has_request_context, request
from itsdangerous import BadData, URLSafeTimedSerializer

SEGUIMIENTO, ENCUESTA, ADJUNTO = 'seguimiento', 'encuesta', 'adjunto-pendiente'
# ADJUNTO: a file set aside while the customer corrects the form (portal.adjuntos_pendientes).
DURACION = {SEGUIMIENTO: 2 * 366 * 86400, ENCUESTA: 120 * 86400, ADJUNTO: 86400}


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

    base = dato('url_publica', current_app.config)
    if not base and has_request_context():
        base = request.host_url
    return (base or 'http://localhost:5000').rstrip('/') + ruta


def enlace_seguimiento(reclamo):
    return url_publica('/portal/caso/' + firmar(SEGUIMIENTO, {'r': reclamo.id}))
