"""The pages opened most (the case, the queue, the customer's tracking page and the portal
forms) read in a small, fixed number of SQL statements, whatever the case holds: no query
per row, so they stay as fast at a million cases as with ten."""
import re

import pytest

from catalogos.organizacion import Area
from reclamos.caso import gestion
from reclamos.portal import enlaces
from tests.apoyo.casos import crear_caso
from tests.apoyo.sentencias import sentencias_de
from tests.vistas.test_documentos import subir

# Measured; a change that reads more must say why here. The catalogs a page reads (its
# calendar, the choices of its forms, the company profile) are kept per process and cost one
# statement per request, the catalogs' version (bd.recordadas). The case page of an open
# case draws every form (motives, areas, users...): 8 today, 9 once it has documents; a
# closed one, 6.
TECHO_CASO = 9
# The queue: 8 on a full first page; 11 when it is not full (the cases without a due
# instant are read too, one statement per open state).
TECHO_COLA = 11
# The tracking page: the catalogs' version, the case, the log, the terms; the files the
# customer sent only when there are some (the case query says so).
TECHO_SEGUIMIENTO = 4
TECHO_FORMULARIO = 1  # the catalogs' version: services, document types and profile are kept


@pytest.fixture
def monitoreo(demo):
    return Area.get(Area.codigo == 'MONITOREO')


@pytest.fixture
def caso(demo, monitoreo, crear_usuario):
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    reclamo = crear_caso(registrador, motivo='CORTE_ENERGIA')
    assert reclamo.area_id == monitoreo.id
    return reclamo


def _ok(cliente, ruta):
    respuesta = cliente.get(ruta)
    assert respuesta.status_code == 200, (ruta, respuesta.status_code)
    return respuesta


def test_la_pagina_del_caso_no_crece_con_lo_que_el_caso_tiene(client, como, monitoreo, caso):
    supervisor = como('supervisor', area=monitoreo)
    ruta = f'/casos/{caso.numero}'
    _ok(client, ruta)
    vacio = sentencias_de(lambda: _ok(client, ruta))
    for i in range(4):
        gestion.comentar(caso, f'Llamada número {i} al cliente.', supervisor, '127.0.0.1',
                         visible_cliente=i % 2 == 0)
    assert subir(client, caso).status_code == 302
    assert subir(client, caso, nombre='otra.pdf').status_code == 302
    html = _ok(client, ruta).get_data(as_text=True)
    assert 'Llamada número 3 al cliente.' in html and 'otra.pdf' in html
    lleno = sentencias_de(lambda: _ok(client, ruta))
    assert vacio <= lleno <= vacio + 1 <= TECHO_CASO  # + the documents, read once there are some


def test_la_cola_no_crece_con_sus_filas(client, como, monitoreo, crear_usuario):
    como('supervisor', area=monitoreo)
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    ruta = '/casos/?vista=area'
    _ok(client, ruta)
    antes = sentencias_de(lambda: _ok(client, ruta))
    for _ in range(6):
        crear_caso(registrador, motivo='CORTE_ENERGIA')
    filas = len(re.findall(r'<tr class="sla-', _ok(client, ruta).get_data(as_text=True)))
    assert filas >= 6
    assert sentencias_de(lambda: _ok(client, ruta)) == antes <= TECHO_COLA


def test_el_seguimiento_publico_y_los_formularios_del_portal(app, caso, crear_usuario):
    with app.test_request_context():
        ruta = '/portal/caso/' + enlaces.firmar(enlaces.SEGUIMIENTO, {'r': caso.id})
    cliente = app.test_client()  # a customer: no session, no login
    _ok(cliente, ruta)
    antes = sentencias_de(lambda: _ok(app.test_client(), ruta))
    for i in range(4):
        gestion.comentar(caso, f'Respuesta {i} al cliente.', None, '127.0.0.1')
    assert 'Respuesta 3 al cliente.' in _ok(cliente, ruta).get_data(as_text=True)
    assert sentencias_de(lambda: _ok(app.test_client(), ruta)) == antes <= TECHO_SEGUIMIENTO
    _ok(app.test_client(), '/portal/')  # the first one reads the catalogs this process keeps
    assert sentencias_de(lambda: _ok(app.test_client(), '/portal/')) <= TECHO_FORMULARIO
    assert sentencias_de(lambda: _ok(app.test_client(), '/portal/seguimiento')) <= 1


def test_un_caso_con_proceso_no_lee_cada_actividad(client, como, monitoreo, crear_usuario):
    """SIN_SERVICIO runs a process: each activity shows its area, read with the activities."""
    from catalogos.procesos import Actividad
    from reclamos.caso.registro import registrar
    from tests.apoyo.casos import caso_sin_servicio

    como('supervisor', area=monitoreo)
    reclamo = registrar(caso_sin_servicio(), crear_usuario('agente', area=monitoreo),
                        '127.0.0.1')
    actividades = list(Actividad.select().where(Actividad.proceso == reclamo.proceso_id))
    assert len(actividades) >= 2
    ruta = f'/casos/{reclamo.numero}'
    html = _ok(client, ruta).get_data(as_text=True)
    assert all(a.area.nombre in html for a in actividades)
    assert sentencias_de(lambda: _ok(client, ruta)) <= TECHO_CASO
