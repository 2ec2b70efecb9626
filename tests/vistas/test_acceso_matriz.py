"""Access matrix: every route of the app, as anonymous and as each role, against README's role
table ("Who may do what").

``MATRIZ`` maps each endpoint to the roles it lets in (``PUBLICO``: anyone, signed in or not).
A route added to the app without a row here fails ``test_toda_ruta_esta_en_la_matriz``: when you
add a screen or an API call, add its row (and, for a POST that needs a body to reach the role
check, its ``CUERPOS`` entry).

A row is a set of roles, or ``{'GET': roles, 'POST': roles}`` when the two differ. The customer
portal is ``CUALQUIERA``: anonymous included, and unlike ``PUBLICO`` a refusal there is a failure.
Signed-link routes (``ENLACES``) are also requested with a forged and a wrong-purpose token:
404, without the case number.

Outcomes: anonymous on a screen -> redirect to /login; anonymous on the API -> 401; a signed-in
role that is not let in -> 403. Screens are requested with the browser session, the API with
the role's token (a session never opens the API). Every POST carries a valid CSRF token and a
plausible body, so a refusal comes from the role check, not from a missing field.
"""
import io
import re

import pytest
from flask import url_for

from catalogos.organizacion import Area
from tests.apoyo.casos import crear_caso
from tests.conftest import Auth, token_csrf

pytestmark = pytest.mark.usefixtures('config_demo')
pytest_plugins = ('tests.apoyo.fixtures_api',)

PUBLICO = 'publico'
ROLES = ('admin', 'supervisor', 'agente', 'gerente')
PERSONAL = set(ROLES)
ADMIN = {'admin'}
TRABAJAN = {'admin', 'supervisor', 'agente'}  # act on cases (README: gerente only reads)
GESTION = {'admin', 'gerente', 'supervisor'}  # dashboard, reports, reading improvement actions
EDITAN_MEJORA = {'admin', 'gerente'}  # improvement actions and committee minutes
CUALQUIERA = {None, *ROLES}  # the customer portal: no account, nobody sent to /login
ENLACES = ('portal.caso', 'portal.encuesta_')  # opened by a signed token in the URL

# Catalog screens generated from the declarations: every staff role reads, only admin writes.
CATALOGOS = ('areas', 'calendarios', 'canales', 'entidades_reguladoras', 'motivos',
             'plazos_legales', 'prioridades', 'procesos', 'productos', 'servicios',
             'tipos_documento', 'niveles_escalamiento', 'plantillas_correo',
             'plantillas_informe', 'reglas_enrutamiento')
LECTURA_ADMIN = ('index_view', 'details_view', 'export', 'ajax_lookup')
ESCRITURA_ADMIN = ('create_view', 'edit_view', 'delete_view', 'action_view', 'ajax_update')


def _pantallas_admin(nombre, lectura, escritura):
    return {**{f'{nombre}.{v}': lectura for v in LECTURA_ADMIN},
            **{f'{nombre}.{v}': escritura for v in ESCRITURA_ADMIN}}


MATRIZ = {
    # Public: the entrance, static files, language, the OpenAPI document, asking for a token.
    'raiz': PUBLICO, 'static': PUBLICO, 'admin.static': PUBLICO, 'security.static': PUBLICO,
    'cambiar_idioma': PUBLICO, 'security.login': PUBLICO, 'security.logout': PUBLICO,
    'api.openapi': PUBLICO, 'api.token': PUBLICO,
    'security.verify': PERSONAL,
    'admin.index': PERSONAL,
    # Cases (/casos): staff reads; registering and acting is for who works cases.
    'casos.index': PERSONAL, 'casos.detalle': PERSONAL,
    'casos.similares': PERSONAL, 'casos.documento': PERSONAL,
    'casos.catalogo': PERSONAL, 'casos.cliente': PERSONAL,
    'casos.nuevo': TRABAJAN, 'casos.accion': TRABAJAN, 'casos.adjuntar': TRABAJAN,
    # Deadlines: the simulator for staff, recomputing for admins.
    'simulador.index': PERSONAL, 'simulador.json': PERSONAL,
    'recalculo.index': ADMIN, 'recalculo.recalcular': ADMIN,
    # JSON API: same roles as the screens.
    'api.casos': PERSONAL, 'api.caso': PERSONAL, 'api.catalogos': PERSONAL,
    'api.revocar_tokens': PERSONAL,
    'api.crear_caso': TRABAJAN, 'api.transicion': TRABAJAN, 'api.derivacion': TRABAJAN,
    'api.comentario': TRABAJAN, 'api.calificacion': TRABAJAN, 'api.documento_nuevo': TRABAJAN,
    # Customers: staff reads, admin and supervisor edit and import.
    **_pantallas_admin('clientes', PERSONAL, {'admin', 'supervisor'}),
    'clientes.importar_csv': {'admin', 'supervisor'},
    # Users and their sign-in log: admin only; nobody writes the log.
    **_pantallas_admin('usuarios', ADMIN, ADMIN),
    **_pantallas_admin('accesos', ADMIN, set()),
    **{k: v for c in CATALOGOS for k, v in _pantallas_admin(c, PERSONAL, ADMIN).items()},
    # The bell: every staff member, each their own notifications.
    'notificaciones.index': PERSONAL, 'notificaciones.leidas': PERSONAL,
    # Response letters: who works the case (its area, its responsible, admins); the templates
    # are written by admins and read by supervisors too.
    'casos.carta': TRABAJAN, 'casos.entrega': TRABAJAN,
    # The case's own contact copied onto the customer: who may edit customers.
    'casos.contacto_cliente': {'admin', 'supervisor'},
    **_pantallas_admin('plantillas_carta', {'admin', 'supervisor'}, ADMIN),
    'plantillas_carta.vista_previa': {'admin', 'supervisor'},
    # The customer portal: public (signed links checked in test_matriz_de_acceso).
    'portal.registro': CUALQUIERA, 'portal.catalogo': CUALQUIERA,
    'portal.seguimiento': CUALQUIERA, 'portal.caso': CUALQUIERA,
    'portal.encuesta_': CUALQUIERA,
    # Records of what happened, admins only: mail taken in (nobody writes it), mail sent and
    # in-app notifications (create and edit are switched off: an admin is sent back to the
    # list; the list action retries failed mail).
    **_pantallas_admin('correo_entrante', ADMIN, set()),
    **_pantallas_admin('correos', ADMIN, ADMIN),
    **_pantallas_admin('notificaciones_enviadas', ADMIN, ADMIN),
    # Dashboard and reports: managers, admins, supervisors (their area); agents refused.
    'tablero.index': GESTION, 'tablero.exportar': GESTION, 'tablero.plotly_js': GESTION,
    'informes.index': GESTION,
    # Improvement actions and committee minutes: gerente and admin write, supervisors read.
    'mejora.index': GESTION, 'mejora.vencidas': GESTION, 'mejora.nueva': EDITAN_MEJORA,
    'mejora.detalle': {'GET': GESTION, 'POST': EDITAN_MEJORA},
    'actas.index': GESTION, 'actas.detalle': GESTION, 'actas.nueva': EDITAN_MEJORA,
    # Process lab: trying a rule and the sandbox are for admins.
    'prueba_regla.index': ADMIN,
    **{f'laboratorio.{v}': ADMIN for v in ('index', 'copiar', 'borrador', 'ensayo',
                                           'publicar', 'restaurar', 'plotly_js', 'corrida',
                                           'corrida_estado', 'cancelar')},
}

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
        'api.calificacion': {'calificacion': 5, 'version': version},
        'api.token': {'email': 'nadie@prueba.pe', 'password': 'x'},
    }.get(endpoint, {})


