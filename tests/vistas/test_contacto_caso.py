"""F2 (issue 15) and the staff side of issue 19: a registration by form or API never rewrites
a known customer; staff who may edit customers decide on the case page; printed letters'
delivery is recorded only on the case it belongs to; one message at resolution."""
from catalogos.organizacion import Area
from reclamos.caso.acciones import Accion
from reclamos.caso.flujo import transicionar
from reclamos.caso.modelo import Reclamo
from reclamos.clientes.modelo import Cliente
from reclamos.correo.salida import Correo
from reclamos.portal.cartas import enviar_carta
from reclamos.portal.entregas import EntregaCarta
from tests.apoyo.api import registro_valido
from tests.apoyo.casos import crear_caso
from tests.conftest import token_csrf

pytest_plugins = ('tests.apoyo.fixtures_api',)
ROSA = {'tipo_documento_identidad': 'DNI', 'numero_documento': '45781236', 'nombre': 'Rosa Quispe',
        'email': 'rosa@correo.pe', 'telefono': '987654321'}


def _post(client, numero, ruta, **datos):
    html = client.get('/casos/').get_data(as_text=True)  # the session's token
    return client.post(f'/casos/{numero}/{ruta}', data={
        'csrf_token': token_csrf(html, 'csrf_salir'), **datos})


def test_api_con_documento_conocido_no_cambia_el_cliente(app, gente, api_como):
    api = api_como(gente.registrador)
    assert api.post('/casos', json=registro_valido(cliente=ROSA)).status_code == 201
    antes = Cliente.select().dicts().get()
    otro = api.post('/casos', json=registro_valido(cliente={
        **ROSA, 'nombre': 'Impostor', 'email': 'impostor@malo.pe', 'telefono': '911111111'}))
    assert otro.status_code == 201
    assert Cliente.select().dicts().get() == antes
    assert otro.get_json()['contacto'] == {'nombre': 'Impostor', 'email': 'impostor@malo.pe',
                                           'telefono': '911111111', 'direccion': None}
    assert otro.get_json()['cliente']['email'] == 'rosa@correo.pe'
    assert otro.get_json()['hoja_reclamacion'] is None
    # The acknowledgment of the new case goes to the address it was filed with.
    numero = otro.get_json()['numero']
    acuse = Correo.get(Correo.clave == f'acuse:{Reclamo.get(Reclamo.numero == numero).id}')
    assert acuse.destinatario == 'impostor@malo.pe'
    # Whoever holds the number and the document reads the log, never a whole address.
    from reclamos.portal.seguimiento import vista_cliente
    with app.app_context():
        eventos = vista_cliente(Reclamo.get(Reclamo.numero == numero))['eventos']
    textos = ' '.join(e['texto'] for e in eventos)
    assert 'i*******@malo.pe' in textos and 'impostor@malo.pe' not in textos


def test_solo_quien_edita_clientes_actualiza_la_ficha(app, client, gente, auth):
    with app.app_context():
        crear_caso(gente.registrador, motivo='SIN_SERVICIO', cliente=ROSA)
        caso = crear_caso(gente.registrador, motivo='SIN_SERVICIO',
                          cliente={**ROSA, 'email': 'rosa.nueva@correo.pe'})
    auth.login(gente.agente.email)
    pagina = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert 'rosa.nueva@correo.pe' in pagina and 'Difieren de la ficha' in pagina
    assert 'id="actualizar-cliente"' not in pagina
    assert _post(client, caso.numero, 'contacto/cliente').status_code == 403
    assert Cliente.get().email == 'rosa@correo.pe'
    auth.logout()
    auth.login(gente.supervisor.email)
    assert 'id="actualizar-cliente"' in client.get(f'/casos/{caso.numero}').get_data(
        as_text=True)
    assert _post(client, caso.numero, 'contacto/cliente').status_code == 302
    assert Cliente.get().email == 'rosa.nueva@correo.pe'
    linea = Accion.get(Accion.reclamo == caso.id, Accion.campo == 'cliente')
    assert linea.usuario_id == gente.supervisor.id and 'rosa.nueva' in linea.valor_nuevo
    again = _post(client, caso.numero, 'contacto/cliente')
    assert again.status_code == 400 and 'ya tiene estos datos' in again.get_data(as_text=True)


def test_entrega_de_carta_ajena_o_mal_registrada_se_rechaza(app, client, gente, auth):
    sin_correo = {**ROSA, 'numero_documento': '45781237', 'email': ''}
    with app.test_request_context():
        caso = crear_caso(gente.registrador, motivo='SIN_SERVICIO', cliente=sin_correo)
        otro = crear_caso(gente.registrador, motivo='SIN_SERVICIO', cliente=sin_correo)
        enviar_carta(otro, 'Respuesta', 'Texto de la carta.', gente.admin, '10.0.0.1',
                     app.config, medio='personal')
        enviar_carta(caso, 'Respuesta', 'Texto de la carta.', gente.admin, '10.0.0.1',
                     app.config, medio='postal')
    ajena = EntregaCarta.get(EntregaCarta.reclamo == otro.id)
    propia = EntregaCarta.get(EntregaCarta.reclamo == caso.id)
    auth.login(gente.agente.email)
    bien = {'entregada_en': '2020-01-01T10:00', 'guia': 'G-1', 'recibio': 'Rosa'}
    foranea = _post(client, caso.numero, f'entregas/{ajena.id}', **bien)
    assert foranea.status_code == 400 and 'No existe esa carta' in foranea.get_data(as_text=True)
    for malo, texto in (({'entregada_en': '2999-01-01T10:00'}, 'futuro'),
                        ({'entregada_en': 'ayer'}, 'fecha y hora'),
                        ({'guia': ''}, 'guía'), ({'recibio': ''}, 'quién recibió')):
        respuesta = _post(client, caso.numero, f'entregas/{propia.id}', **{**bien, **malo})
        assert respuesta.status_code == 400 and texto in respuesta.get_data(as_text=True)
    assert EntregaCarta.select().where(EntregaCarta.entregada_en.is_null(False)).count() == 0
    auth.logout()
    auth.login(gente.agente_soporte.email)  # another area: the case is not theirs
    assert _post(client, caso.numero, f'entregas/{propia.id}', **bien).status_code == 404
    assert EntregaCarta.get_by_id(propia.id).entregada_en is None


def test_caso_interno_un_solo_mensaje_al_area_con_encuesta(app, gente, api_como):
    Area.update(correo='ventas@empresa.pe').where(Area.codigo == 'VENTAS').execute()
    with app.test_request_context():
        caso = crear_caso(gente.ventas, motivo='SIN_SERVICIO', origen='interno',
                          area_solicitante='VENTAS', cliente=None)
        r = transicionar(caso, 'tomar', gente.admin, '10.0.0.1', caso.version)
        transicionar(r, 'terminar', gente.admin, '10.0.0.1', r.version, respuesta='Hecho.',
                     resultado='fundado')
    enviados = list(Correo.select().where(Correo.reclamo == caso.id,
                                          Correo.clave.startswith('resuelto:')))
    assert [c.destinatario for c in enviados] == ['ventas@empresa.pe']
    assert '/portal/encuesta/' in enviados[0].cuerpo and 'Hecho.' in enviados[0].cuerpo
    assert Correo.select().where(Correo.reclamo == caso.id).count() == 1
