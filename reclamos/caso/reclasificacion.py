"""Reclassifying an open case: type, service, product, motive, priority, customer, origin.

A misclassified case keeps the wrong legal term and the wrong report row, so the correction
recomputes every open term from the ORIGINAL receipt instant (never restarted) through the
same rules the registration used, and is one line of the log with before and after and the
required reason. The area, the process and the activity stay: handing the case to another
area is «derivar».
"""
import json

from catalogos.plazos import Prioridad
from catalogos.servicios import TIPOS_CASO, Producto, Servicio
from reclamos.caso import validacion as v
from reclamos.caso.acciones import anotar
from reclamos.caso.gestion import _cambiar_prioridad, _motivo
from reclamos.caso.modelo import Reclamo
from reclamos.caso.nucleo import bloquear, contexto, exigir, transaccion
from reclamos.caso.alta import terminos_iniciales
from reclamos.caso.registro import _motivo_coherente, _origen
from reclamos.clientes.modelo import Cliente, errores_cliente, normalizar_numero
from reclamos.errores import ErrorValidacion
from reclamos.plazos import ciclo as plazos
from reclamos.plazos.modelo import LEGAL, TerminoCaso
from reclamos.tiempo import aware

CLAVES = ('tipo', 'servicio', 'producto', 'motivo', 'prioridad', 'cliente', 'origen',
          'area_solicitante', 'campos')
# What the log line shows, in this order: (field, label).
MOSTRADOS = (('tipo', 'Tipo'), ('servicio', 'Servicio'), ('producto', 'Producto'),
             ('motivo', 'Motivo'), ('prioridad', 'Prioridad'), ('origen', 'Origen'),
             ('cliente', 'Cliente'), ('area_solicitante', 'Área solicitante'))


def reclasificar(reclamo, datos, motivo, usuario, ip, version, ahora=None,
                 documento_cliente=None):
    """Apply the new classification in ``datos`` (catalogs by id or code) with ``motivo``
    (the reason, required). ``documento_cliente`` (type, number) names the new customer as a
    desk knows it: looked up, never created (see _cliente_por_documento).
    Raises ErrorValidacion, ErrorPermiso, ConflictoVersion."""
    ctx = contexto(usuario, ip, ahora)
    with transaccion():
        r = bloquear(reclamo, version, ctx)
        exigir(r, 'reclasificar', ctx)
        razon = _motivo(motivo)
        dado = (datos or {}).get('cliente')
        if documento_cliente is None and isinstance(dado, dict):
            # The API's customer object: the same look-up as the form, never a new customer.
            documento_cliente = (dado.get('tipo_documento_identidad'),
                                 dado.get('numero_documento'))
        if documento_cliente is not None:
            datos = {**(datos or {}), 'cliente': _cliente_por_documento(*documento_cliente).id}
        nuevos = _validar(r, datos, ctx)
        antes = _describir(r)
        cambios = {k: val for k, val in nuevos.items() if _crudo(val) != r.__data__.get(k)}
        if not cambios:
            raise ErrorValidacion({'datos': 'La clasificación indicada es la que el caso ya '
                                            'tiene: no hay nada que cambiar.'})
        prioridad_antes = r.prioridad_id
        cambios['reclasificaciones'] = r.reclasificaciones + 1
        Reclamo.update({Reclamo._meta.fields[k]: _crudo(val) for k, val in cambios.items()}) \
            .where(Reclamo.id == r.id).execute()
        r = Reclamo.get_by_id(r.id)
        anterior, nuevo = _diferencia(antes, _describir(r))
        anotar(r, ctx, 'reclasificacion', 'clasificación', anterior, nuevo, razon)
        _recalcular_terminos(r, ctx, prioridad_antes)
        return r


def _cliente_por_documento(tipo, numero):
    """The customer of the local table (the registration form's BuscadorLocal) with that
    document. A correction must not invent a customer: an unknown one is refused, the desk
    registers it first in Clientes."""
    tipo = (tipo or '').strip().upper()
    fila = Cliente.por_documento(tipo, numero)
    # Type and number format only; a stored customer's number is not re-checked.
    propios = errores_cliente(tipo, numero, 'x', registrado=fila is not None)
    if propios:
        raise ErrorValidacion({'cliente': next(iter(propios.values()))})
    if fila is None:
        raise ErrorValidacion({'cliente': f'No hay ningún cliente con {tipo} '
                                          f'{normalizar_numero(numero)} en la tabla de '
                                          'clientes: regístrelo primero en Clientes.'})
    return fila


def _crudo(valor):
    return getattr(valor, 'id', valor)


