"""Customers: a list for staff, edits and the CSV import for admins and supervisors."""
from flask import flash, request
from flask_admin import expose
from wtforms.validators import ValidationError

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

    def __init__(self):
        self.column_labels = {c.name: c.verbose_name for c in Cliente._meta.sorted_fields}
        super().__init__(Cliente, name='Clientes', category='Casos', endpoint='clientes')

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
        errores = dict(model.errores())
        if repetido.exists():
            errores['numero_documento'] = 'Ya existe un cliente con ese documento.'
        if errores:
            for campo, mensaje in errores.items():
                if campo in form:
                    form[campo].errors = list(form[campo].errors) + [mensaje]
            raise ValidationError('Revise los campos marcados: ' + ' '.join(errores.values()))

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
