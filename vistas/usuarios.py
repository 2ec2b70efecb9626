"""Users screen: roles as a multiple select, password hashed by Flask-Security.

Written by hand because peewee has no many-to-many for flask-admin to generate, and the
password must never be shown or stored in clear.
"""
import datetime
import uuid

from flask import current_app, flash, request
from flask_admin.actions import action
from flask_security import hash_password
from wtforms import PasswordField, SelectMultipleField
from wtforms.validators import Length, ValidationError

from catalogos import accesos
from catalogos.organizacion import Area
from catalogos.usuarios import (ROLES, Usuario, asignar_roles, cambio_de_acceso,
                                errores_usuario, limites_contrasena, renovar_identidad)
from vistas.base import VistaSegura
from vistas.catalogos import FiltroRelacion, _opciones_de


class VistaUsuarios(VistaSegura):
    permiso = permiso_escritura = 'usuarios.administrar'

    column_list = ('email', 'nombre', 'area', 'active', 'bloqueado_hasta', 'creado_en')
    column_labels = {'email': 'Correo', 'nombre': 'Nombre', 'area': 'Área', 'active': 'Activo',
                     'creado_en': 'Creado', 'contrasena': 'Contraseña', 'roles': 'Roles',
                     'bloqueado_hasta': 'Bloqueado hasta (UTC)',
                     'intentos_fallidos': 'Intentos fallidos'}
    column_searchable_list = ('email', 'nombre')
    column_sortable_list = ('email', 'nombre', ('area', Area.nombre), 'creado_en')
    column_default_sort = ('email', False)
    column_details_exclude_list = ('password', 'fs_uniquifier', 'fs_token_uniquifier')
    # The latest lock of any address (catalogos.accesos keeps it on the row for this list).
    column_formatters = {'bloqueado_hasta': lambda v, c, m, n: (
        m.bloqueado_hasta if m.bloqueado_hasta and m.bloqueado_hasta > datetime.datetime.utcnow()
        else '')}
    column_export_exclude_list = ('password', 'fs_uniquifier', 'fs_token_uniquifier')
    column_export_list = ('email', 'nombre', 'area', 'active', 'creado_en')
    form_columns = ('email', 'nombre', 'area', 'active', 'roles', 'contrasena')
    form_extra_fields = {
        'roles': SelectMultipleField('Roles', choices=[(r, r) for r in ROLES]),
        'contrasena': PasswordField('Contraseña', validators=[Length(max=128)],
                                    description='Vacía al editar: se conserva la actual.'),
    }

    def __init__(self):
        self.column_filters = [FiltroRelacion(Usuario.area, 'Área', options=_opciones_de(Area)),
                               'active']
        super().__init__(Usuario, name='Usuarios', category='Organización', endpoint='usuarios')

    def on_form_prefill(self, form, id):
        form.roles.data = sorted(Usuario.get_by_id(id).nombres_roles())

    def on_model_change(self, form, model, is_created):
        model.email = (model.email or '').strip().lower()
        errores = errores_usuario(model, form.contrasena.data, form.roles.data or [], is_created,
                                  **limites_contrasena(current_app.config))
        for campo, mensaje in errores.items():
            form[campo].errors = list(form[campo].errors) + [mensaje]
        if errores:
            raise ValidationError('Revise los campos marcados: ' + ' '.join(errores.values()))
        if is_created:
            model.fs_uniquifier = uuid.uuid4().hex
        elif cambio_de_acceso(Usuario.get_by_id(model.id), model, form.roles.data,
                              form.contrasena.data):
            # New password, other roles or deactivated: sessions and tokens end (F5).
            renovar_identidad(model)
        if form.contrasena.data:
            model.password = hash_password(form.contrasena.data)

    def after_model_change(self, form, model, is_created):
        asignar_roles(model, form.roles.data)

    @action('desbloquear', 'Desbloquear', '¿Desbloquear las cuentas elegidas?')
    def desbloquear(self, ids):
        for usuario in Usuario.select().where(Usuario.id.in_([int(i) for i in ids])):
            accesos.desbloquear(usuario, request.remote_addr,
                                request.headers.get('User-Agent', ''))
        flash(f'Cuentas desbloqueadas: {len(ids)}.', 'success')


    @action('invitar', 'Invitar', '¿Enviar a los usuarios elegidos un enlace para definir su '
                                  'contraseña?')
    def invitar(self, ids):
        from reclamos.correo.salida import encolar
        from vistas.invitacion import enlace

        usuarios = list(Usuario.select().where(Usuario.id.in_([int(i) for i in ids])))
        for usuario in usuarios:
            encolar(usuario.email, 'Defina su contraseña de Reclamos',
                    f'Hola {usuario.nombre or usuario.email}:\n\nDefina su contraseña en '
                    f'{enlace(usuario)}\n\nEl enlace vale 7 días y sirve una sola vez.')
        flash(f'Invitaciones enviadas: {len(usuarios)}.', 'success')


class VistaAccesos(VistaSegura):
    """Who signed in and out, from where, the failed passwords and lock-outs: read only."""

    permiso, permiso_escritura = 'registros.leer', 'registros.editar'
    column_list = ('creado_en', 'email', 'tipo', 'ip', 'navegador')
    column_labels = {'creado_en': 'Cuándo (UTC)', 'email': 'Correo', 'tipo': 'Evento',
                     'ip': 'IP', 'navegador': 'Navegador', 'usuario': 'Usuario'}
    column_searchable_list = ('email', 'ip')
    column_filters = ('tipo', 'creado_en')
    column_default_sort = ('creado_en', True)
    column_formatters = {'tipo': lambda v, c, m, n: accesos.TIPOS.get(m.tipo, m.tipo)}
    simple_list_pager = True  # no COUNT(*) over a table that only grows

    def __init__(self):
        super().__init__(accesos.EventoUsuario, name='Accesos de usuarios',
                         category='Organización', endpoint='accesos')