def _terminado(caso, admin):
    from reclamos.caso.flujo import transicionar

    caso = transicionar(caso, 'tomar', admin, '127.0.0.1', caso.version)
    return transicionar(caso, 'terminar', admin, '127.0.0.1', caso.version,
                        respuesta='Se restableció el servicio.')


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
                 'laboratorio.publicar': NINGUNO, 'laboratorio.restaurar': NINGUNO}
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
               'token': objetos['token'].get(regla.endpoint), 'export_type': 'csv',
               'codigo': 'es', 'nombre': 'conteo', 'formato': 'csv'}
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


def resultado(respuesta):
    """What a person would notice: let in, sent to the login page, 401, 403 or 5xx."""
    codigo = respuesta.status_code
    if codigo >= 500:
        return f'error {codigo}'
    if codigo in (301, 302, 303) and '/login' in (respuesta.location or ''):
        return 'login'
    return {401: 'no_autenticado', 403: 'prohibido'}.get(codigo, 'permitido')


def esperado(endpoint, rol, metodo='GET'):
    permitidos = MATRIZ[endpoint]
    if isinstance(permitidos, dict):
        permitidos = permitidos[metodo]
    if permitidos == PUBLICO or rol in permitidos:
        return 'permitido'
    if rol is None:
        return 'no_autenticado' if endpoint.startswith('api.') else 'login'
    return 'prohibido'


@pytest.fixture
def personas(app, crear_usuario):
    def area(codigo):
        return Area.get(Area.codigo == codigo)

    return {'admin': crear_usuario('admin'),
            'supervisor': crear_usuario('supervisor', area=area('MONITOREO')),
            'agente': crear_usuario('agente', area=area('MONITOREO')),
            'gerente': crear_usuario('gerente', area=area('ADMINISTRACION'))}


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


def test_agente_solo_ve_los_casos_de_su_area(app, client, auth, personas, crear_usuario,
                                             api_como):
    """An agent of another area: the case is a 404 everywhere and missing from every queue."""
    caso = crear_caso(personas['admin'], motivo='SIN_SERVICIO')
    propio = crear_caso(personas['admin'], motivo='SIN_SERVICIO')
    extrano = crear_usuario('agente', area=Area.get(Area.codigo == 'SOPORTE_TECNICO'))
    from reclamos.caso.gestion import derivar
    derivar(propio, Area.get(Area.codigo == 'SOPORTE_TECNICO').id, 'A soporte.',
            personas['admin'], '127.0.0.1', propio.version)

    api = api_como(extrano)
    assert api.get(f'/casos/{caso.numero}').status_code == 404
    assert api.get(f'/casos/{propio.numero}').status_code == 200
    numeros = {c['numero'] for vista in ('mios', 'area', 'todos')
               for c in api.get(f'/casos?vista={vista}').get_json()['casos']}
    assert caso.numero not in numeros and propio.numero in numeros

    auth.login(extrano.email)
    assert client.get(f'/casos/{caso.numero}').status_code == 404
    assert client.get(f'/casos/{propio.numero}').status_code == 200
    for vista in ('mios', 'area', 'todos'):
        html = client.get(f'/casos/?vista={vista}').get_data(as_text=True)
        assert not re.search(rf'\b{re.escape(caso.numero)}\b', html), vista
    csrf = token_csrf(client.get('/admin/').get_data(as_text=True), 'csrf_salir')
    assert client.post(f'/casos/{caso.numero}/accion', data={
        'accion': 'comentar', 'texto': 'x', 'csrf_token': csrf}).status_code == 404
