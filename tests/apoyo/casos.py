"""Small factories for cases, through the real registration service."""
import itertools

from catalogos.atencion import Canal
from catalogos.servicios import Motivo
from reclamos.caso.registro import registrar
from reclamos.tiempo import instante_de

_documentos = itertools.count(40000000)


def caso_sin_servicio():
    """A fresh valid external case of SIN_SERVICIO (area MONITOREO, ALTO, OSIPTEL_3, process),
    as the registration service and the API take it."""
    return {
        'motivo': 'SIN_SERVICIO', 'canal': 'WEB', 'servicio': 'INTERNET',
        'descripcion': 'No tengo internet desde ayer; el módem muestra la luz roja.',
        'campos': {'codigo_abonado': 'AB-0001'},
        'cliente': {'tipo_documento_identidad': 'DNI', 'numero_documento': '45781236',
                    'nombre': 'Rosa Quispe', 'email': 'rosa@correo.pe'},
    }


def crear_caso(usuario, motivo='LENTITUD', canal='TELEFONO', ahora=None, **datos):
    """Register a case of a demo motive; fills the required custom fields with valid values.

    A case given its ``recibido_en`` is registered at that instant unless ``ahora`` says
    otherwise: registration refuses receipts more than a year old, so a fixed date in a test
    would stop working a year later."""
    fila = Motivo.get(Motivo.codigo == motivo)
    campos = {c.codigo: {'texto': 'X-1', 'numero': 10, 'fecha': '2026-11-01',
                         'opcion': (c.lista_opciones() or [''])[0], 'booleano': True}[c.tipo]
              for c in fila.campos if c.requerido}
    valores = {
        'motivo': fila.codigo, 'canal': Canal.get(Canal.codigo == canal).codigo,
        'descripcion': 'El servicio falla desde ayer por la tarde.', 'campos': campos,
        'cliente': {'tipo_documento_identidad': 'DNI', 'numero_documento': str(next(_documentos)),
                    'nombre': 'Cliente de prueba'},
    }
    valores.update(datos)
    if ahora is None and datos.get('recibido_en'):
        ahora = instante_de(datos['recibido_en'])
    return registrar(valores, usuario, '127.0.0.1', ahora)
