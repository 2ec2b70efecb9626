"""The JSON API on cases: a case walked through every state, refusals that save nothing, the
roles of the screens, the queue's filters and its cursor pagination."""
import datetime

from catalogos.atencion import Canal
from catalogos.organizacion import Area
from catalogos.servicios import Motivo
from reclamos.caso.acciones import Accion
from reclamos.caso.modelo import Reclamo
from reclamos.tiempo import ahora_utc
from tests.apoyo.api import huella, registro_valido

pytest_plugins = ('tests.apoyo.fixtures_api',)


def hace(dias):
    """An instant ``dias`` ago as Bogotá writes it (ISO 8601 with offset -05:00)."""
    bogota = datetime.timezone(datetime.timedelta(hours=-5))
    return (ahora_utc() - datetime.timedelta(days=dias)).replace(microsecond=0) \
        .astimezone(bogota).isoformat()


def registrar(api, **cambios):
    respuesta = api.post('/casos', json=registro_valido(**cambios))
    assert respuesta.status_code == 201, respuesta.get_json()
    return respuesta.get_json()


def actuar(api, caso, ruta, **datos):
    """POST an action with the version just read (as a well-behaved client does)."""
    version = api.get(f'/casos/{caso["numero"]}').get_json()['version']
    return api.post(f'/casos/{caso["numero"]}/{ruta}', json={'version': version, **datos})


def transicion(api, caso, accion, **datos):
    return actuar(api, caso, 'transiciones', accion=accion, **datos)


def test_registrar_devuelve_el_caso_y_su_url(api_como, gente):
    api = api_como(gente.registrador)
    recibido = hace(2)
    respuesta = api.post('/casos', json=registro_valido(recibido_en=recibido))
    assert respuesta.status_code == 201, respuesta.get_json()
    caso = respuesta.get_json()
    assert respuesta.headers['Location'] == f'/api/v1/casos/{caso["numero"]}'
    assert caso['estado'] == 'PENDIENTE' and caso['version'] == 1
    assert caso['motivo']['codigo'] == 'SIN_SERVICIO' and caso['area']['codigo'] == 'MONITOREO'
    assert caso['prioridad']['codigo'] == 'ALTO'
    assert caso['recibido_en'] == datetime.datetime.fromisoformat(recibido).astimezone(
        datetime.timezone.utc).isoformat()
    assert caso['recibido_en'].endswith('+00:00') and not recibido.endswith('+00:00')
    assert caso['campos'] == {'codigo_abonado': 'AB-0001'}
    assert caso['cliente']['numero_documento'] == '45781236'
    assert {t['tipo'] for t in caso['terminos']} >= {'legal', 'prioridad'}
    # The first answer is met by the acknowledgment e-mail (the customer gave an address).
    assert all(t['estado'] in ('a_tiempo', 'por_vencer', 'vencido', 'cumplido')
               for t in caso['terminos'])
    assert caso['linea_de_tiempo'][0]['tipo'] in ('creacion', 'asignacion', 'notificacion')
    assert 'tomar' not in caso['acciones_permitidas']  # the counter does not work MONITOREO
    assert respuesta.headers['Cache-Control'] == 'no-store'


def test_registrar_con_ids_y_caso_interno(api_como, gente):
    api = api_como(gente.registrador)
    motivo = Motivo.get(Motivo.codigo == 'SIN_SERVICIO')
    canal = Canal.get(Canal.codigo == 'CHAT')
    caso = registrar(api, motivo=motivo.id, canal=str(canal.id), servicio=None, cliente=None,
                     origen='interno', area_solicitante='VENTAS')
    assert (caso['canal']['codigo'], caso['origen']) == ('CHAT', 'interno')
    assert caso['area_solicitante']['codigo'] == 'VENTAS' and caso['cliente'] is None


