"""The reports screen: choose a layout, period and channel or regulator; see and download.

Managers and admins see every case; a supervisor with an area sees the cases of that area
only (the counts say so in the subtitle); agents are refused.
"""
import datetime

from flask import Response, current_app, request
from flask_admin import expose
from flask_login import current_user

from catalogos.atencion import Canal
from catalogos.informes import COLUMNAS, DIMENSIONES
from catalogos.formatos import FormatoRegulador
from catalogos.organizacion import EntidadReguladora
from graficos.informe.construccion import NOTA, formato, generar, plantillas, preparar
from reclamos.errores import ErrorValidacion
from reglas.permisos import puede
from reglas.visibilidad import areas_visibles
from vistas.acceso import VistaProtegida, rechazar, roles_actuales

# Exporters by name: fpdf2 and openpyxl take a second or more to import, so they load on the
# first download instead of slowing every worker's start.
TIPOS = {'xlsx': ('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'a_xlsx'),
         'pdf': ('application/pdf', 'a_pdf')}
TIPOS_REGULADOR = {**TIPOS, 'csv': ('text/csv', 'a_csv')}


def area_limitada():
    """The area a supervisor's reports are limited to (None: every case)."""
    if not current_user.is_authenticated:
        return None
    return current_user.area if areas_visibles(roles_actuales(), current_user.area_id) \
        else None


def _propuestos():
    """The first visit proposes last month."""
    hoy = datetime.date.today()
    return {'mes': f'{(hoy.replace(day=1) - datetime.timedelta(days=1)):%Y-%m}'}


class VistaInformes(VistaProtegida):
    permiso = 'informes.ver'

    @expose('/')
    def index(self):
        informe, errores, estado = None, {}, 200
        formato_descarga = request.args.get('formato', '')
        if formato_descarga and formato_descarga not in TIPOS:
            errores['formato'] = f'Formato desconocido: «{formato_descarga}». Use xlsx o pdf.'
        elif request.args.get('plantilla') is not None:
            try:
                pedido = preparar(request.args, area=area_limitada(),
                                  zona=current_app.config['BABEL_DEFAULT_TIMEZONE'])
            except ErrorValidacion as error:
                errores = error.errores
            else:
                informe = generar(pedido)
                if formato_descarga:
                    return self._descargar(informe, formato_descarga)
        if errores:
            estado = 400
        return self.render('informes/informe.html', informe=informe, errores=errores,
                           valores=request.args if request.args else _propuestos(),
                           plantillas=plantillas(),
                           canales=Canal.activos().order_by(Canal.nombre),
                           entidades=EntidadReguladora.activos().order_by(
                               EntidadReguladora.nombre),
                           dimensiones=DIMENSIONES, columnas=COLUMNAS, formato=formato,
                           nota=NOTA, area=area_limitada(),
                           edita_mejora=puede(roles_actuales(), 'mejora.editar')), estado

    @expose('/regulador')
    def regulador(self):
        """Issue 17: the regulator's own layout. The official file is the company's, so only
        admins and managers export it (a supervisor's area would be a partial file)."""
        if not puede(roles_actuales(), 'informes.regulador'):
            return rechazar()
        from graficos.informe import regulador as informe_regulador

        errores, formatos = {}, list(FormatoRegulador.activos().order_by(
            FormatoRegulador.nombre))
        if request.args.get('formato_regulador') is not None:
            codigo = request.args.get('formato_regulador', '')
            formato = next((f for f in formatos if f.codigo == codigo), None)
            tipo = request.args.get('tipo', 'xlsx')
            if formato is None:
                errores['formato_regulador'] = f'No existe el formato «{codigo[:40]}».'
            elif tipo not in TIPOS_REGULADOR:
                errores['tipo'] = f'Archivo desconocido: «{tipo[:10]}». Use xlsx, csv o pdf.'
            else:
                try:
                    reporte = informe_regulador.generar(
                        formato, request.args.get('periodo', ''),
                        current_app.config['BABEL_DEFAULT_TIMEZONE'])
                except ErrorValidacion as error:
                    errores = error.errores
                else:
                    return self._descargar_regulador(reporte, tipo)
        return self.render('informes/regulador.html', formatos=formatos, errores=errores,
                           valores=request.args or {'periodo': _propuestos()['mes']}), \
            400 if errores else 200

    def _descargar_regulador(self, reporte, tipo):
        from graficos.informe import exportar_regulador

        mime, funcion = TIPOS_REGULADOR[tipo]
        nombre = f'{reporte.formato.codigo.lower()}-{reporte.desde:%Y%m%d}.{tipo}'
        return Response(getattr(exportar_regulador, funcion)(reporte), mimetype=mime,
                        headers={'Content-Disposition': f'attachment; filename="{nombre}"'})

    def _descargar(self, informe, tipo):
        from graficos.informe import exportar as informe_exportar

        mime, funcion = TIPOS[tipo]
        exportar = getattr(informe_exportar, funcion)
        pedido = informe.pedido
        nombre = (f'informe-{pedido.plantilla.codigo.lower()}-{pedido.desde:%Y%m%d}-'
                  f'{pedido.hasta:%Y%m%d}.{tipo}')
        return Response(exportar(informe), mimetype=mime, headers={
            'Content-Disposition': f'attachment; filename="{nombre}"'})
