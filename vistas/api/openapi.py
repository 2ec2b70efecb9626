"""The OpenAPI 3.1 document of the API, written by hand next to the routes.

The paths and the document live here; the schemas and error responses they point at are in
``openapi_componentes``. tests/vistas/api/test_api_openapi.py validates the document and
checks that it lists every route of the blueprint, with the token wherever the route asks for one.
"""
import copy

from flask import jsonify

from reglas.transiciones import ESTADOS, TRANSICIONES
from vistas.api import PREFIJO, api
from vistas.api.casos import LIMITE_DEFECTO, LIMITE_MAX, Q_MAX
from vistas.api.openapi_componentes import (CABECERA_TOKEN, ESQUEMAS, RESPUESTAS, TEXTO, cuerpo,
                                            errores, ref, respuesta)


NUMERO = {'name': 'numero', 'in': 'path', 'required': True,
          'schema': {'type': 'string', 'pattern': r'^[0-9]{4}-[0-9]{1,12}$'},
          'description': 'Número del caso, p. ej. 2026-000123.', 'example': '2026-000123'}
IDEMPOTENCIA = {'name': 'Idempotency-Key', 'in': 'header', 'required': False,
                'schema': {'type': 'string', 'minLength': 1, 'maxLength': 200,
                           'pattern': '^[!-~]+$'},
                'description': 'Repetir el pedido con la misma clave y el mismo cuerpo devuelve '
                               'el mismo caso (200); con otro cuerpo, 422.'}


def _consulta(nombre, descripcion, **esquema):
    return {'name': nombre, 'in': 'query', 'required': False, 'description': descripcion,
            'schema': {'type': 'string', **esquema}}


PARAMETROS_LISTA = [
    _consulta('vista', 'mios (asignados a usted, por defecto), area (los de su área) o todos '
                       '(todos los que puede ver).', enum=['mios', 'area', 'todos']),
    _consulta('estado', 'Un estado; por defecto, los abiertos (pendiente, en curso, '
                        'suspendido).', enum=list(ESTADOS)),
    _consulta('area', 'Área responsable: código o id.'),
    _consulta('prioridad', 'Prioridad: código o id.'),
    _consulta('canal', 'Canal: código o id.'),
    _consulta('motivo', 'Motivo: código o id.'),
    _consulta('vence', 'hoy (vence en las próximas 24 horas) o vencidos.',
              enum=['hoy', 'vencidos']),
    _consulta('q', 'Número de caso, documento del cliente (exactos) o comienzo del nombre del '
                   'cliente.', maxLength=Q_MAX),
    _consulta('cursor', 'El «cursor_siguiente» de la página anterior.'),
    {'name': 'limite', 'in': 'query', 'required': False,
     'description': f'Casos por página (por defecto {LIMITE_DEFECTO}).',
     'schema': {'type': 'integer', 'minimum': 1, 'maximum': LIMITE_MAX,
                'default': LIMITE_DEFECTO}},
]

EJEMPLO_REGISTRO = {
    'motivo': 'SIN_SERVICIO', 'canal': 'WEB',
    'descripcion': 'No tengo internet desde ayer; el módem muestra la luz roja.',
    'campos': {'codigo_abonado': 'AB-0001'}, 'recibido_en': '2026-03-02T10:00:00-05:00',
    'cliente': {'tipo_documento_identidad': 'DNI', 'numero_documento': '45781236',
                'nombre': 'Rosa Quispe', 'email': 'rosa@correo.pe'},
}
CASO_200 = {'200': respuesta(ref('Caso'), 'El caso actualizado (con su nueva versión).')}

