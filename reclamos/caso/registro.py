"""Registering a case: validate everything, number it, start its terms, route it, log it."""
import datetime
import json

from reclamos.alertas import avisos_personal
from catalogos.atencion import Canal, TipoDocumento
from catalogos.organizacion import Area
from catalogos.plazos import Prioridad
from catalogos.procesos import Proceso
from catalogos.servicios import TIPOS_CASO, Producto, Servicio
from reclamos.caso import solicitante
from reclamos.caso import validacion as v
from reclamos.caso.acciones import anotar_varias, fila_accion
from reclamos.caso.actividades import contexto_condicion, siguiente, termino_de
from reclamos.caso.asignacion import menos_cargado
from reclamos.caso.contacto import guardar as guardar_contacto
from reclamos.correo.avisos import acusar_recibo
from reclamos.caso.modelo import Reclamo, siguiente_numero
from reclamos.laboratorio.enrutamiento import enrutar
from reclamos.errores import ErrorPermiso, ErrorValidacion
from reclamos.caso.nucleo import contexto, transaccion
from reclamos.plazos.ciclo import datos_termino, resolver_calendario
from reclamos.plazos.modelo import ENTIDAD, LEGAL, PRIMERA_RESPUESTA, PRIORIDAD, TerminoCaso
from reclamos.tiempo import a_bd, instante_de
from reglas.transiciones import PENDIENTE, puede_registrar

CLAVES = {'tipo', 'origen', 'cliente', 'area_solicitante', 'canal', 'servicio', 'producto',
          'motivo', 'prioridad', 'descripcion', 'campos', 'documento_tipo', 'documento_numero',
          'recibido_en', *solicitante.CLAVES}
# A form filled at the counter may be a little ahead of the server clock.
TOLERANCIA_RELOJ = datetime.timedelta(minutes=2)
ANTIGUEDAD_MAXIMA = datetime.timedelta(days=366)


def registrar(datos, usuario, ip, ahora=None, cliente_opcional=False, contacto=None):
    """Create a case from ``datos`` (catalogs by id or codigo) in one transaction.

    ``usuario`` None is the customer on the public portal. ``recibido_en``: aware datetime,
    naive UTC or ISO text; defaults to now. ``cliente_opcional``: an external case may come
    without its customer (an e-mail from an unknown address: no document to identify them).
    ``contacto``: the case's contact details exactly as given (the portal: never completed
    from the stored customer); by default what ``datos['cliente']`` gives, completed from
    the customer's record. Raises ErrorPermiso, ErrorValidacion({field: msg}).
    """
    ctx = contexto(usuario, ip, ahora)
    with transaccion():
        _exigir_permiso(ctx)
        campos = _validar(datos, ctx, cliente_opcional)
        if campos['origen'] == 'externo' and (contacto is not None or campos['cliente']):
            campos['contacto'] = contacto if contacto is not None else v.contacto(
                datos.get('cliente'), campos['cliente'])
        return _crear(campos, ctx)


def validar(datos, usuario, ip, ahora=None, cliente_opcional=False):
    """Check ``datos`` as ``registrar`` would, registering nothing (the portal reports the
    case's errors in the same round as the filer's). Raises ErrorValidacion."""
    ctx = contexto(usuario, ip, ahora)
    try:
        with transaccion():  # a new customer's row may be inserted: rolled back here
            _validar(datos, ctx, cliente_opcional)
            raise _SoloValidar()
    except _SoloValidar:
        pass


class _SoloValidar(Exception):
    pass


def _exigir_permiso(ctx):
    area_registra = None
    if ctx.usuario is not None and ctx.usuario.area_id is not None:
        area_registra = ctx.usuario.area.registra  # cached on the user object after once
    ok, motivo = puede_registrar(ctx.roles, area_registra)
    if not ok:
        raise ErrorPermiso(motivo)


def _validar(datos, ctx, cliente_opcional=False):
    """Every field checked at once; returns the resolved values or raises ErrorValidacion."""
    if not isinstance(datos, dict):
        raise ErrorValidacion({'datos': 'Los datos del caso deben ser un objeto.'})
    errores = {}
    sobran = sorted(set(datos) - CLAVES)
    if sobran:
        errores['datos'] = f'Campo desconocido: «{sobran[0]}».'
    r = {'motivo': v.motivo(datos.get('motivo'), errores)}
    motivo = r['motivo']
    r['servicio'] = v.del_motivo(Servicio, datos.get('servicio'), motivo and motivo.servicio,
                                 'servicio', errores, 'el servicio')
    r['producto'] = v.del_motivo(Producto, datos.get('producto'), motivo and motivo.producto,
                                 'producto', errores, 'el producto', False)
    r['prioridad'] = v.del_motivo(Prioridad, datos.get('prioridad'),
                                  motivo and motivo.prioridad, 'prioridad', errores,
                                  'la prioridad', False)
    r['canal'] = v.referencia(Canal, datos.get('canal'), 'canal', errores, 'el canal')
    r['documento_tipo'] = v.referencia(TipoDocumento, datos.get('documento_tipo'),
                                       'documento_tipo', errores, 'el tipo de documento', False)
    r['documento_numero'] = str(datos.get('documento_numero') or '').strip()[:40]
    if (r['documento_tipo'] is None) != (not r['documento_numero']) \
            and 'documento_tipo' not in errores:
        errores['documento_numero'] = 'Indique juntos el tipo y el número del documento.'
    _motivo_coherente(motivo, r, errores)
    r['tipo'] = datos.get('tipo') or (motivo.tipo if motivo else None)
    if r['tipo'] not in dict(TIPOS_CASO) and (datos.get('tipo') or motivo is not None):
        errores['tipo'] = f'Tipo de caso desconocido: «{r["tipo"] or ""}».'
    r['descripcion'] = v.descripcion(datos.get('descripcion'), errores)
    r['recibido_en'] = _recibido_en(datos.get('recibido_en'), ctx, errores)
    _origen(datos, ctx, r, errores, cliente_opcional)
    r['campos'] = v.campos(motivo, datos.get('campos'), errores) if motivo else {}
    solicitante.validar(datos, r, errores)
    if errores:
        raise ErrorValidacion(errores)
    return r


