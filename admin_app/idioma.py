"""Spanish by default, English selectable; the choice lives in the session."""
from flask import redirect, request, session, url_for
from flask_babel import Babel


def elegir_idioma():
    from flask import current_app

    idiomas = current_app.config['LANGUAGES']
    elegido = session.get('idioma')
    if elegido in idiomas:
        return elegido
    return current_app.config['BABEL_DEFAULT_LOCALE']


def iniciar(app):
    Babel(app, locale_selector=elegir_idioma)

    @app.route('/idioma/<codigo>')
    def cambiar_idioma(codigo):
        if codigo in app.config['LANGUAGES']:
            session['idioma'] = codigo
        destino = request.referrer or ''
        # Only go back to a page of this site: never an open redirect.
        if not destino.startswith(request.host_url):
            destino = url_for('admin.index')
        return redirect(destino)
