"""Registering a case through the agents' form, as a browser posts it."""
import pytest

from catalogos.atencion import Canal
from catalogos.organizacion import Area
from catalogos.servicios import Motivo, Servicio
from reclamos.caso.modelo import Reclamo
from tests.conftest import token_csrf


@pytest.fixture
def agente(como, demo):
    return como('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))


def _formulario(**cambios):
    motivo = Motivo.get(Motivo.codigo == 'CONSUMO_EXCESIVO_AGUA')
    datos = {
        'origen': 'externo', 'canal': str(Canal.get(Canal.codigo == 'VENTANILLA').id),
        'cliente_tipo_documento_identidad': 'DNI', 'cliente_numero_documento': '41234567',
        'cliente_nombre': 'Rosa Quispe', 'cliente_email': 'rosa@correo.pe',
        'servicio': str(motivo.servicio_id), 'motivo': str(motivo.id),
        'campo.numero_suministro': 'S-00991', 'campo.tipo_predio': 'Comercial',
        'campo.lectura_medidor': '1234.5', 'campo.solicita_inspeccion': 'si',
        'descripcion': 'El recibo de octubre triplica el consumo habitual.',
    }
    datos.update(cambios)
    return {k: v for k, v in datos.items() if v is not None}


def _enviar(client, datos):
    token = token_csrf(client.get('/casos/nuevo').get_data(as_text=True))
    return client.post('/casos/nuevo', data={**datos, 'csrf_token': token})


def test_registrar_por_formulario(client, agente):
    respuesta = _enviar(client, _formulario())
    assert respuesta.status_code == 302, respuesta.get_data(as_text=True)[-3000:]
    numero = respuesta.headers['Location'].rsplit('/', 1)[1]
    reclamo = Reclamo.get(Reclamo.numero == numero)
    assert reclamo.registrado_por_id == agente.id
    assert reclamo.valores_campos()['tipo_predio'] == 'Comercial'
    assert reclamo.valores_campos()['solicita_inspeccion'] is True
    assert reclamo.cliente.nombre == 'Rosa Quispe'
    pagina = client.get(f'/casos/{reclamo.numero}').get_data(as_text=True)
    assert 'Rosa Quispe' in pagina and 'Tipo de predio' in pagina and 'Comercial' in pagina


@pytest.mark.parametrize('cambios, campo, mensaje', [
    ({'descripcion': '   '}, 'descripcion', 'la descripción es obligatoria'),
    ({'campo.tipo_predio': None}, 'campos.tipo_predio', 'es obligatorio'),
    ({'campo.lectura_medidor': 'mucho'}, 'campos.lectura_medidor', 'Lectura del medidor'),
    ({'cliente_numero_documento': ''}, 'cliente.numero_documento', ''),
    ({'recibido_en': '2999-01-01T10:00'}, 'recibido_en', 'no puede estar en el futuro'),
    ({'canal': '999999'}, 'canal', ''),
])
def test_datos_malos_no_registran(client, agente, cambios, campo, mensaje):
    antes = Reclamo.select().count()
    respuesta = _enviar(client, _formulario(**cambios))
    html = respuesta.get_data(as_text=True)
    assert respuesta.status_code == 200
    assert f'data-campo="{campo}"' in html, html[html.find('id="errores"'):][:500]
    assert mensaje in html
    assert Reclamo.select().count() == antes


def test_producto_de_otro_servicio(client, agente):
    from catalogos.servicios import Producto
    fibra = Producto.get(Producto.codigo == 'FIBRA_HOGAR')
    antes = Reclamo.select().count()
    respuesta = _enviar(client, _formulario(producto=str(fibra.id)))
    assert respuesta.status_code == 200
    assert Reclamo.select().count() == antes


def test_sin_csrf_no_registra(client, agente):
    antes = Reclamo.select().count()
    respuesta = client.post('/casos/nuevo', data=_formulario())
    assert respuesta.status_code == 200
    assert 'expiró' in respuesta.get_data(as_text=True)
    assert Reclamo.select().count() == antes


def test_gerente_no_registra(client, como, demo):
    como('gerente')
    assert client.get('/casos/nuevo').status_code == 403
    assert client.post('/casos/nuevo', data=_formulario()).status_code == 403


def test_catalogo_dependiente(client, agente):
    agua = Servicio.get(Servicio.codigo == 'AGUA')
    datos = client.get(f'/casos/catalogo?servicio={agua.id}').get_json()
    assert [p['nombre'] for p in datos['productos']] == ['Conexión doméstica de agua']
    assert [m['nombre'] for m in datos['motivos']] == ['Consumo excesivo facturado']
    motivo = Motivo.get(Motivo.codigo == 'CONSUMO_EXCESIVO_AGUA')
    campos = client.get(f'/casos/catalogo?motivo={motivo.id}').get_json()['campos']
    assert [c['codigo'] for c in campos][:2] == ['numero_suministro', 'lectura_medidor']
    assert client.get('/casos/catalogo?servicio=abc').get_json()['motivos'] == []


def test_aviso_de_duplicado_y_vinculo(client, agente):
    from reclamos.caso.acciones import Accion

    primera = _enviar(client, _formulario())
    numero = primera.headers['Location'].rsplit('/', 1)[1]
    antes = Reclamo.select().count()
    # Same customer, same motive, still open: warned, nothing saved yet.
    aviso = _enviar(client, _formulario(descripcion='Otra vez el recibo altísimo.'))
    html = aviso.get_data(as_text=True)
    assert aviso.status_code == 200 and 'id="duplicados"' in html and numero in html
    assert Reclamo.select().count() == antes
    # Linking adds the new text to the existing case instead of a new case.
    vinculo = _enviar(client, _formulario(descripcion='Otra vez el recibo altísimo.',
                                          vincular_a=numero))
    assert vinculo.status_code == 302 and vinculo.headers['Location'].endswith(numero)
    assert Reclamo.select().count() == antes
    original = Reclamo.get(Reclamo.numero == numero)
    assert Accion.select().where(Accion.reclamo == original.id,
                                 Accion.texto.contains('Otra vez el recibo')).exists()
    # Or the agent confirms it is a new case.
    nuevo = _enviar(client, _formulario(descripcion='Otra vez el recibo altísimo.',
                                        confirmar='1'))
    assert nuevo.status_code == 302
    assert Reclamo.select().count() == antes + 1


def test_vincular_a_un_caso_cualquiera_no_sirve(client, agente):
    """vincular_a must name one of the warned duplicates, not any case number."""
    otro = Reclamo.select().where(Reclamo.motivo != Motivo.get(
        Motivo.codigo == 'CONSUMO_EXCESIVO_AGUA').id).first()
    antes = Reclamo.select().count()
    respuesta = _enviar(client, _formulario(cliente_numero_documento='49999999',
                                            vincular_a=otro.numero))
    assert respuesta.status_code == 302
    assert Reclamo.select().count() == antes + 1


@pytest.mark.parametrize('cambios, campo', [
    ({'campo.lectura_medidor': '9' * 5000}, 'campos.lectura_medidor'),
    ({'cliente_email': 'a' * 250 + '@correo.pe'}, 'cliente.email'),
])
def test_valores_enormes_se_rechazan_sin_error_500(client, agente, cambios, campo):
    antes = Reclamo.select().count()
    respuesta = _enviar(client, _formulario(confirmar='1', **cambios))
    assert respuesta.status_code == 200
    assert f'data-campo="{campo}"' in respuesta.get_data(as_text=True)
    assert Reclamo.select().count() == antes


def test_caracter_nul_rechazado(client, agente):
    antes = Reclamo.select().count()
    respuesta = _enviar(client, _formulario(descripcion='hola\x00mundo', confirmar='1'))
    assert respuesta.status_code == 400
    assert Reclamo.select().count() == antes


def test_buscar_cliente_por_documento(client, agente):
    _enviar(client, _formulario(confirmar='1'))
    datos = client.get('/casos/cliente?tipo=DNI&numero=41234567').get_json()
    assert datos['cliente']['nombre'] == 'Rosa Quispe'
    assert datos['cliente']['email'] == 'rosa@correo.pe'
    assert client.get('/casos/cliente?tipo=DNI&numero=49999998').status_code == 404
    assert client.get('/casos/cliente?tipo=DNI').status_code == 422


def test_buscar_cliente_en_el_sistema_de_la_empresa(client, agente, app):
    """The HTTP adapter against a real server on loopback."""
    from tests.apoyo.servidores import servidor_json

    cliente = {'cliente': {'nombre': 'Cliente Externo SAC', 'correo': 'ext@empresa.pe'}}
    with servidor_json(lambda ruta: cliente) as base:
        app.config['RECLAMOS_CLIENTES_URL'] = base + '/clientes'
        datos = client.get('/casos/cliente?tipo=RUC&numero=20100100100').get_json()
        assert datos['cliente'] == {'nombre': 'Cliente Externo SAC', 'email': 'ext@empresa.pe',
                                    'telefono': '', 'direccion': ''}
    app.config['RECLAMOS_CLIENTES_URL'] = 'http://127.0.0.1:1/nadie'
    respuesta = client.get('/casos/cliente?tipo=RUC&numero=20100100100')
    assert respuesta.status_code == 502
    assert 'directorio' in respuesta.get_json()['errores']['cliente']
