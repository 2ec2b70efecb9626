"""The case page: a case walked through every state by form POST, and the refusals."""
import re

import pytest

from catalogos.organizacion import Area
from reclamos.caso.acciones import Accion
from reclamos.caso.modelo import Reclamo
from tests.apoyo.casos import crear_caso


def _csrf(html):
    return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html).group(1)


def actuar(client, reclamo, accion, version=None, **datos):
    """Post one action form as the page offers it (token and version read from the page)."""
    html = client.get(f'/casos/{reclamo.numero}').get_data(as_text=True)
    version = version if version is not None else re.search(
        r'name="version" value="(\d+)"', html).group(1)
    return client.post(f'/casos/{reclamo.numero}/accion', data={
        'accion': accion, 'version': version, 'csrf_token': _csrf(html), **datos})


def fresco(reclamo):
    return Reclamo.get_by_id(reclamo.id)


@pytest.fixture
def area(demo):
    return Area.get(Area.codigo == 'MONITOREO')


@pytest.fixture
def caso(demo, area, crear_usuario):
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    reclamo = crear_caso(registrador, motivo='CORTE_ENERGIA')
    assert reclamo.area_id == area.id
    return reclamo


def test_ciclo_completo_por_formulario(client, como, area, caso):
    agente = como('agente', area=area)
    assert 'form-tomar' in client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert actuar(client, caso, 'tomar').status_code == 302
    assert (fresco(caso).estado, fresco(caso).usuario_id) == ('EN_CURSO', agente.id)
    assert actuar(client, caso, 'suspender', motivo='Esperamos la factura').status_code == 302
    assert fresco(caso).estado == 'SUSPENDIDO' and fresco(caso).vence_en is None
    assert actuar(client, caso, 'reanudar').status_code == 302
    assert fresco(caso).estado == 'EN_CURSO' and fresco(caso).vence_en is not None
    assert actuar(client, caso, 'comentar', texto='Llamé al cliente',
                  visible_cliente='1').status_code == 302
    assert actuar(client, caso, 'terminar', respuesta='Se repuso el servicio',
                  resultado='fundado').status_code == 302
    assert fresco(caso).estado == 'TERMINADO'
    assert actuar(client, caso, 'cerrar', calificacion='5').status_code == 302
    cerrado = fresco(caso)
    assert (cerrado.estado, cerrado.calificacion) == ('CERRADO', 5)
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert 'Cerrado' in html and 'Llamé al cliente' in html and 'Se repuso el servicio' in html
    tipos = [a.tipo for a in Accion.select().where(Accion.reclamo == caso.id)]
    for tipo in ('creacion', 'transicion', 'suspension', 'reanudacion', 'comentario',
                 'calificacion'):
        assert tipo in tipos, tipos
    assert 'form-tomar' not in html and 'form-terminar' not in html


def test_derivar_y_anular(client, como, area, caso, auth):
    como('agente', area=area)
    soporte = Area.get(Area.codigo == 'SOPORTE_TECNICO')
    respuesta = actuar(client, caso, 'derivar', area=str(soporte.id), motivo='Requiere visita')
    assert respuesta.status_code == 302
    assert fresco(caso).area_id == soporte.id
    # The agent of MONITOREO no longer sees it (not assigned, not registered by them).
    assert client.get(f'/casos/{caso.numero}').status_code == 404
    auth.logout()
    como('supervisor', area=soporte)
    assert actuar(client, caso, 'anular', motivo='Registro de prueba').status_code == 302
    assert fresco(caso).estado == 'ANULADO'


def test_agente_no_puede_anular(client, como, area, caso):
    como('agente', area=area)
    respuesta = actuar(client, caso, 'anular', motivo='No me gusta')
    assert respuesta.status_code == 403
    assert 'no permite anular' in respuesta.get_data(as_text=True)
    assert fresco(caso).estado == 'PENDIENTE'


def test_gerente_ve_pero_no_actua(client, como, caso):
    como('gerente')
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert caso.numero in html and 'id="acciones"' not in html
    assert actuar(client, caso, 'tomar', version=str(caso.version)).status_code == 403
    assert fresco(caso).estado == 'PENDIENTE'


def test_agente_de_otra_area_no_ve_el_caso(client, como, caso):
    como('agente', area=Area.get(Area.codigo == 'VENTAS'))
    assert client.get(f'/casos/{caso.numero}').status_code == 404
    assert client.post(f'/casos/{caso.numero}/accion', data={'accion': 'tomar'}).status_code == 404
    assert client.get('/casos/2099-999999').status_code == 404


def test_version_vieja_da_conflicto(client, como, area, caso):
    como('agente', area=area)
    leida = fresco(caso).version
    assert actuar(client, caso, 'comentar', texto='primero').status_code == 302
    assert actuar(client, caso, 'tomar').status_code == 302
    respuesta = actuar(client, caso, 'suspender', version=str(leida), motivo='tarde')
    assert respuesta.status_code == 409
    assert 'El caso cambió desde que lo abrió' in respuesta.get_data(as_text=True)
    assert fresco(caso).estado == 'EN_CURSO'


@pytest.mark.parametrize('accion, datos, mensaje', [
    ('terminar', {'respuesta': '  '}, ''),
    ('cerrar', {}, ''),
    ('derivar', {'area': 'abc', 'motivo': 'x'}, ''),
    ('explotar', {}, 'desconocida'),
])
def test_datos_malos_en_acciones(client, como, area, caso, accion, datos, mensaje):
    como('agente', area=area)
    if accion in ('terminar', 'cerrar'):
        actuar(client, caso, 'tomar')
    antes = fresco(caso)
    respuesta = actuar(client, caso, accion, **datos)
    assert respuesta.status_code in (400, 403)
    assert 'id="error-accion"' in respuesta.get_data(as_text=True)
    assert mensaje in respuesta.get_data(as_text=True)
    despues = fresco(caso)
    assert (despues.estado, despues.version) == (antes.estado, antes.version)


def test_sin_csrf(client, como, area, caso):
    como('agente', area=area)
    respuesta = client.post(f'/casos/{caso.numero}/accion', data={'accion': 'tomar',
                                                                   'version': '1'})
    assert respuesta.status_code == 400
    assert fresco(caso).estado == 'PENDIENTE'


def test_la_pagina_marca_el_plazo_que_manda(client, como, area, caso):
    """ALTO priority (30 minutes) ends before the 15-business-day legal term: it binds."""
    como('agente', area=area)
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    fila = html.split('id="terminos"')[1].split('</table>')[0]
    marcada = [f for f in fila.split('<tr') if 'manda' in f]
    assert len(marcada) == 1 and 'Prioridad' in marcada[0]
