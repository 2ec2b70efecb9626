"""The one secured base view every admin screen derives from, and its peewee fixes."""
import datetime

from flask import flash
from flask_admin import AdminIndexView, expose
from flask_admin.actions import action
from flask_admin.contrib.peewee import ModelView
from flask_admin.contrib.peewee.form import CustomModelConverter
from flask_admin.form import SecureForm
from flask_admin.model import typefmt
from peewee import JOIN, AutoField, DateField, TextField, TimeField
from wtforms.validators import Length, ValidationError

from bd import db
from reglas.fechas import mostrar_fecha, mostrar_hora
from reglas.hojas import celda_segura
from vistas.acceso import Protegida, roles_actuales
from vistas.campos_formulario import CampoFecha, CampoHora

# Longest text a generated form accepts for an unbounded (TextField) column; CharFields get
# their max_length from wtf-peewee already.
TEXTO_MAXIMO = 5000

# Endpoints that change data; readers are refused them with a 403, not just a hidden button.
VISTAS_ESCRITURA = frozenset({'create_view', 'edit_view', 'delete_view', 'action_view',
                              'ajax_update'})


class Convertidor(CustomModelConverter):
    """flask-admin maps only the old PrimaryKeyField to a hidden field; AutoField ids of new
    inline rows would otherwise be required and fail validation."""

    def __init__(self, view, additional=None):
        super().__init__(view, additional)
        self.converters[AutoField] = self.handle_pk
        self.converters[DateField] = self.handle_fecha
        self.converters[TimeField] = self.handle_hora

    def handle_fecha(self, model, field, **kwargs):
        return field.name, CampoFecha(**kwargs)

    def handle_hora(self, model, field, **kwargs):
        return field.name, CampoHora(**kwargs)

    def convert(self, model, field, field_args):
        # Every text input has a maximum: a TextField column has none of its own.
        if isinstance(field, TextField):
            field_args = dict(field_args or {})
            validadores = list(field_args.get('validators') or [])
            if not any(isinstance(v, Length) for v in validadores):
                validadores.append(Length(max=TEXTO_MAXIMO))
            field_args['validators'] = validadores
        return super().convert(model, field, field_args)


def _fecha(_vista, valor, _nombre=None):
    from vistas.filtros import local

    return local(valor)


def _codigo(_vista, _contexto, modelo, nombre):
    """A catalog code is meant to be read as a code: set apart, monospace."""
    from markupsafe import Markup

    valor = getattr(modelo, nombre, '')
    return Markup('<code class="codigo">%s</code>') % valor if valor else ''


# What a person reads, in lists, details and exports: Sí/No, —, 24/12/2026, 08:30, instants
# in local time; never True/False, None or ISO. ``datetime`` before ``date``: flask-admin
# picks the first type the value is an instance of, and a datetime is a date.
_TIPOS = {
    bool: lambda _vista, valor, _nombre=None: 'Sí' if valor else 'No',
    type(None): lambda _vista, _valor, _nombre=None: '—',
    datetime.datetime: _fecha,
    datetime.date: lambda view, valor, nombre=None: mostrar_fecha(valor),
    datetime.time: lambda view, valor, nombre=None: mostrar_hora(valor),
}


