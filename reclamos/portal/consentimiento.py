"""The personal-data notice the portal shows and the filer accepts (Colombia: Ley 1581 de
2012 and Decreto 1377 de 2013; Peru: Ley 29733 and its regulation, D.S. 003-2013-JUS).

Configurable: RECLAMOS_AVISO_DATOS replaces the text and RECLAMOS_AVISO_DATOS_VERSION names
it; each filing stores the version it accepted, with the time and the address it came from,
so the company can prove which text a person agreed to after the text changes.
"""
import hashlib

from catalogos.empresa import dato

PERU = ('Sus datos personales serán tratados por {empresa} para registrar, atender y '
        'responder su reclamo o queja, y para informarle de su estado, conforme a la Ley 29733 '
        'de Protección de Datos Personales y su reglamento. Se conservan el tiempo que exige '
        'la normativa del Libro de Reclamaciones y no se usan para publicidad. Puede ejercer '
        'sus derechos de acceso, rectificación, cancelación y oposición escribiendo a '
        '{empresa}.')
COLOMBIA = ('Autorizo a {empresa} a tratar mis datos personales para registrar, atender y '
            'responder esta petición, queja, reclamo o sugerencia y para informarme de su '
            'trámite, conforme a la Ley 1581 de 2012 y el Decreto 1377 de 2013. Mis datos no se '
            'usarán para otros fines. Puedo conocer, actualizar, rectificar y suprimir mis '
            'datos y revocar esta autorización escribiendo a {empresa}.')
VERSION_DEFECTO = '2026-12'
NO_ACEPTADO = ('Para registrar su caso debe aceptar el tratamiento de sus datos personales '
               'descrito en el aviso.')


def aviso(config):
    """(version, text) of the notice in force: RECLAMOS_AVISO_DATOS, else the company
    profile's policy text, else the shipped one for the company's law. A text without a
    configured version is versioned by its own digest, so editing it makes a new version."""
    texto = (config.get('RECLAMOS_AVISO_DATOS') or dato('politica_datos', config) or '').strip()
    propio = bool(texto)
    if not texto:
        plantilla = PERU if dato('libro_reclamaciones', config) else COLOMBIA
        texto = plantilla.format(empresa=dato('nombre', config) or 'la empresa')
    version = (config.get('RECLAMOS_AVISO_DATOS_VERSION') or '').strip()[:40]
    if not version and propio:
        version = 'texto-' + hashlib.sha256(texto.encode()).hexdigest()[:10]
    return version or VERSION_DEFECTO, texto


def aceptado(valor):
    """Whether the required checkbox came checked."""
    return str(valor or '').strip().lower() in ('1', 'si', 'sí', 'on', 'true')
