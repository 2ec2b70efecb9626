"""The customer's files on the portal: attached to the case, or set aside when the form comes
back with an error so the customer need not choose them again.

A browser cannot refill a file input, so each accepted file waits in a private folder under
a random name and the re-rendered form carries a signed reference to it (itsdangerous, one
day). Files are checked (size, type by content) before they are set aside, exactly as the
case's documents check them; leftovers older than a day are swept on each use.
"""
import io
import os
import secrets
import time
from pathlib import Path

from reclamos.caso.almacen import CABECERA, de_config
from reclamos.caso.documentos import RECIBIDO, adjuntar
from reclamos.errores import ErrorValidacion
from reclamos.portal import enlaces
from reglas.archivos import tipo_por_contenido

PROPOSITO = enlaces.ADJUNTO
VIDA = enlaces.DURACION[PROPOSITO]


def _carpeta(config):
    return Path(config['RECLAMOS_ADJUNTOS']) / 'pendientes-portal'


def _barrer(carpeta):
    limite = time.time() - VIDA
    for ruta in carpeta.glob('p-*'):
        try:
            if ruta.stat().st_mtime < limite:
                ruta.unlink()
        except FileNotFoundError:
            pass


def guardar_adjuntos(reclamo, archivos, ip, config, ahora, descripcion=None):
    """Attach each (name, stream) to the case as a received document (in the caller's
    transaction); a refused one raises ErrorValidacion({'adjuntos': ...}) naming it."""
    documentos = []
    for nombre, flujo in archivos:
        try:
            documentos.append(adjuntar(
                reclamo, RECIBIDO, None, ip, de_config(config), config['RECLAMOS_ADJUNTO_MAX'],
                flujo=flujo, nombre=nombre, ahora=ahora,
                descripcion=descripcion or 'Adjuntado por el cliente en el portal'))
        except ErrorValidacion as error:
            raise ErrorValidacion({'adjuntos': f'«{nombre[:80]}»: '
                                               + ' '.join(error.errores.values())}) from None
    return documentos


def apartar(archivos, config):
    """Set aside the acceptable files of a refused form; returns ([(token, name)], errors).

    ``errors`` names the files refused (too big, wrong type): those must be chosen again."""
    carpeta = _carpeta(config)
    carpeta.mkdir(parents=True, exist_ok=True)
    _barrer(carpeta)
    limite = config['RECLAMOS_ADJUNTO_MAX']
    guardados, rechazados = [], []
    for nombre, flujo in archivos:
        nombre = os.path.basename((nombre or '').replace('\\', '/'))[:200]
        contenido = flujo.read(limite + 1)
        _, razon = tipo_por_contenido(contenido[:CABECERA], nombre)
        if len(contenido) > limite:
            razon = f'supera el máximo de {limite // (1024 * 1024)} MB.'
        elif not contenido:
            razon = 'el archivo está vacío.'
        if razon:
            rechazados.append(f'«{nombre[:80]}»: {razon}')
            continue
        clave = 'p-' + secrets.token_hex(16)
        (carpeta / clave).write_bytes(contenido)
        guardados.append((enlaces.firmar(PROPOSITO, {'c': clave, 'n': nombre}), nombre))
    return guardados, rechazados


def recuperar(tokens, config):
    """[(token, name, stream)] of the files set aside, from the form's signed references; forged,
    expired or swept ones are skipped (the form then asks for them again)."""
    archivos = []
    for token in tokens[:10]:
        datos = enlaces.leer(PROPOSITO, token)
        if not isinstance(datos, dict) or not str(datos.get('c', '')).startswith('p-'):
            continue
        ruta = _carpeta(config) / os.path.basename(str(datos['c']))
        try:
            contenido = ruta.read_bytes()
        except FileNotFoundError:
            continue
        archivos.append((token, str(datos.get('n') or 'archivo')[:200],
                         io.BytesIO(contenido)))
    return archivos


def descartar(tokens, config):
    """Remove the files set aside once the case holds them."""
    for token in tokens[:10]:
        datos = enlaces.leer(PROPOSITO, token)
        if isinstance(datos, dict) and str(datos.get('c', '')).startswith('p-'):
            (_carpeta(config) / os.path.basename(str(datos['c']))).unlink(missing_ok=True)
