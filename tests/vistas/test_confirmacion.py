"""The satisfaction-call worklist: resolved cases wait for customer service, attempts are
logged, the rating or "no contact" closes the case; other areas are refused."""
import re

import pytest

from catalogos.organizacion import Area
from reclamos.caso.acciones import Accion
from reclamos.caso.flujo import transicionar
from reclamos.caso.modelo import Reclamo
from tests.apoyo.casos import crear_caso


@pytest.fixture
def resuelto(demo, crear_usuario):
    monitoreo = Area.get(Area.codigo == 'MONITOREO')
    agente = crear_usuario('agente', area=monitoreo)
    caso = crear_caso(crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE')),
                      motivo='CORTE_ENERGIA', cliente={
                          'tipo_documento_identidad': 'CC', 'numero_documento': '52123456',
                          'nombre': 'Marta León', 'telefono': '3001112233'})
    caso = transicionar(caso, 'tomar', agente, '', caso.version)
    return transicionar(caso, 'terminar', agente, '', caso.version, respuesta='Reconectado.',
                        resultado='fundado')


def _enviar(client, caso, **datos):
    html = client.get('/confirmacion/').get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    version = Reclamo.get_by_id(caso.id).version
    return client.post(f'/confirmacion/{caso.numero}', data={
        'csrf_token': token, 'version': str(version), **datos})


def test_intentos_y_sin_contacto(client, como, resuelto):
    como('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    html = client.get('/confirmacion/').get_data(as_text=True)
    assert f'id="llamada-{resuelto.numero}"' in html and '3001112233' in html
    for _ in range(2):
        assert _enviar(client, resuelto, resultado='sin_respuesta').status_code == 302
    assert '2 intentos' in client.get('/confirmacion/').get_data(as_text=True)
    assert _enviar(client, resuelto, resultado='sin_contacto').status_code == 302
    cerrado = Reclamo.get_by_id(resuelto.id)
    assert (cerrado.estado, cerrado.sin_contacto) == ('CERRADO', True)
    assert 'tras 2 intentos' in cerrado.nota_cierre
    assert f'llamada-{resuelto.numero}' not in client.get('/confirmacion/').get_data(
        as_text=True)
    assert Accion.select().where(Accion.reclamo == resuelto.id,
                                 Accion.tipo == 'llamada').count() == 2


def test_contactado_con_calificacion(client, como, resuelto):
    como('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    _enviar(client, resuelto, resultado='contactado')  # no rating: refused, nothing saved
    assert Reclamo.get_by_id(resuelto.id).estado == 'TERMINADO'
    assert _enviar(client, resuelto, resultado='contactado', calificacion='4',
                   nota='Conforme').status_code == 302
    assert (Reclamo.get_by_id(resuelto.id).estado,
            Reclamo.get_by_id(resuelto.id).calificacion) == ('CERRADO', 4)


@pytest.mark.parametrize('datos', [{'resultado': 'inventado'}, {'resultado': ''},
                                   {'resultado': 'sin_respuesta', 'nota': 'x' * 3000}])
def test_datos_malos_no_guardan_nada(client, como, resuelto, datos):
    como('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    _enviar(client, resuelto, **datos)
    assert Accion.select().where(Accion.reclamo == resuelto.id,
                                 Accion.tipo == 'llamada').count() == 0


def test_otra_area_no_entra(client, como, resuelto):
    como('agente', area=Area.get(Area.codigo == 'MONITOREO'))
    assert client.get('/confirmacion/').status_code == 403
    assert client.post(f'/confirmacion/{resuelto.numero}',
                       data={'resultado': 'sin_contacto'}).status_code == 403
    assert Reclamo.get_by_id(resuelto.id).estado == 'TERMINADO'
