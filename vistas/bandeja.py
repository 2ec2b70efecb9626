"""The agents' queue screen ("Mi bandeja", the area's, everything they may see): the query
string in, reclamos.cola's page out. The queue itself (filters, visibility, sort, paging,
traffic light) lives in reclamos.cola."""
from urllib.parse import quote

from flask import current_app, request, url_for
from flask_admin import expose
from flask_login import current_user

from reclamos.cola import Filtros, pagina_cola, semaforos
from reclamos.cola.pantalla import PANTALLA
from reclamos.tiempo import ahora_utc
from reglas.permisos import puede
from reglas.transiciones import ETIQUETAS
from vistas.base import roles_actuales
from vistas.opciones_bandeja import opciones_filtros


class Bandeja:
    """The queue screen; mixed into vistas.casos.VistaCasos, which checks access."""

    @expose('/')
    def index(self):
        ahora = ahora_utc()
        filtros = Filtros.de(request.args)
        roles = roles_actuales()
        filas, siguiente = pagina_cola(current_user, roles, filtros, ahora,
                                       request.args.get('despues'), base=PANTALLA,
                                       zona=current_app.config['BABEL_DEFAULT_TIMEZONE'])
        # One url_for for the fifty links: the rows differ only in the case number.
        plantilla = url_for('casos.detalle', numero='NUMERO')
        return self.render('casos/bandeja.html', filas=filas, siguiente=siguiente,
                           ruta_caso=lambda numero: plantilla.replace(
                               'NUMERO', quote(numero, safe='')),
                           filtros=filtros, ahora=ahora, luces=semaforos(filas, ahora),
                           estados=ETIQUETAS, opciones=opciones_filtros(),
                           args=request.args, abre_mejoras=puede(roles, 'mejora.editar'))

