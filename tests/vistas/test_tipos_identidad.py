"""Identity document types as the admin edits them, and every way a customer arrives (staff
form, portal, API, customer screen) refusing a bad number with the field named, nothing saved."""

from catalogos.identidad import TipoIdentidad
from catalogos.organizacion import Area
from reclamos.caso.modelo import Reclamo
from reclamos.clientes.modelo import Cliente
from tests.apoyo.api import huella, registro_valido
from tests.apoyo.portal import presentar
from tests.conftest import token_csrf
from tests.vistas.test_registro_pantalla import _enviar, _formulario

pytest_plugins = ('tests.apoyo.fixtures_api',)


def _cuentas():
    return Reclamo.select().count(), Cliente.select().count()


def test_el_admin_crea_y_desactiva_un_tipo(client, como):
    como('admin')
    pagina = client.get('/admin/tipos_identidad/').get_data(as_text=True)
    assert 'DNI (Perú)' in pagina and 'Colombia y Perú' in pagina
    token = token_csrf(client.get('/admin/tipos_identidad/new/').get_data(as_text=True))
    malo = client.post('/admin/tipos_identidad/new/', data={
        'csrf_token': token, 'codigo': 'DIPLO', 'nombre': 'Carné diplomático', 'pais': 'PE',
        'regla': 'pas', 'orden': '7', 'activo': 'y'})
    assert 'admite hasta 3 caracteres' in malo.get_data(as_text=True)
    assert not TipoIdentidad.select().where(TipoIdentidad.nombre == 'Carné diplomático').exists()
    client.post('/admin/tipos_identidad/new/', data={
        'csrf_token': token, 'codigo': 'CD', 'nombre': 'Carné diplomático', 'pais': 'PE',
        'regla': 'pas', 'orden': '7', 'activo': 'y'})
    nuevo = TipoIdentidad.get(TipoIdentidad.codigo == 'CD')
    assert (nuevo.regla, nuevo.pais, nuevo.activo) == ('pas', 'PE', True)


def test_el_agente_no_edita_tipos(client, como):
    como('agente')
    pas = TipoIdentidad.get(TipoIdentidad.codigo == 'PAS')
    respuesta = client.post(f'/admin/tipos_identidad/edit/?id={pas.id}',
                            data={'codigo': 'PAS', 'nombre': 'Otro', 'activo': ''})
    assert respuesta.status_code == 403
    assert TipoIdentidad.get_by_id(pas.id).nombre == 'Pasaporte'


def test_formulario_del_personal_rechaza_nit_de_digito_malo(client, como, demo):
    como('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    html = client.get('/casos/nuevo').get_data(as_text=True)
    assert 'Pasaporte' in html
    antes = _cuentas()
    respuesta = _enviar(client, _formulario(cliente_tipo_documento_identidad='NIT',
                                            cliente_numero_documento='900123456-7'))
    html = respuesta.get_data(as_text=True)
    assert 'data-campo="cliente.numero_documento"' in html
    assert 'El dígito de verificación del NIT 900123456 es 8, no 7.' in html
    assert _cuentas() == antes


def test_tipo_inactivo_ya_no_se_ofrece_ni_se_acepta(client, demo):
    TipoIdentidad.update(activo=False).where(TipoIdentidad.codigo == 'CE').execute()
    assert 'Carné o cédula de extranjería' not in client.get('/portal/').get_data(as_text=True)
    antes = _cuentas()
    respuesta = presentar(client, cliente_tipo_documento_identidad='CE',
                          cliente_numero_documento='X1234567')
    assert respuesta.status_code == 400
    assert 'inactivo' in respuesta.get_data(as_text=True)
    assert _cuentas() == antes


def test_portal_rechaza_ruc_de_digito_malo(client, demo):
    antes = _cuentas()
    respuesta = presentar(client, cliente_tipo_documento_identidad='RUC',
                          cliente_numero_documento='20512345678')
    html = respuesta.get_data(as_text=True)
    assert respuesta.status_code == 400
    assert 'El dígito de verificación del RUC 2051234567 es 1, no 8.' in html
    assert _cuentas() == antes
    assert presentar(client, cliente_tipo_documento_identidad='RUC',
                     cliente_numero_documento='20512345671').status_code == 302


def test_api_rechaza_nit_de_digito_malo_nombrando_el_campo(api_como, gente):
    api = api_como(gente.registrador)
    antes = huella()
    respuesta = api.post('/casos', json=registro_valido(cliente={
        'tipo_documento_identidad': 'NIT', 'numero_documento': '9001234560', 'nombre': 'Espiga'}))
    assert respuesta.status_code == 422
    assert 'dígito de verificación' in respuesta.get_json()['errores']['cliente.numero_documento']
    assert huella() == antes
    tipos = api.get('/catalogos').get_json()['tipos_documento_identidad']
    assert 'NIT' in str(tipos)


def test_pantalla_de_clientes_lista_los_tipos_activos_y_valida(client, como):
    como('admin')
    TipoIdentidad.update(activo=False).where(TipoIdentidad.codigo == 'PAS').execute()
    html = client.get('/admin/clientes/new/').get_data(as_text=True)
    assert 'RUC (Perú)' in html and 'Pasaporte' not in html
    respuesta = client.post('/admin/clientes/new/', data={
        'csrf_token': token_csrf(html), 'tipo_documento_identidad': 'RUC',
        'numero_documento': '20123456789', 'nombre': 'Andina SAC'})
    assert 'El dígito de verificación del RUC 2012345678 es 6, no 9.' in respuesta.get_data(
        as_text=True)
    assert Cliente.select().count() == 0


def test_un_tipo_con_clientes_no_se_borra(client, como):
    como('admin')
    Cliente.create(tipo_documento_identidad='DNI', numero_documento='45781236', nombre='Rosa')
    dni = TipoIdentidad.get(TipoIdentidad.codigo == 'DNI')
    lista = client.get('/admin/tipos_identidad/').get_data(as_text=True)
    respuesta = client.post('/admin/tipos_identidad/delete/', data={
        'id': str(dni.id), 'csrf_token': token_csrf(lista)}, follow_redirects=True)
    assert 'Clientes (1)' in respuesta.get_data(as_text=True)
    assert TipoIdentidad.select().where(TipoIdentidad.codigo == 'DNI').exists()
