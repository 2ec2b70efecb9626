"""The satisfaction-call worklist of the confirming area (reclamos.caso.confirmacion)."""
from flask import current_app, flash, redirect, request, url_for
from flask_admin import expose
from flask_login import current_user

from reclamos.caso import confirmacion
from reclamos.caso.modelo import Reclamo
from reclamos.errores import ConflictoVersion, ErrorPermiso, ErrorValidacion
from vistas.acceso import SESION_EXPIRADA, VistaProtegida, csrf_valido, roles_actuales


def _area():
    return confirmacion.area_que_confirma(current_app.config.get('RECLAMOS_AREA_CONFIRMA'))


class VistaConfirmacion(VistaProtegida):
    def is_accessible(self):
        # Not one policy action alone: the confirming area (a setting) and admins.
        return bool(roles_actuales()) and confirmacion.puede_confirmar(current_user, _area())

    def is_visible(self):
        return self.is_accessible()

    @expose('/')
    def index(self):
        return self.render('casos/confirmacion.html', filas=confirmacion.pendientes(),
                           resultados=confirmacion.RESULTADOS, area=_area())

    @expose('/<numero>', methods=('POST',))
    def registrar(self, numero):
        """One call: an unanswered attempt, the rating, or "no contact" (closes the case)."""
        reclamo = Reclamo.get_or_none(Reclamo.numero == numero)
        if reclamo is None:
            flash(f'El caso {numero} no existe.', 'error')
            return redirect(url_for('.index'))
        if not csrf_valido(SESION_EXPIRADA):
            return redirect(url_for('.index'))
        try:
            self._ejecutar(reclamo, request.form)
        except (ErrorValidacion, ErrorPermiso, ConflictoVersion) as error:
            texto = ' '.join(error.errores.values()) if isinstance(error, ErrorValidacion) \
                else str(error)
            flash(f'{numero}: {texto}', 'error')
        return redirect(url_for('.index'))

    @staticmethod
    def _ejecutar(reclamo, formulario):
        area, ip = _area(), request.remote_addr
        resultado, nota = formulario.get('resultado', ''), formulario.get('nota', '')
        if resultado == 'contactado':
            calificacion = formulario.get('calificacion', '')
            if calificacion not in {'1', '2', '3', '4', '5'}:
                raise ErrorValidacion({'calificacion': 'Indique la calificación (1 a 5).'})
            confirmacion.cerrar(reclamo, current_user, ip, formulario.get('version'), area,
                                calificacion=int(calificacion), nota=nota)
            flash(f'Caso {reclamo.numero} cerrado con calificación {calificacion}.', 'success')
        elif resultado == 'sin_contacto':
            confirmacion.cerrar(reclamo, current_user, ip, formulario.get('version'), area,
                                nota=nota)
            flash(f'Caso {reclamo.numero} cerrado sin contacto.', 'success')
        else:
            confirmacion.registrar_intento(reclamo, resultado, nota, current_user, ip, area)
            flash(f'Intento de llamada registrado en el caso {reclamo.numero}.', 'success')
