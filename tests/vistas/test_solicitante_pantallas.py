"""Requester and reception point over HTTP: the API takes and returns them (a bad one names
the field), the queue filters by them, the registration form offers them, the case page
shows them."""
from catalogos.atencion import PuntoRecepcion
from catalogos.organizacion import Area
from tests.apoyo.api import registro_valido
from tests.apoyo.casos import crear_caso
from tests.vistas.test_bandeja import _numeros

pytest_plugins = ('tests.apoyo.fixtures_api',)
JUZGADO = {'tipo_solicitante': 'autoridad_judicial', 'entidad_remitente': 'Juzgado 3 Civil',
           'expediente_entidad': 'T-77', 'punto_recepcion': 'LIMA_CENTRO'}


def test_api_registra_y_devuelve_el_solicitante(api_como, gente):
    api = api_como(gente.registrador)
    respuesta = api.post('/casos', json=registro_valido(
        **JUZGADO, plazo_entidad={'cantidad': 48, 'unidad': 'horas'}))
    assert respuesta.status_code == 201, respuesta.get_json()
    caso = respuesta.get_json()
    assert (caso['tipo_solicitante'], caso['entidad_remitente'], caso['expediente_entidad']) \
        == ('autoridad_judicial', 'Juzgado 3 Civil', 'T-77')
    assert caso['punto_recepcion']['codigo'] == 'LIMA_CENTRO'
    assert 'entidad' in {t['tipo'] for t in caso['terminos']}


def test_api_plazo_de_entidad_malo_nombra_el_campo(api_como, gente):
    api = api_como(gente.registrador)
    respuesta = api.post('/casos', json=registro_valido(
        **JUZGADO, plazo_entidad={'cantidad': 2, 'unidad': 'semanas'}))
    assert 400 <= respuesta.status_code < 500
    assert 'plazo_entidad' in str(respuesta.get_json())


def test_la_bandeja_filtra_por_punto_y_solicitante(client, como, demo, crear_usuario):
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    en_miraflores = crear_caso(registrador, punto_recepcion='MIRAFLORES',
                               tipo_solicitante='ciudadano')
    en_lima = crear_caso(registrador, punto_recepcion='LIMA_CENTRO')
    como('gerente')
    punto = PuntoRecepcion.get(PuntoRecepcion.codigo == 'MIRAFLORES')
    html = client.get(f'/casos/?vista=todos&punto_recepcion={punto.id}').get_data(as_text=True)
    assert en_miraflores.numero in _numeros(html) and en_lima.numero not in _numeros(html)
    assert 'Sucursal Miraflores' in html  # the filter select
    html = client.get('/casos/?vista=todos&tipo_solicitante=ciudadano').get_data(as_text=True)
    assert en_miraflores.numero in _numeros(html) and en_lima.numero not in _numeros(html)
    pagina = client.get(f'/casos/{en_miraflores.numero}').get_data(as_text=True)
    assert 'Sucursal Miraflores' in pagina and 'Ciudadano' in pagina


def test_el_formulario_de_registro_ofrece_los_campos(client, como, demo):
    como('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    html = client.get('/casos/nuevo').get_data(as_text=True)
    assert 'Tipo de solicitante' in html and 'Autoridad judicial' in html
    assert 'Oficina Lima Centro' in html and 'Plazo que fijó' in html
