"""First run in the browser: the setup page that creates the first administrator, and the
checklist of what is left to configure.

``/instalar`` works only while the database has no user, and only with a one-time code that
the server writes to its log (whoever reads the log runs the server): an empty database
reachable on the network must not hand out an administrator to the first visitor. The code
lives in the instance folder, so every worker process of one server accepts the same code,
and is deleted once used.
"""
import hmac
import logging
import secrets
import uuid
from pathlib import Path

from flask import (Blueprint, current_app, flash, redirect, render_template, request,
                   url_for)
from flask_admin import expose
from flask_security import hash_password, login_user
from flask_wtf import FlaskForm

from bd import db
from catalogos.usuarios import Usuario, asignar_roles, errores_usuario, limites_contrasena
from vistas.acceso import VistaProtegida

bp = Blueprint('primer_uso', __name__)
registro = logging.getLogger('reclamos.instalacion')
ENTRADAS = {'raiz', 'admin.index'}  # the login page itself stays (deep links, probes)


def _archivo():
    carpeta = Path(current_app.config.get('RECLAMOS_INSTANCIA') or current_app.instance_path)
    return carpeta / 'codigo_instalacion'


def codigo_instalacion():
    """The one-time code, created (and written to the log) on first need."""
    archivo = _archivo()
    if not archivo.exists():
        archivo.parent.mkdir(parents=True, exist_ok=True)
        archivo.write_text(secrets.token_hex(4).upper())
        archivo.chmod(0o600)
    codigo = archivo.read_text().strip()
    registro.warning('Código de instalación de Reclamos: %s (úselo en /instalar para crear '
                     'el primer administrador)', codigo)
    return codigo


def sin_usuarios():
    # Once a user exists setup stays closed for this app: no query on every later request.
    if current_app.extensions.get('instalacion_cerrada'):
        return False
    if Usuario.select().exists():
        current_app.extensions['instalacion_cerrada'] = True
        return False
    return True


class FormularioInstalacion(FlaskForm):
    """Only the CSRF token; the fields are plain inputs read from ``request.form``."""


@bp.before_app_request
def _a_la_instalacion():
    if request.endpoint in ENTRADAS and sin_usuarios():
        return redirect(url_for('primer_uso.instalar'))
    return None


@bp.route('/instalar', methods=('GET', 'POST'))
def instalar():
    if not sin_usuarios():
        return redirect(url_for('admin.index'))
    formulario = FormularioInstalacion()
    valores, errores = {}, {}
    if request.method == 'POST' and formulario.validate_on_submit():
        valores = {k: request.form.get(k, '').strip()[:200]
                   for k in ('codigo', 'email', 'nombre')}
        usuario = _crear_admin(valores, request.form.get('contrasena', '')[:200],
                               request.form.get('contrasena2', '')[:200], errores)
        if usuario is not None:
            login_user(usuario)
            flash('Administrador creado. Siga los primeros pasos para configurar la empresa.',
                  'success')
            return redirect(url_for('primeros_pasos.index'))
    elif request.method == 'POST':
        errores['codigo'] = 'La página venció: recárguela e intente de nuevo.'
    else:
        codigo_instalacion()
    return render_template('primer_uso/instalar.html', formulario=formulario,
                           valores=valores, errores=errores), 400 if errores else 200


def _crear_admin(valores, contrasena, repetida, errores):
    esperado = codigo_instalacion()
    if not hmac.compare_digest(valores['codigo'].upper().encode(), esperado.encode()):
        errores['codigo'] = ('El código no coincide con el que el servidor escribió en su '
                             'registro (log).')
        return None
    usuario = Usuario(email=valores['email'].lower(), nombre=valores['nombre'], active=True)
    errores.update(errores_usuario(usuario, contrasena, ['admin'], True,
                                   **limites_contrasena(current_app.config)))
    if contrasena != repetida and 'contrasena' not in errores:
        errores['contrasena2'] = 'Las dos contraseñas no coinciden.'
    if errores:
        return None
    with db.atomic():
        if Usuario.select().exists():  # another browser finished first
            errores['codigo'] = 'Ya existe un usuario: entre con él.'
            return None
        usuario.password = hash_password(contrasena)
        usuario.fs_uniquifier = uuid.uuid4().hex
        usuario.save()
        asignar_roles(usuario, ['admin'])
    _archivo().unlink(missing_ok=True)
    current_app.extensions['instalacion_cerrada'] = True
    return Usuario.get_by_id(usuario.id)


def pasos():
    """(title, done, what it means, endpoint) of each first step, in order."""
    from catalogos.empresa import Empresa
    from catalogos.organizacion import Area, Calendario
    from catalogos.servicios import Motivo, Servicio
    from reclamos.portal.cartas import PlantillaCarta

    empresa = Empresa.actual()
    return [
        ('Empresa', bool(empresa.id and empresa.nombre),
         'Razón social, NIT o RUC, país, dirección pública, Libro de Reclamaciones.',
         'empresa.index_view'),
        ('Calendario', Calendario.select().exists(),
         'Festivos del país, horario de atención y días no laborables.',
         'calendarios.index_view'),
        ('Áreas', Area.select().where(Area.resuelve == True).exists(),  # noqa: E712
         'Al menos un área que resuelva casos.', 'areas.index_view'),
        ('Servicios y motivos', Servicio.select().exists() and Motivo.select().exists(),
         'Qué ofrece la empresa y los motivos de caso, con su plazo y área.',
         'motivos.index_view'),
        ('Usuarios', Usuario.select().count() > 1,
         'Agentes, supervisores y gerentes, con su área.', 'usuarios.index_view'),
        ('Cartas', PlantillaCarta.select().exists(),
         'Plantillas de la carta de respuesta al cliente.', 'plantillas_carta.index_view'),
    ]


class VistaPrimerosPasos(VistaProtegida):
    """Organización > Primeros pasos: what is configured and what is left (admins)."""

    permiso = 'configuracion.administrar'

    @expose('/')
    def index(self):
        lista = pasos()
        return self.render('primer_uso/pasos.html', pasos=lista,
                           hechos=sum(1 for p in lista if p[1]))