class VistaSegura(Protegida, ModelView):
    """Role checks on the server for every endpoint (vistas.acceso: ``permiso`` to read,
    ``permiso_escritura`` for VISTAS_ESCRITURA); one transaction per save."""

    permiso = 'catalogos.editar'
    permiso_escritura = 'catalogos.editar'
    vistas_escritura = VISTAS_ESCRITURA

    column_type_formatters = {**typefmt.BASE_FORMATTERS, **_TIPOS}
    column_type_formatters_detail = {**typefmt.DETAIL_FORMATTERS, **_TIPOS}
    column_type_formatters_export = {**typefmt.EXPORT_FORMATTERS, **_TIPOS}
    column_formatters = {'codigo': _codigo}
    column_formatters_export = {}

    form_base_class = SecureForm
    model_form_converter = Convertidor
    can_view_details = True
    can_export = True
    export_types = ['csv']
    page_size = 20
    can_set_page_size = True
    details_modal = False

    def get_export_value(self, model, name):
        # Exported CSV is opened in spreadsheets: text that starts like a formula is not one.
        valor = super().get_export_value(model, name)
        return celda_segura(str(valor)) if isinstance(valor, str) else valor

    @property
    def can_create(self):
        return self.puede_escribir()

    @property
    def can_edit(self):
        return self.puede_escribir()

    @property
    def can_delete(self):
        return self.puede_escribir()

    def search_placeholder(self):
        etiquetas = [self.column_labels.get(c, c) if isinstance(c, str) else c.verbose_name
                     for c in self.column_searchable_list or ()]
        return 'Buscar por ' + ', '.join(e.lower() for e in etiquetas) if etiquetas else None

    # -- queries -----------------------------------------------------------------------
    def _handle_join(self, query, field, joins):
        # flask-admin joins from the last joined table, so a second related filter or sort
        # fails with "Unable to find foreign key"; join every related model from ours.
        modelo = getattr(field, 'model', None)
        if modelo is not None and modelo is not self.model and modelo.__name__ not in joins:
            query = query.join_from(self.model, modelo, JOIN.LEFT_OUTER)
            joins.add(modelo.__name__)
        return query

    def get_list(self, page, sort_column, sort_desc, search, filters, execute=True,
                 page_size=None):
        if sort_column is not None and sort_column not in self._sortable_columns:
            sort_column = None  # a hand-made URL must not turn into a 500
        return super().get_list(page, sort_column, sort_desc, search, filters, execute,
                                page_size)

    # -- saving ------------------------------------------------------------------------
    def create_model(self, form):
        return self._guardar(lambda: super(VistaSegura, self).create_model(form), form, None)

    def update_model(self, form, model):
        return self._guardar(lambda: super(VistaSegura, self).update_model(form, model),
                             form, model)

    def _guardar(self, guardar, form, model):
        """Validate with the model's own rules, then save parent and inline rows atomically."""
        with db.atomic() as transaccion:
            resultado = guardar()
            fila = model if model is not None else resultado
            # Rules spanning the inline rows (e.g. overlapping service ranges) can only be
            # checked once all of them are written; a failure undoes the whole save.
            conjunto = getattr(fila, 'errores_del_conjunto', None) if resultado else None
            errores = conjunto() if conjunto else {}
            for mensaje in errores.values():
                flash(mensaje, 'error')
            if not resultado or errores:
                transaccion.rollback()
                return False
        return resultado

    def on_model_change(self, form, model, is_created):
        errores = model.errores() if hasattr(model, 'errores') else {}
        if errores:
            for campo, mensaje in errores.items():
                if campo in form:
                    form[campo].errors = list(form[campo].errors) + [mensaje]
            raise ValidationError('Revise los campos marcados: ' + ' '.join(errores.values()))

    def after_model_change(self, form, model, is_created):
        # Saved, but worth knowing (e.g. a routing rule that another one overrides).
        for aviso in (model.avisos() if hasattr(model, 'avisos') else ()):
            flash(aviso, 'warning')

    # -- deleting: one service for the single delete and the bulk action -----------------
    def delete_model(self, model):
        from catalogos.borrado import BorradoRechazado, borrar

        try:
            self.on_model_delete(model)
            borrar(self.model, [model.id])
        except BorradoRechazado as rechazo:
            flash(str(rechazo), 'error')
            return False
        self.after_model_delete(model)
        return True

    def is_action_allowed(self, name):
        if name == 'desactivar':
            return self.puede_escribir() and 'activo' in self.model._meta.fields
        return super().is_action_allowed(name)

    @action('delete', 'Borrar', '¿Seguro que desea borrar los registros seleccionados?')
    def action_delete(self, ids):
        from catalogos.borrado import BorradoRechazado, borrar

        try:
            cantidad = borrar(self.model, [int(i) for i in ids])
        except BorradoRechazado as rechazo:
            flash('No se borró ningún registro. ' + str(rechazo), 'error')
            return
        flash(f'Se borraron {cantidad} registro(s).', 'success')

    @action('desactivar', 'Desactivar',
            '¿Desactivar los registros seleccionados? Dejarán de ofrecerse, pero no se borran.')
    def action_desactivar(self, ids):
        with db.atomic():
            cantidad = (self.model.update(activo=False)
                        .where(self.model.id.in_([int(i) for i in ids])).execute())
        flash(f'Se desactivaron {cantidad} registro(s).', 'success')


class Inicio(Protegida, AdminIndexView):
    """The admin home: only for staff; shows what each role can do."""

    permiso = 'inicio'

    @expose('/')
    def index(self):
        return self.render('admin/inicio.html', roles=sorted(roles_actuales()))

