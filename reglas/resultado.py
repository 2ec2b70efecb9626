"""The outcome (resultado) of a case: which case types need one, and the outcome the claim
lines (or the claim-level decision) propose.

Regulators word their outcomes differently (OSIPTEL and SUNASS: fundado / fundado en parte /
infundado...; SSPD: accede / accede parcialmente / no accede), so the catalog holds one row per
regulator and outcome, and each row says which of these senses (sentido) it has: the proposal
is made in senses and the service picks the regulator's row of that sense.
"""
from __future__ import annotations

from decimal import Decimal

FUNDADO, PARCIAL, INFUNDADO = 'fundado', 'fundado_parcial', 'infundado'
SENTIDOS = ((FUNDADO, 'Fundado'), (PARCIAL, 'Fundado en parte'), (INFUNDADO, 'Infundado'),
            ('improcedente', 'Improcedente'), ('inadmisible', 'Inadmisible'),
            ('desistido', 'Desistido'), ('acuerdo', 'Concluido por acuerdo'))
# Types whose answer a regulator counts by outcome (seed 000): reclamos and quejas. Petitions
# and suggestions may carry one but need not.
TIPOS_CON_RESULTADO = frozenset({'reclamo', 'queja'})
# Claim-line states that count for the proposal; drafts, pending and cancelled lines do not.
_DECIDIDAS = frozenset({'APROBADO', 'RECHAZADO'})


def exige_resultado(tipo: str) -> bool:
    return tipo in TIPOS_CON_RESULTADO


def proponer(lineas, decision=None) -> str | None:
    """The sense the claim's decisions propose, or None when nothing was decided.

    ``lineas``: [(state, amount claimed, amount approved or None)]. ``decision``: the
    claim-level decision (state, amount approved, total claimed) or None; it prevails.
    All approved in full -> fundado; some approved, or approved for less -> fundado en parte;
    none approved -> infundado.
    """
    if decision is not None:
        estado, monto, reclamado = decision
        if estado == 'RECHAZADO':
            return INFUNDADO
        if monto is not None and reclamado and Decimal(monto) < Decimal(reclamado):
            return PARCIAL
        return FUNDADO
    decididas = [(e, r, a) for e, r, a in lineas if e in _DECIDIDAS]
    if not decididas:
        return None
    aprobadas = [(r, a) for e, r, a in decididas if e == 'APROBADO']
    if not aprobadas:
        return INFUNDADO
    completas = all(a is None or Decimal(a) >= Decimal(r) for r, a in aprobadas)
    return FUNDADO if len(aprobadas) == len(decididas) and completas else PARCIAL


def requiere_justificacion(propuesto: str | None, elegido: str | None) -> bool:
    """Departing from what the lines propose needs a written reason (it is audited)."""
    return propuesto is not None and elegido is not None and propuesto != elegido