def _motivo_coherente(motivo, r, errores):
    if motivo is None:
        return
    servicio, producto = r['servicio'], r['producto']
    if servicio is not None and motivo.servicio_id != servicio.id:
        errores['motivo'] = (f'El motivo «{motivo.nombre}» no corresponde al servicio '
                             f'«{servicio.nombre}».')
    elif motivo.producto_id and producto is not None and producto.id != motivo.producto_id:
        errores['producto'] = (f'El motivo «{motivo.nombre}» corresponde a otro producto, no '
                               f'a «{producto.nombre}».')
    else:
        v.producto_del_servicio(producto, servicio, errores)


def _recibido_en(valor, ctx, errores):
    if valor is None or valor == '':
        return ctx.ahora
    try:
        instante = instante_de(valor)
    except (TypeError, ValueError):
        errores['recibido_en'] = f'Fecha de recepción inválida: «{valor}».'
        return None
    if instante > ctx.ahora + TOLERANCIA_RELOJ:
        errores['recibido_en'] = 'La fecha de recepción no puede estar en el futuro.'
    elif instante < ctx.ahora - ANTIGUEDAD_MAXIMA:
        errores['recibido_en'] = 'La fecha de recepción tiene más de un año: revísela.'
    return min(instante, ctx.ahora)


def _origen(datos, ctx, r, errores, cliente_opcional=False):
    origen = datos.get('origen') or 'externo'
    if ctx.usuario is None:
        origen = 'externo'  # the public portal files customers' cases only
    r['origen'], r['cliente'], r['area_solicitante'] = origen, None, None
    if origen == 'externo':
        if datos.get('area_solicitante'):
            errores['area_solicitante'] = 'Un caso externo no lleva área solicitante.'
        if not datos.get('cliente'):
            if not cliente_opcional:
                errores['cliente'] = 'Un caso externo necesita el cliente que lo presenta.'
        else:
            r['cliente'] = v.cliente(datos['cliente'], errores)
    elif origen == 'interno':
        area = v.referencia(Area, datos.get('area_solicitante'), 'area_solicitante', errores,
                            'el área solicitante')
        if area is not None and not area.registra:
            errores['area_solicitante'] = f'El área «{area.nombre}» no registra casos.'
        r['area_solicitante'] = area
        if datos.get('cliente'):
            r['cliente'] = v.cliente(datos['cliente'], errores)
    else:
        errores['origen'] = f'Origen desconocido: «{origen}». Use externo o interno.'


def _crear(r, ctx):
    motivo = r['motivo']
    calendario_id, calendario = resolver_calendario(motivo.calendario_id, motivo.calendario)
    ruta = enrutar(r)  # routing rules: may set r['prioridad'], area, user, process, tags
    proceso = ruta.proceso or Proceso.activo_de(motivo.id)
    reclamo = Reclamo(
        numero=siguiente_numero(calendario.local(ctx.ahora).year), tipo=r['tipo'],
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
    actividad = siguiente(proceso.id if proceso else None, None, contexto_condicion(reclamo))
    area_id = (ruta.area.id if ruta.area else None) or motivo.area_id or (
        actividad.area_id if actividad else None)
    if area_id is None:
        raise ErrorValidacion({'motivo': f'El motivo «{motivo.nombre}» no tiene área '
                                         'responsable ni proceso: configure uno de los dos.'})
    reclamo.area = area_id
    reclamo.usuario = ruta.usuario or menos_cargado(area_id)
    reclamo.actividad_orden = actividad.orden if actividad else None
    terminos = terminos_iniciales(r, calendario, actividad)
    reclamo.vence_en = min(t['vence_en'] for t in terminos)
    reclamo.save(force_insert=True)
    TerminoCaso.insert_many([{**t, 'reclamo': reclamo.id} for t in terminos]).execute()
    filas = [fila_accion(reclamo, ctx, 'creacion', 'numero', None, reclamo.numero,
                         f'Caso registrado por {r["canal"].nombre}.', visible_cliente=True)]
    if reclamo.usuario_id is not None:
        filas.append(fila_accion(reclamo, ctx, 'asignacion', 'usuario', None,
                                 reclamo.usuario.email))
    anotar_varias(filas + ruta.filas_accion(reclamo, ctx))
    ruta.guardar_etiquetas(reclamo)
    if r.get('contacto') is not None:
        guardar_contacto(reclamo, r['contacto'], ctx.ahora)
    acusar_recibo(reclamo, calendario, ctx)
    avisos_personal.asignado(reclamo, ctx)
    return reclamo


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
