"""SLA state of a running term: a tiempo, por vencer (past a share of it) or vencido."""
from __future__ import annotations

from datetime import datetime, timezone

from reglas.calendario import Calendario
from reglas.errores import ReglaInvalida
from reglas.plazos import en_unidad, restante, transcurrido
from reglas.validacion import exigir_instante

A_TIEMPO = 'a_tiempo'
POR_VENCER = 'por_vencer'
VENCIDO = 'vencido'
ESTADOS_SLA = (A_TIEMPO, POR_VENCER, VENCIDO)
UTC = timezone.utc
# The share of a term after which it is "por vencer" unless its rule says otherwise (the
# DESIGN default; each priority and legal term copies its own onto the running term).
UMBRAL_POR_VENCER = 0.8


def estado_sla(inicio: datetime, vence: datetime, ahora: datetime,
               umbral: float = UMBRAL_POR_VENCER, unidad: str | None = None,
               calendario: Calendario | None = None) -> str:
    """VENCIDO after vence; POR_VENCER once the share of the term used reaches umbral.

    With unidad and calendario the share is measured on that unit's clock (business time for
    *_habiles: a night or a weekend does not bring a term closer to "por vencer"); without
    them, in real time. With suspensions pass the due instant from vencimiento_con_pausas:
    paused time then counts in both the elapsed part and the whole, keeping the share sound.
    """
    # In UTC: same-zone datetimes compare and subtract on the wall clock.
    inicio = exigir_instante(inicio, 'inicio').astimezone(UTC)
    vence = exigir_instante(vence, 'vence').astimezone(UTC)
    ahora = exigir_instante(ahora, 'ahora').astimezone(UTC)
    if isinstance(umbral, bool) or not isinstance(umbral, (int, float)) or not 0 < umbral < 1:
        raise ReglaInvalida(
            f'Umbral inválido: {umbral!r}. Debe ser un número entre 0 y 1 sin incluirlos, '
            f'p. ej. {UMBRAL_POR_VENCER}')
    if (unidad is None) != (calendario is None):
        raise ReglaInvalida(
            f'Indique unidad y calendario juntos o ninguno; se recibió unidad={unidad!r}, '
            f'calendario={calendario!r}')
    if vence < inicio:
        raise ReglaInvalida(
            f'vence ({vence.isoformat()}) es anterior a inicio ({inicio.isoformat()})')
    if ahora > vence:
        return VENCIDO
    if unidad is None:
        usado, total = (ahora - inicio).total_seconds(), (vence - inicio).total_seconds()
    else:
        usado = en_unidad(transcurrido(inicio, ahora, unidad, calendario), unidad)
        total = en_unidad(transcurrido(inicio, vence, unidad, calendario), unidad)
    if total <= 0 or usado / total >= umbral:
        return POR_VENCER
    return A_TIEMPO


def restante_en_unidad(ahora: datetime, vence: datetime, unidad: str,
                       calendario: Calendario) -> float:
    """Time left in the term's unit (minutes, hours, days, business hours or business days).

    Negative when overdue. For dias_habiles it counts whole business days after today up to
    the due day, so 0.0 means "vence hoy".
    """
    return en_unidad(restante(ahora, vence, unidad, calendario), unidad)
