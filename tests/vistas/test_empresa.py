"""Organización > Empresa: the company profile in the panel, its tax id checks, the logo, and
the environment variables as overrides only."""
import io

import pytest

from tests.vistas.test_formularios_catalogos import enviar, texto

PNG = (b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00'
       b'\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N'
       b'\x00\x00\x00\x00IEND\xaeB`\x82')


@pytest.fixture
def admin(como):
    return como('admin')


def perfil(**cambios):
    return {'nombre': 'Aguas del Valle SA ESP', 'pais': 'CO', 'identificacion': '800197268-4',
            'direccion': 'Calle 10 # 5-20, Cali', 'url_publica': 'https://pqrs.aguas.co',
            'politica_datos': 'Tratamos sus datos según la Ley 1581 de 2012.', **cambios}


def test_crea_el_perfil_y_luego_solo_lo_edita(client, admin):
    from catalogos.empresa import Empresa
    from catalogos.organizacion import Calendario

    assert client.get('/admin/empresa/').location.endswith('/admin/empresa/new/')
    assert enviar(client, '/admin/empresa/new/', perfil()).status_code == 302
    empresa = Empresa.get()
    assert (empresa.identificacion, empresa.pais) == ('800197268-4', 'CO')
    calendario = Calendario.get()
    assert (calendario.pais, calendario.zona, calendario.predeterminado) == (
        'CO', 'America/Bogota', True)
    assert client.get('/admin/empresa/').location.endswith(f'/admin/empresa/edit/?id={empresa.id}')
    assert client.get('/admin/empresa/new/').status_code == 302  # never a second profile
    assert Empresa.select().count() == 1


@pytest.mark.parametrize('cambios, mensaje', [
    ({'identificacion': '800197268-5'}, 'El dígito de verificación del NIT 800197268 es 4'),
    ({'pais': 'PE', 'identificacion': '20100070971'}, 'dígito de verificación del RUC'),
    ({'pais': 'PE', 'identificacion': '800197268-4'}, 'El RUC tiene 11 dígitos'),
    ({'nombre': ''}, 'Escriba la razón social'),
    ({'url_publica': 'pqrs.aguas.co'}, 'empieza por https://'),
])
def test_rechaza_lo_invalido(client, admin, cambios, mensaje):
    from catalogos.empresa import Empresa

    respuesta = enviar(client, '/admin/empresa/new/', perfil(**cambios))
    assert respuesta.status_code == 200 and mensaje in texto(respuesta)
    assert not Empresa.select().exists()


def test_logo_png_se_sirve_y_otro_archivo_no(client, admin):
    from catalogos.empresa import Empresa

    malo = enviar(client, '/admin/empresa/new/', {
        **perfil(), 'logo_archivo': (io.BytesIO(b'MZ\x90\x00'), 'logo.exe',
                                     'application/octet-stream')})
    assert 'PNG o JPEG' in texto(malo) and not Empresa.select().exists()
    assert client.get('/portal/logo').status_code == 404
    bien = enviar(client, '/admin/empresa/new/', {
        **perfil(), 'logo_archivo': (io.BytesIO(PNG), 'logo.png', 'image/png')})
    assert bien.status_code == 302
    logo = client.get('/portal/logo')
    assert (logo.status_code, logo.mimetype, logo.data) == (200, 'image/png', PNG)


def test_el_portal_usa_el_perfil_y_el_entorno_lo_anula(app, client, admin):
    from catalogos.empresa import Empresa

    Empresa.create(nombre='Telecom Andina SAC', pais='PE', identificacion='20100070970',
                   libro_reclamaciones=True, politica_datos='Ley 29733: sus datos.')
    html = client.get('/portal/').get_data(as_text=True)
    assert 'Telecom Andina SAC' in html and 'Libro de Reclamaciones' in html
    assert 'Ley 29733: sus datos.' in html
    app.config.update(RECLAMOS_EMPRESA='Otra Razón SAC', RECLAMOS_LIBRO_RECLAMACIONES=False)
    html = client.get('/portal/').get_data(as_text=True)
    assert 'Otra Razón SAC' in html and 'Telecom Andina SAC' not in html
    assert 'Enviar hoja de reclamación' not in html


