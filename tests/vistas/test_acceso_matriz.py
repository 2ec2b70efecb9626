"""Access matrix: every route of the app, as anonymous and as each role, against the role
policy (reglas.permisos, the table README's "Who may do what" describes).

``MATRIZ`` (tests/vistas/matriz_rutas.py) maps each endpoint to the roles it lets in. A route
added to the app without a row there fails ``test_toda_ruta_esta_en_la_matriz``: when you add
a screen or an API call, add its row (and, for a POST that needs a body to reach the role
check, its ``CUERPOS`` entry). Signed-link routes (``ENLACES``) are also requested with a
forged and a wrong-purpose token: 404, without the case number.

Outcomes: anonymous on a screen -> redirect to /login; anonymous on the API -> 401; a signed-in
role that is not let in -> 403. Screens are requested with the browser session, the API with
the role's token (a session never opens the API). Every POST carries a valid CSRF token and a
plausible body, so a refusal comes from the role check, not from a missing field.
"""
import io

import pytest
from flask import url_for

from reglas.permisos import ROLES
from tests.apoyo.casos import crear_caso
from tests.conftest import Auth, token_csrf
from tests.vistas.matriz_rutas import ENLACES, MATRIZ, PUBLICO, esperado, resultado

pytestmark = pytest.mark.usefixtures('config_demo')
pytest_plugins = ('tests.apoyo.fixtures_api', 'tests.apoyo.personas')

PDF = b'%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'


def _cuerpo(endpoint, caso, objetos):
    """A body that passes validation far enough to reach the role check."""
    version = caso.version
    mejora = {'tipo': 'correctiva', 'descripcion': 'Revisar la red del sector norte.',
              'responsable': objetos['admin'].id, 'vence_el': '2099-12-31'}
    return {
        'casos.accion': {'accion': 'comentar', 'texto': 'Revisado.', 'version': version},
        'casos.adjuntar': {'tipo': 'recibido', 'descripcion': 'Factura',
                           'archivo': (io.BytesIO(PDF), 'f.pdf')},
        'casos.carta': {'asunto': 'Respuesta a su caso',
                        'texto': 'Se restableció el servicio.'},
        'mejora.nueva': mejora,
        'mejora.detalle': {**mejora, 'estado': 'en_curso'},
        'actas.nueva': {'fecha': '2026-01-15', 'asistentes': 'Gerencia y supervisores',
                        f'decision_{objetos["ident"]["mejora.detalle"]}': 'Se cierra.'},
        'laboratorio.copiar': {'nombre': 'Prueba de acceso'},
        # A period without cases: the run is refused with a message, no thread starts.
        'laboratorio.ensayo': {'desde': '2001-01-01', 'hasta': '2001-01-02'},
        'portal.seguimiento': {'numero': caso.numero, 'documento': '00000000'},
        'portal.caso': {'texto': 'Adjunto lo que me pidieron.'},
        'casos.entrega': {'entregada_en': '2026-01-15T10:00', 'recibio': 'Rosa'},
        'portal.encuesta_': {'calificacion': '5', 'comentario': 'Bien.'},
        'api.crear_caso': None,  # filled by the test (needs the API helper)
        'api.transicion': {'accion': 'tomar', 'version': version},
        'api.derivacion': {'area': 'SOPORTE_TECNICO', 'motivo': 'Le toca a soporte.',
                           'version': version},
        'api.comentario': {'texto': 'Revisado.'},
        'api.reclasificacion': {'prioridad': 'BAJO', 'justificacion': 'Prueba de acceso.',
                                'version': version},
        'api.decision': {'decision': 'APROBADO', 'version': version},
        'api.entrega': {'tipo': 'primera_respuesta', 'medio': 'telefono',
                        'instante': '2000-01-01T00:00', 'version': version},
        'api.calificacion': {'calificacion': 5, 'version': version},
        'api.token': {'email': 'nadie@prueba.pe', 'password': 'x'},
    }.get(endpoint, {})


def _terminado(caso, admin):
    from reclamos.caso.flujo import transicionar

    caso = transicionar(caso, 'tomar', admin, '127.0.0.1', caso.version)
    return transicionar(caso, 'terminar', admin, '127.0.0.1', caso.version,
                        respuesta='Se restableció el servicio.', resultado='fundado')


