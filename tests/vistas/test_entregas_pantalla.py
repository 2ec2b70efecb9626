"""The case page: the notification term and its status after the answer, a letter recorded by
form, and no "terminar" for an area that does not resolve cases."""
import datetime

import time_machine

from catalogos.organizacion import Area
from reclamos.caso.gestion import derivar
from reclamos.caso.modelo import Reclamo
from tests.apoyo.casos import crear_caso
from tests.vistas.test_caso_pantalla import actuar

UTC = datetime.timezone.utc
RECIBIDO = datetime.datetime(2026, 3, 2, 15, tzinfo=UTC)     # Monday 10:00 Lima
RESPONDIDO = datetime.datetime(2026, 3, 4, 15, tzinfo=UTC)   # Wednesday 10:00 Lima


def _caso(crear_usuario):
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    return crear_caso(registrador)  # LENTITUD: OSIPTEL, +5 business days to notify


def test_notificacion_de_la_respuesta_en_la_pagina(client, como, demo, crear_usuario):
    soporte = Area.get(Area.codigo == 'SOPORTE_TECNICO')
    with time_machine.travel(RECIBIDO, tick=False):
        caso = _caso(crear_usuario)
        como('agente', area=soporte)
        assert actuar(client, caso, 'tomar').status_code == 302
    with time_machine.travel(RESPONDIDO, tick=False):
        assert actuar(client, caso, 'terminar', respuesta='Se cambió el plan.',
                      resultado='fundado').status_code == 302
        html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert 'Notificación de la respuesta' in html
    assert 'aún no se notifica al cliente' in html
    # Thu 5 (1), Fri 6, Mon 9, Tue 10, Wed 11 March (5): the term shown with its light.
    assert '11/03/2026 23:59' in html or '11 de marzo' in html
    assert 'semaforo-a_tiempo' in html
    with time_machine.travel(RESPONDIDO + datetime.timedelta(days=1), tick=False):
        respuesta = actuar(client, caso, 'registrar_entrega', entrega='notificacion:carta',
                           instante='2026-03-04T12:00', nota='Guía 987')
        assert respuesta.status_code == 302, respuesta.get_data(as_text=True)[-1500:]
        html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert 'carta entregada' in html and 'completo para el regulador' in html
    # Delivered Wednesday 12:00, due Wednesday 11 March: the notification term was met in time.
    assert 'cumplido <small class="text-muted">a tiempo</small>' in html
    assert Reclamo.get_by_id(caso.id).notificado_medio == 'carta'
    # Nothing left to record: the form is no longer offered.
    assert 'form-registrar_entrega' not in html


def test_entrega_en_el_futuro_se_rechaza_en_la_pagina(client, como, demo, crear_usuario):
    with time_machine.travel(RECIBIDO, tick=False):
        caso = _caso(crear_usuario)
        como('agente', area=Area.get(Area.codigo == 'SOPORTE_TECNICO'))
        respuesta = actuar(client, caso, 'registrar_entrega',
                           entrega='primera_respuesta:telefono', instante='2026-03-03T10:00')
    assert respuesta.status_code == 400
    assert 'no puede estar en el futuro' in respuesta.get_data(as_text=True)


def test_un_area_que_no_resuelve_no_ve_terminar(client, como, demo, crear_usuario):
    caso = _caso(crear_usuario)
    supervisor = crear_usuario('supervisor', area=Area.get(Area.codigo == 'SOPORTE_TECNICO'))
    caso = derivar(caso, 'VENTAS', 'Consulta comercial.', supervisor, '127.0.0.1', caso.version)
    como('agente', area=Area.get(Area.codigo == 'VENTAS'))
    assert actuar(client, caso, 'tomar').status_code == 302
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert 'form-derivar' in html and 'form-terminar' not in html
    respuesta = actuar(client, caso, 'terminar', respuesta='Listo.')
    assert respuesta.status_code == 403
    assert 'no resuelve casos' in respuesta.get_data(as_text=True)
    assert Reclamo.get_by_id(caso.id).estado == 'EN_CURSO'
