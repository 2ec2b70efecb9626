"""The case page: data, custom fields, terms, activities, timeline, and the allowed actions."""
from flask import abort, make_response
from flask_admin import expose
from flask_login import current_user
from peewee import JOIN, SQL, fn

from bd.compiladas import Compilada
from catalogos.atencion import TIPOS_SOLICITANTE
from reclamos.caso import contacto, ficha, historial
from reclamos.caso.contacto import ContactoCaso
from reclamos.caso.decision import DecisionReclamo
from reclamos.caso.modelo import ORIGENES, TIPOS_CASO, Reclamo
from reclamos.plazos.entrega import MEDIOS
from reclamos.plazos.modelo import Suspension
from reclamos.portal import entregas
from reclamos.portal.cartas import puede_enviar
from reclamos.portal.entregas import EntregaCarta
from reclamos.portal.hoja import datos_hoja
from reclamos.portal.solicitudes import SolicitudPortal
from reclamos.laboratorio.diagnostico import similares_resueltos
from reclamos.laboratorio.enrutamiento import EtiquetaCaso
from reclamos.caso.documentos import TIPOS_DOCUMENTO, Documento, de_caso
from reclamos.caso.lineas import LineaReclamo
from reclamos.tiempo import ahora_utc
from reglas.transiciones import ETIQUETAS, ETIQUETAS_LINEA
from vistas.acceso import csrf_valido


def _historial(reclamo):
    """The log rows with their words: (accion, tipo, campo, anterior, nuevo)."""
    from vistas.filtros import local

    filas = ficha.linea_de_tiempo(reclamo)
    palabras = historial.en_palabras([a for a, _ in filas], local)
    return [(a, tipo, *resto) for (a, tipo), (_, *resto) in zip(filas, palabras, strict=True)]


# Child tables most cases have no row in: the case query says which have some (hay_...).
_HIJAS = {'hay_documentos': Documento, 'hay_entregas': EntregaCarta,
          'hay_etiquetas': EtiquetaCaso, 'hay_suspensiones': Suspension,
          'hay_lineas': LineaReclamo}
# The case's one-to-one rows (a unique foreign key), joined in: attribute -> model.
_UNO_A_UNO = {'decision_caso': DecisionReclamo, 'contacto_caso': ContactoCaso,
              'solicitud_portal': SolicitudPortal}


def _ficha(condicion):
    """The case with every catalog it names (Reclamo.con_relaciones), its decision, contact
    and portal filing, and whether each child table has rows for it: the page then reads
    only the children there are."""
    consulta = Reclamo.con_relaciones().select_extend(*_UNO_A_UNO.values(), *[
        fn.EXISTS(hija.select(SQL('1')).where(hija.reclamo == Reclamo.id)).alias(nombre)
        for nombre, hija in _HIJAS.items()])
    for atributo, modelo in _UNO_A_UNO.items():
        consulta = consulta.join_from(Reclamo, modelo, JOIN.LEFT_OUTER,
                                      on=(modelo.reclamo == Reclamo.id), attr=atributo)
    return consulta.where(condicion).limit(1)


# The page agents open most: its reads compiled once (bd.compiladas); the case by the
# number in the URL or, to draw it again after a refused action, by id.
_CASO = Compilada(lambda numero: _ficha(Reclamo.numero == numero))
_CASO_POR_ID = Compilada(lambda ident: _ficha(Reclamo.id == ident))
_LINEAS = Compilada(lambda ident: LineaReclamo.select().where(LineaReclamo.reclamo == ident)
                    .order_by(LineaReclamo.numero))


def portal_del_caso(reclamo, usuario):
    """What the case page shows of the customer side: the contact the case was filed with
    next to the customer's record, the hoja's fields, the letters delivered on paper."""
    propio = reclamo.contacto_caso
    return {'contacto': propio,
            'diferencias': contacto.diferencias(reclamo, propio) if propio else [],
            'actualiza_cliente': contacto.puede_actualizar_cliente(usuario),
            'hoja': datos_hoja(reclamo.solicitud_portal),
            'entregas': entregas.de_caso(reclamo) if reclamo.hay_entregas else [],
            'medios': dict(entregas.MEDIOS)}


class FichaCaso:
    """The case page; mixed into vistas.casos.VistaCasos, which checks access."""

    def caso_visible(self, numero):
        """The case, or 404 when it does not exist or this user may not see it: a stranger
        cannot tell an existing number from a missing one."""
        reclamo = _CASO.primera(numero)
        if reclamo is None or not ficha.visible_para(reclamo, current_user):
            abort(404)
        return reclamo

    def caso_para_cambiar(self, numero):
        """The visible case of a POST whose form token is valid; otherwise the case page with
        the reason (400), and nothing changes."""
        reclamo = self.caso_visible(numero)
        if not csrf_valido():
            pagina, estado = self.render_ficha(
                reclamo, 'La sesión del formulario expiró: recargue la página.', 400,
                leido=True)
            abort(make_response(pagina, estado))
        return reclamo

    @expose('/<numero>')
    def detalle(self, numero):
        return self.render_ficha(self.caso_visible(numero), leido=True)

    def render_ficha(self, reclamo, error=None, estado=200, errores=None, leido=False):
        """The case page, read afresh (after a refused action nothing of it was saved);
        ``leido``: ``reclamo`` was just read by caso_visible and nothing tried to change it."""
        from vistas.acciones_caso import DATOS_TRANSICION, opciones_acciones

        if not leido:
            reclamo = _CASO_POR_ID.primera(reclamo.id)
        ahora = ahora_utc()
        terminos = ficha.terminos(reclamo, ahora)
        lineas = _LINEAS.filas(reclamo.id) if reclamo.hay_lineas else []
        tiempo = _historial(reclamo)
        opciones = opciones_acciones(reclamo, lineas, tiempo)
        opciones['prorrogables'] = ficha.prorrogables(terminos, ahora)
        pagina = self.render(
            'casos/caso.html', r=reclamo, estados=ETIQUETAS, error=error,
            errores=errores or {},
            terminos=terminos, campos=ficha.campos(reclamo),
            actividades=ficha.actividades(reclamo), tiempo=tiempo,
            suspensiones=ficha.suspensiones(reclamo) if reclamo.hay_suspensiones else [],
            documentos=de_caso(reclamo) if reclamo.hay_documentos else [],
            tipos_documento=TIPOS_DOCUMENTO, etiquetas_linea=ETIQUETAS_LINEA, lineas=lineas,
            acciones=ficha.acciones_permitidas(reclamo, current_user,
                                               opciones['prorrogables'], opciones['usuarios']),
            siguiente=ficha.SIGUIENTE_PASO.get(reclamo.estado), opciones=opciones,
            datos_transicion=DATOS_TRANSICION,
            etiquetas=EtiquetaCaso.de(reclamo.id) if reclamo.hay_etiquetas else [],
            tipos_caso=dict(TIPOS_CASO),
            origenes=dict(ORIGENES),
            escribe_carta=puede_enviar(reclamo, current_user), medios_entrega=MEDIOS,
            tipos_solicitante=dict(TIPOS_SOLICITANTE),
            **portal_del_caso(reclamo, current_user))
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
