"""Admin screen of the e-mail intake: every message taken, what it became, and the ones set
aside with their reason (the messages themselves wait in the mailbox folder Apartados)."""
from flask import url_for
from markupsafe import Markup
from peewee import JOIN

from reclamos.caso.modelo import Reclamo
from reclamos.correo.recibido import RESULTADOS, CorreoEntrante
from vistas.base import VistaSegura


def _caso(vista, contexto, modelo, nombre):
    if modelo.reclamo_id is None:
        return ''
    numero = modelo.reclamo.numero
    # Markup.format escapes its arguments.
    return Markup('<a href="{}">{}</a>').format(url_for('casos.detalle', numero=numero), numero)


class VistaCorreoEntrante(VistaSegura):
    # A record of what happened: never edited by hand.
    permiso, permiso_escritura = 'registros.leer', 'registros.editar'

    can_create = can_edit = can_delete = False
    simple_list_pager = True
    column_list = ('procesado_en', 'resultado', 'remitente', 'asunto', 'razon', 'reclamo',
                   'tamano', 'fecha')
    column_details_list = column_list + ('recibido_en', 'message_id', 'huella')
    column_searchable_list = ('remitente', 'asunto')
    column_filters = ('resultado', 'remitente', 'procesado_en')
    column_sortable_list = ('procesado_en', 'resultado', 'remitente', 'tamano')
    column_default_sort = ('procesado_en', True)
    column_choices = {'resultado': RESULTADOS}
    column_formatters = {'reclamo': _caso}
    column_export_list = column_list

    def __init__(self):
        self.column_labels = {c.name: c.verbose_name for c in CorreoEntrante._meta.sorted_fields}
        super().__init__(CorreoEntrante, name='Correo entrante', category='Casos',
                         endpoint='correo_entrante', url='/admin/correo-entrante')

    def get_query(self):
        # The case number comes in the same query (no query per row for the link).
        return (CorreoEntrante.select(CorreoEntrante, Reclamo.id, Reclamo.numero)
                .join(Reclamo, JOIN.LEFT_OUTER))
