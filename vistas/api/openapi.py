"""The OpenAPI 3.1 document of the API, written by hand next to the routes.

Request bodies are the dicts of ``esquemas`` (the same ones that check requests); responses
are described here. tests/vistas/api/test_api_openapi.py validates the document and
checks that it lists every route of the blueprint, with the token wherever the route asks for one.
"""
import copy

from flask import jsonify

from reglas.transiciones import ESTADOS, TRANSICIONES
from vistas.api import PREFIJO, api, esquemas
from vistas.api.casos import LIMITE_DEFECTO, LIMITE_MAX, Q_MAX

CABECERA_TOKEN = 'Authentication-Token'


def _ref(nombre):
    return {'$ref': f'#/components/schemas/{nombre}'}


def _json(esquema, descripcion):
    return {'description': descripcion, 'content': {'application/json': {'schema': esquema}}}


def _cuerpo(nombre, ejemplo):
    return {'required': True, 'content': {'application/json': {
        'schema': _ref(nombre), 'examples': {'ejemplo': {'value': ejemplo}}}}}


def _errores(*codigos):
    return {str(c): {'$ref': f'#/components/responses/E{c}'} for c in codigos}


TEXTO = {'type': 'string'}
TEXTO_NULO = {'type': ['string', 'null']}
INSTANTE = {'type': 'string', 'format': 'date-time',
            'description': 'ISO 8601 en UTC con desplazamiento (+00:00).'}
INSTANTE_NULO = {**INSTANTE, 'type': ['string', 'null']}
CATALOGO = {'type': ['object', 'null'], 'required': ['codigo', 'nombre'],
            'properties': {'codigo': TEXTO, 'nombre': TEXTO}}
PERSONA = {'type': ['object', 'null'], 'properties': {'email': TEXTO, 'nombre': TEXTO}}

