"""The case page: data, custom fields, terms, activities, timeline, and the allowed actions."""
from flask import abort, make_response
from flask_admin import expose
from flask_login import current_user

from reclamos.caso import ficha
from reclamos.caso.modelo import Reclamo
from reclamos.portal.cartas import puede_enviar
from reclamos.laboratorio.diagnostico import similares_resueltos
from reclamos.laboratorio.enrutamiento import EtiquetaCaso
from reclamos.caso.documentos import TIPOS_DOCUMENTO, de_caso
from reclamos.caso.lineas import LineaReclamo
from reclamos.tiempo import ahora_utc
from reglas.transiciones import ETIQUETAS, ETIQUETAS_LINEA
from vistas.acceso import csrf_valido


class FichaCaso:
    """The case page; mixed into vistas.casos.VistaCasos, which checks access."""

    def caso_visible(self, numero):
        """The case, or 404 when it does not exist or this user may not see it: a stranger
        cannot tell an existing number from a missing one."""
        reclamo = Reclamo.get_or_none(Reclamo.numero == numero)
        if reclamo is None or not ficha.visible_para(reclamo, current_user):
            abort(404)
        return reclamo

    def caso_para_cambiar(self, numero):
        """The visible case of a POST whose form token is valid; otherwise the case page with
        the reason (400), and nothing changes."""
        reclamo = self.caso_visible(numero)
        if not csrf_valido():
            pagina, estado = self.render_ficha(
                reclamo, 'La sesión del formulario expiró: recargue la página.', 400)
            abort(make_response(pagina, estado))
        return reclamo

    @expose('/<numero>')
    def detalle(self, numero):
        return self.render_ficha(self.caso_visible(numero))

    def render_ficha(self, reclamo, error=None, estado=200):
        """The case page, read afresh (after a refused action nothing of it was saved)."""
        from vistas.acciones_caso import DATOS_TRANSICION, opciones_acciones

        reclamo = Reclamo.con_relaciones().where(Reclamo.id == reclamo.id).get()
        ahora = ahora_utc()
        pagina = self.render(
            'casos/caso.html', r=reclamo, estados=ETIQUETAS, error=error,
            terminos=ficha.terminos(reclamo, ahora), campos=ficha.campos(reclamo),
            actividades=ficha.actividades(reclamo), tiempo=ficha.linea_de_tiempo(reclamo),
            suspensiones=ficha.suspensiones(reclamo), documentos=de_caso(reclamo),
            tipos_documento=TIPOS_DOCUMENTO, etiquetas_linea=ETIQUETAS_LINEA,
            lineas=list(LineaReclamo.select().where(LineaReclamo.reclamo == reclamo.id)
                        .order_by(LineaReclamo.numero)),
            acciones=ficha.acciones_permitidas(reclamo, current_user),
            opciones=opciones_acciones(reclamo), datos_transicion=DATOS_TRANSICION,
            etiquetas=EtiquetaCaso.de(reclamo.id),
            escribe_carta=puede_enviar(reclamo, current_user))
        return pagina, estado

    @expose('/<numero>/similares')
    def similares(self, numero):
        """The similar resolved cases, as a fragment the case page fetches after it shows.

        Why apart: ranking thousands of matching descriptions takes far longer than the rest
        of the page at a million cases; the agent reads the case meanwhile.
        """
        reclamo = self.caso_visible(numero)
        return self.render('casos/_similares_lista.html', similares=similares_resueltos(
            reclamo, visible=lambda caso: ficha.visible_para(caso, current_user)))
