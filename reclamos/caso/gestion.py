"""Working a case without a state transition of its own: take, hand over, complete an
activity, reassign, comment, edit."""
import json

from reclamos.alertas import avisos_personal
from catalogos.atencion import TipoDocumento
from catalogos.organizacion import Area
from catalogos.plazos import Prioridad
from catalogos.servicios import Producto
from catalogos.usuarios import Usuario
from reclamos.plazos import ciclo as plazos
from reclamos.caso import validacion as v
from reclamos.caso.acciones import anotar
from reclamos.caso.actividades import contexto_condicion, iniciar, siguiente
from reclamos.caso.asignacion import menos_cargado
from reclamos.errores import ErrorValidacion
from reclamos.caso.flujo import TIPOS, transicionar
from reclamos.caso.nucleo import (bloquear, bloquear_sin_version, contexto, escribir, exigir,
                             transaccion)
from reclamos.plazos.modelo import PRIMERA_RESPUESTA, PRIORIDAD, TerminoCaso
from reclamos.tiempo import aware
from reglas.enteros import entero
from reglas.transiciones import destino

TEXTO_MAX = 5000
EDITABLES = {'descripcion', 'prioridad', 'campos', 'producto', 'documento_tipo',
             'documento_numero'}


def tomar(reclamo, usuario, ip, version, ahora=None):
    """The actor takes the case: PENDIENTE -> EN_CURSO, assigned to them."""
    return transicionar(reclamo, 'tomar', usuario, ip, version, ahora)


def _motivo(texto, clave='motivo'):
    texto = texto.strip() if isinstance(texto, str) else ''
    if not texto:
        raise ErrorValidacion({clave: 'Indique el motivo.'})
    if len(texto) > TEXTO_MAX:
        raise ErrorValidacion({clave: f'El texto supera {TEXTO_MAX} caracteres.'})
    return texto


def _entregar(r, area, ctx, texto):
    """Hand the case to ``area``: its least loaded agent, back to PENDIENTE."""
    escribir(r, {'area': area, 'usuario': menos_cargado(area.id),
                 'estado': destino(r.estado, 'derivar')},
             ctx, tipo='derivacion', tipos=TIPOS, texto=texto)
    avisos_personal.asignado(r, ctx)


def derivar(reclamo, area, motivo, usuario, ip, version, ahora=None):
    """Hand the case over to another area (id, codigo or row) with a reason."""
    ctx = contexto(usuario, ip, ahora)
    with transaccion():
        r = bloquear(reclamo, version, ctx)
        exigir(r, 'derivar', ctx)
        errores = {}
        destino_area = v.referencia(Area, area, 'area', errores, 'el área')
        if destino_area is not None and destino_area.id == r.area_id:
            errores['area'] = 'El caso ya está en esa área.'
        if errores:
            raise ErrorValidacion(errores)
        _entregar(r, destino_area, ctx, _motivo(motivo))
        return r


def completar_actividad(reclamo, usuario, ip, version, nota='', ahora=None):
    """Close the current activity's term and start the next applicable one; when it belongs
    to another area the case is handed over to it."""
    ctx = contexto(usuario, ip, ahora)
    with transaccion():
        r = bloquear(reclamo, version, ctx)
        exigir(r, 'completar_actividad', ctx)
        actual = r.actividad_actual()
        if actual is None:
            raise ErrorValidacion({'actividad': 'El caso no tiene una actividad en curso.'})
        plazos.cumplir(r, ctx.ahora, tipos=['actividad'], actividad_orden=actual.orden)
        proxima = siguiente(r.proceso_id, actual.orden, contexto_condicion(r))
        nota = nota.strip() if isinstance(nota, str) else ''
        escribir(r, {'actividad_orden': proxima.orden if proxima else None}, ctx,
                 tipo='actividad', texto=nota or f'Actividad completada: {actual.nombre}.')
        if proxima is not None:
            iniciar(r, proxima, plazos.calendario_de(r), ctx.ahora)
            plazos.actualizar_vence(r)
            if proxima.area_id != r.area_id:
                _entregar(r, proxima.area, ctx, f'Siguiente actividad: {proxima.nombre}.')
        return r


