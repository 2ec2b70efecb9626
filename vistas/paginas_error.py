"""Error pages in Spanish for every screen; the JSON API answers its own (vistas.api).

Werkzeug's default pages are English ("Not Found", "Forbidden") and lead nowhere. A person
reads what happened in the product's words and a way back: to the portal for a customer, to
the start page for staff. A case outside the user's areas is the same 404 as a missing
number, so the page says "does not exist or you have no access" and never tells them apart.
"""
from flask import render_template, request
from flask_login import current_user
from werkzeug.exceptions import HTTPException

TITULOS = {
    400: 'Solicitud no válida', 403: 'Sin permiso', 404: 'Página no encontrada',
    405: 'Operación no admitida', 413: 'Envío demasiado grande', 429: 'Demasiados intentos',
    500: 'Error interno'}
MENSAJES = {
    400: 'No pudimos entender lo enviado. Vuelva a la página anterior, recárguela e '
         'inténtelo de nuevo.',
    403: 'Su usuario no tiene permiso para esta página. Si la necesita para su trabajo, '
         'pídalo a un administrador.',
    404: 'La página no existe o no tiene acceso a ella. Revise la dirección o '
         'búsquela desde el inicio.',
    405: 'Esta dirección no admite esa operación. Use los botones y formularios de la '
         'aplicación.',
    413: 'El archivo o el formulario enviado supera el tamaño permitido.',
    429: 'Demasiados intentos desde su dirección: espere un momento y vuelva a intentarlo.',
    500: 'Ocurrió un error que no esperábamos; quedó registrado. Vuelva a intentarlo en un '
         'momento.'}
GENERICO = 'No pudimos completar la solicitud.'


def _mensaje(fallo):
    # Our own abort(400, description='...') is already Spanish and says more than the
    # generic line; Werkzeug's class defaults are English and are never shown.
    propio = fallo.description if fallo.description != type(fallo).description else None
    return propio or MENSAJES.get(fallo.code, GENERICO)


def _con_sesion():
    # A 500 may come from the database itself: the page must draw without reading the user.
    try:
        return current_user.is_authenticated
    except Exception:  # noqa: BLE001  (any failure: draw the customer's version)
        return False


def pagina(fallo, mensaje=None):
    """The HTML answer to ``fallo`` (an HTTPException), keeping its status and headers
    (Allow of a 405, Retry-After of a 429)."""
    if fallo.response is not None:  # abort(respuesta): the view drew its own page
        return fallo.response
    personal = not request.path.startswith('/portal') and _con_sesion()
    html = render_template('error.html', codigo=fallo.code, personal=personal,
                           titulo=TITULOS.get(fallo.code, 'No se pudo completar'),
                           mensaje=mensaje or _mensaje(fallo))
    cabeceras = [(nombre, valor) for nombre, valor in fallo.get_headers()
                 if nombre.lower() != 'content-type']
    return html, fallo.code, cabeceras


def registrar(app):
    @app.errorhandler(HTTPException)
    def _pagina_de_error(fallo):
        # Redirects and bare HTTPExceptions (no code) keep Werkzeug's own handling.
        if fallo.code is None or fallo.code < 400:
            return fallo
        return pagina(fallo)