@pytest.mark.parametrize('pais, primero', [('CO', 'CC'), ('PE', 'DNI')])
def test_el_pais_pone_primero_sus_documentos(client, crear_usuario, pais, primero):
    """A Colombian company's forms open on CC, a Peruvian one's on DNI (portal and API)."""
    import re

    from catalogos.empresa import Empresa
    from tests.apoyo.api import pedir_token

    Empresa.create(nombre='Empresa', pais=pais)
    html = client.get('/portal/').get_data(as_text=True)
    select = html.split('name="cliente_tipo_documento_identidad"')[1].split('</select>')[0]
    opciones = [v for v in re.findall(r'<option value="([^"]*)"', select) if v]
    assert opciones[0] == primero
    admin = crear_usuario('admin')
    catalogos = client.get('/api/v1/catalogos', headers={
        'Authentication-Token': pedir_token(client, admin.email)}).get_json()
    assert catalogos['tipos_documento_identidad'][0]['codigo'] == primero


def test_vista_previa_de_carta_con_la_empresa(client, admin):
    from catalogos.empresa import Empresa
    from reclamos.portal.cartas import PlantillaCarta

    Empresa.create(nombre='Aguas del Valle SA ESP', pais='CO')
    plantilla = PlantillaCarta.create(
        codigo='F', nombre='F', asunto='Caso {{ numero }}',
        texto='{{ empresa }} responde a {{ cliente_nombre }} ({{ cliente_documento }}).')
    html = texto(client.get(f'/admin/plantillas_carta/vista-previa/{plantilla.id}'))
    assert 'Aguas del Valle SA ESP responde a Andrea Gómez Ruiz (CC 1020304050).' in html


def test_un_cambio_del_perfil_se_ve_en_la_siguiente_pagina(app, client, admin):
    """The portal reads the profile once per request, never a copy from an earlier one."""
    from catalogos.empresa import Empresa

    assert enviar(client, '/admin/empresa/new/', perfil()).status_code == 302
    assert 'Aguas del Valle SA ESP' in texto(client.get('/portal/'))
    empresa = Empresa.get()
    assert enviar(client, f'/admin/empresa/edit/?id={empresa.id}',
                  perfil(nombre='Aguas de Occidente SA ESP')).status_code == 302
    for ruta in ('/portal/', '/portal/seguimiento'):
        html = texto(client.get(ruta))
        assert 'Aguas de Occidente SA ESP' in html and 'Aguas del Valle SA ESP' not in html


def test_la_vista_previa_de_configuracion_no_deja_su_perfil(app, client, admin):
    """The preview imports the file's profile and rolls it back: the request itself reads
    the previewed name while it lasts, the original after, and the portal never sees it."""
    import json

    from bd import db
    from catalogos.configuracion import ErrorImportacion, exportar
    from catalogos.empresa import Empresa, dato
    from catalogos.secciones import importar_empresa
    from tests.conftest import token_csrf

    Empresa.create(**perfil())
    with app.test_request_context('/portal/'):
        assert dato('nombre', app.config) == 'Aguas del Valle SA ESP'
        with db.atomic() as transaccion:
            importar_empresa({'nombre': 'Ensayo SA'}, ErrorImportacion)
            assert dato('nombre', app.config) == 'Ensayo SA'
            transaccion.rollback()
        assert dato('nombre', app.config) == 'Aguas del Valle SA ESP'

    datos = exportar(completa=True)
    datos['empresa']['nombre'] = 'Ensayo SA'
    pagina = texto(client.get('/admin/configuracion/'))
    previa = client.post('/admin/configuracion/vista-previa', data={
        'csrf_token': token_csrf(pagina),
        'archivo': (io.BytesIO(json.dumps(datos).encode()), 'c.json')},
        content_type='multipart/form-data')
    assert previa.status_code == 200 and 'Aplicar' in texto(previa)
    html = texto(app.test_client().get('/portal/'))
    assert 'Aguas del Valle SA ESP' in html and 'Ensayo SA' not in html
    assert Empresa.get().nombre == 'Aguas del Valle SA ESP'
