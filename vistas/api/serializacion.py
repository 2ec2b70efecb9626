"""Rows to JSON: instants in ISO 8601 UTC with offset, catalog rows as {codigo, nombre}."""
from flask import url_for

from reclamos.caso import ficha
from reclamos.caso.acciones import TIPOS_ACCION
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
            'actividad_orden': t.actividad_orden, 'estado': fila.estado}


def accion(fila, etiqueta=None):
    autor = getattr(fila, 'usuario', None) if fila.usuario_id is not None else None
    return {'instante': instante(fila.instante), 'tipo': fila.tipo,
            'tipo_etiqueta': etiqueta or dict(TIPOS_ACCION).get(fila.tipo, fila.tipo),
            'campo': fila.campo or None, 'anterior': fila.valor_anterior,
            'nuevo': fila.valor_nuevo, 'texto': fila.texto or None,
            'visible_cliente': fila.visible_cliente, 'version': fila.version,
            'usuario': persona(autor)}


def caso(reclamo, ahora, actor):
    """The whole case: data, custom fields, terms with their SLA state, activities,
    suspensions, the actions ``actor`` may do now, and the timeline (newest first)."""
    actual = reclamo.actividad_orden
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
        'cliente': cliente(reclamo.cliente),
        'descripcion': reclamo.descripcion, 'campos': reclamo.valores_campos(),
        'documento_tipo': catalogo(reclamo.documento_tipo),
        'documento_numero': reclamo.documento_numero or None,
        'recibido_en': instante(reclamo.recibido_en), 'vence_en': instante(reclamo.vence_en),
        'creado_en': instante(reclamo.creado_en),
        'actualizado_en': instante(reclamo.actualizado_en),
        'respuesta': reclamo.respuesta or None, 'terminado_en': instante(reclamo.terminado_en),
        'cerrado_en': instante(reclamo.cerrado_en), 'calificacion': reclamo.calificacion,
        'calificado_por': reclamo.calificado_por or None, 'sin_contacto': reclamo.sin_contacto,
        'nota_cierre': reclamo.nota_cierre or None,
        'motivo_anulacion': reclamo.motivo_anulacion or None,
        'duplicado_de': reclamo.duplicado_de.numero if reclamo.duplicado_de_id else None,
        'terminos': [termino(f) for f in ficha.terminos(reclamo, ahora)],
        'actividades': [{'orden': a.orden, 'nombre': a.nombre, 'area': catalogo(a.area),
                         'actual': a.orden == actual}
                        for a in ficha.actividades(reclamo)],
        'suspensiones': [{'inicio': instante(s.inicio), 'fin': instante(s.fin),
                          'motivo': s.motivo} for s in ficha.suspensiones(reclamo)],
        'acciones_permitidas': ficha.acciones_permitidas(reclamo, actor),
        'linea_de_tiempo': [accion(a, etiqueta) for a, etiqueta in ficha.linea_de_tiempo(reclamo)],
    }
