"""Flask-Security-Too on peewee: login, logout, password hashing, roles."""
from flask_security import PeeweeUserDatastore, Security

from admin_app.db import db
from catalogos.usuarios import Rol, Usuario, UsuarioRol


def almacen():
    return PeeweeUserDatastore(db, Usuario, Rol, UsuarioRol)


def iniciar(app):
    # A fresh Security per app: tests build many apps in one process.
    Security(app, almacen())
    # API tokens open only the JSON API, which checks them itself (vistas/api/tokens.py).
    # Flask-Security's own loader would accept them on every screen, even in the query string.
    app.login_manager.request_loader(lambda request: None)

    @app.before_request
    def _salir_con_token():
        # Flask-Security's logout takes no form, so it checks no CSRF token: any other site
        # could sign our users out. The logout button already posts the token (csrf_salir).
        from flask import flash, redirect, request
        from flask_wtf.csrf import CSRFError, validate_csrf
        from wtforms.validators import ValidationError

        if request.endpoint == 'security.logout' and request.method == 'POST':
            try:
                validate_csrf(request.form.get('csrf_token'))
            except (ValidationError, CSRFError):
                flash('La sesión del formulario expiró: vuelva a pulsar «Salir».', 'error')
                return redirect('/admin/')
        return None

    @app.context_processor
    def _csrf():
        # Not named csrf_token: flask-admin would then add a second token to its own forms.
        from flask_wtf.csrf import generate_csrf
        return {'csrf_flask_wtf': generate_csrf}
