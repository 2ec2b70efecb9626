"""The management dashboard under /admin/tablero: charts, drill-down to the case list and
CSV/XLSX of each chart's numbers. The numbers come from ``graficos`` (the daily rollup that
``graficos.tablero.vigencia`` keeps current); this view only reads the filters, checks who
may see which areas and renders.

Who: admin and gerente see every area; a supervisor the area they belong to (every area if
they have none, as in the queue); an agent only when RECLAMOS_TABLERO_AGENTES=1, and then
their own area."""
import datetime
from urllib.parse import urlencode
from pathlib import Path
from zoneinfo import ZoneInfo

import plotly
from flask import abort, current_app, request, send_file, url_for
from flask_admin import expose
from flask_login import current_user

from graficos.tablero import vigencia
from graficos.tablero.exportar import exportar
from graficos.tablero.figuras import como_json
from graficos.tablero.formulario import FormularioTablero
from graficos.tablero.kpi import indicadores
from graficos.tablero.tablas import TABLAS, calcular_con_resumen
from reclamos.tiempo import ahora_utc
from reglas.permisos import puede
from reglas.visibilidad import SIN_ACCESO, areas_visibles
from vistas.acceso import VistaProtegida, roles_actuales

PLOTLY_JS = Path(plotly.__file__).resolve().parent / 'package_data' / 'plotly.min.js'
UN_ANIO = 365 * 24 * 3600


def alcance():
    """None: every area; a tuple: only those; SIN_ACCESO: refused (reglas.visibilidad)."""
    area = current_user.area_id if current_user.is_authenticated else None
    return areas_visibles(roles_actuales(), area,
                          bool(current_app.config.get('RECLAMOS_TABLERO_AGENTES')))


class VistaTablero(VistaProtegida):
    def is_accessible(self):
        # Not one policy action alone: agents get in where the company allows it.
        return alcance() != SIN_ACCESO

    def _formulario(self):
        zona = current_app.config['BABEL_DEFAULT_TIMEZONE']
        hoy = datetime.datetime.now(ZoneInfo(zona)).date()
        formulario = FormularioTablero(request.args, hoy, alcance())
        return formulario, formulario.validate(), zona

    def _tabla(self, nombre, formulario, zona, calculo):
        """From the daily rollup (``calculo``: the computation to read)."""
        clientes = current_app.config.get('RECLAMOS_CLIENTES_POR_SERVICIO')
        return calcular_con_resumen(nombre, formulario.filtros(zona), formulario.opciones(),
                                    ahora_utc(), clientes, calculo)

    def _calculo(self, zona):
        return vigencia.asegurar(zona, current_app._get_current_object())

    @expose('/')
    def index(self):
        formulario, valido, zona = self._formulario()
        graficos, tiles, calculo = [], [], None
        if valido:
            calculo = self._calculo(zona)
            filtros = formulario.filtros(zona)
            parametros = filtros.parametros_casos()
            base = url_for('casos.index')
            consulta = formulario.parametros()
            tiles = indicadores(filtros, calculo)
            for nombre in TABLAS:
                tabla = self._tabla(nombre, formulario, zona, calculo)
                graficos.append({
                    'nombre': nombre, 'tabla': tabla,
                    'figura': como_json(tabla, base, parametros),
                    'csv': url_for('.exportar', nombre=nombre, formato='csv', **consulta),
                    'xlsx': url_for('.exportar', nombre=nombre, formato='xlsx', **consulta),
                })
            casos = f'{base}?{urlencode(parametros)}'
        else:
            casos = None
        return self.render('tablero/index.html', formulario=formulario, graficos=graficos,
                           indicadores=tiles,
                           casos=casos, plotly_version=plotly.__version__, calculo=calculo,
                           minutos=current_app.config['RECLAMOS_RESUMEN_MINUTOS'],
                           abre_mejoras=puede(roles_actuales(), 'mejora.editar'))

    @expose('/exportar/<nombre>.<formato>')
    def exportar(self, nombre, formato):
        if nombre not in TABLAS or formato not in ('csv', 'xlsx'):
            abort(404)
        formulario, valido, zona = self._formulario()
        if not valido:
            errores = '; '.join(f'{c.label.text}: {e}' for c in formulario for e in c.errors)
            abort(400, description=errores)
        tabla = self._tabla(nombre, formulario, zona, self._calculo(zona))
        filtros = formulario.filtros(zona)
        datos, tipo = exportar(tabla, formato, f'Casos recibidos del {filtros.desde} al '
                                               f'{filtros.hasta}')
        respuesta = current_app.response_class(datos, mimetype=tipo)
        archivo = f'{nombre}-{filtros.desde}-{filtros.hasta}.{formato}'
        respuesta.headers['Content-Disposition'] = f'attachment; filename="{archivo}"'
        return respuesta

    @expose('/plotly.min.js')
    def plotly_js(self):
        """plotly.js from the installed package (offline; never a CDN), cached for a year:
        its URL carries the version, so an upgrade gets a new one."""
        return send_file(PLOTLY_JS, mimetype='text/javascript', max_age=UN_ANIO)
