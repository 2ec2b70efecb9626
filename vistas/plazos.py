"""Deadline tools: the simulator (every staff role) and the bulk recompute (admins)."""
from flask import flash, jsonify, redirect, request, url_for
from flask_admin import expose
from peewee import fn

from catalogos.atencion import Canal
from catalogos.organizacion import Calendario
from catalogos.plazos import Prioridad
from catalogos.servicios import Motivo
from reclamos.caso.modelo import Reclamo
from reclamos.errores import ErrorValidacion
from reclamos.plazos.recalculo import recalcular_vencimientos
from reclamos.plazos.simulador_plazos import simular
from reglas.transiciones import ABIERTOS
from reglas.validacion import UNIDADES
from vistas.acceso import SESION_EXPIRADA, VistaProtegida, csrf_valido

PARAMETROS = ('recibido_en', 'motivo', 'canal', 'prioridad', 'cantidad', 'unidad',
              'calendario')


class VistaSimulador(VistaProtegida):
    """Given a received-at instant and a motive (or an amount and unit), the due instants."""

    permiso = 'plazos.simular'

    def _calcular(self):
        datos = {k: request.args.get(k) or None for k in PARAMETROS}
        if datos['calendario'] is not None:
            datos['calendario'] = int(datos['calendario']) if datos['calendario'].isdigit() \
                else -1
        return simular(**datos)

    @expose('/')
    def index(self):
        resultado, errores = None, {}
        if request.args:
            try:
                resultado = self._calcular()
            except ErrorValidacion as error:
                errores = error.errores
        return self.render('plazos/simulador.html', resultado=resultado, errores=errores,
                           valores=request.args, unidades=UNIDADES,
                           motivos=Motivo.activos().order_by(Motivo.nombre),
                           canales=Canal.activos().order_by(Canal.nombre),
                           prioridades=Prioridad.activos().order_by(Prioridad.orden),
                           calendarios=Calendario.activos().order_by(Calendario.nombre))

    @expose('/json')
    def json(self):
        """JSON for integrators and the portal: same parameters as the page."""
        try:
            resultado = self._calcular()
        except ErrorValidacion as error:
            return jsonify(errores=error.errores), 422
        return jsonify(
            recibido_en=resultado['recibido_en'].isoformat(),
            calendario={'pais': resultado['calendario'].pais,
                        'zona': resultado['calendario'].zona},
            vinculante=_json_termino(resultado['vinculante']),
            terminos=[_json_termino(t) for t in resultado['terminos']])


def _json_termino(termino):
    return {'tipo': termino['tipo'], 'nombre': termino['nombre'],
            'cantidad': termino['cantidad'], 'unidad': termino['unidad'],
            'vence': termino['vence'].isoformat()}


class VistaRecalculo(VistaProtegida):
    """After adding or removing non-working days: recompute the open cases' deadlines."""

    permiso = 'plazos.recalcular'

    @expose('/')
    def index(self):
        abiertos = dict(Reclamo.select(Reclamo.calendario, fn.COUNT(Reclamo.id))
                        .where(Reclamo.estado.in_(ABIERTOS))
                        .group_by(Reclamo.calendario).tuples())
        calendarios = [(c, abiertos.get(c.id, 0)) for c in Calendario.select()
                       .order_by(Calendario.nombre)]
        return self.render('plazos/recalculo.html', calendarios=calendarios,
                           total=sum(abiertos.values()))

    @expose('/', methods=('POST',))
    def recalcular(self):
        if not csrf_valido(SESION_EXPIRADA):
            return redirect(url_for('.index'))
        calendario = request.form.get('calendario', '')
        calendario_id = int(calendario) if calendario.isdigit() else None
        leidos, movidos = recalcular_vencimientos(calendario_id)
        flash(f'Recalculados {leidos} casos abiertos; {movidos} plazos cambiaron de '
              'vencimiento.', 'success')
        return redirect(url_for('.index'))
