"""Rows to JSON: instants in ISO 8601 UTC with offset, catalog rows as {codigo, nombre}."""
from dataclasses import dataclass

from flask import url_for

from reclamos.caso import contacto as contacto_caso, decision, ficha
from reclamos.portal import solicitudes
from reclamos.portal.hoja import datos_hoja
from reclamos.caso.acciones import TIPOS_ACCION
from reclamos.plazos.modelo import TIPOS_TERMINO
from reclamos.tiempo import aware
from reglas.transiciones import ABIERTOS, ETIQUETAS


def instante(valor):
    return aware(valor).isoformat() if valor is not None else None


def catalogo(fila):
    return {'codigo': fila.codigo, 'nombre': fila.nombre} if fila is not None else None


def persona(fila):
    return {'email': fila.email, 'nombre': fila.nombre} if fila is not None else None


def cliente(fila, completo=True):
    if fila is None:
        return None
    datos = {'tipo_documento_identidad': fila.tipo_documento_identidad,
             'numero_documento': fila.numero_documento, 'nombre': fila.nombre}
    if completo:
        datos.update(email=fila.email, telefono=fila.telefono, direccion=fila.direccion)
    return datos


def contacto(fila):
    """The contact details the case was filed with (its messages go there)."""
    if fila is None:
        return None
    return {'nombre': fila.nombre, 'email': fila.email or None,
            'telefono': fila.telefono or None, 'direccion': fila.direccion or None}


def _enlace(reclamo):
    return url_for('api.caso', numero=reclamo.numero)


def resumen(reclamo, luz):
    """A row of the list: only the relations the queue query joins (no query per row);
    ``luz``: its traffic light (reclamos.cola.semaforos, computed for the whole page)."""
    return {
        'numero': reclamo.numero, 'url': _enlace(reclamo), 'tipo': reclamo.tipo,
        'origen': reclamo.origen, 'estado': reclamo.estado,
        'estado_etiqueta': ETIQUETAS.get(reclamo.estado, reclamo.estado),
        'version': reclamo.version, 'canal': catalogo(reclamo.canal),
        'motivo': catalogo(reclamo.motivo), 'prioridad': catalogo(reclamo.prioridad),
        'area': catalogo(reclamo.area), 'responsable': persona(reclamo.usuario),
        'cliente': cliente(reclamo.cliente, completo=False),
        'recibido_en': instante(reclamo.recibido_en), 'vence_en': instante(reclamo.vence_en),
        'semaforo': luz if reclamo.estado in ABIERTOS else None,
    }


def termino(fila):
    t = fila.termino
    return {'tipo': t.tipo, 'tipo_etiqueta': fila.tipo, 'codigo': t.codigo, 'nombre': t.nombre,
            'cantidad': t.cantidad, 'unidad': t.unidad, 'inicio': instante(t.inicio),
            'vence_en': instante(t.vence_en), 'cumplido_en': instante(t.cumplido_en),
            'prorrogable': t.prorrogable, 'prorrogado': t.prorrogado,
            'actividad_orden': t.actividad_orden, 'estado': fila.estado,
            'cumplimiento': fila.cumplimiento or None}


def accion(fila, etiqueta=None):
    autor = getattr(fila, 'usuario', None) if fila.usuario_id is not None else None
    return {'instante': instante(fila.instante), 'tipo': fila.tipo,
            'tipo_etiqueta': etiqueta or dict(TIPOS_ACCION).get(fila.tipo, fila.tipo),
            'campo': fila.campo or None, 'anterior': fila.valor_anterior,
            'nuevo': fila.valor_nuevo, 'texto': fila.texto or None,
            'visible_cliente': fila.visible_cliente, 'version': fila.version,
            'usuario': persona(autor)}


def resultado_del_caso(reclamo, decision):
    """Issue 17: the outcome (with its sense), the claim-level decision, reclassifications."""
    fila = reclamo.resultado if reclamo.resultado_id else None
    return {
        'resultado': None if fila is None else {**catalogo(fila), 'sentido': fila.sentido},
        'resultado_motivo': reclamo.resultado_motivo or None,
        'reclasificaciones': reclamo.reclasificaciones,
        'decision': None if decision is None else {
            'decision': decision.estado, 'monto_reclamado': str(decision.monto_reclamado),
            'monto_aprobado': None if decision.monto_aprobado is None
            else str(decision.monto_aprobado),
            'motivo': decision.motivo or None, 'decidido_en': instante(decision.decidido_en)}}


@dataclass
class Partes:
    """The rows of a case beyond its own: read, or kept by the registration that wrote them."""

    contacto: object
    solicitud: object
    decision: object
    terminos: list  # ficha.FilaTermino, soonest due first
    actividades: list
    suspensiones: list
    linea: list  # (Accion, label), newest first


