"""Where the bytes of case documents live: a folder or the database (RECLAMOS_ADJUNTOS_EN).

Both keep each content once, under its SHA-256. An upload is first read into a temporary
file (or memory) and checked; only an accepted one is moved into the store (``recibir`` then
``confirmar``), so a refused upload leaves nothing (issue 15, F4). In a folder, a file moved
in by a transaction that then failed is named by no row: ``barrer_huerfanos`` (CLI
``barrer-adjuntos``) removes those and stale temporary files. Several app servers need the
folder on a shared volume. In the database the bytes go in the same transaction as the
document's row, so a failed transaction leaves nothing, no shared volume is needed and the
backup carries them. Callers get an ``Almacen`` from ``de_config`` and never branch on the
setting.
"""
import datetime
import hashlib
import io
import os
import tempfile
from pathlib import Path

from peewee import BigIntegerField, BlobField, CharField, DateTimeField

from bd import BaseModel, db
from reclamos.errores import ErrorValidacion

CARPETA, BD = 'carpeta', 'bd'
MODOS = (CARPETA, BD)
BLOQUE = 1024 * 1024
CABECERA = 2048  # what content sniffing (reglas.archivos) reads
TEMPORAL = '.subida-'


class ArchivoAdjunto(BaseModel):
    """The bytes of a document when RECLAMOS_ADJUNTOS_EN=bd, once per content."""
    sha256 = CharField(max_length=64, primary_key=True)
    tamano = BigIntegerField()
    contenido = BlobField()
    creado_en = DateTimeField(default=datetime.datetime.utcnow)


def modo_valido(valor):
    """The setting, or a Spanish error naming it that stops the start."""
    modo = (valor or CARPETA).strip().lower()
    if modo not in MODOS:
        raise ValueError(f'RECLAMOS_ADJUNTOS_EN: valor desconocido «{valor}»; use «carpeta» '
                         '(archivos en la carpeta RECLAMOS_ADJUNTOS) o «bd» (en la base de '
                         'datos).')
    return modo


def ruta_de(carpeta, sha256):
    return Path(carpeta) / sha256[:2] / sha256


def _copiar(flujo, limite, escribir):
    """Read the upload in blocks, refusing past ``limite``; returns (sha256, size, head)."""
    resumen, tamano, cabecera = hashlib.sha256(), 0, b''
    while bloque := flujo.read(BLOQUE):
        tamano += len(bloque)
        if tamano > limite:
            raise ErrorValidacion({'archivo': f'El archivo supera el máximo de '
                                              f'{limite // BLOQUE} MB.'})
        if len(cabecera) < CABECERA:
            cabecera += bloque[:CABECERA - len(cabecera)]
        resumen.update(bloque)
        escribir(bloque)
    return resumen.hexdigest(), tamano, cabecera


class Subida:
    """An upload read and hashed, not stored yet: a temporary file or bytes in memory.
    Used as a context manager, whatever was not confirmed is removed on exit."""

    def __init__(self, sha256, tamano, cabecera, temporal=None, contenido=None):
        self.sha256, self.tamano, self.cabecera = sha256, tamano, cabecera
        self.temporal, self.contenido = temporal, contenido

    def __enter__(self):
        return self

    def __exit__(self, *error):
        self.descartar()

    def descartar(self):
        if self.temporal is not None and os.path.exists(self.temporal):
            os.unlink(self.temporal)
        self.temporal = self.contenido = None


