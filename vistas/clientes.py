"""Customers: a list for staff with each customer's page (cases and contacts), edits and
the CSV import for admins and supervisors."""
from flask import flash, request, url_for
from flask_admin import expose
from markupsafe import Markup
from wtforms import SelectField
from wtforms.validators import ValidationError

from catalogos.empresa import tipos_identidad

from reclamos.clientes.modelo import Cliente
from reclamos.clientes.importacion import ErrorArchivo, importar, leer
from vistas.acceso import csrf_valido
from vistas.base import VISTAS_ESCRITURA, VistaSegura

ERRORES_MOSTRADOS = 200


class VistaClientes(VistaSegura):
    permiso, permiso_escritura = 'clientes.leer', 'clientes.editar'
    vistas_escritura = VISTAS_ESCRITURA | {'importar_csv'}
    simple_list_pager = True  # no COUNT(*) over every customer on each page
    column_list = ('tipo_documento_identidad', 'numero_documento', 'nombre', 'email',
                   'telefono')
    column_searchable_list = ('numero_documento', 'nombre')
    column_filters = ('tipo_documento_identidad',)
    column_default_sort = ('id', True)
    form_columns = ('tipo_documento_identidad', 'numero_documento', 'nombre', 'email',
                    'telefono', 'direccion')
    list_template = 'clientes/lista.html'
    # The active identity types of the catalog, read on every form (the admin edits them).
    form_overrides = {'tipo_documento_identidad': SelectField}
    column_formatters = {'nombre': lambda v, c, m, n: Markup('<a href="%s">%s</a>') % (
        url_for('.ficha', ident=m.id), m.nombre)}

    def __init__(self):
        self.column_labels = {'id': 'N.º', **{c.name: c.verbose_name
                                              for c in Cliente._meta.sorted_fields
                                              if c.verbose_name}}
        super().__init__(Cliente, name='Clientes', category='Casos', endpoint='clientes')

    def _con_tipos(self, form):
        opciones = tipos_identidad()
        actual = form.tipo_documento_identidad.data
        if actual and actual not in dict(opciones):  # an inactive type stays visible
            opciones.append((actual, actual))
        form.tipo_documento_identidad.choices = opciones
        return form

    def create_form(self, obj=None):
        return self._con_tipos(super().create_form(obj))

    def edit_form(self, obj=None):
        return self._con_tipos(super().edit_form(obj))

    @property
    def can_delete(self):  # customers carry cases: never deleted
        return False

    def on_model_change(self, form, model, is_created):
        from reclamos.clientes.modelo import normalizar_numero
        model.numero_documento = normalizar_numero(model.numero_documento)
        repetido = Cliente.select().where(
            Cliente.tipo_documento_identidad == model.tipo_documento_identidad,
            Cliente.numero_documento == model.numero_documento)
        if model.id is not None:
            repetido = repetido.where(Cliente.id != model.id)
        # The stored number is not re-checked when it did not change (see errores_cliente).
        guardado = None if is_created else Cliente.get_or_none(Cliente.id == model.id)
        errores = dict(model.errores(registrado=guardado is not None and (
            guardado.tipo_documento_identidad, guardado.numero_documento) == (
            model.tipo_documento_identidad, model.numero_documento)))
        if repetido.exists():
            errores['numero_documento'] = 'Ya existe un cliente con ese documento.'
        if errores:
            for campo, mensaje in errores.items():
                if campo in form:
                    form[campo].errors = list(form[campo].errors) + [mensaje]
            raise ValidationError('Revise los campos marcados: ' + ' '.join(errores.values()))

    @expose('/ficha/<int:ident>')
    def ficha(self, ident):
        """The customer, their cases this user may see, and the contacts with them."""
        from flask import abort
        from flask_login import current_user

        from reclamos.caso import historial
        from reclamos.clientes import ficha
        from reclamos.cola.alcance import alcance
        from reglas.transiciones import ETIQUETAS
        from vistas.acceso import roles_actuales
        from vistas.filtros import local

        cliente = Cliente.get_or_none(Cliente.id == ident)
        if cliente is None:
            abort(404)
        roles = roles_actuales()
        casos = ficha.casos(ident, lambda q: alcance(q, current_user, roles))
        contactos = ficha.contactos(casos)
        palabras = historial.en_palabras([a for a, _, _ in contactos], local)
        return self.render('clientes/ficha.html', cliente=cliente, casos=casos,
                           contactos=[(*c, p[3]) for c, p in zip(contactos, palabras,
                                                                  strict=True)],
                           estados=ETIQUETAS)

    @expose('/importar/', methods=('GET', 'POST'))
    def importar_csv(self):
        resultado, errores = None, []
        if request.method == 'POST':
            if not csrf_valido('La sesión del formulario expiró: vuelva a enviarlo.'):
                return self.render('clientes/importar.html', resultado=None, errores=[]), 400
            archivo = request.files.get('archivo')
            try:
                if archivo is None or not archivo.filename:
                    raise ErrorArchivo('Elija el archivo CSV de clientes.')
                filas, errores = leer(archivo.read())
            except ErrorArchivo as error:
                flash(str(error), 'error')
                return self.render('clientes/importar.html', resultado=None, errores=[]), 400
            if errores:
                return self.render('clientes/importar.html', resultado=None,
                                   errores=errores[:ERRORES_MOSTRADOS],
                                   total_errores=len(errores)), 400
            resultado = importar(filas)
        return self.render('clientes/importar.html', resultado=resultado, errores=errores)
