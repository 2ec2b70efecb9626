"""Turns every catalog declaration into a flask-admin screen; no catalog has a view of its own."""
from flask_admin.contrib.peewee.filters import FilterEqual
from flask_admin.model.form import InlineFormAdmin
from markupsafe import Markup
from peewee import BooleanField, ForeignKeyField
from wtforms.validators import ValidationError

from vistas.base import VistaSegura
from vistas.campos_formulario import CampoPorcentaje


class FiltroRelacion(FilterEqual):
    """Filter on a foreign key by id, offered as a select of readable names.

    Filtering on the key itself needs no join; a hand-typed non-numeric value is ignored
    instead of reaching the database.
    """

    def validate(self, value):
        return str(value).isdigit()

    def clean(self, value):
        return int(value)


class _OpcionesVivas:
    """Filter options read from the database each time the list is drawn.

    flask-admin calls a callable ``options`` once, when the view is built (before the
    schema may even exist) and caches the result; an iterable that is not callable is kept
    as is and iterated on every page, so new rows show up without a restart.
    """

    def __init__(self, modelo):
        self.modelo = modelo

    def __bool__(self):
        return True

    def __iter__(self):
        modelo = self.modelo
        return iter([(str(fila.id), str(fila))
                     for fila in modelo.select().order_by(modelo.nombre).limit(500)])


def _opciones_de(modelo):
    return _OpcionesVivas(modelo)


class FilaHija(InlineFormAdmin):
    """Inline child rows validated by their model's own ``errores()``; any error aborts the
    whole save (the parent's transaction is rolled back)."""

    def on_model_change(self, form, model, is_created):
        errores = model.errores()
        if errores:
            for campo, mensaje in errores.items():
                if campo in form.form:
                    form.form[campo].errors = list(form.form[campo].errors) + [mensaje]
            # The row's title in the form ("Horario hábil"), never the class name.
            etiqueta = self.form_label or 'Fila'
            raise ValidationError(f'{etiqueta}: ' + ' '.join(errores.values()))


def _etiquetas(modelo):
    campos = modelo._meta.sorted_fields
    return {c.name: c.verbose_name for c in campos if c.verbose_name}


def _filtro(modelo, nombre, etiquetas):
    campo = modelo._meta.fields[nombre]
    if isinstance(campo, ForeignKeyField):
        return FiltroRelacion(campo, etiquetas.get(nombre, nombre),
                              options=_opciones_de(campo.rel_model))
    if campo.choices and not isinstance(campo, BooleanField):
        return FilterEqual(campo, etiquetas.get(nombre, nombre),
                           options=[(str(v), t) for v, t in campo.choices])
    return nombre


def _lista_hijos(hijo):
    def formatear(vista, contexto, fila, nombre):
        campo = getattr(hijo.modelo, hijo.campo_padre)
        orden = [hijo.modelo._meta.fields[n] for n in hijo.columnas[:2]]
        filas = hijo.modelo.select().where(campo == fila.id).order_by(*orden)
        return Markup('<br>').join(str(f) for f in filas) or 'Ninguno'
    return formatear


def vista_de(declaracion):
    """Build the ModelView instance for one declaration."""
    modelo = declaracion.modelo
    etiquetas = _etiquetas(modelo)
    relaciones = {n for n in declaracion.columnas
                  if isinstance(modelo._meta.fields.get(n), ForeignKeyField)}
    # Options must exist before ModelView.__init__, which builds its caches from them.
    atributos = {
        'permiso': declaracion.lectura,
        'permiso_escritura': declaracion.escritura,
        'column_list': declaracion.columnas,
        'column_labels': etiquetas,
        'column_choices': {c.name: list(c.choices) + ([(None, '—')] if c.null else [])
                           for c in modelo._meta.sorted_fields
                           if c.choices and c.name in declaracion.columnas},
        'column_searchable_list': declaracion.busqueda,
        'column_filters': [_filtro(modelo, n, etiquetas) for n in declaracion.filtros],
        'column_sortable_list': [
            (n, modelo._meta.fields[n].rel_model.nombre) if n in relaciones else n
            for n in declaracion.columnas],
        'column_default_sort': declaracion.orden,
        'column_export_list': declaracion.columnas,
        'form_ajax_refs': {n: {'fields': ('codigo', 'nombre'), 'page_size': 20,
                               'placeholder': 'Escriba para buscar por código o nombre'}
                           for n in declaracion.ajax},
        'inline_models': [
            FilaHija(h.modelo, form_columns=('id',) + h.columnas,
                     form_label=h.titulo or None, column_labels=_etiquetas(h.modelo))
            for h in declaracion.hijos],
    }
    if declaracion.formulario:
        atributos['form_columns'] = declaracion.formulario
    if declaracion.hijos:  # the detail page shows the inline rows too (a calendar's hours)
        atributos['column_details_list'] = declaracion.columnas + tuple(
            h.clave for h in declaracion.hijos)
        atributos['column_labels'] = {**etiquetas, **{h.clave: h.titulo or h.clave.capitalize()
                                                      for h in declaracion.hijos}}
        atributos['column_formatters_detail'] = {**VistaSegura.column_formatters, **{
            h.clave: _lista_hijos(h) for h in declaracion.hijos}}
    if declaracion.como_codigo:
        from markupsafe import Markup

        atributos['column_formatters_detail'] = {
            **atributos.get('column_formatters_detail', VistaSegura.column_formatters),
            **{c: (lambda v, ctx, m, n: Markup('<pre class="codigo">%s</pre>')
                   % (getattr(m, n) or '')) for c in declaracion.como_codigo}}
    if 'umbral_por_vencer' in modelo._meta.fields:  # a percentage everywhere, like escalation
        atributos['form_overrides'] = {'umbral_por_vencer': CampoPorcentaje}
        atributos['column_formatters'] = {**VistaSegura.column_formatters,
                                          'umbral_por_vencer': lambda v, c, m, n: (
                                              f'{m.umbral_por_vencer * 100:g} %')}
    clase = type(f'Vista{modelo.__name__}', (VistaSegura,), atributos)
    return clase(modelo, name=declaracion.titulo, category=declaracion.categoria,
                 endpoint=declaracion.clave)