ESQUEMAS = {
    'Error': {
        'type': 'object', 'required': ['mensaje', 'errores'],
        'properties': {
            'mensaje': {'type': 'string', 'description': 'Resumen en español.'},
            'errores': {'type': 'object', 'additionalProperties': {'type': 'string'},
                        'description': 'Campo -> mensaje en español. Los campos anidados se '
                                       'nombran con puntos: cliente.email, campos.<codigo>.'}},
        'example': {'mensaje': 'descripcion: Describa el caso: la descripción es obligatoria.',
                    'errores': {'descripcion': 'Describa el caso: la descripción es '
                                               'obligatoria.'}},
    },
    'Conflicto': {
        'allOf': [_ref('Error'), {'type': 'object', 'properties': {
            'version_leida': {'type': 'integer'}, 'version_actual': {'type': 'integer'},
            'cambios': {'type': 'array', 'description': 'Lo que cambió desde la versión leída.',
                        'items': {'type': 'object', 'properties': {
                            'tipo': TEXTO, 'campo': TEXTO_NULO, 'anterior': TEXTO_NULO,
                            'nuevo': TEXTO_NULO, 'usuario': TEXTO_NULO,
                            'instante': INSTANTE_NULO}}}}}],
    },
    'Credenciales': esquemas.TOKEN,
    'Token': {
        'type': 'object', 'required': ['token', 'cabecera', 'expira_en'],
        'properties': {
            'token': {'type': 'string', 'description': f'Envíelo en la cabecera '
                                                       f'{CABECERA_TOKEN}.'},
            'cabecera': {'type': 'string', 'const': CABECERA_TOKEN},
            'expira_en': INSTANTE,
            'usuario': {'type': 'object', 'properties': {
                'email': TEXTO, 'nombre': TEXTO, 'roles': {'type': 'array', 'items': TEXTO},
                'area': TEXTO_NULO}}},
    },
    'Mensaje': {'type': 'object', 'required': ['mensaje'], 'properties': {'mensaje': TEXTO}},
    'Registro': esquemas.REGISTRO,
    'Transicion': esquemas.TRANSICION,
    'Derivacion': esquemas.DERIVACION,
    'ComentarioNuevo': esquemas.COMENTARIO,
    'Calificacion': esquemas.CALIFICACION,
    'Catalogo': CATALOGO,
    'Persona': PERSONA,
    'Termino': {
        'type': 'object', 'properties': {
            'tipo': {'type': 'string', 'enum': ['legal', 'prioridad', 'primera_respuesta',
                                                'actividad']},
            'tipo_etiqueta': TEXTO, 'codigo': TEXTO, 'nombre': TEXTO,
            'cantidad': {'type': 'integer'}, 'unidad': TEXTO, 'inicio': INSTANTE,
            'vence_en': {**INSTANTE_NULO, 'description': 'null mientras está suspendido.'},
            'cumplido_en': INSTANTE_NULO, 'prorrogable': {'type': 'boolean'},
            'prorrogado': {'type': 'integer'}, 'actividad_orden': {'type': ['integer', 'null']},
            'estado': {'type': 'string', 'enum': ['a_tiempo', 'por_vencer', 'vencido',
                                                  'cumplido', 'cancelado', 'suspendido']}},
    },
    'Accion': {
        'type': 'object', 'description': 'Una línea de la bitácora del caso (inmutable).',
        'properties': {
            'instante': INSTANTE, 'tipo': TEXTO, 'tipo_etiqueta': TEXTO, 'campo': TEXTO_NULO,
            'anterior': TEXTO_NULO, 'nuevo': TEXTO_NULO, 'texto': TEXTO_NULO,
            'visible_cliente': {'type': 'boolean'}, 'version': {'type': ['integer', 'null']},
            'usuario': PERSONA},
    },
    'ClienteCaso': {
        'type': ['object', 'null'], 'properties': {
            'tipo_documento_identidad': TEXTO, 'numero_documento': TEXTO, 'nombre': TEXTO,
            'email': TEXTO, 'telefono': TEXTO, 'direccion': TEXTO}},
    'CasoResumen': {
        'type': 'object', 'required': ['numero', 'estado', 'version'],
        'properties': {
            'numero': {'type': 'string', 'examples': ['2026-000123']}, 'url': TEXTO,
            'tipo': TEXTO, 'origen': TEXTO, 'estado': {'type': 'string', 'enum': list(ESTADOS)},
            'estado_etiqueta': TEXTO, 'version': {'type': 'integer'},
            'canal': CATALOGO, 'motivo': CATALOGO, 'prioridad': CATALOGO, 'area': CATALOGO,
            'responsable': PERSONA, 'cliente': _ref('ClienteCaso'),
            'recibido_en': INSTANTE, 'vence_en': INSTANTE_NULO,
            'semaforo': {'type': ['string', 'null'],
                         'enum': ['a_tiempo', 'por_vencer', 'vencido', 'suspendido', None],
                         'description': 'Del plazo más próximo, en tiempo real; null si el '
                                        'caso no está abierto.'}},
    },
    'Caso': {
        'allOf': [_ref('CasoResumen'), {'type': 'object', 'properties': {
            'servicio': CATALOGO, 'producto': CATALOGO, 'area_solicitante': CATALOGO,
            'registrado_por': PERSONA, 'descripcion': TEXTO,
            'campos': {'type': 'object', 'description': 'Campos personalizados del motivo.'},
            'documento_tipo': CATALOGO, 'documento_numero': TEXTO_NULO,
            'creado_en': INSTANTE, 'actualizado_en': INSTANTE, 'respuesta': TEXTO_NULO,
            'terminado_en': INSTANTE_NULO, 'cerrado_en': INSTANTE_NULO,
            'calificacion': {'type': ['integer', 'null'], 'minimum': 1, 'maximum': 5},
            'calificado_por': TEXTO_NULO, 'sin_contacto': {'type': 'boolean'},
            'nota_cierre': TEXTO_NULO, 'motivo_anulacion': TEXTO_NULO,
            'duplicado_de': TEXTO_NULO,
            'terminos': {'type': 'array', 'items': _ref('Termino')},
            'actividades': {'type': 'array', 'items': {'type': 'object', 'properties': {
                'orden': {'type': 'integer'}, 'nombre': TEXTO, 'area': CATALOGO,
                'actual': {'type': 'boolean'}}}},
            'suspensiones': {'type': 'array', 'items': {'type': 'object', 'properties': {
                'inicio': INSTANTE, 'fin': INSTANTE_NULO, 'motivo': TEXTO}}},
            'acciones_permitidas': {'type': 'array', 'items': TEXTO,
                                    'description': 'Lo que este usuario puede hacer ahora.'},
            'linea_de_tiempo': {'type': 'array', 'items': _ref('Accion'),
                                'description': 'La bitácora, la más reciente primero.'}}}],
    },
    'Pagina': {
        'type': 'object', 'required': ['casos', 'limite', 'cursor_siguiente'],
        'properties': {
            'casos': {'type': 'array', 'items': _ref('CasoResumen')},
            'limite': {'type': 'integer'},
            'cursor_siguiente': {'type': ['string', 'null'],
                                 'description': 'Páselo como «cursor» para la página '
                                                'siguiente; null en la última.'},
            'siguiente': {'type': ['string', 'null'],
                          'description': 'La URL de la página siguiente (también en la '
                                         'cabecera Link).'}},
    },
    'Comentario': {
        'type': 'object', 'properties': {
            'comentario': _ref('Accion'),
            'caso': {'type': 'object', 'properties': {
                'numero': TEXTO, 'version': {'type': 'integer'}, 'url': TEXTO}}},
    },
    'Catalogos': {
        'type': 'object', 'description': 'Filas activas de cada catálogo, por código.',
        'properties': {
            'motivos': {'type': 'array', 'items': {'type': 'object', 'properties': {
                'codigo': TEXTO, 'nombre': TEXTO, 'tipo': TEXTO, 'servicio': TEXTO,
                'producto': TEXTO_NULO, 'prioridad': TEXTO_NULO, 'area': TEXTO_NULO,
                'plazo': {'type': ['object', 'null']},
                'campos': {'type': 'array', 'items': {'type': 'object', 'properties': {
                    'codigo': TEXTO, 'nombre': TEXTO,
                    'tipo': {'type': 'string', 'enum': ['texto', 'numero', 'fecha', 'opcion',
                                                        'booleano']},
                    'requerido': {'type': 'boolean'},
                    'opciones': {'type': ['array', 'null'], 'items': TEXTO}}}}}}},
            **{nombre: {'type': 'array', 'items': {'type': 'object'}} for nombre in (
                'servicios', 'productos', 'canales', 'prioridades', 'areas',
                'tipos_documento', 'tipos_documento_identidad', 'tipos_caso', 'origenes',
                'tipos_campo')}},
    },
}

