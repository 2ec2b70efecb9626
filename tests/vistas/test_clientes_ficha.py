"""A customer's page: their cases (only those the reader may see) and the contacts."""
from catalogos.organizacion import Area
from reclamos.caso.gestion import comentar
from reclamos.clientes.modelo import Cliente
from tests.apoyo.casos import crear_caso

CLIENTE = {'tipo_documento_identidad': 'DNI', 'numero_documento': '43210987',
           'nombre': 'Julia Ccori Apaza', 'telefono': '987000111'}


def test_casos_y_contactos_del_cliente(client, como, demo, crear_usuario):
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    de_monitoreo = crear_caso(registrador, motivo='SIN_SERVICIO', cliente=CLIENTE)
    de_soporte = crear_caso(registrador, motivo='LENTITUD', cliente=CLIENTE)
    comentar(de_monitoreo, 'Le llamamos para coordinar la visita.', registrador, '',
             visible_cliente=True)
    comentar(de_monitoreo, 'Nota interna que el cliente no ve.', registrador, '')
    cliente = Cliente.get(Cliente.numero_documento == '43210987')
    como('agente', area=Area.get(Area.codigo == 'MONITOREO'))
    html = client.get(f'/admin/clientes/ficha/{cliente.id}').get_data(as_text=True)
    assert 'Julia Ccori Apaza' in html and '987000111' in html
    assert de_monitoreo.numero in html and de_soporte.numero not in html
    assert 'Le llamamos para coordinar la visita.' in html
    assert 'Nota interna' not in html
    assert client.get('/admin/clientes/ficha/999999').status_code == 404
    # The case page links to it.
    caso = client.get(f'/casos/{de_monitoreo.numero}').get_data(as_text=True)
    assert f'/admin/clientes/ficha/{cliente.id}' in caso


def test_el_gerente_ve_todos(client, como, demo, crear_usuario):
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    casos = [crear_caso(registrador, motivo=m, cliente=CLIENTE) for m in ('SIN_SERVICIO',
                                                                          'LENTITUD')]
    como('gerente')
    cliente = Cliente.get(Cliente.numero_documento == '43210987')
    html = client.get(f'/admin/clientes/ficha/{cliente.id}').get_data(as_text=True)
    assert all(c.numero in html for c in casos)
