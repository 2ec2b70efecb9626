"""Reclassification and the claim-level decision over JSON (issue 17); same services and
checks as the case page, one transaction each."""
from vistas.api import api
from vistas.api.base import leer_json, sin_nulos, usuario
from vistas.api.casos import _caso, _ip, caso_visible
from vistas.api.esquemas import DECISION, RECLASIFICACION
from vistas.api.tokens import requiere_token


@api.post('/casos/<numero>/reclasificacion')
@requiere_token
def reclasificacion(numero):
    from reclamos.caso.reclasificacion import reclasificar

    reclamo = caso_visible(numero)
    datos = leer_json(RECLASIFICACION)
    version, justificacion = datos.pop('version'), datos.pop('justificacion')
    return _caso(reclasificar(reclamo, datos, justificacion, usuario(), _ip(), version))


@api.post('/casos/<numero>/decision')
@requiere_token
def decision(numero):
    from reclamos.caso.decision import decidir

    reclamo = caso_visible(numero)
    datos = sin_nulos(leer_json(DECISION))
    return _caso(decidir(reclamo, datos['decision'], usuario(), _ip(), datos['version'],
                         monto_aprobado=datos.get('monto_aprobado'),
                         motivo=datos.get('motivo', '')))
