"""The sandbox screens: admins only; bad input answers with a message (never a 500); publish
and rollback through the forms; the comparison page carries the offline plotly charts."""
import datetime
import html
import re

import pytest

from reclamos.laboratorio import BorradorConfiguracion, VersionConfiguracion
from tests.navegador import captura, entrar


def _csrf(pagina):
    return re.search(r'name="csrf_token" value="([^"]+)"', pagina).group(1)


def _copiar(client, nombre='Prueba'):
    pagina = client.get('/admin/laboratorio/').get_data(as_text=True)
    return client.post('/admin/laboratorio/copiar', data={'nombre': nombre,
                                                          'csrf_token': _csrf(pagina)})


def _hoy():
    return datetime.date.today()


@pytest.mark.parametrize('rol', ['supervisor', 'agente', 'gerente'])
def test_solo_admin(client, como, demo, rol):
    como(rol)
    assert client.get('/admin/laboratorio/').status_code == 403
    assert client.post('/admin/laboratorio/copiar', data={'nombre': 'x'}).status_code == 403
    assert client.get('/admin/laboratorio/1/ensayo').status_code == 403
    assert client.post('/admin/laboratorio/version/1/restaurar').status_code == 403
    assert not BorradorConfiguracion.select().exists()


def test_anonimo_al_login(client):
    respuesta = client.get('/admin/laboratorio/')
    assert respuesta.status_code == 302 and '/login' in respuesta.headers['Location']


def test_ensayo_y_comparacion(client, como, demo):
    como('admin')
    respuesta = _copiar(client)
    assert respuesta.status_code == 302
    url = respuesta.headers['Location']
    desde = (_hoy() - datetime.timedelta(days=90)).isoformat()
    respuesta = client.get(f'{url}/ensayo', query_string={'desde': desde,
                                                          'hasta': _hoy().isoformat()})
    pagina = html.unescape(respuesta.get_data(as_text=True))
    assert respuesta.status_code == 200
    assert 'id="grafico-pendientes"' in pagina and 'id="grafico-cumplimiento"' in pagina
    assert 'Configuración actual' in pagina and 'Lo que pasó' in pagina
    js = client.get('/admin/laboratorio/plotly.min.js')
    assert js.status_code == 200 and b'plotly' in js.data[:2000].lower()


@pytest.mark.parametrize('consulta, mensaje', [
    ({'desde': '2001-01-01', 'hasta': '2001-01-02'}, 'No hay casos recibidos en ese período'),
    ({'desde': 'x'}, 'Indique la fecha desde'),
    ({}, 'Indique la fecha desde'),
])
def test_periodo_malo_es_un_mensaje(client, como, demo, consulta, mensaje):
    como('admin')
    url = _copiar(client).headers['Location']
    respuesta = client.get(f'{url}/ensayo', query_string=consulta)
    assert respuesta.status_code == 422
    assert mensaje in html.unescape(respuesta.get_data(as_text=True))


def test_guardar_con_error_muestra_el_campo(client, como, demo):
    como('admin')
    url = _copiar(client).headers['Location']
    pagina = client.get(url).get_data(as_text=True)
    respuesta = client.post(url, data={'csrf_token': _csrf(pagina), 'personal-VENTAS': '-3',
                                       'reglas': 'si canal es entonces etiqueta x'})
    texto = html.unescape(respuesta.get_data(as_text=True))
    assert respuesta.status_code == 422
    assert 'Debe estar entre 0 y 1000000' in texto
    assert 'Regla de la línea 1: Línea 1, columna 13' in texto


def test_publicar_y_restaurar_por_formulario(client, como, demo):
    como('admin')
    _copiar(client)
    borrador = BorradorConfiguracion.get()
    pagina = client.get('/admin/laboratorio/').get_data(as_text=True)
    assert client.post(f'/admin/laboratorio/{borrador.id}/publicar',
                       data={'csrf_token': _csrf(pagina)}).status_code == 302
    assert BorradorConfiguracion.get_by_id(borrador.id).estado == 'publicado'
    version = VersionConfiguracion.get()
    pagina = html.unescape(client.get('/admin/laboratorio/').get_data(as_text=True))
    assert f'publicado; la configuración anterior quedó como versión #{version.id}' in pagina
    respuesta = client.post(f'/admin/laboratorio/version/{version.id}/restaurar',
                            data={'csrf_token': _csrf(pagina)})
    assert respuesta.status_code == 302
    assert VersionConfiguracion.select().count() == 2
    # Without the form's token nothing happens.
    client.post(f'/admin/laboratorio/version/{version.id}/restaurar')
    assert VersionConfiguracion.select().count() == 2


def test_navegador_regla_vista_previa_y_laboratorio(crear_usuario, demo, servidor_vivo, pagina):
    usuario = crear_usuario('admin')
    entrar(pagina, servidor_vivo, usuario.email)
    # Write a rule in the catalog screen.
    pagina.goto(f'{servidor_vivo}/admin/reglas_enrutamiento/new/')
    pagina.fill('#codigo', 'WEB_BAJO')
    pagina.fill('#nombre', 'Web a prioridad baja')
    pagina.fill('#texto', 'si canal es "Centro de atención virtual" entonces prioridad BAJO')
    pagina.click('input[type=submit].btn-primary')
    pagina.wait_for_load_state('networkidle')
    assert pagina.locator('text=Web a prioridad baja').first.is_visible()
    # Preview it on past cases.
    pagina.goto(f'{servidor_vivo}/admin/reglas/prueba/')
    pagina.click('text=Web a prioridad baja')
    pagina.wait_for_load_state('networkidle')
    pagina.click('#probar')
    pagina.wait_for_load_state('networkidle')
    assert 'casos revisados cumplen la regla' in pagina.inner_text('#resumen')
    captura(pagina, 'laboratorio-vista-previa')
    # Copy the configuration to a draft, give support one more person, run it.
    pagina.goto(f'{servidor_vivo}/admin/laboratorio/')
    pagina.fill('#nombre', 'Un técnico más')
    pagina.click('#copiar')
    pagina.wait_for_load_state('networkidle')
    pagina.fill('input[name="personal-SOPORTE_TECNICO"]', '3')
    pagina.click('#guardar')
    pagina.wait_for_load_state('networkidle')
    assert 'Borrador guardado' in pagina.content()
    pagina.fill('#desde', (_hoy() - datetime.timedelta(days=90)).isoformat())
    pagina.fill('#hasta', _hoy().isoformat())
    pagina.click('#ensayar')
    pagina.wait_for_load_state('networkidle')
    pagina.wait_for_selector('#grafico-pendientes .main-svg')
    pagina.wait_for_selector('#grafico-cumplimiento .main-svg')
    assert pagina.locator('#comparacion').is_visible()
    captura(pagina, 'laboratorio-comparacion')
