"""The whole configuration in the panel: download, preview of what changes, apply all or
nothing; letters, company profile and users travel too (never passwords), and imported users
set their password from an invitation link."""
import io
import json

import pytest

from catalogos.configuracion import exportar, importar, previsualizar
from tests.conftest import _vaciar, token_csrf


@pytest.fixture
def empresa_y_cartas(app, demo):
    from catalogos.empresa import Empresa
    from reclamos.portal.cartas import PlantillaCarta

    Empresa.create(nombre='Telecom Andina SAC', pais='PE', identificacion='20100070970',
                   libro_reclamaciones=True, logo=b'\x89PNG-x', logo_tipo='image/png')
    PlantillaCarta.create(codigo='FAVORABLE', nombre='Favorable', asunto='Caso {{ numero }}',
                          texto='Estimado(a) {{ cliente_nombre }}.')


def test_ida_y_vuelta_completa_sin_contrasenas(app, empresa_y_cartas):
    from catalogos.usuarios import Usuario

    primera = exportar(completa=True)
    texto = json.dumps(primera)
    assert 'password' not in texto and 'fs_uniquifier' not in texto
    assert {u['email'] for u in primera['usuarios']} == {
        u.email for u in Usuario.select()}
    assert primera['catalogos']['plantillas_carta'][0]['codigo'] == 'FAVORABLE'
    assert primera['empresa']['identificacion'] == '20100070970'
    _vaciar()
    resumen = importar(primera)
    assert sorted(resumen['invitar']) == sorted(u['email'] for u in primera['usuarios'])
    assert exportar(completa=True) == primera
    assert all(u.password.startswith('!') for u in Usuario.select())


def test_vista_previa_no_cambia_nada(app, demo):
    from catalogos.organizacion import Area

    datos = exportar(completa=True)
    datos['catalogos']['areas'][0]['nombre'] = 'Otro nombre'
    datos['catalogos']['areas'].append({'codigo': 'NUEVA', 'nombre': 'Nueva'})
    plan = previsualizar(datos)
    assert plan['areas']['crear'] == ['NUEVA']
    assert plan['areas']['cambiar'] == [datos['catalogos']['areas'][0]['codigo']]
    assert plan['motivos'] == {'crear': [], 'cambiar': [], 'igual': 8}
    assert not Area.select().where(Area.codigo == 'NUEVA').exists()


def _subir(client, contenido):
    pagina = client.get('/admin/configuracion/').get_data(as_text=True)
    return client.post('/admin/configuracion/vista-previa', data={
        'csrf_token': token_csrf(pagina), 'archivo': (io.BytesIO(contenido), 'c.json')},
        content_type='multipart/form-data', follow_redirects=True)


def test_panel_descarga_revisa_aplica_e_invita(app, client, como, empresa_y_cartas):
    from catalogos.usuarios import Usuario

    como('admin')
    descarga = client.get('/admin/configuracion/exportar')
    assert descarga.mimetype == 'application/json'
    assert 'attachment' in descarga.headers['Content-Disposition']
    datos = json.loads(descarga.data)
    datos['usuarios'].append({'email': 'nuevo@telecom.pe', 'nombre': 'Nuevo', 'area': 'VENTAS',
                              'activo': True, 'roles': ['agente']})
    previa = _subir(client, json.dumps(datos).encode()).get_data(as_text=True)
    assert 'nuevo@telecom.pe' in previa and 'Aplicar' in previa
    assert not Usuario.select().where(Usuario.email == 'nuevo@telecom.pe').exists()
    aplicada = client.post('/admin/configuracion/aplicar', data={
        'csrf_token': token_csrf(previa), 'datos': json.dumps(datos)})
    html = aplicada.get_data(as_text=True)
    assert 'Configuración aplicada' in html or aplicada.status_code == 200
    nuevo = Usuario.get(Usuario.email == 'nuevo@telecom.pe')
    assert nuevo.nombres_roles() == {'agente'} and nuevo.area.codigo == 'VENTAS'
    enlace = html.split('nuevo@telecom.pe</strong>: <code>')[1].split('</code>')[0]
    ruta = enlace.split('localhost', 1)[1]

    invitado = app.test_client()
    formulario = invitado.get(ruta)
    assert formulario.status_code == 200
    definida = invitado.post(ruta, data={
        'csrf_token': token_csrf(formulario.get_data(as_text=True)),
        'contrasena': 'clave-de-nuevo-1', 'contrasena2': 'clave-de-nuevo-1'})
    assert definida.status_code == 302
    from tests.conftest import Auth
    assert Auth(invitado).login('nuevo@telecom.pe', 'clave-de-nuevo-1').status_code == 302
    assert app.test_client().get(ruta).status_code == 404  # used once: dead


@pytest.mark.parametrize('contenido, mensaje', [
    (b'{no es json', 'no es JSON'),
    (b'\xff\xfe\x00', 'no es JSON'),
    (json.dumps({'formato': 'otro'}).encode(), 'no es una configuración de Reclamos'),
    (json.dumps({'formato': 'reclamos-configuracion', 'version': 1, 'catalogos': {},
                 'usuarios': [{'email': 'a@b.pe', 'password': 'x', 'roles': []}]}).encode(),
     'no lleva contraseñas'),
])
def test_archivo_malo_no_importa_nada(app, client, como, contenido, mensaje):
    from catalogos.usuarios import Usuario

    como('admin')
    antes = Usuario.select().count()
    html = _subir(client, contenido).get_data(as_text=True)
    assert mensaje in html and 'No se importó nada' in html
    assert Usuario.select().count() == antes


@pytest.mark.parametrize('rol', ['supervisor', 'agente', 'gerente'])
def test_solo_admin(client, como, rol):
    como(rol)
    assert client.get('/admin/configuracion/').status_code == 403
    assert client.get('/admin/configuracion/exportar').status_code == 403