# Publishing or restoring a configuration is a heavy change of every catalog; the role check
# comes first, so an id that does not exist (404 once let in) proves it without the cost.
NINGUNO = 999999


def _objetos(app, personas, caso, documento):
    """One row of each kind the routes with an id or a token open."""
    from reclamos.portal import enlaces
    from reclamos.portal.cartas import PlantillaCarta
    from reclamos.portal.encuesta import Encuesta
    from reclamos.laboratorio.borradores import copiar
    from reclamos.mejora.servicios import crear, registrar_acta

    admin = personas['admin']
    with app.app_context():
        accion = crear({'tipo': 'preventiva', 'descripcion': 'Capacitar al call center.',
                        'responsable': admin.id, 'vence_el': '2099-12-31'}, admin)
        acta = registrar_acta({'fecha': '2026-01-15', 'asistentes': 'Gerencia'},
                              {str(accion.id): 'Sigue abierta.'}, admin)
        plantilla = PlantillaCarta.create(codigo='FAVORABLE', nombre='Favorable',
                                          asunto='Caso {{ numero }}',
                                          texto='Estimado(a) {{ cliente_nombre }}.')
        Encuesta.create(reclamo=caso.id, nonce='n-matriz', destinatario='rosa@prueba.pe')
        ident = {'casos.documento': documento.id, 'mejora.detalle': accion.id,
                 'casos.entrega': NINGUNO,
                 'actas.detalle': acta.id, 'plantillas_carta.vista_previa': plantilla.id,
                 'laboratorio.publicar': NINGUNO, 'laboratorio.restaurar': NINGUNO,
                 'clientes.ficha': caso.cliente_id}
        borrador = copiar('Borrador de la matriz', admin).id
        ident.update({'laboratorio.borrador': borrador, 'laboratorio.ensayo': borrador})
        # A finished sandbox run (no thread): its page, its state, cancelling it (a no-op).
        from reclamos.laboratorio.corridas import TERMINADA, CorridaEnsayo
        corrida = CorridaEnsayo.create(borrador=borrador, desde='2026-01-01',
                                       hasta='2026-01-01', estado=TERMINADA).id
        ident.update({f'laboratorio.{v}': corrida for v in ('corrida', 'corrida_estado',
                                                             'cancelar')})
        datos = {'r': caso.id, 'n': 'n-matriz'}
        token = {'portal.caso': enlaces.firmar(enlaces.SEGUIMIENTO, datos),
                 'portal.encuesta_': enlaces.firmar(enlaces.ENCUESTA, datos)}
        # Each route's link signed for the other purpose: right case, wrong key.
        ajeno = {'portal.caso': token['portal.encuesta_'],
                 'portal.encuesta_': token['portal.caso']}
    return {'admin': admin, 'ident': ident, 'token': token, 'ajeno': ajeno}


def _valores(regla, caso, objetos):
    valores = {'numero': caso.numero, 'ident': objetos['ident'].get(regla.endpoint),
               'token': objetos['token'].get(regla.endpoint) or 'enlace-falso',
               'export_type': 'csv',
               'codigo': 'es', 'nombre': 'conteo', 'formato': 'csv', 'clave': 'areas'}
    archivos = {'static': 'reclamos.css', 'admin.static': 'admin/js/helpers.js',
                'security.static': 'js/base64.js'}
    if 'filename' in regla.arguments:
        valores['filename'] = archivos[regla.endpoint]
    return {k: v for k, v in valores.items() if k in regla.arguments}


def _enlaces_falsos(cliente, url, numero, ajeno):
    """A forged token and one signed for the other purpose: 404, and nothing of the case."""
    base, _, token = url.rpartition('/')
    falsos = (token[:-2] + ('BB' if token.endswith('AA') else 'AA'), ajeno)
    fallos = []
    for falso in falsos:
        respuesta = cliente.get(f'{base}/{falso}')
        if respuesta.status_code != 404 or numero in respuesta.get_data(as_text=True):
            fallos.append(f'GET {base}/{falso}: {respuesta.status_code}, se esperaba 404 '
                          f'sin el número del caso')
    return fallos


