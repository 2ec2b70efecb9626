"""Who may do what to a case, from which state: the whole policy as data and two functions.

The service layer loads the case's state, the actor's roles and whether the actor is
responsible for the case (assigned to it, or in its area), and asks ``permitido``. Keeping the
table here makes the policy readable in one screen and testable without a database.
"""
from __future__ import annotations

from dataclasses import dataclass

from reglas.permisos import roles_de

PENDIENTE, EN_CURSO, TERMINADO, CERRADO = 'PENDIENTE', 'EN_CURSO', 'TERMINADO', 'CERRADO'
SUSPENDIDO, ANULADO = 'SUSPENDIDO', 'ANULADO'
ESTADOS = (PENDIENTE, EN_CURSO, SUSPENDIDO, TERMINADO, CERRADO, ANULADO)
ETIQUETAS = {PENDIENTE: 'Pendiente', EN_CURSO: 'En curso', SUSPENDIDO: 'Suspendido',
             TERMINADO: 'Terminado', CERRADO: 'Cerrado', ANULADO: 'Anulado'}
# Open = someone still has to work it; the queues and the load balance count these.
ABIERTOS = (PENDIENTE, EN_CURSO, SUSPENDIDO)
# Not yet closed or annulled: what a new case may duplicate.
EN_TRAMITE = ABIERTOS + (TERMINADO,)

# The customer has no account; the services act for them under this pseudo-role.
CLIENTE = 'cliente'
_TRABAJAN = roles_de('casos.trabajar')
_SUPERVISAN = roles_de('casos.supervisar')
_VIVOS = frozenset({PENDIENTE, EN_CURSO})
_NO_FINALES = frozenset({PENDIENTE, EN_CURSO, SUSPENDIDO, TERMINADO})
ANTERIOR = 'anterior'  # destination of 'reanudar': the state the case had when suspended


@dataclass(frozen=True)
class Regla:
    desde: frozenset  # states the action starts from
    hacia: str | None  # resulting state; None: the state does not change
    roles: frozenset  # roles allowed (admin always is)
    responsable: bool  # the actor must be responsible for the case (admin exempt)
    verbo: str  # Spanish infinitive phrase for messages


ACCIONES = {
    'tomar': Regla(frozenset({PENDIENTE}), EN_CURSO, _TRABAJAN, True, 'tomar'),
    'terminar': Regla(frozenset({EN_CURSO}), TERMINADO, _TRABAJAN, True, 'terminar'),
    # The satisfaction call is usually made by customer service, not by the resolving area
    # (seed 003), so closing does not require responsibility; the customer may close too.
    'cerrar': Regla(frozenset({TERMINADO}), CERRADO, _TRABAJAN | {CLIENTE}, False, 'cerrar'),
    'suspender': Regla(_VIVOS, SUSPENDIDO, _TRABAJAN, True, 'suspender'),
    'reanudar': Regla(frozenset({SUSPENDIDO}), ANTERIOR, _TRABAJAN, True, 'reanudar'),
    'anular': Regla(_NO_FINALES, ANULADO, _SUPERVISAN, True, 'anular'),
    # A hand-over puts the case back in the new area's queue, to be taken there.
    'derivar': Regla(_VIVOS, PENDIENTE, _TRABAJAN, True, 'derivar a otra área'),
    'completar_actividad': Regla(frozenset({EN_CURSO}), None, _TRABAJAN, True,
                                 'completar la actividad de'),
    'reasignar': Regla(frozenset(ABIERTOS), None, _SUPERVISAN, True, 'reasignar'),
    'prorrogar': Regla(_VIVOS, None, _SUPERVISAN, True, 'prorrogar un plazo de'),
    'modificar': Regla(frozenset(ABIERTOS), None, _TRABAJAN, True, 'modificar'),
    # Anyone who works cases may add a note (customer service hears about cases of other
    # areas); the customer writes through the portal.
    'comentar': Regla(frozenset(ESTADOS), None, _TRABAJAN | {CLIENTE}, False, 'comentar'),
    # Evidence may arrive after the case closed (a regulator asks for it), never once annulled.
    'adjuntar': Regla(_NO_FINALES | {CERRADO}, None, _TRABAJAN | {CLIENTE}, False,
                      'adjuntar documentos a'),
    'agregar_linea': Regla(_VIVOS, None, _TRABAJAN, True, 'agregar líneas a'),
    'modificar_linea': Regla(_VIVOS, None, _TRABAJAN, True, 'modificar líneas de'),
    'enviar_linea': Regla(_VIVOS, None, _TRABAJAN, True, 'enviar líneas a aprobación de'),
    'cancelar_linea': Regla(_VIVOS, None, _TRABAJAN, True, 'cancelar líneas de'),
    'aprobar_linea': Regla(frozenset(ABIERTOS), None, _SUPERVISAN, True, 'aprobar líneas de'),
    'rechazar_linea': Regla(frozenset(ABIERTOS), None, _SUPERVISAN, True,
                            'rechazar líneas de'),
    'devolver_linea': Regla(frozenset(ABIERTOS), None, _SUPERVISAN, True,
                            'devolver líneas de'),
}
# The actions that exist to change the state (the others change it, if at all, on the side).
TRANSICIONES = ('tomar', 'terminar', 'cerrar', 'suspender', 'reanudar', 'anular')


