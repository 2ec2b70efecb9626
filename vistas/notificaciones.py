"""The bell and "Mis notificaciones" (every staff member), and the admins' read-only screens
of sent and failed e-mail and of in-app notifications, with a retry of failed e-mail."""
import datetime

from flask import abort, flash, redirect, request, url_for
from flask_admin import expose
from flask_admin.actions import action
from flask_admin.contrib.peewee.filters import FilterEqual
from flask_login import current_user
from markupsafe import Markup

import reclamos.alertas.barrido  # noqa: F401  (saving a level on the screens reschedules open terms)
from bd import db
from catalogos.usuarios import Usuario
from reclamos.caso.modelo import Reclamo
from reclamos.correo.salida import ESTADOS, FALLIDO, PENDIENTE, Correo
from reclamos.alertas.notificaciones import Notificacion, marcar_leidas
from vistas.acceso import SESION_EXPIRADA, VistaProtegida, csrf_valido
from vistas.base import VistaSegura

POR_PAGINA = 50


def registrar(app):
    """The bell's unread count, computed only by pages that draw it (signed-in users)."""

    @app.context_processor
    def _campana():
        def sin_leer():
            if not current_user.is_authenticated:
                return 0
            return Notificacion.sin_leer(current_user.id)
        return {'notificaciones_sin_leer': sin_leer}


class VistaMisNotificaciones(VistaProtegida):
    """The signed-in user's own notifications, unread first; nobody sees another's."""

    permiso = 'notificaciones.propias'

    @expose('/')
    def index(self):
        pagina = request.args.get('pagina', '1')
        pagina = int(pagina) if pagina.isdigit() and 0 < int(pagina) < 10_000 else 1
        filas = list(Notificacion.de(current_user.id).paginate(pagina, POR_PAGINA + 1))
        numeros = dict(Reclamo.select(Reclamo.id, Reclamo.numero).where(
            Reclamo.id.in_({f.reclamo_id for f in filas if f.reclamo_id})).tuples())
        return self.render('notificaciones/lista.html', filas=filas[:POR_PAGINA],
                           numeros=numeros, pagina=pagina, hay_mas=len(filas) > POR_PAGINA)

    @expose('/leidas', methods=('POST',))
    def leidas(self):
        """Mark one (``id``) or every unread notification of the user as read."""
        if not csrf_valido(SESION_EXPIRADA):
            return redirect(url_for('.index'))
        ident = request.form.get('id', '')
        if ident and not ident.isdigit():
            abort(400, description='Notificación inválida.')
        with db.atomic():
            marcadas = marcar_leidas(current_user.id, [int(ident)] if ident else None)
        if ident and not marcadas:
            abort(404)  # not theirs, or already read
        destino = request.form.get('ir_a', '')
        if destino.startswith('/casos/') and '//' not in destino:
            return redirect(destino)
        flash(f'{marcadas} notificaciones marcadas como leídas.' if not ident
              else 'Notificación marcada como leída.', 'success')
        return redirect(url_for('.index'))


def _enlace_caso(vista, contexto, modelo, nombre):
    numero = getattr(modelo, 'numero_caso', None)
    if not numero:
        return ''
    # Markup.format escapes its arguments.
    return Markup('<a href="{}">{}</a>').format(url_for('casos.detalle', numero=numero), numero)


class _SoloLectura(VistaSegura):
    """Admins only, nothing created or edited here; the case number joined in one query."""

    permiso, permiso_escritura = 'registros.leer', 'correo.reintentar'
    can_create = False
    can_edit = False
    can_delete = False
    simple_list_pager = True  # no COUNT(*) over the whole table on every page
    column_default_sort = ('id', True)
    column_formatters = {'reclamo': _enlace_caso}

    def get_list(self, *args, **kwargs):
        total, filas = super().get_list(*args, **kwargs)
        if filas is not None and not isinstance(filas, int):
            filas = list(filas)
            numeros = dict(Reclamo.select(Reclamo.id, Reclamo.numero).where(
                Reclamo.id.in_({f.reclamo_id for f in filas if f.reclamo_id})).tuples())
            for fila in filas:
                fila.numero_caso = numeros.get(fila.reclamo_id)
        return total, filas


class VistaCorreos(_SoloLectura):
    column_list = ('id', 'creado_en', 'destinatario', 'asunto', 'reclamo', 'estado',
                   'intentos', 'enviado_en', 'error')
    column_details_list = column_list + ('cuerpo', 'proximo_intento', 'clave')
    column_searchable_list = ('destinatario', 'asunto')
    column_sortable_list = ('id', 'creado_en', 'estado', 'destinatario')
    column_choices = {'estado': ESTADOS}
    can_export = False

    def __init__(self):
        self.column_labels = {c.name: c.verbose_name for c in Correo._meta.sorted_fields}
        self.column_labels.update(id='N.º', clave='Clave')
        self.column_filters = [
            FilterEqual(Correo.estado, 'Estado', options=ESTADOS), 'creado_en', 'destinatario',
            FilterEqual(Reclamo.numero, 'Caso (número)')]
        super().__init__(Correo, name='Correos enviados y fallidos', category='Alertas',
                         endpoint='correos', url='/admin/correos')

    @action('reintentar', 'Reintentar', '¿Volver a enviar los correos fallidos elegidos?')
    def reintentar(self, ids):
        with db.atomic():
            n = (Correo.update(estado=PENDIENTE, proximo_intento=datetime.datetime.utcnow(),
                               error='')
                 .where(Correo.id.in_([int(i) for i in ids if str(i).isdigit()]),
                        Correo.estado == FALLIDO).execute())
        flash(f'{n} correos vuelven a la cola de envío.' if n else
              'Solo se reintentan los correos fallidos.', 'success' if n else 'warning')


class VistaNotificacionesEnviadas(_SoloLectura):
    column_list = ('id', 'creada_en', 'usuario', 'titulo', 'reclamo', 'leida_en')
    column_details_list = column_list + ('texto',)
    column_searchable_list = ('titulo',)
    column_sortable_list = ('id', 'creada_en')
    can_export = False

    def __init__(self):
        self.column_labels = {c.name: c.verbose_name for c in Notificacion._meta.sorted_fields}
        self.column_labels['id'] = 'N.º'
        self.column_filters = ['creada_en', 'leida_en',
                               FilterEqual(Usuario.email, 'Destinatario (correo)'),
                               FilterEqual(Reclamo.numero, 'Caso (número)')]
        super().__init__(Notificacion, name='Notificaciones en la aplicación',
                         category='Alertas', endpoint='notificaciones_enviadas',
                         url='/admin/notificaciones-enviadas')