def _peticiones(app):
    """(endpoint, method, rule) of every route; logout last (it ends the session)."""
    filas = [(r.endpoint, m, r) for r in app.url_map.iter_rules()
             for m in sorted(r.methods - {'HEAD', 'OPTIONS'})]
    return sorted(filas, key=lambda f: (f[0] == 'security.logout', f[0], f[1]))


def test_toda_ruta_esta_en_la_matriz(app):
    rutas = {r.endpoint for r in app.url_map.iter_rules()}
    assert sorted(rutas - set(MATRIZ)) == [], 'rutas sin fila en MATRIZ: agréguelas'
    assert sorted(set(MATRIZ) - rutas) == [], 'filas de MATRIZ sin ruta: quítelas'


@pytest.mark.parametrize('rol', (None, *ROLES))
def test_matriz_de_acceso(app, personas, rol):
    from reclamos.caso.almacen import de_config
    from reclamos.caso.documentos import adjuntar
    from tests.apoyo.api import registro_valido
    from vistas.api.tokens import emitir

    app.config['RECLAMOS_LIMITE_PORTAL'] = '1000/minute'  # every run is 127.0.0.1
    cliente = app.test_client()
    csrf = ''
    if rol:
        assert Auth(cliente).login(personas[rol].email).status_code == 302
        csrf = token_csrf(cliente.get('/admin/').get_data(as_text=True), 'csrf_salir')
    fijo = crear_caso(personas['admin'], motivo='SIN_SERVICIO')
    assert fijo.area.codigo == 'MONITOREO'
    documento = adjuntar(fijo, 'recibido', personas['admin'], '127.0.0.1',
                         de_config(app.config), app.config['RECLAMOS_ADJUNTO_MAX'],
                         flujo=io.BytesIO(PDF), nombre='f.pdf', descripcion='Factura')
    objetos = _objetos(app, personas, fijo, documento)

    diferencias = []
    for endpoint, metodo, regla in _peticiones(app):
        # A write on a case gets a fresh one, so one role's action never changes what the
        # next request sees.
        caso = crear_caso(personas['admin'], motivo='SIN_SERVICIO') \
            if metodo == 'POST' and 'numero' in regla.arguments else fijo
        if endpoint == 'api.calificacion':  # only a solved case can be rated
            caso = _terminado(caso, personas['admin'])
        with app.test_request_context():
            url = url_for(endpoint, **_valores(regla, caso, objetos))
        cuerpo = _cuerpo(endpoint, caso, objetos)
        cabeceras = {}
        if endpoint.startswith('api.'):
            if rol and endpoint not in ('api.token', 'api.openapi'):
                with app.app_context():
                    fila = type(personas[rol]).get_by_id(personas[rol].id)
                    cabeceras['Authentication-Token'] = emitir(fila)
            if endpoint == 'api.crear_caso':
                cuerpo = registro_valido()
            if endpoint == 'api.documento_nuevo':
                respuesta = cliente.post(url, headers=cabeceras, data={
                    'tipo': 'recibido', 'descripcion': 'Factura',
                    'archivo': (io.BytesIO(PDF), 'f.pdf')}, content_type='multipart/form-data')
            elif metodo == 'POST':
                respuesta = cliente.post(url, json=cuerpo, headers=cabeceras)
            elif metodo == 'DELETE':
                respuesta = cliente.delete(url, headers=cabeceras)
            else:
                respuesta = cliente.get(url, headers=cabeceras)
        elif metodo == 'POST':
            respuesta = cliente.post(url, data={**cuerpo, 'csrf_token': csrf},
                                     content_type='multipart/form-data')
        else:
            respuesta = cliente.get(url)
            if endpoint in ENLACES:
                diferencias += _enlaces_falsos(cliente, url, fijo.numero,
                                               objetos['ajeno'][endpoint])
        obtenido, deseado = resultado(respuesta), esperado(endpoint, rol, metodo)
        if MATRIZ[endpoint] == PUBLICO and not obtenido.startswith('error'):
            continue  # public: a wrong password's 401 or logout's redirect are not refusals
        if obtenido != deseado:
            diferencias.append(f'{metodo} {url} ({endpoint}): {obtenido}, se esperaba '
                               f'{deseado}')
    assert diferencias == [], f'como {rol or "anónimo"}:\n' + '\n'.join(diferencias)
