"""Who files a case and where it was received: requester type, the sending entity with its
file number and the term it imposed, and the reception point."""
from catalogos.atencion import CON_ENTIDAD, TIPOS_SOLICITANTE, PuntoRecepcion
from reclamos.caso import validacion as v
from reglas.validacion import UNIDADES

CLAVES = ('tipo_solicitante', 'entidad_remitente', 'expediente_entidad', 'plazo_entidad',
          'punto_recepcion')
UNIDADES_TEXTO = ', '.join(UNIDADES)


def _texto(datos, clave, largo, errores):
    valor = datos.get(clave)
    if valor is not None and not isinstance(valor, str):
        errores[clave] = 'Debe ser un texto.'
        return ''
    valor = (valor or '').strip()
    if len(valor) > largo:
        errores[clave] = f'Supera {largo} caracteres.'
    return valor[:largo]


def _plazo(valor, errores):
    """{'cantidad': int >= 1, 'unidad': one of UNIDADES} or None."""
    if valor in (None, '', {}):
        return None
    if not isinstance(valor, dict):
        errores['plazo_entidad'] = 'Indique el plazo como {"cantidad": N, "unidad": "..."}.'
        return None
    cantidad, unidad = valor.get('cantidad'), valor.get('unidad')
    if isinstance(cantidad, str) and cantidad.strip().isdigit():
        cantidad = int(cantidad)
    if isinstance(cantidad, bool) or not isinstance(cantidad, int) or not 1 <= cantidad <= 3650:
        errores['plazo_entidad'] = ('El plazo de la entidad debe ser un número entero de 1 a '
                                    '3650.')
    elif unidad not in UNIDADES:
        errores['plazo_entidad'] = f'Unidad del plazo de la entidad: use una de {UNIDADES_TEXTO}.'
    else:
        return {'cantidad': cantidad, 'unidad': unidad}
    return None


def validar(datos, r, errores):
    """Fill r with the requester's fields; messages name the field."""
    tipo = datos.get('tipo_solicitante') or 'cliente'
    if tipo not in dict(TIPOS_SOLICITANTE):
        errores['tipo_solicitante'] = ('Tipo de solicitante desconocido: use '
                                       + ', '.join(n.lower() for _, n in TIPOS_SOLICITANTE)
                                       + '.')
    r['tipo_solicitante'] = tipo
    r['entidad_remitente'] = _texto(datos, 'entidad_remitente', 200, errores)
    r['expediente_entidad'] = _texto(datos, 'expediente_entidad', 60, errores)
    r['plazo_entidad'] = _plazo(datos.get('plazo_entidad'), errores)
    if tipo in CON_ENTIDAD and not r['entidad_remitente'] and 'entidad_remitente' not in errores:
        errores['entidad_remitente'] = ('Indique la entidad o el despacho que remite el caso.')
    if tipo not in CON_ENTIDAD and (r['expediente_entidad'] or r['plazo_entidad']):
        errores['tipo_solicitante'] = ('El expediente y el plazo de la entidad corresponden a un '
                                       'ente de control o una autoridad judicial.')
    r['punto_recepcion'] = v.referencia(PuntoRecepcion, datos.get('punto_recepcion'),
                                        'punto_recepcion', errores, 'el punto de recepción',
                                        False)