RUTAS = {
    '/token': {'post': {
        'operationId': 'pedirToken', 'tags': ['Tokens'], 'security': [],
        'summary': 'Pedir un token con correo y contraseña',
        'requestBody': cuerpo('Credenciales', {'email': 'agente@reclamos.demo',
                                                'password': 'reclamos-demo'}),
        'responses': {'200': respuesta(ref('Token'), 'El token y cuándo vence.'),
                      '401': respuesta(ref('Error'), 'Correo o contraseña incorrectos (no dice '
                                                  'cuál), o cuenta bloqueada por intentos '
                                                  'fallidos.'),
                      '429': {**respuesta(ref('Error'), 'Demasiados intentos desde esta dirección '
                                                     '(compartido con la pantalla de entrada).'),
                              'headers': {'Retry-After': {'schema': {'type': 'string'},
                                                          'description': 'Segundos a esperar.'}}},
                      **errores(400, 422)}}},
    '/token/revocar': {'post': {
        'operationId': 'revocarTokens', 'tags': ['Tokens'],
        'summary': 'Revocar todos sus tokens (también el de esta llamada)',
        'responses': {'200': respuesta(ref('Mensaje'), 'Tokens revocados.'),
                      **errores(401, 403)}}},
    '/casos': {
        'get': {
            'operationId': 'listarCasos', 'tags': ['Casos'],
            'summary': 'Listar la bandeja: filtros de la pantalla, el que vence antes primero',
            'description': 'Paginación por cursor; nunca cuenta el total.',
            'parameters': PARAMETROS_LISTA,
            'responses': {'200': {**respuesta(ref('Pagina'), 'Una página de casos.'),
                                  'headers': {'Link': {'schema': {'type': 'string'},
                                                       'description': 'rel="next"'}}},
                          **errores(401, 403, 422)}},
        'post': {
            'operationId': 'registrarCaso', 'tags': ['Casos'],
            'summary': 'Registrar un caso (catálogos por código o id)',
            'parameters': [IDEMPOTENCIA],
            'requestBody': cuerpo('Registro', EJEMPLO_REGISTRO),
            'responses': {'201': {**respuesta(ref('Caso'), 'El caso registrado.'), 'headers': {
                'Location': {'schema': {'type': 'string'},
                             'description': 'La URL del caso.'}}},
                '200': respuesta(ref('Caso'), 'El caso ya registrado con esa Idempotency-Key.'),
                **errores(400, 401, 403, 422)}}},
    '/casos/{numero}': {'get': {
        'operationId': 'verCaso', 'tags': ['Casos'], 'parameters': [NUMERO],
        'summary': 'Un caso con sus plazos (estado SLA), actividades y línea de tiempo',
        'responses': {'200': respuesta(ref('Caso'), 'El caso.'), **errores(401, 403, 404)}}},
    '/casos/{numero}/transiciones': {'post': {
        'operationId': 'transicionar', 'tags': ['Casos'], 'parameters': [NUMERO],
        'summary': 'Cambiar el estado: ' + ', '.join(TRANSICIONES),
        'requestBody': cuerpo('Transicion', {'accion': 'terminar', 'version': 3,
                                              'respuesta': 'Se cambió el módem.'}),
        'responses': {**CASO_200, **errores(400, 401, 403, 404, 409, 422)}}},
    '/casos/{numero}/derivaciones': {'post': {
        'operationId': 'derivar', 'tags': ['Casos'], 'parameters': [NUMERO],
        'summary': 'Derivar el caso a otra área',
        'requestBody': cuerpo('Derivacion', {'area': 'SOPORTE_TECNICO',
                                              'motivo': 'Requiere visita técnica.',
                                              'version': 4}),
        'responses': {**CASO_200, **errores(400, 401, 403, 404, 409, 422)}}},
    '/casos/{numero}/reclasificacion': {'post': {
        'operationId': 'reclasificar', 'tags': ['Casos'], 'parameters': [NUMERO],
        'summary': 'Corregir tipo, servicio, producto, motivo, prioridad, cliente u origen',
        'description': 'Los plazos se recalculan desde la recepción original (nunca se '
                       'reinician); queda una acción con antes, después y la justificación.',
        'requestBody': cuerpo('Reclasificacion', {'motivo': 'FACTURACION_INTERNET',
                                                   'justificacion': 'Es un cobro, no una '
                                                                    'falla.', 'version': 4}),
        'responses': {**CASO_200, **errores(400, 401, 403, 404, 409, 422)}}},
    '/casos/{numero}/decision': {'post': {
        'operationId': 'decidirReclamo', 'tags': ['Casos'], 'parameters': [NUMERO],
        'summary': 'Aprobar o rechazar el reclamo completo con su monto (definitivo)',
        'requestBody': cuerpo('Decision', {'decision': 'APROBADO', 'monto_aprobado': '90.00',
                                            'version': 5}),
        'responses': {**CASO_200, **errores(400, 401, 403, 404, 409, 422)}}},
    '/casos/{numero}/entregas': {'post': {
        'operationId': 'registrarEntrega', 'tags': ['Casos'], 'parameters': [NUMERO],
        'summary': 'Registrar un acuse por teléfono o en persona, o la respuesta entregada '
                   'por carta o en persona (cumple su plazo)',
        'requestBody': cuerpo('Entrega', {'tipo': 'notificacion', 'medio': 'carta',
                                          'instante': '2026-03-05T10:30',
                                          'nota': 'Guía 12345; recibió el titular.',
                                          'version': 6}),
        'responses': {**CASO_200, **errores(400, 401, 403, 404, 409, 422)}}},
    '/casos/{numero}/comentarios': {'post': {
        'operationId': 'comentar', 'tags': ['Casos'], 'parameters': [NUMERO],
        'summary': 'Agregar un comentario (no necesita versión)',
        'requestBody': cuerpo('ComentarioNuevo', {'texto': 'Llamé al cliente.',
                                                   'visible_cliente': True}),
        'responses': {'201': respuesta(ref('Comentario'), 'El comentario agregado.'),
                      **errores(400, 401, 403, 404, 422)}}},
    '/casos/{numero}/documentos': {'post': {
        'operationId': 'adjuntar', 'tags': ['Casos'], 'parameters': [NUMERO],
        'summary': 'Adjuntar un documento (revisado por su contenido y tamaño)',
        'requestBody': {'required': True, 'content': {'multipart/form-data': {'schema': {
            'type': 'object', 'properties': {
                'archivo': {'type': 'string', 'format': 'binary',
                            'description': 'pdf, png, jpg, gif, docx, xlsx, odt, ods, txt, csv'},
                'tipo': {'type': 'string', 'enum': ['solicitado', 'recibido', 'generado']},
                'descripcion': {'type': 'string', 'maxLength': 300},
                'archivo_fisico': {'type': 'string', 'maxLength': 60,
                                   'description': 'Caja/carpeta del original en papel.'}}}}}},
        'responses': {'201': respuesta({'type': 'object', 'required': ['documento'], 'properties': {
            'documento': {'type': 'object'}}}, 'El documento registrado.'),
                      **errores(400, 401, 403, 404, 422)}}},
    '/casos/{numero}/calificacion': {'post': {
        'operationId': 'calificar', 'tags': ['Casos'], 'parameters': [NUMERO],
        'summary': 'Cerrar un caso terminado con la calificación 1-5 (o sin contacto)',
        'requestBody': cuerpo('Calificacion', {'calificacion': 5, 'version': 6}),
        'responses': {**CASO_200, **errores(400, 401, 403, 404, 409, 422)}}},
    '/catalogos': {'get': {
        'operationId': 'catalogos', 'tags': ['Catálogos'],
        'summary': 'Motivos (con sus campos personalizados), canales, prioridades, áreas...',
        'responses': {'200': respuesta(ref('Catalogos'), 'Los catálogos activos.'),
                      **errores(401, 403)}}},
    '/catalogos/{clave}/{codigo}': {'delete': {
        'operationId': 'borrar_fila_catalogo', 'tags': ['Catálogos'],
        'summary': 'Borra una fila de un catálogo si nada la usa (solo administradores)',
        'parameters': [
            {'name': 'clave', 'in': 'path', 'required': True, 'schema': TEXTO,
             'description': 'Clave del catálogo, p. ej. prioridades.', 'example': 'prioridades'},
            {'name': 'codigo', 'in': 'path', 'required': True, 'schema': TEXTO,
             'description': 'Código de la fila.', 'example': 'ALTO'}],
        'responses': {'204': {'description': 'Borrada, con sus filas propias.'},
                      '409': respuesta(ref('Error'), 'En uso: el mensaje dice qué la usa; '
                                                     'desactívela en su lugar. No se borró nada.'),
                      **errores(401, 403, 404)}}},
    '/openapi.json': {'get': {
        'operationId': 'openapi', 'tags': ['Documentación'], 'security': [],
        'summary': 'Este documento',
        'responses': {'200': respuesta({'type': 'object'}, 'OpenAPI 3.1.')}}},
}


