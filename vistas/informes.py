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
from catalogos.organizacion import EntidadReguladora
from graficos.informe.construccion import NOTA, formato, generar, plantillas, preparar
from reclamos.errores import ErrorValidacion
from reglas.permisos import puede
from reglas.visibilidad import areas_visibles
from vistas.acceso import VistaProtegida, roles_actuales

# Exporters by name: fpdf2 and openpyxl take a second or more to import, so they load on the
# first download instead of slowing every worker's start.
TIPOS = {'xlsx': ('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'a_xlsx'),
         'pdf': ('application/pdf', 'a_pdf')}


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

    def _descargar(self, informe, tipo):
        from graficos.informe import exportar as informe_exportar

        mime, funcion = TIPOS[tipo]
        exportar = getattr(informe_exportar, funcion)
        pedido = informe.pedido
        nombre = (f'informe-{pedido.plantilla.codigo.lower()}-{pedido.desde:%Y%m%d}-'
                  f'{pedido.hasta:%Y%m%d}.{tipo}')
        return Response(exportar(informe), mimetype=mime, headers={
            'Content-Disposition': f'attachment; filename="{nombre}"'})
