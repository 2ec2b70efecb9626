"""The one secured base view every admin screen derives from, and its peewee fixes."""
from flask import flash
from flask_admin import AdminIndexView, expose
from flask_admin.contrib.peewee import ModelView
from flask_admin.contrib.peewee.form import CustomModelConverter
from flask_admin.form import SecureForm
from peewee import JOIN, AutoField, IntegrityError, TextField
from wtforms.validators import Length, ValidationError

from bd import db
from reglas.hojas import celda_segura
from vistas.acceso import Protegida, roles_actuales

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

    def convert(self, model, field, field_args):
        # Every text input has a maximum: a TextField column has none of its own.
        if isinstance(field, TextField):
            field_args = dict(field_args or {})
            validadores = list(field_args.get('validators') or [])
            if not any(isinstance(v, Length) for v in validadores):
                validadores.append(Length(max=TEXTO_MAXIMO))
            field_args['validators'] = validadores
        return super().convert(model, field, field_args)


class VistaSegura(Protegida, ModelView):
    """Role checks on the server for every endpoint (vistas.acceso: ``permiso`` to read,
    ``permiso_escritura`` for VISTAS_ESCRITURA); one transaction per save."""

    permiso = 'catalogos.editar'
    permiso_escritura = 'catalogos.editar'
    vistas_escritura = VISTAS_ESCRITURA

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
            if not resultado:
                transaccion.rollback()
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

    def delete_model(self, model):
        # flask-admin deletes recursively (a motive with all its cases); refuse instead when
        # other rows still use this one.
        try:
            with db.atomic():
                self.on_model_delete(model)
                model.delete_instance()
        except IntegrityError:
            flash(f'No se puede eliminar «{model}»: otros registros lo usan. '
                  'Desactívelo en su lugar.', 'error')
            return False
        self.after_model_delete(model)
        return True


class Inicio(Protegida, AdminIndexView):
    """The admin home: only for staff; shows what each role can do."""

    permiso = 'inicio'

    @expose('/')
    def index(self):
        return self.render('admin/inicio.html', roles=sorted(roles_actuales()))

