"""What the customer sees of a case on the portal: found by number + document or a signed
link; never user names, internal notes, stored contact data or other cases."""
from catalogos.servicios import TIPOS_CASO
from reclamos.caso.acciones import TIPOS_ACCION, Accion
from reclamos.caso.documentos import RECIBIDO, Documento
from reclamos.caso.modelo import Reclamo
from reclamos.clientes.modelo import Cliente, normalizar_numero
from reclamos.plazos.ciclo import calendario_de, suspension_abierta
from reclamos.plazos.modelo import ACTIVIDAD, TerminoCaso
from reclamos.portal.hoja import vencimiento_legal
from reclamos.tiempo import aware
from reglas.transiciones import ANULADO, ETIQUETAS, SUSPENDIDO


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
    for accion in Accion.de(reclamo.id, solo_cliente=True):
        texto = accion.texto
        if accion.tipo == 'transicion' and accion.campo == 'estado':
            estado = ETIQUETAS.get(accion.valor_nuevo, '')
            texto = f'Estado: {estado}.' + (f' {texto}' if texto else '')
        eventos.append({'instante': calendario.local(aware(accion.instante)),
                        'tipo': tipos.get(accion.tipo, accion.tipo), 'texto': texto,
                        'autor': _autor(accion)})
    actividades = [{'nombre': t.nombre, 'cumplido': calendario.local(aware(t.cumplido_en))}
                   for t in TerminoCaso.select().where(
                       TerminoCaso.reclamo == reclamo.id, TerminoCaso.tipo == ACTIVIDAD,
                       TerminoCaso.cumplido_en.is_null(False)).order_by(TerminoCaso.cumplido_en)]
    pausa = suspension_abierta(reclamo) if reclamo.estado == SUSPENDIDO else None
    adjuntos = [d.nombre for d in Documento.select(Documento.nombre).where(
        Documento.reclamo == reclamo.id, Documento.tipo == RECIBIDO,
        Documento.usuario.is_null(), Documento.sha256 != '').order_by(Documento.id)]
    return {'numero': reclamo.numero, 'estado': ETIQUETAS.get(reclamo.estado, reclamo.estado),
            'tipo': dict(TIPOS_CASO).get(reclamo.tipo, reclamo.tipo),
            'servicio': reclamo.servicio.nombre, 'motivo': reclamo.motivo.nombre,
            'recibido': calendario.local(aware(reclamo.recibido_en)),
            'vence': vencimiento_legal(reclamo), 'descripcion': reclamo.descripcion,
            'respuesta': reclamo.respuesta, 'calificacion': reclamo.calificacion,
            'resultado': reclamo.resultado.nombre if reclamo.resultado_id else None,
            'actividades': actividades, 'eventos': eventos, 'adjuntos': adjuntos,
            'solicitud_informacion': pausa.motivo if pausa is not None else '',
            'puede_responder': reclamo.estado != ANULADO}
