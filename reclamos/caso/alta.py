"""Writing a validated registration: number, case, terms, log, contact, acknowledgment.

One statement per table (the log lines, the terms, the outbox row each go in one INSERT),
written once and only executed with parameters (bd.compiladas): registration is the busiest write
of the desk and peewee composing the SQL cost more than running it. Nothing is read back:
the rows written are kept in ``Alta`` so the API answers with the case without a re-read.
"""
import json
from dataclasses import dataclass, field

from bd.compiladas import insertar, insertar_juntas
from catalogos.procesos import Proceso
from reclamos.alertas import avisos_personal
from reclamos.caso.acciones import Accion, fila_accion
from reclamos.caso.actividades import contexto_condicion, de_proceso, primera_que_aplica, termino_de
from reclamos.caso.asignacion import menos_cargado
from reclamos.caso.contacto import ContactoCaso, limpio
from reclamos.caso.modelo import Reclamo, siguiente_numero
from reclamos.correo.avisos import acuse
from reclamos.correo.salida import Correo
from reclamos.errores import ErrorValidacion
from reclamos.laboratorio.enrutamiento import enrutar
from reclamos.plazos.ciclo import datos_termino, resolver_calendario
from reclamos.plazos.modelo import ENTIDAD, LEGAL, PRIMERA_RESPUESTA, PRIORIDAD, TerminoCaso
from reclamos.tiempo import a_bd
from reglas.transiciones import PENDIENTE


@dataclass
class Alta:
    """What a registration wrote, as rows in memory (``Reclamo.alta`` of the new case)."""

    calendario: object  # the rules' calendar of the case
    terminos: list = field(default_factory=list)  # TerminoCaso, in insertion order
    acciones: list = field(default_factory=list)  # Accion, in insertion order
    actividades: list = field(default_factory=list)  # the process's, with their areas
    contacto: object = None  # ContactoCaso or None


def crear(r, ctx):
    """Write the case ``r`` (the validated values of reclamos.caso.registro) in the caller's
    transaction; returns the Reclamo with its catalog rows attached and ``alta`` set."""
    motivo = r['motivo']
    calendario_id, calendario = resolver_calendario(motivo.calendario_id, motivo.calendario)
    ruta = enrutar(r)  # routing rules: may set r['prioridad'], area, user, process, tags
    proceso = ruta.proceso or Proceso.activo_de(motivo.id)
    reclamo = Reclamo(
        tipo=r['tipo'],
        origen=r['origen'], cliente=r['cliente'], area_solicitante=r['area_solicitante'],
        canal=r['canal'], servicio=r['servicio'], producto=r['producto'], motivo=motivo,
        prioridad=r['prioridad'], descripcion=r['descripcion'],
        campos=json.dumps(r['campos'], ensure_ascii=False, sort_keys=True),
        documento_tipo=r['documento_tipo'], documento_numero=r['documento_numero'],
        tipo_solicitante=r.get('tipo_solicitante', 'cliente'),
        entidad_remitente=r.get('entidad_remitente', ''),
        expediente_entidad=r.get('expediente_entidad', ''),
        punto_recepcion=r.get('punto_recepcion'), calendario=calendario_id, proceso=proceso,
        recibido_en=a_bd(r['recibido_en']),
        estado=PENDIENTE, registrado_por=ctx.usuario, creado_en=a_bd(ctx.ahora),
        actualizado_en=a_bd(ctx.ahora))
    alta = Alta(calendario, actividades=de_proceso(proceso.id if proceso else None))
    actividad = primera_que_aplica(alta.actividades, contexto_condicion(reclamo))
    area = ruta.area or motivo.area or (actividad.area if actividad else None)
    if area is None:
        raise ErrorValidacion({'motivo': f'El motivo «{motivo.nombre}» no tiene área '
                                         'responsable ni proceso: configure uno de los dos.'})
    reclamo.area = area
    reclamo.usuario = ruta.usuario or menos_cargado(area.id)
    reclamo.actividad_orden = actividad.orden if actividad else None
    terminos = terminos_iniciales(r, calendario, actividad)
    reclamo.vence_en = min(t['vence_en'] for t in terminos)
    # The year's number last: its counter row stays locked until COMMIT and every
    # registration queues on it, so what needs no number (routing, the least loaded agent,
    # the terms) is done before taking it.
    reclamo.numero = siguiente_numero(calendario.local(ctx.ahora).year)
    reclamo.id = insertar(Reclamo, [reclamo.__data__], devolver_id=True)
    _escribir(reclamo, r, ctx, ruta, terminos, alta)
    ruta.guardar_etiquetas(reclamo)
    avisos_personal.asignado(reclamo, ctx)
    reclamo.alta = alta
    return reclamo