def estado_valido(estado: str, accion: str) -> tuple[bool, str]:
    """Whether ``accion`` may start from ``estado`` at all, whoever asks."""
    regla = ACCIONES.get(accion)
    if regla is None:
        return False, f'Acción desconocida: «{accion}». Use una de: {", ".join(ACCIONES)}.'
    if estado not in ETIQUETAS:
        return False, f'Estado desconocido: «{estado}».'
    if estado not in regla.desde:
        desde = ', '.join(ETIQUETAS[e] for e in ESTADOS if e in regla.desde)
        return False, (f'No se puede {regla.verbo} un caso en estado '
                       f'{ETIQUETAS[estado]}; solo desde: {desde}.')
    return True, ''


def permitido(estado: str, accion: str, roles, es_responsable: bool) -> tuple[bool, str]:
    """(True, '') when an actor with ``roles`` may do ``accion`` on a case in ``estado``.

    ``es_responsable``: the actor is assigned to the case or belongs to its area. admin may do
    everything the state allows; gerente only reads.
    """
    valido, motivo = estado_valido(estado, accion)
    if not valido:
        return False, motivo
    regla = ACCIONES[accion]
    roles = set(roles or ())
    if 'admin' in roles:
        return True, ''
    if not roles & regla.roles:
        quien = ', '.join(sorted(roles)) or 'sin rol'
        return False, f'Su rol ({quien}) no permite {regla.verbo} casos.'
    if regla.responsable and not es_responsable:
        return False, (f'Solo el responsable del caso o un usuario de su área puede '
                       f'{regla.verbo} este caso.')
    return True, ''


def destino(estado: str, accion: str, anterior: str | None = None) -> str:
    """The state after ``accion``; 'reanudar' returns to ``anterior`` (the pre-pause state)."""
    hacia = ACCIONES[accion].hacia
    if hacia == ANTERIOR:
        return anterior if anterior in _VIVOS else EN_CURSO
    return estado if hacia is None else hacia


def puede_registrar(roles, area_registra: bool | None) -> tuple[bool, str]:
    """Registering: staff whose area registers cases (seed 003), admins, and customers.

    ``area_registra``: the actor's area flag, None when the actor has no area.
    """
    roles = set(roles or ())
    if 'admin' in roles or CLIENTE in roles:
        return True, ''
    if not roles & _TRABAJAN:
        quien = ', '.join(sorted(roles)) or 'sin rol'
        return False, f'Su rol ({quien}) no permite registrar casos.'
    if area_registra is None:
        return False, 'Para registrar casos su usuario debe pertenecer a un área.'
    if not area_registra:
        return False, 'Su área no registra casos.'
    return True, ''


# -- claim lines (seed 004) -------------------------------------------------------------
BORRADOR, APROBACION_PENDIENTE = 'BORRADOR', 'APROBACION_PENDIENTE'
APROBADO, RECHAZADO, CANCELADO = 'APROBADO', 'RECHAZADO', 'CANCELADO'
ESTADOS_LINEA = (BORRADOR, APROBACION_PENDIENTE, APROBADO, RECHAZADO, CANCELADO)
ETIQUETAS_LINEA = {BORRADOR: 'Borrador', APROBACION_PENDIENTE: 'Aprobación pendiente',
                   APROBADO: 'Aprobado', RECHAZADO: 'Rechazado', CANCELADO: 'Cancelado'}
ACCIONES_LINEA = {
    'modificar_linea': ({BORRADOR}, BORRADOR),
    'enviar_linea': ({BORRADOR}, APROBACION_PENDIENTE),
    'aprobar_linea': ({APROBACION_PENDIENTE}, APROBADO),
    'rechazar_linea': ({APROBACION_PENDIENTE}, RECHAZADO),
    'devolver_linea': ({APROBACION_PENDIENTE}, BORRADOR),
    'cancelar_linea': ({BORRADOR, APROBACION_PENDIENTE}, CANCELADO),
}


def transicion_linea(estado: str, accion: str) -> tuple[str | None, str]:
    """(new state, '') or (None, Spanish reason) for an action on a claim line."""
    if accion not in ACCIONES_LINEA:
        return None, f'Acción de línea desconocida: «{accion}».'
    desde, hacia = ACCIONES_LINEA[accion]
    if estado == RECHAZADO and accion in ('enviar_linea', 'modificar_linea'):
        return None, ('Una línea rechazada no puede volver a enviarse; registre una línea '
                      'nueva si corresponde.')
    if estado not in desde:
        return None, (f'La línea está {ETIQUETAS_LINEA.get(estado, estado).lower()}: no '
                      f'admite esta acción.')
    return hacia, ''
