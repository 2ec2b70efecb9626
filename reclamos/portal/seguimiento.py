"""What the customer sees of a case on the portal: found by number + document or a signed
link; never user names, internal notes, stored contact data or other cases."""
from peewee import JOIN, SQL, fn

from bd.compiladas import Compilada
from catalogos.organizacion import Calendario
from catalogos.resultados import Resultado
from catalogos.servicios import TIPOS_CASO, Motivo, Servicio
from reclamos.caso.acciones import TIPOS_ACCION, Accion
from reclamos.caso.documentos import RECIBIDO, Documento
from reclamos.caso.modelo import Reclamo
from reclamos.clientes.modelo import Cliente, normalizar_numero
from reclamos.plazos.ciclo import calendario_de, suspension_abierta
from reclamos.plazos.modelo import ACTIVIDAD, LEGAL, TerminoCaso
from reclamos.portal.solicitudes import SolicitudPortal
from reclamos.tiempo import aware
from reglas.transiciones import ANULADO, ETIQUETAS, SUSPENDIDO

# What the customer sent as files: most cases have none, so the case query says whether
# there are any (hay_adjuntos) and the list is read only then.
_SUYOS = (Documento.tipo == RECIBIDO) & Documento.usuario.is_null() & (Documento.sha256 != '')
# The tracking page is opened from every e-mail: its reads are compiled once (bd.compiladas).
_CASO = Compilada(lambda ident: (
    Reclamo.select(Reclamo, Servicio, Motivo, Resultado, Calendario, SolicitudPortal,
                   fn.EXISTS(Documento.select(SQL('1')).where(
                       (Documento.reclamo == Reclamo.id) & _SUYOS)).alias('hay_adjuntos'))
    .join_from(Reclamo, Servicio, JOIN.LEFT_OUTER, on=(Reclamo.servicio == Servicio.id),
               attr='servicio')
    .join_from(Reclamo, Motivo, JOIN.LEFT_OUTER, on=(Reclamo.motivo == Motivo.id),
               attr='motivo')
    .join_from(Reclamo, Resultado, JOIN.LEFT_OUTER, on=(Reclamo.resultado == Resultado.id),
               attr='resultado')
    .join_from(Reclamo, Calendario, JOIN.LEFT_OUTER, on=(Reclamo.calendario == Calendario.id),
               attr='calendario')
    .join_from(Reclamo, SolicitudPortal, JOIN.LEFT_OUTER,
               on=(SolicitudPortal.reclamo == Reclamo.id), attr='solicitud_portal')
    .where(Reclamo.id == ident).limit(1)))
_EVENTOS = Compilada(lambda ident: Accion.de(ident, solo_cliente=True))
_TERMINOS = Compilada(lambda ident: TerminoCaso.select().where(TerminoCaso.reclamo == ident)
                      .order_by(TerminoCaso.id))
_ADJUNTOS = Compilada(lambda ident: Documento.select(Documento.nombre).where(
    (Documento.reclamo == ident) & _SUYOS).order_by(Documento.id).tuples())


def caso(ident):
    """The case of a signed link, with what its page names (service, motive, outcome), its
    calendar, ``solicitud_portal`` (what the customer gave on the portal, or None) and
    ``hay_adjuntos`` (whether the customer sent files)."""
    return _CASO.primera(ident)


def buscar(numero, documento):
    """The case with this number whose customer has this document number, else None.

    A wrong number and a wrong document give the same None (no enumeration)."""
    numero = str(numero or '').strip()[:20]
    documento = normalizar_numero(documento)[:20]
    if not numero or not documento:
        return None
    return (Reclamo.select().join(Cliente, on=(Reclamo.cliente == Cliente.id))
            .where(Reclamo.numero == numero, Cliente.numero_documento == documento).first())


def _autor(accion):
    """'Usted' for the customer's own messages, the company otherwise (never a name)."""
    if accion.tipo == 'comentario':
        return 'Usted' if accion.usuario_id is None else 'Atención al cliente'
    return ''


def vista_cliente(reclamo):
    """The case as its customer may see it, with the conversation."""
    calendario = calendario_de(reclamo)
    tipos = dict(TIPOS_ACCION)
    eventos = []
    for accion in _EVENTOS.filas(reclamo.id):
        texto = accion.texto
        if accion.tipo == 'transicion' and accion.campo == 'estado':
            estado = ETIQUETAS.get(accion.valor_nuevo, '')
            texto = f'Estado: {estado}.' + (f' {texto}' if texto else '')
        eventos.append({'instante': calendario.local(aware(accion.instante)),
                        'tipo': tipos.get(accion.tipo, accion.tipo), 'texto': texto,
                        'autor': _autor(accion)})
    terminos = _TERMINOS.filas(reclamo.id)
    hechas = sorted((t for t in terminos if t.tipo == ACTIVIDAD and t.cumplido_en is not None),
                    key=lambda t: t.cumplido_en)
    actividades = [{'nombre': t.nombre, 'cumplido': calendario.local(aware(t.cumplido_en))}
                   for t in hechas]
    # The legal term as reclamos.portal.hoja.vencimiento_legal reads it, from the rows above.
    legal = next((t for t in terminos if t.tipo == LEGAL), None)
    vence = calendario.local(aware(legal.vence_en)) if legal and legal.vence_en else None
    pausa = suspension_abierta(reclamo) if reclamo.estado == SUSPENDIDO else None
    adjuntos = [nombre for (nombre,) in _ADJUNTOS.filas(reclamo.id)] \
        if getattr(reclamo, 'hay_adjuntos', True) else []
    return {'numero': reclamo.numero, 'estado': ETIQUETAS.get(reclamo.estado, reclamo.estado),
            'tipo': dict(TIPOS_CASO).get(reclamo.tipo, reclamo.tipo),
            'servicio': reclamo.servicio.nombre, 'motivo': reclamo.motivo.nombre,
            'recibido': calendario.local(aware(reclamo.recibido_en)),
            'vence': vence, 'descripcion': reclamo.descripcion,
            'respuesta': reclamo.respuesta, 'calificacion': reclamo.calificacion,
            'resultado': reclamo.resultado.nombre if reclamo.resultado_id else None,
            'actividades': actividades, 'eventos': eventos, 'adjuntos': adjuntos,
            'solicitud_informacion': pausa.motivo if pausa is not None else '',
            'puede_responder': reclamo.estado != ANULADO}
