"""Process lab screens (admins only): try a routing rule on past cases."""
from flask import request
from flask_admin import BaseView, expose

from catalogos.enrutamiento import ReglaEnrutamiento, avisos_de
from reclamos.enrutamiento import PREVIA_MAX, vista_previa
from reclamos.errores import ErrorValidacion
from vistas.base import rechazar, roles_actuales


class SoloAdmin(BaseView):
    def is_accessible(self):
        return 'admin' in roles_actuales()

    def inaccessible_callback(self, name, **kwargs):
        return rechazar()


class VistaPruebaRegla(SoloAdmin):
    """Which of the last N cases (or of a date range) a rule would have matched."""

    @expose('/')
    def index(self):
        valores = {'texto': request.args.get('texto', ''),
                   'limite': request.args.get('limite', '200'),
                   'desde': request.args.get('desde', ''), 'hasta': request.args.get('hasta', '')}
        regla_id = request.args.get('regla', '')
        if regla_id.isdigit() and not valores['texto']:
            fila = ReglaEnrutamiento.get_or_none(ReglaEnrutamiento.id == int(regla_id))
            valores['texto'] = fila.texto if fila else ''
        coincidencias, leidos, errores = None, 0, {}
        if valores['texto']:
            try:
                coincidencias, leidos = vista_previa(**valores)
            except ErrorValidacion as error:
                errores = error.errores
        return self.render('laboratorio/prueba_regla.html', valores=valores, errores=errores,
                           coincidencias=coincidencias, leidos=leidos, maximo=PREVIA_MAX,
                           reglas=ReglaEnrutamiento.en_orden(),
                           avisos=avisos_de(ReglaEnrutamiento.en_orden()))
