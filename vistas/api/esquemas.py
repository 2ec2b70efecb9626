"""Request bodies as JSON Schema (2020-12, the dialect of OpenAPI 3.1), checked by
``vistas.api.validador``.

The same dicts go into the OpenAPI document and check every body before a service runs, so
the document cannot drift from what the API accepts. The check covers shape only (types,
lengths, ranges, unknown keys, characters the databases refuse); the services keep every
business rule and their Spanish messages.
"""

from catalogos.atencion import TIPOS_SOLICITANTE
from catalogos.servicios import TIPOS_CASO
from reclamos.caso.modelo import ORIGENES
from reglas.enteros import ENTERO_MAX  # noqa: F401  (re-exported to the API)
from reglas.transiciones import TRANSICIONES
from reglas.validacion import UNIDADES

TEXTO_MAX = 5000  # free text of actions (reclamos.caso.flujo / reclamos.caso.gestion)
DESCRIPCION_MAX = 10_000  # reclamos.caso.validacion.DESCRIPCION_MAX
CAMPO_MAX = 2000  # reglas.campos.TEXTO_MAX


def texto(maximo, descripcion='', nulo=False, **extra):
    return {'type': ['string', 'null'] if nulo else 'string', 'maxLength': maximo,
            **({'description': descripcion} if descripcion else {}), **extra}


def referencia(descripcion, nulo=False):
    """A catalog row by its codigo (text) or its id (number)."""
    tipos = ['string', 'integer'] + (['null'] if nulo else [])
    return {'type': tipos, 'maxLength': 40, 'minimum': 1, 'maximum': ENTERO_MAX,
            'description': f'{descripcion}: su código (p. ej. "WEB") o su id.'}


VERSION = {'type': 'integer', 'minimum': 1, 'maximum': ENTERO_MAX,
           'description': 'La versión del caso que se leyó (campo «version» del caso); si el '
                          'caso cambió después, la respuesta es 409 con los cambios.'}

TOKEN = {
    'type': 'object', 'additionalProperties': False, 'required': ['email', 'password'],
    'properties': {'email': texto(255, 'Correo del usuario.'),
                   'password': texto(1024, 'Contraseña del usuario.')},
}

CLIENTE = {
    'type': ['object', 'integer', 'null'], 'additionalProperties': False,
    'minimum': 1, 'maximum': ENTERO_MAX,
    'description': 'Quien presenta el caso: el id de un cliente existente, o sus datos (se '
                   'busca por tipo y número de documento y, si no existe, se crea).',
    'properties': {
        'tipo_documento_identidad': texto(3, 'DNI, RUC, CE, CC, NIT o PAS.'),
        'numero_documento': texto(40),
        'nombre': texto(200, 'Nombre o razón social.'),
        'email': texto(255, nulo=True),
        'telefono': texto(40, nulo=True),
        'direccion': texto(300, nulo=True),
    },
}

