"""The agents' queue screen ("Mi bandeja", the area's, everything they may see): the query
string in, reclamos.cola's page out. The queue itself (filters, visibility, sort, paging,
traffic light) lives in reclamos.cola."""
from flask import current_app, request
from flask_admin import expose
from flask_login import current_user

from catalogos.organizacion import Area
from catalogos.plazos import Prioridad
from catalogos.servicios import Motivo
from reclamos.cola import Filtros, pagina_cola, semaforos
from reclamos.tiempo import ahora_utc
from reglas.permisos import puede
from reglas.transiciones import ETIQUETAS
from vistas.base import roles_actuales


class Bandeja:
    """The queue screen; mixed into vistas.casos.VistaCasos, which checks access."""

    @expose('/')
    def index(self):
        ahora = ahora_utc()
        filtros = Filtros.de(request.args)
        roles = roles_actuales()
        filas, siguiente = pagina_cola(current_user, roles, filtros, ahora,
                                       request.args.get('despues'),
                                       zona=current_app.config['BABEL_DEFAULT_TIMEZONE'])
        return self.render('casos/bandeja.html', filas=filas, siguiente=siguiente,
                           filtros=filtros, ahora=ahora, luces=semaforos(filas, ahora),
                           estados=ETIQUETAS, opciones=_opciones_filtros(),
                           args=request.args, abre_mejoras=puede(roles, 'mejora.editar'))


def _opciones_filtros():
    """Small catalogs for the filter selects (active rows only, a query each)."""
    from catalogos.atencion import Canal

    return {
        'area': [(a.id, a.nombre) for a in Area.activos().order_by(Area.nombre)],
        'prioridad': [(p.id, p.nombre) for p in Prioridad.activos().order_by(Prioridad.orden)],
        'canal': [(c.id, c.nombre) for c in Canal.activos().order_by(Canal.nombre)],
        'motivo': [(m.id, m.nombre) for m in Motivo.activos().order_by(Motivo.nombre)],
    }
