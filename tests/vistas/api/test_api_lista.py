"""The JSON API's queue: the screen's filters, refused filters, cursor pagination that gives
every open case once, and a page that costs a fixed number of queries."""
from catalogos.servicios import Motivo
from reclamos.caso.modelo import Reclamo
from tests.apoyo.api import hace, registrar, transicion

pytest_plugins = ('tests.apoyo.fixtures_api',)


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