def reasignar(reclamo, destino_usuario, usuario, ip, version, ahora=None):
    """A supervisor gives the case to another user of its area."""
    ctx = contexto(usuario, ip, ahora)
    with transaccion():
        r = bloquear(reclamo, version, ctx)
        exigir(r, 'reasignar', ctx)
        # Looked up among the active users of the case's area only: a user of another area
        # answers like one that does not exist (no name given away; issue 15, F1).
        ident = entero(getattr(destino_usuario, 'id', destino_usuario))
        otro = Usuario.get_or_none(Usuario.id == ident, Usuario.area == r.area_id,
                                   Usuario.active == True) if ident else None  # noqa: E712
        if otro is None:
            raise ErrorValidacion({'usuario': 'Elija un usuario activo del área del caso; para '
                                              'cambiar de área use «derivar».'})
        if otro.id == r.usuario_id:
            raise ErrorValidacion({'usuario': f'El caso ya está asignado a {otro}.'})
        escribir(r, {'usuario': otro}, ctx, tipo='asignacion')
        avisos_personal.asignado(r, ctx)
        return r


def comentar(reclamo, texto, usuario, ip, visible_cliente=False, ahora=None):
    """Add a note to the log; a note visible to the customer is the first answer.

    ``usuario`` None is the customer writing from the portal (always visible). Needs no
    version: a note never conflicts with an edit. Returns the Accion.
    """
    ctx = contexto(usuario, ip, ahora)
    texto = _motivo(texto, 'texto')
    with transaccion():
        r = bloquear_sin_version(reclamo, ctx)
        exigir(r, 'comentar', ctx)
        visible = bool(visible_cliente) or usuario is None
        accion = anotar(r, ctx, 'comentario', texto=texto, visible_cliente=visible)
        if visible and usuario is not None:
            plazos.cumplir(r, ctx.ahora, tipos=[PRIMERA_RESPUESTA])
        if usuario is None:
            avisos_personal.respuesta_cliente(r, texto, ctx)
        else:
            avisos_personal.menciones(r, texto, ctx)
        return accion


def modificar(reclamo, datos, usuario, ip, version, ahora=None):
    """Edit the fields of an open case (EDITABLES); one log line per changed field."""
    ctx = contexto(usuario, ip, ahora)
    with transaccion():
        r = bloquear(reclamo, version, ctx)
        exigir(r, 'modificar', ctx)
        cambios = _validar_edicion(r, datos)
        prioridad_antes = r.prioridad_id
        escribir(r, cambios, ctx)
        if 'prioridad' in cambios and r.prioridad_id != prioridad_antes:
            _cambiar_prioridad(r, ctx)
        return r


def _validar_edicion(r, datos):
    if not isinstance(datos, dict) or not datos:
        raise ErrorValidacion({'datos': 'Indique qué campos cambiar.'})
    errores = {}
    sobran = sorted(set(datos) - EDITABLES)
    if sobran:
        errores['datos'] = f'Campo no editable: «{sobran[0]}».'
    cambios = {}
    if 'descripcion' in datos:
        cambios['descripcion'] = v.descripcion(datos['descripcion'], errores)
    if 'prioridad' in datos:
        cambios['prioridad'] = v.referencia(Prioridad, datos['prioridad'], 'prioridad',
                                            errores, 'la prioridad', False)
    if 'producto' in datos:
        producto = v.referencia(Producto, datos['producto'], 'producto', errores,
                                'el producto', False)
        v.producto_del_servicio(producto, r.servicio, errores)
        cambios['producto'] = producto
    if 'campos' in datos:
        limpios = v.campos(r.motivo, datos['campos'], errores)
        cambios['campos'] = json.dumps(limpios, ensure_ascii=False, sort_keys=True)
    if 'documento_tipo' in datos or 'documento_numero' in datos:
        tipo = v.referencia(TipoDocumento, datos.get('documento_tipo', r.documento_tipo_id),
                            'documento_tipo', errores, 'el tipo de documento', False)
        numero = str(datos.get('documento_numero', r.documento_numero) or '').strip()[:40]
        if (tipo is None) != (not numero):
            errores['documento_numero'] = 'Indique juntos el tipo y el número del documento.'
        cambios.update(documento_tipo=tipo, documento_numero=numero)
    if errores:
        raise ErrorValidacion(errores)
    return cambios


def _cambiar_prioridad(r, ctx):
    """The priority SLA counts from receipt with the new priority's amount."""
    (TerminoCaso.update(cancelado=True)
     .where(TerminoCaso.reclamo == r.id, TerminoCaso.tipo == PRIORIDAD,
            TerminoCaso.cumplido_en.is_null()).execute())
    if r.prioridad_id is not None:
        prioridad = Prioridad.get_by_id(r.prioridad_id)
        plazos.nuevo_termino(r, plazos.calendario_de(r), aware(r.recibido_en),
                             PRIORIDAD, prioridad.codigo, prioridad.nombre, prioridad.cantidad,
                             prioridad.unidad, umbral=prioridad.umbral_por_vencer)
    plazos.recalcular(r, plazos.calendario_de(r), ctx.ahora)