RESPUESTAS = {
    'E400': _json(_ref('Error'), 'El cuerpo no es JSON, no es un objeto o falta '
                                 '«Content-Type: application/json».'),
    'E401': {**_json(_ref('Error'), f'Falta la cabecera {CABECERA_TOKEN}, o el token es '
                                    'inválido, venció o fue revocado.'),
             'headers': {'WWW-Authenticate': {'schema': {'type': 'string'}}}},
    'E403': _json(_ref('Error'), 'Su rol no permite esta acción (campo «permiso»).'),
    'E404': _json(_ref('Error'), 'El caso no existe o no tiene acceso a él.'),
    'E409': _json(_ref('Conflicto'), 'El caso cambió desde la versión enviada: la respuesta '
                                     'trae lo que cambió; relea el caso y reintente.'),
    'E422': _json(_ref('Error'), 'Datos inválidos: cada campo con su mensaje. No se guardó '
                                 'nada.'),
}

NUMERO = {'name': 'numero', 'in': 'path', 'required': True,
          'schema': {'type': 'string', 'pattern': r'^[0-9]{4}-[0-9]{1,12}$'},
          'description': 'Número del caso, p. ej. 2026-000123.', 'example': '2026-000123'}


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
CASO_200 = {'200': _json(_ref('Caso'), 'El caso actualizado (con su nueva versión).')}

