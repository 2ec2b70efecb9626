"""The reusable parts of the OpenAPI document (vistas.api.openapi): the schemas of bodies and
answers, the error responses, and the small builders the paths use to point at them.

Request bodies are the dicts of ``esquemas`` (the same ones that check requests); the answers
are described here, next to nothing else, so a change to what the API returns is one place.
"""
from reglas.transiciones import ESTADOS
from vistas.api import esquemas

CABECERA_TOKEN = 'Authentication-Token'


def ref(nombre):
    return {'$ref': f'#/components/schemas/{nombre}'}


def respuesta(esquema, descripcion):
    return {'description': descripcion, 'content': {'application/json': {'schema': esquema}}}


def cuerpo(nombre, ejemplo):
    return {'required': True, 'content': {'application/json': {
        'schema': ref(nombre), 'examples': {'ejemplo': {'value': ejemplo}}}}}


def errores(*codigos):
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
        'allOf': [ref('Error'), {'type': 'object', 'properties': {
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
    'Reclasificacion': esquemas.RECLASIFICACION,
    'Decision': esquemas.DECISION,
    'Entrega': esquemas.ENTREGA,
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
            'responsable': PERSONA, 'cliente': ref('ClienteCaso'),
            'recibido_en': INSTANTE, 'vence_en': INSTANTE_NULO,
            'semaforo': {'type': ['string', 'null'],
                         'enum': ['a_tiempo', 'por_vencer', 'vencido', 'suspendido', None],
                         'description': 'Del plazo más próximo, en tiempo real, con el umbral '
                                        '«por vencer» de ese plazo; null si el caso no está '
                                        'abierto.'}},
    },
    'Caso': {
        'allOf': [ref('CasoResumen'), {'type': 'object', 'properties': {
            'servicio': CATALOGO, 'producto': CATALOGO, 'area_solicitante': CATALOGO,
            'registrado_por': PERSONA, 'descripcion': TEXTO,
            'resultado': {'type': ['object', 'null'], 'description': 'Resultado (fundado, '
                          'fundado en parte...): codigo, nombre y sentido.'},
            'resultado_motivo': TEXTO_NULO, 'reclasificaciones': {'type': 'integer'},
            'decision': {'type': ['object', 'null'],
                         'description': 'Decisión del reclamo completo y su monto.'},
            'campos': {'type': 'object', 'description': 'Campos personalizados del motivo.'},
            'documento_tipo': CATALOGO, 'documento_numero': TEXTO_NULO,
            'creado_en': INSTANTE, 'actualizado_en': INSTANTE, 'respuesta': TEXTO_NULO,
            'terminado_en': INSTANTE_NULO, 'cerrado_en': INSTANTE_NULO,
            'calificacion': {'type': ['integer', 'null'], 'minimum': 1, 'maximum': 5},
            'calificado_por': TEXTO_NULO, 'sin_contacto': {'type': 'boolean'},
            'nota_cierre': TEXTO_NULO, 'motivo_anulacion': TEXTO_NULO,
            'duplicado_de': TEXTO_NULO,
            'contacto': esquemas.CONTACTO_CASO, 'hoja_reclamacion': esquemas.HOJA,
            'terminos': {'type': 'array', 'items': ref('Termino')},
            'actividades': {'type': 'array', 'items': {'type': 'object', 'properties': {
                'orden': {'type': 'integer'}, 'nombre': TEXTO, 'area': CATALOGO,
                'actual': {'type': 'boolean'}}}},
            'suspensiones': {'type': 'array', 'items': {'type': 'object', 'properties': {
                'inicio': INSTANTE, 'fin': INSTANTE_NULO, 'motivo': TEXTO}}},
            'acciones_permitidas': {'type': 'array', 'items': TEXTO,
                                    'description': 'Lo que este usuario puede hacer ahora.'},
            'linea_de_tiempo': {'type': 'array', 'items': ref('Accion'),
                                'description': 'La bitácora, la más reciente primero.'}}}],
    },
    'Pagina': {
        'type': 'object', 'required': ['casos', 'limite', 'cursor_siguiente'],
        'properties': {
            'casos': {'type': 'array', 'items': ref('CasoResumen')},
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
            'comentario': ref('Accion'),
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
    'E400': respuesta(ref('Error'), 'El cuerpo no es JSON, no es un objeto o falta '
                                 '«Content-Type: application/json».'),
    'E401': {**respuesta(ref('Error'), f'Falta la cabecera {CABECERA_TOKEN}, o el token es '
                                    'inválido, venció o fue revocado.'),
             'headers': {'WWW-Authenticate': {'schema': {'type': 'string'}}}},
    'E403': respuesta(ref('Error'), 'Su rol no permite esta acción (campo «permiso»).'),
    'E404': respuesta(ref('Error'), 'El caso no existe o no tiene acceso a él.'),
    'E409': respuesta(ref('Conflicto'), 'El caso cambió desde la versión enviada: la respuesta '
                                     'trae lo que cambió; relea el caso y reintente.'),
    'E422': respuesta(ref('Error'), 'Datos inválidos: cada campo con su mensaje. No se guardó '
                                 'nada.'),
}