REGISTRO = {
    'type': 'object', 'additionalProperties': False,
    'required': ['motivo', 'canal', 'descripcion'],
    'properties': {
        'motivo': referencia('Motivo'),
        'canal': referencia('Canal de recepción'),
        'descripcion': texto(DESCRIPCION_MAX, 'Lo que el cliente o el área plantea.'),
        'cliente': CLIENTE,
        'origen': {'type': ['string', 'null'], 'enum': [o for o, _ in ORIGENES] + [None],
                   'description': 'externo (un cliente, por defecto) o interno (un área).'},
        'area_solicitante': referencia('Área que solicita un caso interno', nulo=True),
        'tipo': {'type': ['string', 'null'], 'enum': [t for t, _ in TIPOS_CASO] + [None],
                 'description': 'Por defecto, el tipo del motivo.'},
        'servicio': referencia('Servicio (por defecto, el del motivo)', nulo=True),
        'producto': referencia('Producto (por defecto, el del motivo)', nulo=True),
        'prioridad': referencia('Prioridad (por defecto, la del motivo)', nulo=True),
        'campos': {
            'type': ['object', 'null'], 'maxProperties': 100,
            'description': 'Campos personalizados del motivo, por su nombre interno (ver '
                           'GET /catalogos): texto, número, fecha AAAA-MM-DD o dd/mm/aaaa, '
                           'opción o sí/no.',
            'additionalProperties': {'type': ['string', 'number', 'boolean', 'null'],
                                     'maxLength': CAMPO_MAX}},
        'documento_tipo': referencia('Tipo de documento de origen (factura...)', nulo=True),
        'documento_numero': texto(40, 'Número del documento de origen.', nulo=True),
        'recibido_en': {'type': ['string', 'null'], 'format': 'date-time', 'maxLength': 40,
                        'description': 'Cuándo se recibió (ISO 8601 con zona, p. ej. '
                                       '2026-03-02T10:00:00-05:00); por defecto, ahora. No '
                                       'puede estar en el futuro.'},
        'tipo_solicitante': {'type': ['string', 'null'],
                             'enum': [t for t, _ in TIPOS_SOLICITANTE] + [None],
                             'description': 'Quién presenta el caso; por defecto, cliente.'},
        'entidad_remitente': texto(200, 'Ente de control o autoridad judicial que lo remite.',
                                   nulo=True),
        'expediente_entidad': texto(60, 'Número de expediente de esa entidad.', nulo=True),
        'plazo_entidad': {
            'type': ['object', 'null'], 'additionalProperties': False,
            'description': 'Plazo que fijó la entidad; manda si vence antes que el legal.',
            'properties': {'cantidad': {'type': 'integer', 'minimum': 1, 'maximum': 3650},
                           'unidad': {'type': 'string', 'enum': list(UNIDADES)}}},
        'punto_recepcion': referencia('Punto de recepción (oficina, sucursal, canal '
                                      'virtual)', nulo=True),
    },
}

TRANSICION = {
    'type': 'object', 'additionalProperties': False, 'required': ['accion', 'version'],
    'description': 'Datos por acción: terminar (respuesta, resultado, resultado_motivo); '
                   'cerrar (calificacion, o sin_contacto y nota); suspender (motivo); '
                   'anular (motivo, duplicado_de); '
                   'tomar y reanudar no llevan datos.',
    'properties': {
        'accion': {'type': 'string', 'enum': list(TRANSICIONES)},
        'version': VERSION,
        'respuesta': texto(TEXTO_MAX, 'terminar: la respuesta o solución.', nulo=True),
        'resultado': {'type': ['string', 'integer', 'null'], 'maxLength': 40, 'minimum': 1,
                      'maximum': ENTERO_MAX,
                      'description': 'terminar: el resultado (código, id o sentido, p. ej. '
                                     '"fundado"); obligatorio en reclamos y quejas; sin él se '
                                     'usa el que proponen las líneas.'},
        'resultado_motivo': texto(TEXTO_MAX, 'terminar: por qué el resultado difiere del que '
                                             'proponen las líneas.', nulo=True),
        'calificacion': {'type': ['integer', 'null'], 'minimum': 1, 'maximum': 5,
                         'description': 'cerrar: satisfacción de 1 (muy malo) a 5 (muy bueno).'},
        'sin_contacto': {'type': ['boolean', 'null'],
                         'description': 'cerrar: true si no se logró contactar (con nota).'},
        'nota': texto(TEXTO_MAX, 'cerrar: intentos de contacto o comentario.', nulo=True),
        'motivo': texto(TEXTO_MAX, 'suspender o anular: el motivo.', nulo=True),
        'duplicado_de': texto(20, 'anular: número del caso original.', nulo=True),
    },
}

