"""Deadline simulator: which terms a case received at an instant would get, and which binds.

The same function that registration uses computes the terms, so the answer given to a
customer at the counter is the deadline the case will really have.
"""
import datetime
from zoneinfo import ZoneInfo

from catalogos.atencion import Canal
from catalogos.plazos import Prioridad
from catalogos.servicios import Motivo
from reclamos.caso import validacion as v
from reclamos.errores import ErrorValidacion
from reclamos.plazos.ciclo import resolver_calendario
from reclamos.caso.alta import terminos_iniciales
from reclamos.plazos.modelo import TIPOS_TERMINO
from reclamos.tiempo import aware
from reglas import ReglaInvalida, vencimiento
from reglas.explicacion import explicar
from reglas.validacion import UNIDADES


def _instante(valor, zona, errores):
    """ISO text or datetime; without an offset it is local time of the calendar's zone."""
    try:
        instante = valor if isinstance(valor, datetime.datetime) else \
            datetime.datetime.fromisoformat(str(valor).strip().replace('Z', '+00:00'))
    except ValueError:
        errores['recibido_en'] = f'Fecha y hora inválidas: «{valor}». Use AAAA-MM-DDTHH:MM.'
        return None
    if instante.tzinfo is None:
        instante = instante.replace(tzinfo=ZoneInfo(zona))
    return aware(instante)


def simular(recibido_en, motivo=None, canal=None, prioridad=None, cantidad=None, unidad=None,
            calendario=None):
    """{'calendario', 'recibido_en', 'terminos': [...], 'vinculante'} for the given data.

    Either ``motivo`` (with optional canal and prioridad: the terms a registration would
    start) or an explicit ``cantidad`` + ``unidad``. Catalog values by id or codigo.
    Raises ErrorValidacion naming the field.
    """
    errores = {}
    fila_motivo = v.referencia(Motivo, motivo, 'motivo', errores, 'el motivo', False)
    fila_canal = v.referencia(Canal, canal, 'canal', errores, 'el canal', False)
    fila_prioridad = v.referencia(Prioridad, prioridad, 'prioridad', errores, 'la prioridad',
                                  False)
    if fila_motivo is None and cantidad in (None, '') and 'motivo' not in errores:
        errores['motivo'] = 'Indique un motivo, o una cantidad y una unidad.'
    if errores:
        raise ErrorValidacion(errores)
    calendario_id = calendario if calendario is not None else (
        fila_motivo.calendario_id if fila_motivo else None)
    _, regla_calendario = resolver_calendario(calendario_id)
    instante = _instante(recibido_en, regla_calendario.zona, errores) if recibido_en else None
    if errores:
        raise ErrorValidacion(errores)
    instante = instante or aware(datetime.datetime.now(datetime.timezone.utc))
    if fila_motivo is not None:
        datos = {'recibido_en': instante, 'motivo': fila_motivo, 'canal': fila_canal,
                 'prioridad': fila_prioridad or fila_motivo.prioridad}
        terminos = [{'tipo': t['tipo'], 'nombre': t['nombre'], 'cantidad': t['cantidad'],
                     'unidad': t['unidad'], 'vence': aware(t['vence_en'])}
                    for t in terminos_iniciales(datos, regla_calendario, None)]
    else:
        terminos = [_explicito(instante, cantidad, unidad, regla_calendario)]
    terminos.sort(key=lambda t: t['vence'])
    nombres = dict(TIPOS_TERMINO)
    for termino in terminos:
        termino['tipo_nombre'] = nombres.get(termino['tipo'], 'Plazo indicado')
        # Which calendar part the unit runs on: legal days, service hours or real time.
        termino['explicacion'] = explicar(instante, termino['unidad'], regla_calendario)
    return {'calendario': regla_calendario, 'recibido_en': instante, 'terminos': terminos,
            'vinculante': terminos[0]}


def _explicito(instante, cantidad, unidad, calendario):
    try:
        cantidad = int(str(cantidad).strip())
    except ValueError:
        raise ErrorValidacion({'cantidad': f'Cantidad inválida: «{cantidad}».'}) from None
    if unidad not in UNIDADES:
        raise ErrorValidacion({'unidad': f'Unidad desconocida: «{unidad}». Use una de: '
                                         + ', '.join(UNIDADES) + '.'})
    try:
        vence = vencimiento(instante, cantidad, unidad, calendario)
    except ReglaInvalida as error:
        raise ErrorValidacion({'cantidad': str(error)}) from None
    return {'tipo': 'explicito', 'nombre': f'{cantidad} {unidad.replace("_", " ")}',
            'cantidad': cantidad, 'unidad': unidad, 'vence': vence}