RUTAS = {
    '/token': {'post': {
        'operationId': 'pedirToken', 'tags': ['Tokens'], 'security': [],
        'summary': 'Pedir un token con correo y contraseña',
        'requestBody': _cuerpo('Credenciales', {'email': 'agente@reclamos.demo',
                                                'password': 'reclamos-demo'}),
        'responses': {'200': _json(_ref('Token'), 'El token y cuándo vence.'),
                      '401': _json(_ref('Error'), 'Correo o contraseña incorrectos (no dice '
                                                  'cuál), o cuenta bloqueada por intentos '
                                                  'fallidos.'),
                      '429': {**_json(_ref('Error'), 'Demasiados intentos desde esta dirección '
                                                     '(compartido con la pantalla de entrada).'),
                              'headers': {'Retry-After': {'schema': {'type': 'string'},
                                                          'description': 'Segundos a esperar.'}}},
                      **_errores(400, 422)}}},
    '/token/revocar': {'post': {
        'operationId': 'revocarTokens', 'tags': ['Tokens'],
        'summary': 'Revocar todos sus tokens (también el de esta llamada)',
        'responses': {'200': _json(_ref('Mensaje'), 'Tokens revocados.'),
                      **_errores(401, 403)}}},
    '/casos': {
        'get': {
            'operationId': 'listarCasos', 'tags': ['Casos'],
            'summary': 'Listar la bandeja: filtros de la pantalla, el que vence antes primero',
            'description': 'Paginación por cursor; nunca cuenta el total.',
            'parameters': PARAMETROS_LISTA,
            'responses': {'200': {**_json(_ref('Pagina'), 'Una página de casos.'),
                                  'headers': {'Link': {'schema': {'type': 'string'},
                                                       'description': 'rel="next"'}}},
                          **_errores(401, 403, 422)}},
        'post': {
            'operationId': 'registrarCaso', 'tags': ['Casos'],
            'summary': 'Registrar un caso (catálogos por código o id)',
            'parameters': [{'name': 'Idempotency-Key', 'in': 'header', 'required': False,
                            'schema': {'type': 'string', 'minLength': 1, 'maxLength': 200,
                                       'pattern': '^[!-~]+$'},
                            'description': 'Repetir el pedido con la misma clave y el mismo '
                                           'cuerpo devuelve el mismo caso (200); con otro '
                                           'cuerpo, 422.'}],
            'requestBody': _cuerpo('Registro', EJEMPLO_REGISTRO),
            'responses': {'201': {**_json(_ref('Caso'), 'El caso registrado.'), 'headers': {
                'Location': {'schema': {'type': 'string'},
                             'description': 'La URL del caso.'}}},
                '200': _json(_ref('Caso'), 'El caso ya registrado con esa Idempotency-Key.'),
                **_errores(400, 401, 403, 422)}}},
    '/casos/{numero}': {'get': {
        'operationId': 'verCaso', 'tags': ['Casos'], 'parameters': [NUMERO],
        'summary': 'Un caso con sus plazos (estado SLA), actividades y línea de tiempo',
        'responses': {'200': _json(_ref('Caso'), 'El caso.'), **_errores(401, 403, 404)}}},
    '/casos/{numero}/transiciones': {'post': {
        'operationId': 'transicionar', 'tags': ['Casos'], 'parameters': [NUMERO],
        'summary': 'Cambiar el estado: ' + ', '.join(TRANSICIONES),
        'requestBody': _cuerpo('Transicion', {'accion': 'terminar', 'version': 3,
                                              'respuesta': 'Se cambió el módem.'}),
        'responses': {**CASO_200, **_errores(400, 401, 403, 404, 409, 422)}}},
    '/casos/{numero}/derivaciones': {'post': {
        'operationId': 'derivar', 'tags': ['Casos'], 'parameters': [NUMERO],
        'summary': 'Derivar el caso a otra área',
        'requestBody': _cuerpo('Derivacion', {'area': 'SOPORTE_TECNICO',
                                              'motivo': 'Requiere visita técnica.',
                                              'version': 4}),
        'responses': {**CASO_200, **_errores(400, 401, 403, 404, 409, 422)}}},
    '/casos/{numero}/comentarios': {'post': {
        'operationId': 'comentar', 'tags': ['Casos'], 'parameters': [NUMERO],
        'summary': 'Agregar un comentario (no necesita versión)',
        'requestBody': _cuerpo('ComentarioNuevo', {'texto': 'Llamé al cliente.',
                                                   'visible_cliente': True}),
        'responses': {'201': _json(_ref('Comentario'), 'El comentario agregado.'),
                      **_errores(400, 401, 403, 404, 422)}}},
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
        'responses': {'201': _json({'type': 'object', 'required': ['documento'], 'properties': {
            'documento': {'type': 'object'}}}, 'El documento registrado.'),
                      **_errores(400, 401, 403, 404, 422)}}},
    '/casos/{numero}/calificacion': {'post': {
        'operationId': 'calificar', 'tags': ['Casos'], 'parameters': [NUMERO],
        'summary': 'Cerrar un caso terminado con la calificación 1-5 (o sin contacto)',
        'requestBody': _cuerpo('Calificacion', {'calificacion': 5, 'version': 6}),
        'responses': {**CASO_200, **_errores(400, 401, 403, 404, 409, 422)}}},
    '/catalogos': {'get': {
        'operationId': 'catalogos', 'tags': ['Catálogos'],
        'summary': 'Motivos (con sus campos personalizados), canales, prioridades, áreas...',
        'responses': {'200': _json(_ref('Catalogos'), 'Los catálogos activos.'),
                      **_errores(401, 403)}}},
    '/openapi.json': {'get': {
        'operationId': 'openapi', 'tags': ['Documentación'], 'security': [],
        'summary': 'Este documento',
        'responses': {'200': _json({'type': 'object'}, 'OpenAPI 3.1.')}}},
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