RECLASIFICACION = {
    'type': 'object', 'additionalProperties': False, 'required': ['version', 'justificacion'],
    'minProperties': 3,
    'description': 'Solo lo que cambia; los plazos se recalculan desde la recepción original.',
    'properties': {
        'version': VERSION,
        'justificacion': texto(TEXTO_MAX, 'Por qué se reclasifica (queda en el historial).'),
        'tipo': {'type': 'string', 'enum': ['peticion', 'queja', 'reclamo', 'sugerencia']},
        'servicio': referencia('Servicio'), 'producto': referencia('Producto', nulo=True),
        'motivo': referencia('Motivo'), 'prioridad': referencia('Prioridad', nulo=True),
        'origen': {'type': 'string', 'enum': ['externo', 'interno']},
        'area_solicitante': referencia('Área solicitante (caso interno)', nulo=True),
        'cliente': {'type': ['integer', 'object', 'null'], 'minimum': 1,
                    'maximum': ENTERO_MAX,
                    'description': 'Id de un cliente, o su tipo_documento_identidad y '
                                   'numero_documento: se busca en Clientes, nunca se crea.'},
        'campos': {'type': 'object', 'maxProperties': 50,
                   'description': 'Campos personalizados del nuevo motivo.'},
    },
}

DECISION = {
    'type': 'object', 'additionalProperties': False, 'required': ['decision', 'version'],
    'properties': {
        'version': VERSION,
        'decision': {'type': 'string', 'enum': ['APROBADO', 'RECHAZADO']},
        'monto_aprobado': {'type': ['string', 'null'], 'maxLength': 20,
                           'description': 'APROBADO: monto aprobado (por defecto, el total '
                                          'reclamado).'},
        'motivo': texto(TEXTO_MAX, 'RECHAZADO: el motivo (obligatorio).', nulo=True),
    },
}

ENTREGA = {
    'type': 'object', 'additionalProperties': False,
    'required': ['tipo', 'medio', 'instante', 'version'],
    'properties': {
        'version': VERSION,
        'tipo': {'type': 'string', 'enum': ['primera_respuesta', 'notificacion'],
                 'description': 'Qué se entregó: el acuse de recibo o la respuesta.'},
        'medio': {'type': 'string', 'enum': ['telefono', 'presencial', 'carta', 'personal'],
                  'description': 'Acuse: telefono o presencial; respuesta: carta o personal '
                                 '(el correo lo registra el propio envío).'},
        'instante': texto(40, 'Cuándo se entregó, ISO 8601; sin desplazamiento es la hora '
                              'local del calendario del caso.'),
        'nota': texto(2000, 'Detalle: guía de la carta, quién recibió...', nulo=True),
    },
}

DERIVACION = {
    'type': 'object', 'additionalProperties': False, 'required': ['area', 'motivo', 'version'],
    'properties': {'area': referencia('Área que recibe el caso'),
                   'motivo': texto(TEXTO_MAX, 'Por qué se deriva.'),
                   'version': VERSION},
}

COMENTARIO = {
    'type': 'object', 'additionalProperties': False, 'required': ['texto'],
    'properties': {'texto': texto(TEXTO_MAX, 'El comentario.'),
                   'visible_cliente': {'type': ['boolean', 'null'],
                                       'description': 'true: el cliente lo ve (cuenta como '
                                                      'primera respuesta). Por defecto false.'}},
}

CALIFICACION = {
    'type': 'object', 'additionalProperties': False, 'required': ['version'],
    'description': 'Cierra un caso terminado: la calificación de 1 a 5, o sin_contacto=true '
                   'con la nota de los intentos.',
    'properties': {'calificacion': TRANSICION['properties']['calificacion'],
                   'sin_contacto': TRANSICION['properties']['sin_contacto'],
                   'nota': TRANSICION['properties']['nota'],
                   'version': VERSION},
}

# Read-only parts of a case (responses): the contact it was filed with, the hoja's fields.
_T, _TN = {'type': 'string'}, {'type': ['string', 'null']}
CONTACTO_CASO = {
    'type': ['object', 'null'], 'properties': {
        'nombre': _T, 'email': _TN, 'telefono': _TN, 'direccion': _TN},
    'description': 'Los datos de contacto con que se presentó el caso (sus mensajes van '
                   'allí); registrar un caso no cambia la ficha del cliente.'}
HOJA = {
    'type': ['object', 'null'], 'properties': {
        'bien': _T, 'bien_etiqueta': _T, 'bien_descripcion': _TN, 'monto_reclamado': _TN,
        'pedido': _T},
    'description': 'Campos de la hoja del Libro de Reclamaciones; null si el caso no se '
                   'presentó así.'}