def _validar(r, datos, ctx):
    if not isinstance(datos, dict) or not datos:
        raise ErrorValidacion({'datos': 'Indique qué cambiar de la clasificación.'})
    errores = {}
    sobran = sorted(set(datos) - set(CLAVES))
    if sobran:
        errores['datos'] = f'Campo no reclasificable: «{sobran[0]}».'
    motivo = v.motivo(datos['motivo'], errores) if 'motivo' in datos else r.motivo
    cambia_motivo = motivo is not None and motivo.id != r.motivo_id
    nuevos = {'motivo': motivo}
    # A new motive brings its own service and product unless the input names others.
    nuevos['servicio'] = v.referencia(Servicio, datos['servicio'], 'servicio', errores,
                                      'el servicio') if 'servicio' in datos else (
        motivo.servicio if cambia_motivo else r.servicio)
    if 'producto' in datos:
        nuevos['producto'] = v.referencia(Producto, datos['producto'], 'producto', errores,
                                          'el producto', False)
    else:  # the new motive's product, or the case's own while it fits the service
        nuevos['producto'] = motivo.producto if cambia_motivo and motivo.producto_id else (
            r.producto if r.producto_id and nuevos['servicio'] is not None
            and r.producto.servicio_id == nuevos['servicio'].id else None)
    nuevos['prioridad'] = v.referencia(Prioridad, datos['prioridad'], 'prioridad', errores,
                                       'la prioridad', False) if 'prioridad' in datos \
        else r.prioridad
    _motivo_coherente(motivo, nuevos, errores)
    nuevos['tipo'] = datos.get('tipo') or (motivo.tipo if cambia_motivo else r.tipo)
    if nuevos['tipo'] not in dict(TIPOS_CASO):
        errores['tipo'] = f'Tipo de caso desconocido: «{nuevos["tipo"]}».'
    if {'origen', 'cliente', 'area_solicitante'} & set(datos):
        entrada = {'origen': datos.get('origen', r.origen),
                   'cliente': datos.get('cliente', r.cliente_id),
                   'area_solicitante': datos.get('area_solicitante', r.area_solicitante_id)}
        if entrada['origen'] == 'externo' and 'area_solicitante' not in datos:
            entrada['area_solicitante'] = None
        _origen(entrada, ctx, nuevos, errores)
    if motivo is not None and (cambia_motivo or 'campos' in datos):
        # Without new values, the new motive keeps those of its own fields the case had.
        propios = {d.codigo for d in v.definiciones(motivo.id)}
        valores = datos['campos'] if 'campos' in datos else {
            k: val for k, val in r.valores_campos().items() if k in propios}
        nuevos['campos'] = json.dumps(v.campos(motivo, valores, errores), ensure_ascii=False,
                                      sort_keys=True)
    if cambia_motivo:
        nuevos['calendario'] = plazos.resolver_calendario(motivo.calendario_id)[0]
    if errores:
        raise ErrorValidacion(errores)
    return nuevos


def _describir(r):
    fila = Reclamo.con_relaciones().where(Reclamo.id == r.id).get()
    textos = {}
    for campo, etiqueta in MOSTRADOS:
        valor = getattr(fila, campo)
        if campo == 'tipo':
            valor = dict(TIPOS_CASO).get(valor, valor)
        elif campo == 'origen':
            valor = (valor or '').capitalize()
        elif valor is not None:
            valor = getattr(valor, 'nombre', None) or str(valor)
        textos[etiqueta] = valor or '—'
    return textos


def _diferencia(antes, despues):
    """('Motivo: A; Tipo: X', 'Motivo: B; Tipo: Y') of what changed: one line, readable."""
    cambiadas = [k for k in antes if antes[k] != despues[k]]
    return ('; '.join(f'{k}: {antes[k]}' for k in cambiadas),
            '; '.join(f'{k}: {despues[k]}' for k in cambiadas))


def _recalcular_terminos(r, ctx, prioridad_antes):
    """The legal term takes the new motive's rule from the receipt; every open term is then
    recomputed under the case's pauses (ciclo.recalcular), the priority SLA if it changed."""
    calendario = plazos.calendario_de(r)
    legal = terminos_iniciales({'recibido_en': aware(r.recibido_en), 'motivo': r.motivo,
                                'prioridad': None}, calendario, None)[0]
    (TerminoCaso.update({k: legal[k] for k in ('codigo', 'nombre', 'cantidad', 'unidad',
                                                'prorrogable', 'prorroga_max', 'umbral')})
     .where(TerminoCaso.reclamo == r.id, TerminoCaso.tipo == LEGAL,
            TerminoCaso.cumplido_en.is_null(), TerminoCaso.cancelado == False)  # noqa: E712
     .execute())
    if r.prioridad_id != prioridad_antes:
        _cambiar_prioridad(r, ctx)  # new priority SLA from receipt, then recalcular
    else:
        plazos.recalcular(r, calendario, ctx.ahora)
