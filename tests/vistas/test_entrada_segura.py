"""Hostile input on the screens: every text field has a maximum length, user text is escaped
wherever it is shown, and a document is always downloaded, never rendered."""
import io

import pytest
from wtforms import HiddenField, StringField
from wtforms.validators import Length

from catalogos.organizacion import Area
from reclamos.caso.gestion import comentar
from tests.apoyo.casos import crear_caso
from tests.conftest import token_csrf

SCRIPT = '<script>alert("xss")</script>'
IMAGEN = '<img src=x onerror=alert(1)>'


def _campos_de_texto(formulario, prefijo=''):
    """(name, field) of every text input, inline child forms included."""
    for campo in formulario:
        if hasattr(campo, 'entries') and hasattr(campo, 'form'):  # inline rows
            yield from _campos_de_texto(campo.form(meta={'csrf': False}),
                                        f'{prefijo}{campo.name}.')
        elif isinstance(campo, StringField) and not isinstance(campo, HiddenField):
            yield prefijo + campo.name, campo


def test_todo_campo_de_texto_tiene_largo_maximo(app):
    """Walks the create and edit forms of every generated screen (new screens included)."""
    sin_maximo = []
    with app.test_request_context():
        for vista in app.extensions['admin'][0]._views:
            if not hasattr(vista, 'create_form'):
                continue
            for formulario in (vista.create_form(), vista.edit_form()):
                for nombre, campo in _campos_de_texto(formulario):
                    if campo.type == 'CSRFTokenField':
                        continue
                    if not any(isinstance(v, Length) and (v.max or -1) > 0
                               for v in campo.validators):
                        sin_maximo.append(f'{vista.endpoint}.{nombre}')
    assert sorted(set(sin_maximo)) == []


def test_texto_largo_en_catalogo_rechazado_con_mensaje(client, como, demo):
    from catalogos.servicios import Servicio
    from tests.apoyo.formularios import valores_formulario

    como('admin')
    servicio = Servicio.select().first()
    url = f'/admin/servicios/edit/?id={servicio.id}'
    valores = valores_formulario(client.get(url).get_data(as_text=True))
    valores['descripcion'] = 'x' * 5001
    respuesta = client.post(url, data=valores)
    assert respuesta.status_code == 200  # the form again, with the message
    assert '5000' in respuesta.get_data(as_text=True)
    assert Servicio.get_by_id(servicio.id).descripcion != 'x' * 5001


@pytest.fixture
def caso_hostil(demo, crear_usuario):
    agente = crear_usuario('agente', area=Area.get(Area.codigo == 'MONITOREO'))
    caso = crear_caso(agente, motivo='SIN_SERVICIO', descripcion=f'Falla {SCRIPT}',
                      cliente={'tipo_documento_identidad': 'DNI',
                               'numero_documento': '40404040', 'nombre': f'Rosa {IMAGEN}'})
    comentar(caso, f'Nota {SCRIPT}', agente, '127.0.0.1')
    return agente, caso


def test_texto_de_usuarios_escapado_en_caso_y_bandeja(client, auth, caso_hostil):
    agente, caso = caso_hostil
    auth.login(agente.email)
    for url in (f'/casos/{caso.numero}', '/casos/?vista=area', '/casos/?vista=area&q=40404040'):
        html = client.get(url).get_data(as_text=True)
        assert SCRIPT not in html and IMAGEN not in html, url
        assert 'Rosa &lt;img src=x onerror=alert(1)&gt;' in html, url
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert 'Falla &lt;script&gt;' in html and 'Nota &lt;script&gt;' in html


def test_texto_de_usuarios_escapado_en_la_api(client, caso_hostil):
    """JSON carries the text as data (escaped by the client that renders it): unchanged."""
    from tests.apoyo.api import ClienteApi, pedir_token

    agente, caso = caso_hostil
    api = ClienteApi(client, pedir_token(client, agente.email))
    respuesta = api.get(f'/casos/{caso.numero}')
    assert respuesta.mimetype == 'application/json'
    assert respuesta.get_json()['descripcion'] == f'Falla {SCRIPT}'


def test_documento_html_disfrazado_no_se_sube_y_pdf_se_descarga(client, auth, caso_hostil):
    from reclamos.caso.documentos import Documento

    agente, caso = caso_hostil
    auth.login(agente.email)

    def subir(contenido, nombre):
        html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
        return client.post(f'/casos/{caso.numero}/documentos', content_type='multipart/form-data',
                           data={'csrf_token': token_csrf(html, 'csrf_salir'), 'tipo': 'recibido',
                                 'descripcion': 'x', 'archivo': (io.BytesIO(contenido), nombre)})

    assert subir(f'<html>{SCRIPT}</html>'.encode(), 'foto.png').status_code == 400
    assert subir(b'%PDF-1.4\n%%EOF\n', 'factura.pdf').status_code == 302
    documento = Documento.get(Documento.reclamo == caso.id)
    descarga = client.get(f'/casos/{caso.numero}/documentos/{documento.id}')
    assert descarga.headers['Content-Disposition'].startswith('attachment')
    assert descarga.headers['X-Content-Type-Options'] == 'nosniff'
    assert descarga.mimetype == 'application/pdf'


@pytest.mark.parametrize('url', ['file:///etc/passwd?{tipo}{numero}', 'ftp://erp/{numero}'])
def test_directorio_externo_solo_http(url):
    """A mistyped RECLAMOS_CLIENTES_URL must not make the server read local files."""
    from reclamos.clientes.buscador import BuscadorHttp, ErrorBuscadorClientes

    with pytest.raises(ErrorBuscadorClientes, match='http:// o https://'):
        BuscadorHttp(url).buscar('DNI', '45781236')
