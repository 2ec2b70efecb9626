"""The case page offers exactly what this user can do now, the next step first and unfolded;
its forms list only valid choices."""
import re

import pytest

from catalogos.organizacion import Area
from tests.apoyo.casos import crear_caso
from tests.vistas.test_caso_pantalla import actuar


def formularios(html):
    """The action forms of the case's action card, in the order drawn."""
    tarjeta = html.split('id="acciones"', 1)[1].split('</div></div>', 1)[0] \
        if 'id="acciones"' in html else ''
    return re.findall(r'id="form-([a-z_]+)"', tarjeta)


def plegados(html):
    """The actions folded inside a <details> element."""
    return re.findall(r'<details[^>]*>\s*<summary>[^<]*</summary>\s*<form[^>]*id="form-([a-z_]+)"',
                      html)


@pytest.fixture
def monitoreo(demo):
    return Area.get(Area.codigo == 'MONITOREO')


@pytest.fixture
def registrador(demo, crear_usuario):
    return crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))


def test_terminar_es_lo_primero_y_no_se_pliega(client, como, monitoreo, registrador):
    caso = crear_caso(registrador, motivo='CORTE_ENERGIA')
    como('agente', area=monitoreo)
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert formularios(html)[0] == 'tomar'
    assert 'completar_actividad' not in formularios(html)  # no process on this motive
    actuar(client, caso, 'tomar')
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert formularios(html)[0] == 'terminar'
    assert 'terminar' not in plegados(html)
    assert 'derivar' in plegados(html) and 'suspender' in plegados(html)
    assert {'tomar', 'completar_actividad', 'prorrogar', 'anular', 'reasignar'}.isdisjoint(
        formularios(html))


def test_completar_actividad_solo_con_una_en_curso(client, como, monitoreo, registrador):
    caso = crear_caso(registrador, motivo='SIN_SERVICIO')
    como('agente', area=monitoreo)
    actuar(client, caso, 'tomar')
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert 'completar_actividad' in formularios(html)


def test_prorrogar_solo_lista_plazos_prorrogables(client, como, monitoreo, registrador):
    no_prorrogable = crear_caso(registrador, motivo='CORTE_ENERGIA')
    prorrogable = crear_caso(registrador, motivo='PETICION_INFORMACION')
    como('supervisor', area=monitoreo)
    html = client.get(f'/casos/{no_prorrogable.numero}').get_data(as_text=True)
    assert 'prorrogar' not in formularios(html)
    html = client.get(f'/casos/{prorrogable.numero}').get_data(as_text=True)
    assert 'prorrogar' in formularios(html)
    select = re.search(r'<select name="termino".*?</select>', html, re.S).group(0)
    opciones = re.findall(r'<option[^>]*>([^<]*)</option>', select)
    assert opciones == ['Plazo legal: Petición de información o documentos'], opciones
    # The offered choice works.
    termino = re.search(r'<option value="(\d+)"', select).group(1)
    respuesta = actuar(client, prorrogable, 'prorrogar', termino=termino, cantidad='2',
                       motivo='Falta un informe técnico')
    assert respuesta.status_code == 302


def test_reasignar_lista_solo_otros_usuarios_del_area(client, como, crear_usuario, monitoreo,
                                                      registrador):
    caso = crear_caso(registrador, motivo='CORTE_ENERGIA')
    colega = crear_usuario('agente', area=monitoreo, nombre='Colega de monitoreo')
    crear_usuario('agente', area=Area.get(Area.codigo == 'VENTAS'), nombre='De ventas')
    supervisor = como('supervisor', area=monitoreo, nombre='Jefa de monitoreo')
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    select = re.search(r'<select name="usuario".*?</select>', html, re.S).group(0)
    assert colega.nombre in select and 'De ventas' not in select
    actuar(client, caso, 'reasignar', usuario=str(supervisor.id))
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    select = re.search(r'<select name="usuario".*?</select>', html, re.S).group(0)
    assert supervisor.nombre not in select


def test_gerente_no_ve_acciones(client, como, registrador):
    caso = crear_caso(registrador, motivo='CORTE_ENERGIA')
    como('gerente')
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert formularios(html) == []
