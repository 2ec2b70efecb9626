"""Organización > Empresa: the one company profile row, edited like any admin form.

The list is never shown: the screen opens the profile's form (creating it on first use).
The logo is uploaded as a file and kept in the database (one small image); the portal serves
it at /portal/logo.
"""
from flask import flash, redirect, url_for
from flask_admin import expose
from wtforms import FileField
from wtforms.validators import ValidationError

from catalogos.empresa import LOGO_MAX, TIPOS_LOGO, Empresa, primer_calendario
from vistas.base import VistaSegura


class VistaEmpresa(VistaSegura):
    permiso = permiso_escritura = 'configuracion.administrar'
    can_view_details = False
    can_export = False
    form_columns = ('nombre', 'pais', 'identificacion', 'direccion', 'url_publica',
                    'libro_reclamaciones', 'politica_datos', 'logo_archivo')
    form_extra_fields = {'logo_archivo': FileField(
        'Logo', description='PNG o JPEG, hasta 512 KB. Vacío: se conserva el actual.')}
    form_widget_args = {'politica_datos': {'rows': 8}}
    create_template = 'empresa/crear.html'
    edit_template = 'empresa/editar.html'

    def __init__(self):
        super().__init__(Empresa, name='Empresa', category='Organización', endpoint='empresa')

    @property
    def can_delete(self):  # one profile, never deleted
        return False

    @expose('/')
    def index_view(self):
        fila = Empresa.select(Empresa.id).order_by(Empresa.id).first()
        if fila is None:
            return redirect(url_for('.create_view'))
        return redirect(url_for('.edit_view', id=fila.id))

    @expose('/new/', methods=('GET', 'POST'))
    def create_view(self):
        fila = Empresa.select(Empresa.id).first()
        if fila is not None:  # a second profile is never created
            return redirect(url_for('.edit_view', id=fila.id))
        return super().create_view()

    def on_model_change(self, form, model, is_created):
        archivo = form.logo_archivo.data
        if archivo and getattr(archivo, 'filename', ''):
            contenido = archivo.read(LOGO_MAX + 1)
            model.logo, model.logo_tipo = contenido, archivo.mimetype or ''
            if model.logo_tipo not in TIPOS_LOGO or len(contenido) > LOGO_MAX:
                form.logo_archivo.errors = list(form.logo_archivo.errors) + [
                    'El logo debe ser una imagen PNG o JPEG de hasta 512 KB.']
                raise ValidationError('Revise los campos marcados.')
        super().on_model_change(form, model, is_created)

    def after_model_change(self, form, model, is_created):
        calendario = primer_calendario(model)
        if calendario is not None:
            flash(f'Se creó el calendario «{calendario.nombre}» con los festivos nacionales y '
                  'horario de lunes a viernes de 08:00 a 17:00: revíselo en Plazos > '
                  'Calendarios.', 'info')

    def get_save_return_url(self, model, is_created=False):
        return url_for('.edit_view', id=model.id)
