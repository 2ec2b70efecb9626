"""Attaching documents through the API: multipart, checked by content and size, by role."""
import io

from reclamos.caso.documentos import Documento
from tests.apoyo.api import registro_valido

pytest_plugins = ('tests.apoyo.fixtures_api',)
PDF = b'%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n'


def _caso(api_como, gente):
    respuesta = api_como(gente.registrador).post('/casos', json=registro_valido())
    assert respuesta.status_code == 201, respuesta.get_json()
    return respuesta.get_json()['numero']


def _subir(api, numero, contenido=PDF, nombre='factura.pdf', **campos):
    datos = {'tipo': 'recibido', 'descripcion': 'Factura', **campos}
    if contenido is not None:
        datos['archivo'] = (io.BytesIO(contenido), nombre)
    return api.post(f'/casos/{numero}/documentos', data=datos,
                    content_type='multipart/form-data')


def test_adjuntar(api_como, gente):
    numero = _caso(api_como, gente)
    respuesta = _subir(api_como(gente.agente), numero, archivo_fisico='CAJA-1')
    assert respuesta.status_code == 201, respuesta.get_json()
    documento = respuesta.get_json()['documento']
    assert (documento['mime'], documento['tamano'], documento['archivo_fisico']) == (
        'application/pdf', len(PDF), 'CAJA-1')
    assert Documento.get_by_id(documento['id']).nombre == 'factura.pdf'


def test_adjuntar_rechazos(api_como, gente):
    numero = _caso(api_como, gente)
    api = api_como(gente.agente)
    casos = [
        (_subir(api, numero, b'MZ\x90\x00', 'factura.pdf'), 422, 'archivo'),
        (_subir(api, numero, None), 422, 'archivo'),
        (_subir(api, numero, tipo='robado'), 422, 'tipo'),
        (_subir(api, numero, descripcion='a\x00b'), 422, 'descripcion'),
        (api.post(f'/casos/{numero}/documentos', json={'tipo': 'recibido'}), 400, 'cuerpo'),
        (_subir(api_como(gente.ventas), numero), 404, 'numero'),
        (_subir(api_como(gente.gerente), numero), 403, None),
    ]
    for respuesta, estado, campo in casos:
        assert respuesta.status_code == estado, respuesta.get_json()
        if campo:
            assert campo in respuesta.get_json()['errores']
    assert not Documento.select().exists()


def test_adjuntar_sin_token(client, api_como, gente):
    numero = _caso(api_como, gente)
    respuesta = client.post(f'/api/v1/casos/{numero}/documentos', data={'tipo': 'recibido'},
                            content_type='multipart/form-data')
    assert respuesta.status_code == 401
