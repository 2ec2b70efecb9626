"""Process lab screens (admins only): try a routing rule on past cases; the sandbox."""
from pathlib import Path

from flask import abort, flash, jsonify, redirect, request, send_from_directory, url_for
from flask_admin import expose
from flask_login import current_user

from bd import db
from reclamos.laboratorio.borradores import (VARIABILIDAD, BitacoraAdmin, BorradorConfiguracion,
                                  VersionConfiguracion, actividades, copiar, editar, publicar,
                                  restaurar, texto_reglas)

from catalogos.enrutamiento import ReglaEnrutamiento, avisos_de
from reclamos.laboratorio.enrutamiento import PREVIA_MAX, vista_previa
from reclamos.errores import ErrorValidacion
from vistas.acceso import SESION_EXPIRADA, VistaProtegida, csrf_valido


class SoloAdmin(VistaProtegida):
    permiso = 'laboratorio.usar'


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


class VistaLaboratorio(SoloAdmin):
    """Drafts of the configuration: copy, edit, run against a past period, publish, roll back."""

    def _cambiar_configuracion(self, cambio, mensaje):
        """Publish or restore: check the form token, replace the live configuration, say how
        it went, back to the lab's index."""
        if csrf_valido(SESION_EXPIRADA):
            try:
                flash(mensaje(cambio(current_user._get_current_object())), 'success')
            except ErrorValidacion as error:
                flash(next(iter(error.errores.values())), 'error')
        return redirect(url_for('.index'))

    def _borrador(self, ident):
        borrador = BorradorConfiguracion.get_or_none(BorradorConfiguracion.id == ident)
        if borrador is None:
            abort(404)
        return borrador

    @expose('/')
    def index(self):
        return self.render(
            'laboratorio/inicio.html',
            borradores=BorradorConfiguracion.select().order_by(
                BorradorConfiguracion.id.desc()).limit(50),
            versiones=VersionConfiguracion.select().order_by(
                VersionConfiguracion.id.desc()).limit(20),
            bitacora=BitacoraAdmin.select().order_by(BitacoraAdmin.id.desc()).limit(20))

    @expose('/copiar', methods=('POST',))
    def copiar(self):
        if not csrf_valido(SESION_EXPIRADA):
            return redirect(url_for('.index'))
        from reclamos.laboratorio.ensayo import atencion_reciente

        try:
            borrador = copiar(request.form.get('nombre'), current_user._get_current_object(),
                              atencion_reciente())
        except ErrorValidacion as error:
            flash(next(iter(error.errores.values())), 'error')
            return redirect(url_for('.index'))
        return redirect(url_for('.borrador', ident=borrador.id))

    def _pagina(self, borrador, errores=None, formulario=None, estado=200):
        from reclamos.laboratorio.corridas import CorridaEnsayo
        from reclamos.laboratorio.ensayo import MAX_CASOS

        configuracion = borrador.configuracion()
        return self.render(
            'laboratorio/borrador.html', b=borrador, valores=borrador.valores(),
            areas=configuracion['catalogos'].get('areas', []),
            actividades=actividades(configuracion), errores=errores or {},
            formulario=formulario or {}, variabilidad=VARIABILIDAD,
            reglas=(formulario or {}).get('reglas', texto_reglas(configuracion)),
            maximo=MAX_CASOS, corridas=list(CorridaEnsayo.select().where(
                CorridaEnsayo.borrador == borrador.id).order_by(
                CorridaEnsayo.id.desc()).limit(10))), estado

    def _sesion_expirada(self, borrador, formulario=None):
        return self._pagina(borrador, {'borrador': 'La sesión del formulario expiró.'},
                            formulario, 400)

    @expose('/<int:ident>', methods=('GET', 'POST'))
    def borrador(self, ident):
        borrador = self._borrador(ident)
        if request.method == 'GET':
            return self._pagina(borrador)
        if not csrf_valido():
            return self._sesion_expirada(borrador)
        try:
            with db.atomic():
                editar(borrador, request.form)
        except ErrorValidacion as error:
            return self._pagina(self._borrador(ident), error.errores, request.form, 422)
        flash('Borrador guardado. La configuración en uso no cambió.', 'success')
        return redirect(url_for('.borrador', ident=ident))

    @expose('/<int:ident>/ensayo', methods=('POST',))
    def ensayo(self, ident):
        """Start a run in the background and show its page (progress bar, cancel)."""
        from reclamos.laboratorio.corridas import iniciar

        borrador = self._borrador(ident)
        if not csrf_valido():
            return self._sesion_expirada(borrador, request.form)
        try:
            corrida = iniciar(borrador, request.form.get('desde'), request.form.get('hasta'),
                              current_user._get_current_object())
        except ErrorValidacion as error:
            return self._pagina(borrador, error.errores, request.form, 422)
        return redirect(url_for('.corrida', ident=corrida.id))

    def _corrida(self, ident):
        from reclamos.laboratorio.corridas import CorridaEnsayo, vigente

        corrida = CorridaEnsayo.get_or_none(CorridaEnsayo.id == ident)
        if corrida is None:
            abort(404)
        return vigente(corrida)

    @expose('/corrida/<int:ident>')
    def corrida(self, ident):
        # plotly loads on the first run's page, not when an app server boots.
        from graficos.laboratorio import (ESCENARIOS, figura_cumplimiento, figura_pendientes,
                                          html_figura)

        corrida = self._corrida(ident)
        graficos = {}
        informe = corrida.informe()
        if informe:
            from vistas.csp import nonce
            graficos = {'cumplimiento': html_figura(figura_cumplimiento(informe),
                                                    'grafico-cumplimiento', nonce()),
                        'pendientes': html_figura(figura_pendientes(informe),
                                                  'grafico-pendientes', nonce())}
        return self.render('laboratorio/ensayo.html', c=corrida, b=corrida.borrador,
                           informe=informe, escenarios=ESCENARIOS, **graficos)

    @expose('/corrida/<int:ident>/estado')
    def corrida_estado(self, ident):
        corrida = self._corrida(ident)
        return jsonify({'estado': corrida.estado, 'etiqueta': corrida.etiqueta,
                        'progreso': corrida.progreso, 'error': corrida.error,
                        'cancelando': corrida.cancelar})

    @expose('/corrida/<int:ident>/cancelar', methods=('POST',))
    def cancelar(self, ident):
        from reclamos.laboratorio.corridas import cancelar

        corrida = self._corrida(ident)
        if csrf_valido(SESION_EXPIRADA):
            flash('Cancelación pedida: la simulación se detendrá en unos instantes.'
                  if cancelar(corrida) else
                  f'La simulación ya estaba {corrida.etiqueta.lower()}.', 'info')
        return redirect(url_for('.corrida', ident=ident))

    @expose('/<int:ident>/publicar', methods=('POST',))
    def publicar(self, ident):
        borrador = self._borrador(ident)
        return self._cambiar_configuracion(
            lambda usuario: publicar(borrador, usuario),
            lambda version: f'Borrador publicado. La configuración anterior quedó como '
                            f'versión #{version.id}.')

    @expose('/version/<int:ident>/restaurar', methods=('POST',))
    def restaurar(self, ident):
        version = VersionConfiguracion.get_or_none(VersionConfiguracion.id == ident)
        if version is None:
            abort(404)
        return self._cambiar_configuracion(
            lambda usuario: restaurar(version, usuario),
            lambda actual: f'Versión #{version.id} restaurada; la que había quedó como '
                           f'#{actual.id}.')

    @expose('/plotly.min.js')
    def plotly_js(self):
        # Served from the installed package: the page works offline and under the CSP.
        import plotly
        carpeta = Path(plotly.__file__).resolve().parent / 'package_data'
        respuesta = send_from_directory(carpeta, 'plotly.min.js', max_age=7 * 24 * 3600)
        return respuesta
