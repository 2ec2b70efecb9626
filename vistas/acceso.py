"""Who gets in, for every screen: one mixin that asks reglas.permisos, and one CSRF check.

Each secured view names the policy action that lets it be read (``permiso``) and, when
changing data needs more, the one for that (``permiso_escritura``): a write is a request to
one of ``vistas_escritura`` (flask-admin's create/edit/delete...) or, where ``post_escribe``,
any POST. A signed-out visitor goes to the login page; a signed-in one without the role gets
a 403, never just a hidden button.
"""
from flask import abort, flash, redirect, request, url_for
from flask_admin import BaseView
from flask_login import current_user, user_logged_in, user_logged_out
from flask_wtf.csrf import CSRFError, validate_csrf
from wtforms.validators import ValidationError

from bd.memo import olvidar, por_peticion
from catalogos.usuarios import MEMO_ROLES
from reglas.permisos import puede

SESION_EXPIRADA = 'La sesión del formulario expiró: vuelva a intentarlo.'


def roles_actuales():
    """The signed-in user's role names, read once per request: the menu asks every screen
    whether it is accessible, several times each, on every page."""
    return set(por_peticion(MEMO_ROLES, _roles))


def _roles():
    usuario = current_user._get_current_object()
    if not usuario.is_authenticated or not usuario.active:
        return frozenset()
    return frozenset(usuario.nombres_roles())


def _otro_usuario(*_args, **_kwargs):
    olvidar(MEMO_ROLES)


# Signing in or out changes who is asking (connected once per process: signals are global).
user_logged_in.connect(_otro_usuario, weak=False)
user_logged_out.connect(_otro_usuario, weak=False)


def rechazar():
    """Not logged in: to the login page. Logged in without the role: 403."""
    if current_user.is_authenticated:
        abort(403)
    return redirect(url_for('security.login', next=request.full_path))


def csrf_valido(mensaje=None):
    """Whether the form posted a valid CSRF token; with ``mensaje``, flash it when not.

    flask-admin's SecureForm guards its generated forms; the hand-written forms of the plain
    screens post ``csrf_token`` and check it here.
    """
    try:
        validate_csrf(request.form.get('csrf_token'))
    except (ValidationError, CSRFError):
        if mensaje:
            flash(mensaje, 'error')
        return False
    return True


class Protegida:
    """is_accessible / inaccessible_callback from reglas.permisos; mix in before the
    flask-admin view class."""

    permiso = 'inicio'
    permiso_escritura = None  # None: writing needs nothing more than reading
    vistas_escritura = frozenset()
    post_escribe = False

    def puede_escribir(self):
        return puede(roles_actuales(), self.permiso_escritura or self.permiso)

    def _escribe(self):
        modulo, _, vista = (request.endpoint or '').rpartition('.')
        return (modulo == self.endpoint and vista in self.vistas_escritura
                or self.post_escribe and request.method == 'POST')

    def is_accessible(self):
        roles = roles_actuales()
        if not puede(roles, self.permiso):
            return False
        if self.permiso_escritura is not None and self._escribe():
            return puede(roles, self.permiso_escritura)
        return True

    def inaccessible_callback(self, name, **kwargs):
        return rechazar()

    def get_url(self, endpoint, **kwargs):
        """flask-admin's links; those of its theme's CSS and JavaScript (a dozen on every
        page, always the same) built once per path prefix."""
        if not endpoint.endswith('.static'):
            return super().get_url(endpoint, **kwargs)
        clave = (request.script_root, endpoint, tuple(sorted(kwargs.items())))
        hechas = self.__dict__.setdefault('_urls_estaticas', {})
        if clave not in hechas:
            url = super().get_url(endpoint, **kwargs)
            if len(hechas) > 200:  # never a growing cache
                return url
            hechas[clave] = url
        return hechas[clave]


class VistaProtegida(Protegida, BaseView):
    """A plain (non-model) screen behind the role policy."""
