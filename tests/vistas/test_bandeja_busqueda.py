"""The queue's search box: any word of the customer's name or the description, the case
number by its suffix, the document number; hostile text never breaks it."""
import pytest

from catalogos.organizacion import Area
from reclamos.caso.modelo import Reclamo
from tests.apoyo.casos import crear_caso
from tests.vistas.test_bandeja import _numeros


@pytest.fixture
def casos(demo, crear_usuario):
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    rosa = crear_caso(registrador, motivo='CORTE_ENERGIA', cliente={
        'tipo_documento_identidad': 'DNI', 'numero_documento': '41234567',
        'nombre': 'Rosa Elvira Quispe Mamani'},
        descripcion='El medidor registra lecturas dobles desde octubre.')
    otro = crear_caso(registrador, motivo='CORTE_ENERGIA', cliente={
        'tipo_documento_identidad': 'DNI', 'numero_documento': '47654321',
        'nombre': 'Rosario Pérez Díaz'},
        descripcion='Cortaron la luz sin aviso previo.')
    return rosa, otro


def buscar(client, texto):
    return _numeros(client.get('/casos/', query_string={'vista': 'todos', 'q': texto,
                                                        'estado': 'todos'})
                    .get_data(as_text=True))


@pytest.mark.parametrize('texto', ['Quispe', 'quispe', 'QUÍSPE', 'Mamani Rosa', 'Quis',
                                   'elvira'])
def test_cualquier_palabra_del_nombre(client, como, casos, texto):
    rosa, otro = casos
    como('gerente')
    encontrados = buscar(client, texto)
    assert rosa.numero in encontrados and otro.numero not in encontrados


def test_palabras_de_la_descripcion(client, como, casos):
    rosa, otro = casos
    como('gerente')
    assert buscar(client, 'lecturas dobles octubre') == [rosa.numero]
    assert rosa.numero in buscar(client, 'medidor') and otro.numero not in buscar(client,
                                                                             'medidor')
    assert otro.numero in buscar(client, 'aviso')
    assert otro.numero in buscar(client, 'Rosario Pérez Díaz')
    assert rosa.numero not in buscar(client, 'Rosario Pérez Díaz')


def test_numero_por_su_final_y_documento(client, como, casos):
    rosa, _ = casos
    como('gerente')
    sufijo = str(int(rosa.numero.split('-')[1]))
    assert rosa.numero in buscar(client, sufijo)
    assert buscar(client, rosa.numero) == [rosa.numero]
    assert buscar(client, '41234567') == [rosa.numero]
    ultimo = Reclamo.select().order_by(Reclamo.id.desc()).get()
    assert buscar(client, str(int(ultimo.numero.split('-')[1]) + 1000)) == []


@pytest.mark.parametrize('texto', ['"', 'a* OR b', "x' OR 1=1 --", 'NEAR(a b)', ':*', '&|!',
                                   'ñ' * 60, '-1', '0'])
def test_texto_hostil(client, como, casos, texto):
    como('gerente')
    respuesta = client.get('/casos/', query_string={'vista': 'todos', 'q': texto})
    assert respuesta.status_code == 200


def test_solo_lo_visible(client, como, casos):
    rosa, _ = casos
    como('agente', area=Area.get(Area.codigo == 'VENTAS'))
    assert buscar(client, 'Quispe') == []
