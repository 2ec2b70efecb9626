"""Deliveries to the customer over JSON (issue 16): a phone or in-person acknowledgment, a
letter delivered or a personal notification, with when it happened. The same service and
checks as the case page (reclamos.plazos.entrega), one transaction."""
from vistas.api import api
from vistas.api.base import leer_json, sin_nulos, usuario
from vistas.api.casos import _caso, _ip, caso_visible
from vistas.api.esquemas import ENTREGA
from vistas.api.tokens import requiere_token


@api.post('/casos/<numero>/entregas')
@requiere_token
def entrega(numero):
    from reclamos.plazos.entrega import registrar_entrega

    reclamo = caso_visible(numero)
    datos = sin_nulos(leer_json(ENTREGA))
    return _caso(registrar_entrega(reclamo, datos['tipo'], datos['medio'], datos['instante'],
                                   datos.get('nota', ''), usuario(), _ip(), datos['version']))