def partes(reclamo, ahora):
    """Read, or for a case just registered (``reclamo.alta``, see reclamos.caso.alta) taken
    from memory in the order and form a read gives: the 201 answer costs no re-read."""
    alta = getattr(reclamo, 'alta', None)
    if alta is None:
        return Partes(contacto_caso.de(reclamo), solicitudes.de(reclamo), decision.de(reclamo),
                      ficha.terminos(reclamo, ahora), ficha.actividades(reclamo),
                      ficha.suspensiones(reclamo), ficha.linea_de_tiempo(reclamo))
    tipos_termino, tipos_accion = dict(TIPOS_TERMINO), dict(TIPOS_ACCION)
    # ficha.terminos sorts by due instant (none last), then id: the order of insertion.
    orden = sorted(enumerate(alta.terminos),
                   key=lambda par: (par[1].vence_en is None, par[1].vence_en, par[0]))
    terminos = [ficha.FilaTermino(t, tipos_termino.get(t.tipo, t.tipo),
                                  t.estado(ahora, alta.calendario)) for _, t in orden]
    linea = [(a, tipos_accion.get(a.tipo, a.tipo)) for a in reversed(alta.acciones)]
    return Partes(alta.contacto, None, None, terminos, alta.actividades, [], linea)


def caso(reclamo, ahora, actor):
    """The whole case: data, custom fields, terms with their SLA state, activities,
    suspensions, the actions ``actor`` may do now, and the timeline (newest first)."""
    actual = reclamo.actividad_orden
    p = partes(reclamo, ahora)
    return {
        'numero': reclamo.numero, 'url': _enlace(reclamo), 'tipo': reclamo.tipo,
        'origen': reclamo.origen, 'estado': reclamo.estado,
        'estado_etiqueta': ETIQUETAS.get(reclamo.estado, reclamo.estado),
        'version': reclamo.version,
        'canal': catalogo(reclamo.canal), 'servicio': catalogo(reclamo.servicio),
        'producto': catalogo(reclamo.producto), 'motivo': catalogo(reclamo.motivo),
        'prioridad': catalogo(reclamo.prioridad), 'area': catalogo(reclamo.area),
        'area_solicitante': catalogo(reclamo.area_solicitante),
        'responsable': persona(reclamo.usuario), 'registrado_por': persona(reclamo.registrado_por),
        'cliente': cliente(reclamo.cliente), 'contacto': contacto(p.contacto),
        'hoja_reclamacion': datos_hoja(p.solicitud),
        'descripcion': reclamo.descripcion, 'campos': reclamo.valores_campos(),
        'documento_tipo': catalogo(reclamo.documento_tipo),
        'documento_numero': reclamo.documento_numero or None,
        'tipo_solicitante': reclamo.tipo_solicitante,
        'entidad_remitente': reclamo.entidad_remitente or None,
        'expediente_entidad': reclamo.expediente_entidad or None,
        'punto_recepcion': catalogo(reclamo.punto_recepcion),
        'notificado_en': instante(reclamo.notificado_en),
        'notificado_medio': reclamo.notificado_medio or None,
        'recibido_en': instante(reclamo.recibido_en), 'vence_en': instante(reclamo.vence_en),
        'creado_en': instante(reclamo.creado_en),
        'actualizado_en': instante(reclamo.actualizado_en),
        'respuesta': reclamo.respuesta or None, 'terminado_en': instante(reclamo.terminado_en),
        **resultado_del_caso(reclamo, p.decision),
        'cerrado_en': instante(reclamo.cerrado_en), 'calificacion': reclamo.calificacion,
        'calificado_por': reclamo.calificado_por or None, 'sin_contacto': reclamo.sin_contacto,
        'nota_cierre': reclamo.nota_cierre or None,
        'motivo_anulacion': reclamo.motivo_anulacion or None,
        'duplicado_de': reclamo.duplicado_de.numero if reclamo.duplicado_de_id else None,
        'terminos': [termino(f) for f in p.terminos],
        'actividades': [{'orden': a.orden, 'nombre': a.nombre, 'area': catalogo(a.area),
                         'actual': a.orden == actual}
                        for a in p.actividades],
        'suspensiones': [{'inicio': instante(s.inicio), 'fin': instante(s.fin),
                          'motivo': s.motivo} for s in p.suspensiones],
        'acciones_permitidas': ficha.acciones_permitidas(reclamo, actor),
        'linea_de_tiempo': [accion(a, etiqueta) for a, etiqueta in p.linea],
    }
