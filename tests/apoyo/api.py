"""Helpers for the JSON API tests: a client that carries a token, valid input, row counts.

The fixtures are in tests/apoyo/fixtures_api.py (loaded with ``pytest_plugins``).
"""
import datetime

from reclamos.tiempo import ahora_utc
from tests.apoyo.casos import caso_sin_servicio
from tests.conftest import CONTRASENA

PREFIJO = '/api/v1'


class ClienteApi:
    """The Flask test client speaking JSON with an Authentication-Token header."""

    def __init__(self, client, token=None):
        self.client = client
        self.token = token

    def _cabeceras(self, extra=None):
        cabeceras = {'Authentication-Token': self.token} if self.token else {}
        cabeceras.update(extra or {})
        return cabeceras

    def get(self, ruta, **kwargs):
        return self.client.get(PREFIJO + ruta, headers=self._cabeceras(kwargs.pop('headers', None)),
                               **kwargs)

    def post(self, ruta, json=None, **kwargs):
        cabeceras = self._cabeceras(kwargs.pop('headers', None))
        if json is not None:
            return self.client.post(PREFIJO + ruta, json=json, headers=cabeceras, **kwargs)
        return self.client.post(PREFIJO + ruta, headers=cabeceras, **kwargs)


def pedir_token(client, email, contrasena=CONTRASENA):
    respuesta = client.post(PREFIJO + '/token', json={'email': email, 'password': contrasena})
    if respuesta.status_code != 200:
        raise AssertionError(respuesta.get_json())
    return respuesta.get_json()['token']


def registro_valido(**cambios):
    """A valid external case of SIN_SERVICIO; a change to ``...`` drops the key (None stays,
    the API must see JSON null)."""
    datos = {**caso_sin_servicio(), **cambios}
    return {k: v for k, v in datos.items() if v is not ...}


def huella():
    """Row counts that a refused request must leave unchanged."""
    from reclamos.caso.acciones import Accion
    from reclamos.caso.modelo import Reclamo
    from reclamos.clientes.modelo import Cliente
    from reclamos.plazos.modelo import Suspension, TerminoCaso

    return tuple(m.select().count() for m in (Reclamo, Accion, Cliente, TerminoCaso, Suspension))


def hace(dias):
    """An instant ``dias`` ago as Bogotá writes it (ISO 8601 with offset -05:00)."""
    bogota = datetime.timezone(datetime.timedelta(hours=-5))
    return (ahora_utc() - datetime.timedelta(days=dias)).replace(microsecond=0) \
        .astimezone(bogota).isoformat()


def registrar(api, **cambios):
    respuesta = api.post('/casos', json=registro_valido(**cambios))
    assert respuesta.status_code == 201, respuesta.get_json()
    return respuesta.get_json()


def actuar(api, caso, ruta, **datos):
    """POST an action with the version just read (as a well-behaved client does)."""
    version = api.get(f'/casos/{caso["numero"]}').get_json()['version']
    return api.post(f'/casos/{caso["numero"]}/{ruta}', json={'version': version, **datos})


def transicion(api, caso, accion, **datos):
    return actuar(api, caso, 'transiciones', accion=accion, **datos)
