"""Claim lines on the case page (seed 004): add, submit, approve, reject for good."""
from decimal import Decimal

import pytest

from catalogos.organizacion import Area
from reclamos.caso.lineas import LineaReclamo
from tests.apoyo.casos import crear_caso
from tests.apoyo.servidores import servidor_json
from tests.vistas.test_caso_pantalla import actuar


@pytest.fixture
def caso(demo, crear_usuario):
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    return crear_caso(registrador, motivo='CORTE_ENERGIA', documento_tipo='FACTURA',
                      documento_numero='F001-000123')


def _linea(caso, numero):
    return LineaReclamo.get(LineaReclamo.reclamo == caso.id, LineaReclamo.numero == numero)


def test_ciclo_de_lineas(client, como, caso, auth):
    como('agente', area=Area.get(Area.codigo == 'MONITOREO'))
    assert actuar(client, caso, 'agregar_linea', concepto='Cargo por reconexión',
                  monto_reclamado='120,50').status_code == 302
    assert actuar(client, caso, 'agregar_linea', concepto='Interés de mora',
                  monto_reclamado='15.00').status_code == 302
    for numero in (1, 2):
        assert actuar(client, caso, 'enviar_linea',
                      linea=str(_linea(caso, numero).id)).status_code == 302
    # The agent cannot approve.
    assert actuar(client, caso, 'aprobar_linea', linea=str(_linea(caso, 1).id)).status_code == 403
    auth.logout()
    como('supervisor', area=Area.get(Area.codigo == 'MONITOREO'))
    assert actuar(client, caso, 'aprobar_linea', linea=str(_linea(caso, 1).id),
                  monto_aprobado='100').status_code == 302
    assert actuar(client, caso, 'rechazar_linea', linea=str(_linea(caso, 2).id),
                  motivo='La mora corresponde').status_code == 302
    uno, dos = _linea(caso, 1), _linea(caso, 2)
    assert (uno.estado, uno.monto_aprobado) == ('APROBADO', Decimal('100.00'))
    assert dos.estado == 'RECHAZADO'
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert 'Cargo por reconexión' in html and 'Rechazado' in html
    # A rejected line is final.
    respuesta = actuar(client, caso, 'enviar_linea', linea=str(dos.id))
    assert respuesta.status_code == 400
    assert 'no puede volver a enviarse' in respuesta.get_data(as_text=True)


@pytest.mark.parametrize('datos, mensaje', [
    ({'concepto': '', 'monto_reclamado': '10'}, 'Indique el concepto'),
    ({'concepto': 'X', 'monto_reclamado': '-5'}, 'mayor que cero'),
    ({'concepto': 'X', 'monto_reclamado': 'mucho'}, 'Monto inválido'),
    ({'concepto': 'X', 'monto_reclamado': '1.005'}, 'dos decimales'),
])
def test_lineas_invalidas(client, como, caso, datos, mensaje):
    como('agente', area=Area.get(Area.codigo == 'MONITOREO'))
    respuesta = actuar(client, caso, 'agregar_linea', **datos)
    assert respuesta.status_code == 400 and mensaje in respuesta.get_data(as_text=True)
    assert not LineaReclamo.select().where(LineaReclamo.reclamo == caso.id).exists()


def test_linea_de_otro_caso(client, como, caso, demo, crear_usuario):
    como('agente', area=Area.get(Area.codigo == 'MONITOREO'))
    actuar(client, caso, 'agregar_linea', concepto='Cargo', monto_reclamado='10')
    otro = crear_caso(crear_usuario('agente', area=Area.get(Area.codigo == 'VENTAS')),
                      motivo='CORTE_ENERGIA', documento_tipo='FACTURA', documento_numero='F2')
    respuesta = actuar(client, otro, 'enviar_linea', linea=str(_linea(caso, 1).id))
    assert respuesta.status_code == 400 and 'no es de este caso' in respuesta.get_data(as_text=True)
    assert _linea(caso, 1).estado == 'BORRADOR'


@pytest.fixture
def sistema_documentos(app):
    """The company's document system: a real HTTP server on loopback."""
    lineas = {'lineas': [{'concepto': 'Consumo de energía', 'monto': '210.40'},
                         {'concepto': 'Cargo por reconexión', 'monto': '35.00'}]}
    with servidor_json(lambda ruta: lineas if 'F001-000123' in ruta else None) as base:
        app.config['RECLAMOS_DOCUMENTOS_URL'] = base + '/documentos/{tipo}/{numero}'
        yield base


def test_copiar_lineas_del_documento(client, como, caso, sistema_documentos):
    como('agente', area=Area.get(Area.codigo == 'MONITOREO'))
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert 'Copiar las líneas del documento' in html
    respuesta = actuar(client, caso, 'copiar_lineas')
    assert respuesta.status_code == 302
    copiadas = [(f.concepto, f.monto_reclamado) for f in LineaReclamo.select().where(
        LineaReclamo.reclamo == caso.id).order_by(LineaReclamo.numero)]
    assert copiadas == [('Consumo de energía', Decimal('210.40')),
                        ('Cargo por reconexión', Decimal('35.00'))]


def test_copiar_lineas_errores(client, como, demo, crear_usuario, app, sistema_documentos):
    como('agente', area=Area.get(Area.codigo == 'MONITOREO'))
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    desconocido = crear_caso(registrador, motivo='CORTE_ENERGIA', documento_tipo='FACTURA',
                             documento_numero='F999')
    respuesta = actuar(client, desconocido, 'copiar_lineas')
    assert respuesta.status_code == 400 and 'no conoce' in respuesta.get_data(as_text=True)
    app.config['RECLAMOS_DOCUMENTOS_URL'] = 'http://127.0.0.1:1/nadie/{numero}'
    respuesta = actuar(client, desconocido, 'copiar_lineas')
    assert respuesta.status_code == 400
    assert 'sistema de documentos' in respuesta.get_data(as_text=True)
    app.config['RECLAMOS_DOCUMENTOS_URL'] = ''
    respuesta = actuar(client, desconocido, 'copiar_lineas')
    assert respuesta.status_code == 400 and 'RECLAMOS_DOCUMENTOS_URL' in respuesta.get_data(
        as_text=True)
    assert not LineaReclamo.select().where(LineaReclamo.reclamo == desconocido.id).exists()
