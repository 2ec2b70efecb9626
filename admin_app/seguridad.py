"""Flask-Security-Too on peewee: login, logout, password hashing, roles; the sign-in log
and the lock-out (catalogos.accesos)."""
from flask import has_request_context, redirect, request
from flask_login import user_logged_out
from flask_security import (LoginForm, PeeweeUserDatastore, Security, hash_password,
                            user_authenticated)
from flask_security.utils import get_message
from flask_wtf import FlaskForm

from bd import db
from catalogos.usuarios import Rol, Usuario, UsuarioRol, usuario_de_sesion


class FormularioEntrada(LoginForm):
    """Flask-Security's login form answering one way to an unknown e-mail, a wrong password
    and an account locked for this address (catalogos.accesos.MENSAJE, under the password):
    the page tells nobody which accounts exist or are locked (issue 15, F9)."""

    def validate(self, **kwargs):
        from catalogos import accesos

        email = (self.email.data or '').strip().lower()
        usuario = Usuario.get_or_none(Usuario.email == email) if email else None
        if usuario is not None and accesos.bloqueada_desde_peticion(usuario):
            # Before the password: a right guess gets the same answer as a wrong one.
            FlaskForm.validate(self, **kwargs)  # the fields' own checks only
            hash_password(self.password.data or '')  # the work a wrong password costs
            accesos.evento_desde_peticion(usuario, 'bloqueada')
            self._credenciales_malas()
            return False
        valido = super().validate(**kwargs)
        if not valido and not getattr(self, 'user_authenticated', False):
            self._credenciales_malas()
        return valido

    def _credenciales_malas(self):
        from catalogos import accesos

        # Lazy translations: compared as text.
        propios = {str(get_message(c)[0]) for c in ('USER_DOES_NOT_EXIST', 'INVALID_PASSWORD')}
        self.email.errors = [e for e in self.email.errors if str(e) not in propios]
        self.password.errors = [accesos.MENSAJE]


class Almacen(PeeweeUserDatastore):
    """Flask-Security's peewee datastore; the user of a session (looked up on every request
    by fs_uniquifier) comes with their roles in one compiled query (its own way reads the
    user, then the roles on the first check), the rest as shipped."""

    def find_user(self, case_insensitive=False, **kwargs):
        if not case_insensitive and list(kwargs) == ['fs_uniquifier']:
            return usuario_de_sesion(kwargs['fs_uniquifier'])
        return super().find_user(case_insensitive, **kwargs)


def almacen():
    return Almacen(db, Usuario, Rol, UsuarioRol)


def iniciar(app):
    # A fresh Security per app: tests build many apps in one process.
    Security(app, almacen(), login_form=FormularioEntrada)
    # API tokens open only the JSON API, which checks them itself (vistas/api/tokens.py).
    # Flask-Security's own loader would accept them on every screen, even in the query string.
    app.login_manager.request_loader(lambda request: None)

    @app.before_request
    def _salir_con_token():
        # Flask-Security's logout takes no form, so it checks no CSRF token: any other site
        # could sign our users out. The logout button already posts the token (csrf_salir).
        from vistas.acceso import csrf_valido

        if request.endpoint == 'security.logout' and request.method == 'POST' and \
                not csrf_valido('La sesión del formulario expiró: vuelva a pulsar «Salir».'):
            return redirect('/admin/')
        return None

    @app.context_processor
    def _csrf():
        # Not named csrf_token: flask-admin would then add a second token to its own forms.
        from flask_wtf.csrf import generate_csrf
        return {'csrf_flask_wtf': generate_csrf}


# Connected once per process (signals are global); they act on whichever app is running.
def _entrada(sender, user, **extra):
    from catalogos import accesos
    accesos.exito_desde_peticion(user, 'entrada')


def _salida(sender, user, **extra):
    from catalogos import accesos
    from catalogos.usuarios import renovar_identidad
    if user is not None and getattr(user, 'id', None):
        accesos.evento_desde_peticion(user, 'salida')
        # A copy of the session cookie (another device, a stolen one) ends too; the API
        # tokens only when the logout form asks (tokens=1), else scripts keep working.
        renovar_identidad(user, tokens=has_request_context()
                          and request.form.get('tokens') == '1')


user_authenticated.connect(_entrada, weak=False)
user_logged_out.connect(_salida, weak=False)
