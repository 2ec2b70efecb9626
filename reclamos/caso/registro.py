"""Registering a case: validate everything, then number it, start its terms, route it and
log it (reclamos.caso.alta)."""
import datetime

from catalogos.atencion import Canal, TipoDocumento
from catalogos.organizacion import Area
from catalogos.plazos import Prioridad
from catalogos.servicios import TIPOS_CASO, Producto, Servicio
from reclamos.caso import solicitante
from reclamos.caso import validacion as v
from reclamos.caso.alta import crear
from reclamos.errores import ErrorPermiso, ErrorValidacion
from reclamos.caso.nucleo import contexto, transaccion
from reclamos.tiempo import instante_de
from reglas.transiciones import puede_registrar

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

    The case returned carries its catalog rows and, in ``alta``, the rows the registration
    wrote (reclamos.caso.alta.Alta): a caller answers with the case without reading it back.
    """
    ctx = contexto(usuario, ip, ahora)
    with transaccion():
        _exigir_permiso(ctx)
        campos = _validar(datos, ctx, cliente_opcional)
        if campos['origen'] == 'externo' and (contacto is not None or campos['cliente']):
            campos['contacto'] = contacto if contacto is not None else v.contacto(
                datos.get('cliente'), campos['cliente'])
        return crear(campos, ctx)


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
    if ctx.usuario is not None and ctx.usuario.fila_area is not None:
        area_registra = ctx.usuario.fila_area.registra  # cached on the user object
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
