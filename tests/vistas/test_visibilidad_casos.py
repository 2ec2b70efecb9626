"""Who sees a case, end to end: a case outside a user's scope is a 404 on every screen and
API call and missing from every queue (reglas.visibilidad, written once)."""
import re

import pytest

from catalogos.organizacion import Area
from tests.apoyo.casos import crear_caso
from tests.conftest import token_csrf

pytestmark = pytest.mark.usefixtures('config_demo')
pytest_plugins = ('tests.apoyo.fixtures_api', 'tests.apoyo.personas')


def test_agente_solo_ve_los_casos_de_su_area(app, client, auth, personas, crear_usuario,
                                             api_como):
    """An agent of another area: the case is a 404 everywhere and missing from every queue."""
    caso = crear_caso(personas['admin'], motivo='SIN_SERVICIO')
    propio = crear_caso(personas['admin'], motivo='SIN_SERVICIO')
    extrano = crear_usuario('agente', area=Area.get(Area.codigo == 'SOPORTE_TECNICO'))
    from reclamos.caso.gestion import derivar
    derivar(propio, Area.get(Area.codigo == 'SOPORTE_TECNICO').id, 'A soporte.',
            personas['admin'], '127.0.0.1', propio.version)

    api = api_como(extrano)
    assert api.get(f'/casos/{caso.numero}').status_code == 404
    assert api.get(f'/casos/{propio.numero}').status_code == 200
    numeros = {c['numero'] for vista in ('mios', 'area', 'todos')
               for c in api.get(f'/casos?vista={vista}').get_json()['casos']}
    assert caso.numero not in numeros and propio.numero in numeros

    auth.login(extrano.email)
    assert client.get(f'/casos/{caso.numero}').status_code == 404
    assert client.get(f'/casos/{propio.numero}').status_code == 200
    for vista in ('mios', 'area', 'todos'):
        html = client.get(f'/casos/?vista={vista}').get_data(as_text=True)
        assert not re.search(rf'\b{re.escape(caso.numero)}\b', html), vista
    csrf = token_csrf(client.get('/admin/').get_data(as_text=True), 'csrf_salir')
    assert client.post(f'/casos/{caso.numero}/accion', data={
        'accion': 'comentar', 'texto': 'x', 'csrf_token': csrf}).status_code == 404