class Almacen:
    def __init__(self, en, carpeta):
        self.en = modo_valido(en)
        self.carpeta = Path(carpeta)

    def recibir(self, flujo, limite):
        """Read the upload (refused past ``limite``) into a Subida; nothing is stored."""
        if self.en == BD:
            contenido = bytearray()
            digest, tamano, cabecera = _copiar(flujo, limite, contenido.extend)
            return Subida(digest, tamano, cabecera, contenido=contenido)
        self.carpeta.mkdir(parents=True, exist_ok=True)
        # In the store's folder: the move into place is then a rename on one file system.
        descriptor, temporal = tempfile.mkstemp(dir=self.carpeta, prefix=TEMPORAL)
        try:
            with os.fdopen(descriptor, 'wb') as salida:
                digest, tamano, cabecera = _copiar(flujo, limite, salida.write)
        except BaseException:
            os.unlink(temporal)
            raise
        return Subida(digest, tamano, cabecera, temporal=temporal)

    def confirmar(self, subida):
        """Move an accepted upload into the store. In the database mode the row is written in
        the caller's transaction: call it inside the one that records the document."""
        if self.en == BD:
            with db.atomic():
                existe = (ArchivoAdjunto.select()
                          .where(ArchivoAdjunto.sha256 == subida.sha256).exists())
                if not existe:
                    # Two servers storing the same bytes at once: the second is a no-op.
                    (ArchivoAdjunto.insert(sha256=subida.sha256, tamano=subida.tamano,
                                           contenido=subida.contenido)
                     .on_conflict_ignore().execute())
        else:
            destino = ruta_de(self.carpeta, subida.sha256)
            destino.parent.mkdir(exist_ok=True)
            os.replace(subida.temporal, destino)
        subida.temporal = subida.contenido = None

    def guardar(self, flujo, limite):
        """Store the upload at once; returns (sha256, size, first bytes)."""
        with self.recibir(flujo, limite) as subida:
            self.confirmar(subida)
            return subida.sha256, subida.tamano, subida.cabecera

    def abrir(self, sha256):
        """A binary file object with the content, or None when it is missing."""
        if self.en == BD:
            contenido = self.leer(sha256)
            return None if contenido is None else io.BytesIO(contenido)
        ruta = ruta_de(self.carpeta, sha256)
        try:
            return open(ruta, 'rb')
        except FileNotFoundError:
            return None

    def para_enviar(self, sha256):
        """What ``flask.send_file`` takes, or None when missing: the file's path in a folder
        (size, Last-Modified and ranges from the file system, streamed), the bytes otherwise."""
        if self.en == BD:
            return self.abrir(sha256)
        ruta = ruta_de(self.carpeta, sha256)
        return ruta if ruta.is_file() else None

    def leer(self, sha256):
        """The bytes, or None when missing."""
        if self.en == BD:
            contenido = (ArchivoAdjunto.select(ArchivoAdjunto.contenido)
                         .where(ArchivoAdjunto.sha256 == sha256).scalar())
            return None if contenido is None else bytes(contenido)
        archivo = self.abrir(sha256)
        if archivo is None:
            return None
        with archivo:
            return archivo.read()


class _Alterado(Exception):
    pass


def copiar_a_bd(carpeta):
    """Copy every document's file from the folder into the database, one transaction per
    file, checking its hash; safe to run again. Returns counts by outcome."""
    from reclamos.caso.documentos import Documento

    origen, destino = Almacen(CARPETA, carpeta), Almacen(BD, carpeta)
    cuenta = {'copiados': 0, 'ya_estaban': 0, 'faltan': 0, 'alterados': 0}
    hashes = (Documento.select(Documento.sha256).where(Documento.sha256 != '').distinct()
              .tuples())
    for (sha256,) in hashes:
        if ArchivoAdjunto.select().where(ArchivoAdjunto.sha256 == sha256).exists():
            cuenta['ya_estaban'] += 1
            continue
        archivo = origen.abrir(sha256)
        if archivo is None:
            cuenta['faltan'] += 1
            continue
        try:
            with archivo, db.atomic():
                digest, _, _ = destino.guardar(archivo, os.fstat(archivo.fileno()).st_size)
                if digest != sha256:  # changed on disk: never store it under the wrong name
                    raise _Alterado
        except (_Alterado, ErrorValidacion):
            cuenta['alterados'] += 1
            continue
        cuenta['copiados'] += 1
    return cuenta


def de_config(config):
    """The storage the app's configuration names (a Flask config or any mapping)."""
    return Almacen(config.get('RECLAMOS_ADJUNTOS_EN', CARPETA), config['RECLAMOS_ADJUNTOS'])


def barrer_huerfanos(almacen, edad=datetime.timedelta(hours=1), ahora=None):
    """Remove stored contents no document names, and stale temporary uploads, older than
    ``edad`` (younger ones may belong to a transaction still running). Returns the count."""
    from reclamos.caso.documentos import Documento

    limite = (ahora or datetime.datetime.utcnow()) - edad
    usados = Documento.select(Documento.sha256).where(Documento.sha256 != '')
    if almacen.en == BD:
        return (ArchivoAdjunto.delete()
                .where(ArchivoAdjunto.sha256.not_in(usados),
                       ArchivoAdjunto.creado_en < limite).execute())
    if not almacen.carpeta.is_dir():
        return 0
    nombres = {sha256 for (sha256,) in usados.tuples()}
    quitados = 0
    for ruta in list(almacen.carpeta.glob(TEMPORAL + '*')) + list(almacen.carpeta.glob('*/*')):
        huerfano = ruta.name.startswith(TEMPORAL) or ruta.name not in nombres
        viejo = datetime.datetime.utcfromtimestamp(ruta.stat().st_mtime) < limite
        if ruta.is_file() and huerfano and viejo:
            ruta.unlink()
            quitados += 1
    return quitados
