"""When the customer's answer resumes a case's suspended terms.

Colombia, Ley 1755 de 2015 art. 17: a petition suspended to wait for information or documents
from the petitioner "se reactivará" when the petitioner provides them (the business-day count
resumes the next day, reglas.suspension). A suspension is how this product waits for the
customer, so their answer on the portal resumes it, unless the company turned this off
(RECLAMOS_PORTAL_REANUDA=0: a suspension there waits on third parties too).
"""
from __future__ import annotations

SUSPENDIDO = 'SUSPENDIDO'


def reanuda_con_respuesta(estado: str, hay_pausa_abierta: bool, configurado: bool) -> bool:
    """Whether the customer's answer ends the open suspension now."""
    return configurado and estado == SUSPENDIDO and hay_pausa_abierta
