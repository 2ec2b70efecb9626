"""The sandbox screens: admins only; bad input answers with a message (never a 500); publish
and rollback through the forms; the comparison page carries the offline plotly charts."""
import datetime
import html
import re
import time

import pytest

from reclamos.laboratorio.corridas import CorridaEnsayo
from reclamos.laboratorio.borradores import BorradorConfiguracion, VersionConfiguracion
from tests.apoyo.navegador import captura, entrar


def _csrf(pagina):
    return re.search(r'name="csrf_token" value="([^"]+)"', pagina).group(1)


def _copiar(client, nombre='Prueba'):
    pagina = client.get('/admin/laboratorio/').get_data(as_text=True)
    return client.post('/admin/laboratorio/copiar', data={'nombre': nombre,
                                                          'csrf_token': _csrf(pagina)})


def _hoy():
    return datetime.date.today()


@pytest.mark.parametrize('rol', ['supervisor', 'agente', 'gerente'])
def test_solo_admin(client, como, demo, rol, crear_usuario):
    como(rol)
    assert client.get('/admin/laboratorio/').status_code == 403
    assert client.post('/admin/laboratorio/copiar', data={'nombre': 'x'}).status_code == 403
    assert client.post('/admin/laboratorio/1/ensayo').status_code == 403
    assert client.post('/admin/laboratorio/version/1/restaurar').status_code == 403
    assert not BorradorConfiguracion.select().exists()
    corrida = _corrida_hecha(crear_usuario)
    for url in (f'/admin/laboratorio/corrida/{corrida.id}',
                f'/admin/laboratorio/corrida/{corrida.id}/estado'):
        assert client.get(url).status_code == 403
    assert client.post(f'/admin/laboratorio/corrida/{corrida.id}/cancelar').status_code == 403
    assert not CorridaEnsayo.get_by_id(corrida.id).cancelar


def _corrida_hecha(crear_usuario, **campos):
    from reclamos.laboratorio.borradores import copiar

    borrador = copiar('Ajeno', crear_usuario('admin'))
    return CorridaEnsayo.create(borrador=borrador.id, desde=_hoy(), hasta=_hoy(),
                                **{'estado': 'en_curso', **campos})


def _ensayar(client, url, datos):
    """POST the run form from the draft page; the response (a redirect to the run's page)."""
    pagina = client.get(url).get_data(as_text=True)
    return client.post(f'{url}/ensayo', data={**datos, 'csrf_token': _csrf(pagina)})


def _esperar(client, corrida_url, limite=60):
    fin = time.monotonic() + limite
    while time.monotonic() < fin:
        estado = client.get(f'{corrida_url}/estado').get_json()
        if estado['estado'] not in ('en_cola', 'en_curso'):
            return estado
        time.sleep(0.05)
    raise AssertionError('la simulación no terminó')


def test_anonimo_al_login(client):
    respuesta = client.get('/admin/laboratorio/')
    assert respuesta.status_code == 302 and '/login' in respuesta.headers['Location']


def test_ensayo_y_comparacion(client, como, demo):
    como('admin')
    respuesta = _copiar(client)
    assert respuesta.status_code == 302
    url = respuesta.headers['Location']
    desde = (_hoy() - datetime.timedelta(days=90)).isoformat()
    respuesta = _ensayar(client, url, {'desde': desde, 'hasta': _hoy().isoformat()})
    assert respuesta.status_code == 302 and '/corrida/' in respuesta.headers['Location']
    corrida = respuesta.headers['Location']
    pagina = client.get(corrida).get_data(as_text=True)
    assert 'id="corrida-barra"' in pagina and 'corrida.js' in pagina
    estado = _esperar(client, corrida)
    assert estado['estado'] == 'terminada' and estado['progreso'] == 100
    respuesta = client.get(corrida)
    pagina = html.unescape(respuesta.get_data(as_text=True))
    assert respuesta.status_code == 200 and 'Terminada' in pagina
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
    respuesta = _ensayar(client, url, consulta)
    assert respuesta.status_code == 422
    assert mensaje in html.unescape(respuesta.get_data(as_text=True))
    assert not CorridaEnsayo.select().exists()


def test_ensayo_sin_token_no_arranca(client, como, demo):
    como('admin')
    url = _copiar(client).headers['Location']
    respuesta = client.post(f'{url}/ensayo', data={'desde': '2020-01-01',
                                                   'hasta': _hoy().isoformat()})
    assert respuesta.status_code == 400 and not CorridaEnsayo.select().exists()


def test_cancelar_por_formulario(client, como, demo, crear_usuario):
    como('admin')
    corrida = _corrida_hecha(crear_usuario)
    url = f'/admin/laboratorio/corrida/{corrida.id}'
    pagina = client.get(url).get_data(as_text=True)
    assert 'id="cancelar"' in pagina
    respuesta = client.post(f'{url}/cancelar', data={'csrf_token': _csrf(pagina)},
                            follow_redirects=True)
    assert 'Cancelación pedida' in html.unescape(respuesta.get_data(as_text=True))
    assert client.get(f'{url}/estado').get_json()['cancelando'] is True
    assert client.get('/admin/laboratorio/corrida/999999').status_code == 404


def test_corrida_huerfana_se_ve_fallida(client, como, demo, crear_usuario):
    como('admin')
    viejo = datetime.datetime.utcnow() - datetime.timedelta(hours=1)
    corrida = _corrida_hecha(crear_usuario, latido_en=viejo)
    estado = client.get(f'/admin/laboratorio/corrida/{corrida.id}/estado').get_json()
    assert estado['estado'] == 'fallida' and 'se reinició' in estado['error']
    pagina = html.unescape(client.get(f'/admin/laboratorio/corrida/{corrida.id}')
                           .get_data(as_text=True))
    assert 'Fallida' in pagina and 'id="cancelar"' not in pagina


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
    # The run's page: a progress bar polled from the server, then the result.
    # (the page may be reloading by itself when the short run ends: wait, do not count)
    pagina.wait_for_selector('#corrida-barra', state='attached')
    pagina.wait_for_selector('#comparacion', timeout=60000)
    assert pagina.get_attribute('#corrida-barra', 'aria-valuenow') == '100'
    assert pagina.inner_text('#corrida-estado') == 'Terminada'
    pagina.wait_for_selector('#grafico-pendientes .main-svg')
    pagina.wait_for_selector('#grafico-cumplimiento .main-svg')
    assert pagina.locator('#comparacion').is_visible()
    captura(pagina, 'laboratorio-comparacion')
    # The bar follows the row as the thread moves it (polled by corrida.js), and the page
    # turns to the final state by itself: a run driven here by hand, without a thread.
    corrida = CorridaEnsayo.create(borrador=BorradorConfiguracion.get().id, desde=_hoy(),
                                   hasta=_hoy(), estado='en_curso', progreso=10)
    pagina.goto(f'{servidor_vivo}/admin/laboratorio/corrida/{corrida.id}')
    assert pagina.get_attribute('#corrida-barra', 'aria-valuenow') == '10'
    CorridaEnsayo.update(progreso=60).where(CorridaEnsayo.id == corrida.id).execute()
    pagina.wait_for_selector('#corrida-barra[aria-valuenow="60"]')  # no eval under the CSP
    assert pagina.inner_text('#corrida-barra') == '60 %'
    captura(pagina, 'laboratorio-corrida')
    CorridaEnsayo.update(estado='cancelada').where(CorridaEnsayo.id == corrida.id).execute()
    pagina.wait_for_selector('#corrida-estado:text-is("Cancelada")')
    pagina.wait_for_selector('#cancelar', state='detached')  # the page reloaded by itself
