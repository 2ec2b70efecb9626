"""A message meets a term when it reaches the customer, not when it is written or queued.

The acknowledgment meets the first answer; the notification of the answer meets the
notification term and makes the case complete for the regulator. Reaching the customer is an
e-mail accepted by the SMTP server (the outbox calls ``correo_aceptado``), or what an agent
records with its instant: a phone or in-person acknowledgment, a letter delivered, a
personal notification (``registrar_entrega``).
"""
import datetime

from catalogos.plazos import PlazoLegal
from reclamos.caso.acciones import anotar
from reclamos.caso.modelo import Reclamo
from reclamos.caso.nucleo import bloquear, contexto, exigir, fijar, transaccion
from reclamos.errores import ErrorValidacion
from reclamos.plazos import ciclo as plazos
from reclamos.plazos.modelo import LEGAL, NOTIFICACION, PRIMERA_RESPUESTA, TerminoCaso
from reclamos.tiempo import a_bd, aware

MEDIOS = {'correo': 'correo aceptado por el servidor', 'telefono': 'llamada telefónica',
          'presencial': 'en persona', 'carta': 'carta entregada',
          'personal': 'notificación personal'}
# What an agent may record for each term (e-mail is recorded by the outbox itself).
MEDIOS_AGENTE = {PRIMERA_RESPUESTA: ('telefono', 'presencial'),
                 NOTIFICACION: ('carta', 'personal')}
QUE = {PRIMERA_RESPUESTA: 'Acuse de recibo', NOTIFICACION: 'Notificación de la respuesta'}


def iniciar_notificacion(reclamo, calendario, ahora):
    """When the answer is issued: the notification term of the legal rule, if it has one."""
    legal = (TerminoCaso.select(TerminoCaso.codigo)
             .where(TerminoCaso.reclamo == reclamo.id, TerminoCaso.tipo == LEGAL).first())
    regla = PlazoLegal.get_or_none(PlazoLegal.codigo == legal.codigo) if legal else None
    if regla is None or not regla.notificacion_cantidad or not regla.notificacion_unidad:
        return None
    return plazos.nuevo_termino(reclamo, calendario, ahora, NOTIFICACION, regla.codigo,
                                f'Notificar la respuesta ({regla.nombre})',
                                regla.notificacion_cantidad, regla.notificacion_unidad,
                                umbral=regla.umbral_por_vencer)


def entregado(reclamo, tipo, instante, medio, ctx, texto=''):
    """Meet the open terms of ``tipo`` at ``instante``; the answer's notification also marks
    the case notified (the first such delivery counts)."""
    plazos.cumplir(reclamo, instante, tipos=[tipo])
    if tipo == NOTIFICACION and reclamo.notificado_en is None:
        fijar(reclamo, notificado_en=a_bd(instante), notificado_medio=medio)
    anotar(reclamo, ctx, 'notificacion', tipo, None, MEDIOS[medio],
           f'{QUE[tipo]}: {MEDIOS[medio]}' + (f'. {texto}' if texto else '.'),
           visible_cliente=True)


def correo_aceptado(reclamo_id, tipo, instante, destinatario):
    """Called by the outbox once the SMTP server accepted a message meant to meet ``tipo``."""
    with transaccion():
        reclamo = Reclamo.get_or_none(Reclamo.id == reclamo_id)
        if reclamo is not None and tipo in QUE:
            entregado(reclamo, tipo, aware(instante), 'correo', contexto(None, '', instante),
                      f'a {destinatario}')


def _instante(valor, calendario, errores):
    """ISO text (local time of the case's calendar when it has no offset) or datetime."""
    try:
        instante = valor if isinstance(valor, datetime.datetime) else \
            datetime.datetime.fromisoformat(str(valor or '').strip())
    except ValueError:
        errores['instante'] = (f'Fecha y hora inválidas: «{valor or ""}». Indique cuándo se '
                               'entregó, p. ej. 2026-03-02T10:30.')
        return None
    if instante.tzinfo is None:
        instante = calendario.en_utc(instante)
    return aware(instante)


def registrar_entrega(reclamo, tipo, medio, instante, nota, usuario, ip, version, ahora=None):
    """An agent records a delivery: a phone or in-person acknowledgment, a letter delivered
    or a personal notification, with the instant it happened. Returns the case."""
    ctx = contexto(usuario, ip, ahora)
    with transaccion():
        r = bloquear(reclamo, version, ctx)
        exigir(r, 'registrar_entrega', ctx)
        errores = {}
        if tipo not in MEDIOS_AGENTE:
            errores['tipo'] = 'Indique qué se entregó: el acuse de recibo o la respuesta.'
        elif medio not in MEDIOS_AGENTE[tipo]:
            errores['medio'] = ('Medio no admitido; use: '
                                + ', '.join(MEDIOS[m] for m in MEDIOS_AGENTE[tipo]) + '.')
        momento = _instante(instante, plazos.calendario_de(r), errores)
        if momento is not None:
            if momento > ctx.ahora:
                errores['instante'] = 'La entrega no puede estar en el futuro.'
            elif momento < aware(r.recibido_en):
                errores['instante'] = 'La entrega no puede ser anterior a la recepción del caso.'
            elif tipo == NOTIFICACION and (r.terminado_en is None
                                           or momento < aware(r.terminado_en)):
                errores['instante'] = ('Solo se notifica una respuesta ya emitida, después de '
                                       'emitirla.')
        if errores:
            raise ErrorValidacion(errores)
        entregado(r, tipo, momento, medio, ctx, (nota or '').strip()[:2000])
        return r