def documento():
    """The document as a fresh dict (callers may change it)."""
    return copy.deepcopy({
        'openapi': '3.1.0',
        'info': {
            'title': 'Reclamos API', 'version': '1.0.0',
            'description': (
                f'API JSON de Reclamos. Pida un token con POST {PREFIJO}/token y envíelo en la '
                f'cabecera {CABECERA_TOKEN}. Cada usuario ve y hace por la API exactamente lo '
                'mismo que en las pantallas. Instantes en ISO 8601 (UTC, con desplazamiento). '
                'Los errores son JSON: {"mensaje": ..., "errores": {campo: mensaje}}.')},
        'servers': [{'url': PREFIJO}],
        'security': [{'token': []}],
        'tags': [{'name': 'Tokens'}, {'name': 'Casos'}, {'name': 'Catálogos'},
                 {'name': 'Documentación'}],
        'paths': RUTAS,
        'components': {
            'securitySchemes': {'token': {
                'type': 'apiKey', 'in': 'header', 'name': CABECERA_TOKEN,
                'description': f'Token de POST {PREFIJO}/token; vence según '
                               'RECLAMOS_TOKEN_HORAS (30 días por defecto).'}},
            'schemas': ESQUEMAS, 'responses': RESPUESTAS},
    })


@api.get('/openapi.json')
def openapi():
    return jsonify(documento())
