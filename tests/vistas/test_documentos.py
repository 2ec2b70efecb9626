"""Documents of a case: upload checked by content and size, download only for who may see."""
import io
import re

import pytest

from catalogos.organizacion import Area
from reclamos.caso.acciones import Accion
from reclamos.caso.documentos import Documento
from tests.apoyo.casos import crear_caso

PDF = b'%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'


@pytest.fixture
def caso(demo, crear_usuario):
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    return crear_caso(registrador, motivo='CORTE_ENERGIA')


def subir(client, caso, contenido=PDF, nombre='factura.pdf', **datos):
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    token = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html).group(1)
    campos = {'csrf_token': token, 'tipo': 'recibido', 'descripcion': 'Factura de octubre',
              'archivo_fisico': 'CAJA-12/CARPETA-3', **datos}
    if contenido is not None:
        campos['archivo'] = (io.BytesIO(contenido), nombre)
    return client.post(f'/casos/{caso.numero}/documentos', data=campos,
                       content_type='multipart/form-data')


def test_subir_y_descargar(client, como, caso):
    como('agente', area=Area.get(Area.codigo == 'MONITOREO'))
    assert subir(client, caso).status_code == 302
    documento = Documento.get(Documento.reclamo == caso.id)
    assert (documento.mime, documento.tamano, documento.archivo_fisico) == (
        'application/pdf', len(PDF), 'CAJA-12/CARPETA-3')
    assert Accion.select().where(Accion.reclamo == caso.id, Accion.tipo == 'documento').exists()
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert 'factura.pdf' in html and 'CAJA-12/CARPETA-3' in html
    descarga = client.get(f'/casos/{caso.numero}/documentos/{documento.id}')
    assert descarga.status_code == 200 and descarga.data == PDF
    assert descarga.headers['Content-Type'] == 'application/pdf'
    assert 'attachment' in descarga.headers['Content-Disposition']


def test_documento_solicitado_sin_archivo(client, como, caso):
    como('agente', area=Area.get(Area.codigo == 'MONITOREO'))
    respuesta = subir(client, caso, contenido=None, tipo='solicitado',
                      descripcion='Copia del DNI del titular')
    assert respuesta.status_code == 302
    assert Documento.get(Documento.reclamo == caso.id).descripcion == 'Copia del DNI del titular'


@pytest.mark.parametrize('contenido, nombre, datos, mensaje', [
    (b'MZ\x90\x00\x03', 'factura.pdf', {}, 'no corresponde'),
    (b'#!/bin/sh\nrm -rf /', 'script.sh', {}, 'no permitido'),
    (b'', 'vacio.pdf', {}, 'no corresponde'),
    (None, '', {}, 'Adjunte el archivo'),
    (PDF, 'factura.pdf', {'tipo': 'robado'}, 'Tipo de documento desconocido'),
    (PDF, 'factura.pdf', {'descripcion': 'x' * 301}, 'hasta 300'),
])
def test_subidas_rechazadas(client, como, caso, contenido, nombre, datos, mensaje):
    como('agente', area=Area.get(Area.codigo == 'MONITOREO'))
    respuesta = subir(client, caso, contenido=contenido, nombre=nombre, **datos)
    assert respuesta.status_code == 400
    assert mensaje in respuesta.get_data(as_text=True)
    assert not Documento.select().where(Documento.reclamo == caso.id).exists()


def test_archivo_demasiado_grande(client, como, caso, app):
    app.config['RECLAMOS_ADJUNTO_MAX'] = 1024
    como('agente', area=Area.get(Area.codigo == 'MONITOREO'))
    respuesta = subir(client, caso, contenido=PDF + b'0' * 2048)
    assert respuesta.status_code == 400 and 'supera el máximo' in respuesta.get_data(as_text=True)
    assert not Documento.select().where(Documento.reclamo == caso.id).exists()


def test_otros_no_descargan(client, como, caso, auth):
    como('agente', area=Area.get(Area.codigo == 'MONITOREO'))
    subir(client, caso)
    documento = Documento.get(Documento.reclamo == caso.id)
    auth.logout()
    url = f'/casos/{caso.numero}/documentos/{documento.id}'
    assert client.get(url).status_code == 302  # anonymous: to the login page
    como('agente', area=Area.get(Area.codigo == 'VENTAS'))
    assert client.get(url).status_code == 404
    auth.logout()
    como('gerente')
    assert client.get(url).status_code == 200
    # Another case's number does not open this document.
    otro = crear_caso(documento.usuario, motivo='CORTE_ENERGIA')
    assert client.get(f'/casos/{otro.numero}/documentos/{documento.id}').status_code == 404
