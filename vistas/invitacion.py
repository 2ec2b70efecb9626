"""Invitation links: a user created without a password (a configuration import) sets their
own. The link is signed with SECRET_KEY, lasts 7 days and dies once used: it carries a digest
of the current password hash, which setting the password changes."""
import hashlib

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_security import hash_password
from flask_wtf import FlaskForm
from itsdangerous import BadData, URLSafeTimedSerializer

from catalogos.usuarios import Usuario, errores_usuario, limites_contrasena

bp = Blueprint('invitacion', __name__)
DURACION = 7 * 24 * 3600


def _firmador():
    return URLSafeTimedSerializer(current_app.config['SECRET_KEY'], salt='invitacion')


def _huella(usuario):
    return hashlib.sha256((usuario.password or '').encode()).hexdigest()[:16]


def enlace(usuario):
    token = _firmador().dumps({'u': usuario.fs_uniquifier, 'p': _huella(usuario)})
    return url_for('invitacion.definir', token=token, _external=True)


def _usuario(token):
    try:
        datos = _firmador().loads(str(token)[:500], max_age=DURACION)
    except BadData:
        return None
    usuario = Usuario.get_or_none(Usuario.fs_uniquifier == str(datos.get('u')))
    if usuario is None or not usuario.active or datos.get('p') != _huella(usuario):
        return None
    return usuario


class FormularioInvitacion(FlaskForm):
    """Only the CSRF token; the fields are plain inputs."""


@bp.route('/invitacion/<token>', methods=('GET', 'POST'))
def definir(token):
    usuario = _usuario(token)
    if usuario is None:
        abort(404, description='El enlace de invitación venció o ya se usó: pida otro.')
    formulario, errores = FormularioInvitacion(), {}
    if request.method == 'POST' and formulario.validate_on_submit():
        contrasena = request.form.get('contrasena', '')[:200]
        errores = {k: v for k, v in errores_usuario(
            usuario, contrasena, list(usuario.nombres_roles()), False,
            **limites_contrasena(current_app.config)).items() if k == 'contrasena'}
        if not contrasena:
            errores['contrasena'] = 'Escriba una contraseña.'
        elif contrasena != request.form.get('contrasena2', ''):
            errores['contrasena2'] = 'Las dos contraseñas no coinciden.'
        if not errores:
            usuario.password = hash_password(contrasena)
            usuario.save()
            flash('Contraseña definida: entre con su correo.', 'success')
            return redirect(url_for('security.login'))
    return render_template('primer_uso/invitacion.html', formulario=formulario,
                           usuario=usuario, errores=errores), 400 if errores else 200