def test_ciclo_completo_por_api(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    api = api_como(gente.agente)
    pasos = [('tomar', {}, 'EN_CURSO'),
             ('suspender', {'motivo': 'Esperamos la foto del módem'}, 'SUSPENDIDO'),
             ('reanudar', {}, 'EN_CURSO')]
    for accion, datos, estado in pasos:
        respuesta = transicion(api, caso, accion, **datos)
        assert respuesta.status_code == 200, respuesta.get_json()
        assert respuesta.get_json()['estado'] == estado
    suspendido = api.get(f'/casos/{caso["numero"]}').get_json()
    assert suspendido['suspensiones'][0]['fin'] is not None
    respuesta = api.post(f'/casos/{caso["numero"]}/comentarios',
                         json={'texto': 'Llamé al cliente 📞', 'visible_cliente': True})
    assert respuesta.status_code == 201
    assert respuesta.get_json()['comentario']['texto'] == 'Llamé al cliente 📞'
    assert respuesta.get_json()['comentario']['usuario']['email'] == gente.agente.email
    respuesta = transicion(api, caso, 'terminar', respuesta='Se cambió el módem.')
    assert respuesta.get_json()['estado'] == 'TERMINADO'
    terminado = respuesta.get_json()
    # Every term met by the answer; only the new one, to notify it (OSIPTEL: +5), runs.
    assert all(t['estado'] in ('cumplido', 'cancelado') for t in terminado['terminos']
               if t['tipo'] != 'notificacion')
    assert [t['estado'] for t in terminado['terminos'] if t['tipo'] == 'notificacion'] == \
        ['a_tiempo']
    respuesta = actuar(api, caso, 'calificacion', calificacion=5)
    assert respuesta.status_code == 200, respuesta.get_json()
    cerrado = respuesta.get_json()
    assert (cerrado['estado'], cerrado['calificacion']) == ('CERRADO', 5)
    assert cerrado['cerrado_en'].endswith('+00:00')
    tipos = [a['tipo'] for a in cerrado['linea_de_tiempo']]
    for tipo in ('creacion', 'transicion', 'suspension', 'reanudacion', 'comentario',
                 'calificacion'):
        assert tipo in tipos, tipos
    instantes = [a['instante'] for a in cerrado['linea_de_tiempo']]
    assert instantes == sorted(instantes, reverse=True)
    assert not {'tomar', 'terminar', 'cerrar'} & set(cerrado['acciones_permitidas'])


def test_cerrar_sin_contacto_por_transicion(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    api = api_como(gente.agente)
    transicion(api, caso, 'tomar')
    transicion(api, caso, 'terminar', respuesta='Resuelto.')
    respuesta = transicion(api, caso, 'cerrar', sin_contacto=True, nota='Tres llamadas.')
    assert respuesta.status_code == 200, respuesta.get_json()
    assert respuesta.get_json()['sin_contacto'] is True


def test_derivar_y_anular(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    api = api_como(gente.agente)
    respuesta = actuar(api, caso, 'derivaciones', area='SOPORTE_TECNICO',
                       motivo='Requiere visita técnica.')
    assert respuesta.status_code == 200, respuesta.get_json()
    assert respuesta.get_json()['area']['codigo'] == 'SOPORTE_TECNICO'
    # MONITOREO's agent no longer sees it; SOPORTE's supervisor... is the one of the area.
    assert api.get(f'/casos/{caso["numero"]}').status_code == 404
    soporte = api_como(gente.agente_soporte)
    assert soporte.get(f'/casos/{caso["numero"]}').status_code == 200
    respuesta = transicion(soporte, caso, 'anular', motivo='Duplicado')
    assert respuesta.status_code == 403
    assert 'no permite anular' in respuesta.get_json()['errores']['permiso']
    respuesta = transicion(api_como(gente.admin), caso, 'anular', motivo='Registro de prueba')
    assert respuesta.status_code == 200 and respuesta.get_json()['estado'] == 'ANULADO'


def test_derivar_por_id_y_errores(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    api = api_como(gente.agente)
    antes = huella()
    respuesta = actuar(api, caso, 'derivaciones', area='MONITOREO', motivo='x')
    assert respuesta.status_code == 422 and 'area' in respuesta.get_json()['errores']
    respuesta = actuar(api, caso, 'derivaciones', area='NO_EXISTE', motivo='x')
    assert respuesta.status_code == 422 and 'NO_EXISTE' in respuesta.get_json()['errores']['area']
    respuesta = actuar(api, caso, 'derivaciones', area='VENTAS', motivo='   ')
    assert respuesta.status_code == 422 and 'motivo' in respuesta.get_json()['errores']
    assert huella() == antes
    ventas = Area.get(Area.codigo == 'VENTAS')
    respuesta = actuar(api, caso, 'derivaciones', area=ventas.id, motivo='Es una venta')
    assert respuesta.status_code == 200 and respuesta.get_json()['area']['codigo'] == 'VENTAS'


# -- refusals: a JSON 4xx naming the field, and nothing saved -----------------------------
# (changes to a valid case, field named, words of its message)
REGISTROS_INVALIDOS = [
    ({'motivo': 'NO_EXISTE'}, 'motivo', 'NO_EXISTE'),
    ({'canal': 'PALOMA'}, 'canal', 'PALOMA'),
    ({'canal': 999999}, 'canal', '999999'),
    ({'prioridad': 'URGENTISIMO'}, 'prioridad', 'URGENTISIMO'),
    ({'producto': 'AGUA_DOMESTICA'}, 'producto', 'otro producto'),
    ({'motivo': 'FACTURACION_INTERNET', 'campos': ..., 'producto': 'AGUA_DOMESTICA'},
     'producto', 'no pertenece'),
    ({'servicio': 'AGUA'}, 'motivo', 'no corresponde'),
    ({'campos': {'codigo_abonado': None}}, 'campos.codigo_abonado', 'obligatorio'),
    ({'campos': {}}, 'campos.codigo_abonado', 'obligatorio'),
    ({'campos': {'codigo_abonado': 'AB-1', 'inventado': 'x'}}, 'campos', 'inventado'),
    ({'recibido_en': '2099-01-01T00:00:00+00:00'}, 'recibido_en', 'futuro'),
    ({'recibido_en': '2026-03-02T10:00:00'}, 'recibido_en', 'zona'),
    ({'recibido_en': 'ayer'}, 'recibido_en', 'inválida'),
    ({'descripcion': ''}, 'descripcion', 'obligatoria'),
    ({'descripcion': '   \n '}, 'descripcion', 'obligatoria'),
    ({'descripcion': None}, 'descripcion', 'obligatorio'),
    ({'cliente': ...}, 'cliente', 'cliente'),
    ({'cliente': {'tipo_documento_identidad': 'DNI', 'numero_documento': '123',
                  'nombre': 'X'}}, 'cliente.numero_documento', 'DNI'),
    ({'origen': 'marciano'}, 'origen', 'externo'),
    ({'tipo': 'queja', 'inventado': 1}, 'inventado', 'desconocido'),
]


def test_registro_invalido(api_como, gente):
    api = api_como(gente.registrador)
    antes = huella()
    fallos = []
    for cambios, campo, texto in REGISTROS_INVALIDOS:
        respuesta = api.post('/casos', json=registro_valido(**cambios))
        cuerpo = respuesta.get_json()
        if respuesta.status_code != 422 or campo not in cuerpo['errores'] \
                or texto.lower() not in cuerpo['errores'][campo].lower() \
                or not cuerpo['mensaje']:
            fallos.append((cambios, respuesta.status_code, cuerpo))
    assert not fallos, fallos
    assert huella() == antes


def test_campo_personalizado_de_tipo_equivocado(api_como, gente):
    """LENTITUD's velocidad_medida is a number."""
    api = api_como(gente.registrador)
    antes = huella()
    respuesta = api.post('/casos', json=registro_valido(
        motivo='LENTITUD', campos={'velocidad_medida': 'rapidísimo'}))
    assert respuesta.status_code == 422
    assert 'no es un número' in respuesta.get_json()['errores']['campos.velocidad_medida']
    respuesta = api.post('/casos', json=registro_valido(
        motivo='LENTITUD', campos={'velocidad_medida': [35]}))
    assert respuesta.status_code == 422
    assert 'campos.velocidad_medida' in respuesta.get_json()['errores']
    assert huella() == antes
    assert registrar(api, motivo='LENTITUD', campos={'velocidad_medida': '35,5'})[
        'campos'] == {'velocidad_medida': 35.5}


CALIFICACIONES_INVALIDAS = [
    ({'calificacion': 0}, 'calificacion'), ({'calificacion': 6}, 'calificacion'),
    ({'calificacion': 'cinco'}, 'calificacion'), ({'calificacion': True}, 'calificacion'),
    ({'calificacion': 4.5}, 'calificacion'), ({}, 'calificacion'),
    ({'sin_contacto': True}, 'nota'), ({'sin_contacto': True, 'calificacion': 3,
                                        'nota': 'x'}, 'calificacion'),
]


def test_calificacion_invalida(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    api = api_como(gente.agente)
    transicion(api, caso, 'tomar')
    transicion(api, caso, 'terminar', respuesta='Listo.')
    antes = huella()
    fallos = []
    for datos, campo in CALIFICACIONES_INVALIDAS:
        respuesta = actuar(api, caso, 'calificacion', **datos)
        if respuesta.status_code != 422 or campo not in respuesta.get_json()['errores']:
            fallos.append((datos, respuesta.status_code, respuesta.get_json()))
    assert not fallos, fallos
    assert huella() == antes
    assert api.get(f'/casos/{caso["numero"]}').get_json()['estado'] == 'TERMINADO'


def test_transicion_no_permitida_desde_el_estado(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    api = api_como(gente.agente)
    antes = huella()
    for accion, datos in (('terminar', {'respuesta': 'x'}), ('reanudar', {}),
                          ('cerrar', {'calificacion': 5})):
        respuesta = transicion(api, caso, accion, **datos)
        assert respuesta.status_code == 422, respuesta.get_json()
        assert 'Pendiente' in respuesta.get_json()['errores']['estado']
    respuesta = actuar(api, caso, 'calificacion', calificacion=5)
    assert respuesta.status_code == 422 and 'estado' in respuesta.get_json()['errores']
    respuesta = transicion(api, caso, 'tomar', respuesta='no corresponde')
    assert respuesta.status_code == 422 and 'respuesta' in respuesta.get_json()['errores']
    respuesta = transicion(api, caso, 'explotar')
    assert respuesta.status_code == 422 and 'accion' in respuesta.get_json()['errores']
    assert huella() == antes


def test_version_vieja_da_409_con_los_cambios(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    api = api_como(gente.agente)
    leida = caso['version']
    assert transicion(api, caso, 'tomar').status_code == 200
    antes = huella()
    respuesta = api.post(f'/casos/{caso["numero"]}/transiciones',
                         json={'accion': 'suspender', 'version': leida, 'motivo': 'tarde'})
    assert respuesta.status_code == 409
    cuerpo = respuesta.get_json()
    assert 'version' in cuerpo['errores'] and cuerpo['version_leida'] == leida
    assert cuerpo['version_actual'] > leida
    assert any(c['campo'] == 'estado' and c['nuevo'] == 'EN_CURSO' for c in cuerpo['cambios'])
    assert all(c['instante'].endswith('+00:00') for c in cuerpo['cambios'])
    assert huella() == antes
    for ruta, datos in (('derivaciones', {'area': 'VENTAS', 'motivo': 'x'}),
                        ('calificacion', {'calificacion': 5})):
        respuesta = api.post(f'/casos/{caso["numero"]}/{ruta}', json={'version': leida, **datos})
        assert respuesta.status_code == 409, respuesta.get_json()


def test_version_obligatoria(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    api = api_como(gente.agente)
    for version in (None, '1', 0, -3, 2 ** 40, True):
        respuesta = api.post(f'/casos/{caso["numero"]}/transiciones',
                             json={'accion': 'tomar', 'version': version})
        assert respuesta.status_code == 422, (version, respuesta.get_json())
        assert 'version' in respuesta.get_json()['errores']


# -- roles ----------------------------------------------------------------------------
def test_gerente_ve_pero_no_actua(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    api = api_como(gente.gerente)
    leido = api.get(f'/casos/{caso["numero"]}')
    assert leido.status_code == 200 and leido.get_json()['acciones_permitidas'] == []
    antes = huella()
    respuesta = transicion(api, caso, 'tomar')
    assert respuesta.status_code == 403
    assert 'gerente' in respuesta.get_json()['errores']['permiso']
    assert actuar(api, caso, 'derivaciones', area='VENTAS', motivo='x').status_code == 403
    assert api.post(f'/casos/{caso["numero"]}/comentarios',
                    json={'texto': 'hola'}).status_code == 403
    respuesta = api.post('/casos', json=registro_valido())
    assert respuesta.status_code == 403 and 'registrar' in respuesta.get_json()['mensaje']
    assert huella() == antes


def test_agente_de_otra_area_recibe_404(api_como, gente):
    caso = registrar(api_como(gente.registrador))
    api = api_como(gente.ventas)
    antes = huella()
    numero = caso['numero']
    assert api.get(f'/casos/{numero}').status_code == 404
    for ruta, datos in (('transiciones', {'accion': 'tomar', 'version': 1}),
                        ('derivaciones', {'area': 'VENTAS', 'motivo': 'x', 'version': 1}),
                        ('comentarios', {'texto': 'hola'}),
                        ('calificacion', {'calificacion': 5, 'version': 1})):
        respuesta = api.post(f'/casos/{numero}/{ruta}', json=datos)
        assert respuesta.status_code == 404, ruta
        assert respuesta.get_json()['errores']['numero'] == \
            f'No existe el caso «{numero}» o no tiene acceso a él.'
    inexistente = api.get('/casos/2099-999999')
    assert inexistente.status_code == 404
    assert inexistente.get_json()['errores']['numero'].startswith('No existe el caso')
    assert api.get('/casos/%00x').status_code == 404
    assert api.get('/casos/' + 'x' * 5000).status_code == 404
    todos = api.get('/casos?vista=todos').get_json()['casos']
    assert numero not in {c['numero'] for c in todos}
    assert huella() == antes


def test_quien_registro_el_caso_lo_sigue_viendo(api_como, gente):
    api = api_como(gente.registrador)
    caso = registrar(api)
    assert api.get(f'/casos/{caso["numero"]}').status_code == 200
    assert caso['numero'] in {c['numero'] for c in
                              api.get('/casos?vista=todos').get_json()['casos']}


# -- the list -------------------------------------------------------------------------
def test_filtros_de_la_bandeja(api_como, gente):
    registrador = api_como(gente.registrador)
    sin_servicio = registrar(registrador)
    lentitud = registrar(registrador, motivo='FACTURACION_INTERNET', campos=...,
                         canal='CORREO')
    api = api_como(gente.supervisor)

    def numeros(consulta):
        respuesta = api.get('/casos' + consulta)
        assert respuesta.status_code == 200, respuesta.get_json()
        return [c['numero'] for c in respuesta.get_json()['casos']]

    assert numeros('') == []  # 'mios' by default: nothing assigned to the supervisor yet
    assert set(numeros('?vista=area')) == {sin_servicio['numero'], lentitud['numero']}
    assert numeros('?vista=area&motivo=FACTURACION_INTERNET') == [lentitud['numero']]
    assert numeros('?vista=area&canal=CORREO&prioridad=BAJO') == [lentitud['numero']]
    assert numeros('?vista=todos&area=VENTAS') == []
    assert numeros(f'?vista=todos&q={sin_servicio["numero"]}') == [sin_servicio['numero']]
    assert set(numeros('?vista=todos&q=Rosa')) == {sin_servicio['numero'], lentitud['numero']}
    assert numeros('?vista=todos&estado=CERRADO') == []
    vencidos = set(numeros('?vista=todos&vence=vencidos'))
    assert vencidos <= {sin_servicio['numero'], lentitud['numero']}
    motivo = Motivo.get(Motivo.codigo == 'FACTURACION_INTERNET')
    assert numeros(f'?vista=area&motivo={motivo.id}') == [lentitud['numero']]
    primero = api.get('/casos?vista=area').get_json()['casos'][0]
    assert primero['semaforo'] in ('a_tiempo', 'por_vencer', 'vencido')
    assert primero['vence_en'].endswith('+00:00')


FILTROS_INVALIDOS = [
    ('estado=ABIERTO', 'estado'), ('area=NO_EXISTE', 'area'), ('motivo=99999999999', 'motivo'),
    ('vence=manana', 'vence'), ('vista=mia', 'vista'), ('limite=0', 'limite'),
    ('limite=101', 'limite'), ('limite=diez', 'limite'), ('cursor=%%%', 'cursor'),
    ('cursor=eyJ2IjogMX0', 'cursor'), ('q=' + 'x' * 61, 'q'), ('q=a%00b', 'q'),
    ('pagina=2', 'pagina'), ('canal=' + 'C' * 41, 'canal'),
]


def test_filtros_invalidos(api_como, gente):
    api = api_como(gente.supervisor)
    fallos = []
    for consulta, campo in FILTROS_INVALIDOS:
        respuesta = api.get('/casos?' + consulta)
        if respuesta.status_code != 422 or campo not in respuesta.get_json()['errores']:
            fallos.append((consulta, respuesta.status_code, respuesta.get_json()))
    assert not fallos, fallos


def test_paginacion_por_cursor_da_cada_caso_abierto_una_vez(app, demo, client):
    from reglas.transiciones import ABIERTOS
    from tests.apoyo.api import ClienteApi, pedir_token

    api = ClienteApi(client, pedir_token(client, 'admin@reclamos.demo', 'reclamos-demo'))
    esperados = [r.numero for r in Reclamo.select().where(Reclamo.estado.in_(ABIERTOS))
                 .order_by(Reclamo.vence_en.asc(nulls='LAST'), Reclamo.id)]
    assert len(esperados) > 14
    vistos, ruta, paginas = [], '/casos?vista=todos&limite=7', 0
    while ruta:
        respuesta = api.get(ruta)
        assert respuesta.status_code == 200, respuesta.get_json()
        cuerpo = respuesta.get_json()
        assert len(cuerpo['casos']) <= 7
        vistos += [c['numero'] for c in cuerpo['casos']]
        paginas += 1
        if cuerpo['cursor_siguiente']:
            assert respuesta.headers['Link'] == f'<{cuerpo["siguiente"]}>; rel="next"'
            ruta = cuerpo['siguiente'].removeprefix('/api/v1')
        else:
            assert 'Link' not in respuesta.headers
            ruta = None
    assert vistos == esperados
    assert paginas == -(-len(esperados) // 7)
    vence = [c['vence_en'] for c in api.get('/casos?vista=todos&limite=100')
             .get_json()['casos'] if c['vence_en']]
    assert vence == sorted(vence)


def test_paginacion_con_vencimientos_iguales_y_nulos(api_como, gente):
    """Ties on vence_en and suspended cases (vence_en NULL) are neither lost nor repeated."""
    api = api_como(gente.registrador)
    recibido = hace(0)  # terms still running: a suspension then clears vence_en
    numeros = [registrar(api, recibido_en=recibido)['numero'] for _ in range(4)]
    agente = api_como(gente.agente)
    for numero in numeros[:2]:
        transicion(agente, {'numero': numero}, 'tomar')
        transicion(agente, {'numero': numero}, 'suspender', motivo='Esperando')
    vistos, ruta = [], '/casos?vista=todos&limite=1'
    while ruta:
        cuerpo = agente.get(ruta).get_json()
        vistos += [c['numero'] for c in cuerpo['casos']]
        ruta = cuerpo['siguiente'] and cuerpo['siguiente'].removeprefix('/api/v1')
    assert sorted(vistos) == sorted(numeros) and len(vistos) == 4
    assert vistos[-2:] == sorted(numeros[:2])  # suspended: no due date, last


def test_catalogos(api_como, gente):
    cuerpo = api_como(gente.registrador).get('/catalogos').get_json()
    motivos = {m['codigo']: m for m in cuerpo['motivos']}
    assert motivos['SIN_SERVICIO']['area'] == 'MONITOREO'
    assert motivos['SIN_SERVICIO']['servicio'] == 'INTERNET'
    campos = {c['codigo']: c for c in motivos['SIN_SERVICIO']['campos']}
    assert campos['codigo_abonado']['requerido'] is True
    agua = {c['codigo']: c for c in motivos['CONSUMO_EXCESIVO_AGUA']['campos']}
    assert agua['tipo_predio']['tipo'] == 'opcion' and agua['tipo_predio']['opciones']
    assert {'WEB', 'TELEFONO'} <= {c['codigo'] for c in cuerpo['canales']}
    assert [p['codigo'] for p in cuerpo['prioridades']][:3] == ['ALTO', 'MEDIO', 'BAJO']
    assert 'MONITOREO' in {a['codigo'] for a in cuerpo['areas']}
    assert {'codigo': 'DNI', 'nombre': 'DNI (Perú)'} in cuerpo['tipos_documento_identidad']


def test_registrar_con_lo_que_dicen_los_catalogos(api_como, gente):
    """An integrator builds a valid case from GET /catalogos alone."""
    api = api_como(gente.registrador)
    catalogos = api.get('/catalogos').get_json()
    motivo = next(m for m in catalogos['motivos'] if m['codigo'] == 'CONSUMO_EXCESIVO_AGUA')
    valores = {'texto': 'S-1', 'numero': 12, 'fecha': '2026-02-01', 'booleano': False}
    campos = {c['codigo']: (c['opciones'][0] if c['tipo'] == 'opcion' else valores[c['tipo']])
              for c in motivo['campos']}
    caso = registrar(api, motivo=motivo['codigo'], servicio=motivo['servicio'], campos=campos,
                     canal=catalogos['canales'][0]['codigo'])
    assert caso['motivo']['codigo'] == 'CONSUMO_EXCESIVO_AGUA'


def test_los_instantes_van_en_utc(api_como, gente):
    api = api_como(gente.registrador)
    caso = registrar(api, recibido_en=hace(3))
    for clave in ('recibido_en', 'vence_en', 'creado_en', 'actualizado_en'):
        instante = datetime.datetime.fromisoformat(caso[clave])
        assert instante.utcoffset() == datetime.timedelta(0), clave
    assert datetime.datetime.fromisoformat(caso['creado_en']) <= ahora_utc()
    assert Accion.select().where(Accion.reclamo == Reclamo.get(
        Reclamo.numero == caso['numero']).id).count() >= 1


def test_la_lista_no_hace_una_consulta_por_caso(app, demo, client):
    """A page costs a fixed number of queries (token, roles, the queue's index walks, the
    page's rows), whatever its size."""
    import logging

    from tests.apoyo.api import ClienteApi, pedir_token

    api = ClienteApi(client, pedir_token(client, 'admin@reclamos.demo', 'reclamos-demo'))

    class Contador(logging.Handler):
        def __init__(self):
            super().__init__(logging.DEBUG)
            self.consultas = []

        def emit(self, registro):
            self.consultas.append(registro.getMessage())

    registro = logging.getLogger('peewee')
    cuentas = {}
    for limite in (2, 20):
        contador = Contador()
        nivel = registro.level
        registro.addHandler(contador)
        registro.setLevel(logging.DEBUG)
        try:
            respuesta = api.get(f'/casos?vista=todos&limite={limite}')
        finally:
            registro.removeHandler(contador)
            registro.setLevel(nivel)
        assert len(respuesta.get_json()['casos']) == limite
        cuentas[limite] = len([c for c in contador.consultas if 'SELECT' in c])
    assert cuentas[2] == cuentas[20] <= 12, cuentas