def _escribir(reclamo, r, ctx, ruta, terminos, alta):
    """The case's rows: terms, contact, acknowledgment, log lines; one INSERT per table."""
    filas_terminos = [{**t, 'reclamo': reclamo.id} for t in terminos]
    alta.terminos = [TerminoCaso(**fila) for fila in filas_terminos]
    filas = [fila_accion(reclamo, ctx, 'creacion', 'numero', None, reclamo.numero,
                         f'Caso registrado por {r["canal"].nombre}.', visible_cliente=True)]
    if reclamo.usuario_id is not None:
        filas.append(fila_accion(reclamo, ctx, 'asignacion', 'usuario', None,
                                 reclamo.usuario.email))
    filas += ruta.filas_accion(reclamo, ctx)
    if r.get('contacto') is not None:
        alta.contacto = ContactoCaso(reclamo=reclamo.id, creado_en=a_bd(ctx.ahora),
                                     **limpio(r['contacto']))
    legal = next((t for t in terminos if t['tipo'] == LEGAL), None)
    aviso = acuse(reclamo, calendario=alta.calendario, contacto=alta.contacto, legal=legal,
                  ctx=ctx)
    if aviso is not None:
        filas.append(aviso[1])
    # One statement for the four tables (none of these rows refers to another).
    insertar_juntas([(TerminoCaso, filas_terminos),
                     (ContactoCaso, [alta.contacto.__data__] if alta.contacto else []),
                     (Correo, [aviso[0]] if aviso is not None else []), (Accion, filas)])
    alta.acciones = [Accion(**fila) for fila in filas]
    for accion in alta.acciones:
        if accion.usuario_id is not None:
            accion.usuario = ctx.usuario  # the author, as a read of the log would join it


def terminos_iniciales(r, calendario, actividad):
    """The terms that start with the case: legal, priority SLA, first answer, activity."""
    inicio, plazo = r['recibido_en'], r['motivo'].plazo
    terminos = [datos_termino(calendario, inicio, LEGAL, plazo.codigo, plazo.nombre,
                              plazo.cantidad, plazo.unidad, plazo.prorrogable,
                              plazo.prorroga_max, plazo.umbral_por_vencer)]
    prioridad = r['prioridad']
    if prioridad is not None:
        terminos.append(datos_termino(calendario, inicio, PRIORIDAD, prioridad.codigo,
                                      prioridad.nombre, prioridad.cantidad, prioridad.unidad,
                                      umbral=prioridad.umbral_por_vencer))
    canal = r.get('canal')
    if canal is not None and canal.primera_respuesta_cantidad and canal.primera_respuesta_unidad:
        terminos.append(datos_termino(
            calendario, inicio, PRIMERA_RESPUESTA, canal.codigo,
            f'Primera respuesta ({canal.nombre})', canal.primera_respuesta_cantidad,
            canal.primera_respuesta_unidad))
    if actividad is not None:
        terminos.append(datos_termino(calendario, inicio, *termino_de(actividad),
                                      actividad_orden=actividad.orden))
    entidad = r.get('plazo_entidad')
    if entidad:
        # The sending entity's own term: the case's next due instant is the earliest term,
        # so it binds exactly when it is shorter than the legal one.
        nombre = f"Plazo de {r.get('entidad_remitente') or 'la entidad'}"
        if r.get('expediente_entidad'):
            nombre += f" (expediente {r['expediente_entidad']})"
        terminos.append(datos_termino(calendario, inicio, ENTIDAD, 'ENTIDAD', nombre,
                                      entidad['cantidad'], entidad['unidad']))
    return terminos
