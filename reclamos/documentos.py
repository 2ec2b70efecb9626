"""Documents of a case: requested, received or generated, with the paper original's place.

Files live outside the web root, in a folder named by configuration (a shared volume when
several app servers run), stored under their SHA-256 so the same bytes are kept once and a
file written before a failed transaction is harmless.
"""
import datetime
import hashlib
import os
import tempfile
from pathlib import Path

from peewee import BigIntegerField, CharField, DateTimeField, ForeignKeyField, TextField

from admin_app.db import BaseModel
from catalogos.usuarios import Usuario
from reclamos.acciones import anotar
from reclamos.caso import Reclamo
from reclamos.errores import ErrorValidacion
from reclamos.nucleo import bloquear_sin_version, contexto, exigir, transaccion
from reclamos.tiempo import a_bd
from reglas.archivos import tipo_por_contenido

SOLICITADO, RECIBIDO, GENERADO = 'solicitado', 'recibido', 'generado'
TIPOS_DOCUMENTO = [(SOLICITADO, 'Solicitado'), (RECIBIDO, 'Recibido'), (GENERADO, 'Generado')]
BLOQUE = 1024 * 1024


class Documento(BaseModel):
    reclamo = ForeignKeyField(Reclamo, backref='documentos', on_delete='RESTRICT')
    tipo = CharField(max_length=12, choices=TIPOS_DOCUMENTO, verbose_name='Tipo')
    descripcion = CharField(max_length=300, default='', verbose_name='Descripción')
    nombre = CharField(max_length=200, default='', verbose_name='Archivo')
    mime = CharField(max_length=120, default='')
    tamano = BigIntegerField(default=0, verbose_name='Tamaño')
    sha256 = CharField(max_length=64, default='')
    archivo_fisico = CharField(max_length=60, default='', verbose_name='Archivo físico',
                               help_text='Caja/carpeta del original en papel.')
    usuario = ForeignKeyField(Usuario, null=True, on_delete='RESTRICT', index=False)
    creado_en = DateTimeField(default=datetime.datetime.utcnow, verbose_name='Registrado')
    nota = TextField(default='')

    @property
    def tiene_archivo(self):
        return bool(self.sha256)


def ruta_de(carpeta, sha256):
    return Path(carpeta) / sha256[:2] / sha256


def _guardar(flujo, carpeta, limite):
    """Copy the upload to storage in blocks, checking size; returns (sha256, size, head)."""
    carpeta = Path(carpeta)
    carpeta.mkdir(parents=True, exist_ok=True)
    resumen, tamano, cabecera = hashlib.sha256(), 0, b''
    descriptor, temporal = tempfile.mkstemp(dir=carpeta, prefix='.subida-')
    try:
        with os.fdopen(descriptor, 'wb') as salida:
            while bloque := flujo.read(BLOQUE):
                tamano += len(bloque)
                if tamano > limite:
                    raise ErrorValidacion({'archivo': f'El archivo supera el máximo de '
                                                      f'{limite // BLOQUE} MB.'})
                if len(cabecera) < 2048:
                    cabecera += bloque[:2048 - len(cabecera)]
                resumen.update(bloque)
                salida.write(bloque)
        digest = resumen.hexdigest()
        destino = ruta_de(carpeta, digest)
        destino.parent.mkdir(exist_ok=True)
        os.replace(temporal, destino)
        return digest, tamano, cabecera
    finally:
        if os.path.exists(temporal):
            os.unlink(temporal)


def adjuntar(reclamo, tipo, usuario, ip, carpeta, limite, flujo=None, nombre='',
             descripcion='', archivo_fisico='', ahora=None):
    """Register a document of the case (a requested one may have no file yet)."""
    errores = {}
    if tipo not in dict(TIPOS_DOCUMENTO):
        errores['tipo'] = f'Tipo de documento desconocido: «{tipo}».'
    if flujo is None and tipo != SOLICITADO:
        errores['archivo'] = 'Adjunte el archivo (solo un documento solicitado puede ir sin él).'
    if len(descripcion or '') > 300 or len(archivo_fisico or '') > 60:
        errores['descripcion'] = 'Descripción de hasta 300 caracteres; archivo físico hasta 60.'
    if flujo is None and not (descripcion or '').strip():
        errores['descripcion'] = 'Describa el documento que se solicita.'
    if errores:
        raise ErrorValidacion(errores)
    datos = {'sha256': '', 'tamano': 0, 'mime': '', 'nombre': ''}
    if flujo is not None:
        nombre = os.path.basename((nombre or '').replace('\\', '/'))[:200]
        digest, tamano, cabecera = _guardar(flujo, carpeta, limite)
        mime, razon = tipo_por_contenido(cabecera, nombre)
        if razon:
            raise ErrorValidacion({'archivo': razon})
        if tamano == 0:
            raise ErrorValidacion({'archivo': 'El archivo está vacío.'})
        datos = {'sha256': digest, 'tamano': tamano, 'mime': mime, 'nombre': nombre}
    ctx = contexto(usuario, ip, ahora)
    with transaccion():
        r = bloquear_sin_version(reclamo, ctx)
        exigir(r, 'adjuntar', ctx)
        documento = Documento.create(reclamo=r.id, tipo=tipo, descripcion=descripcion.strip(),
                                     archivo_fisico=(archivo_fisico or '').strip(),
                                     usuario=usuario, creado_en=a_bd(ctx.ahora), **datos)
        anotar(r, ctx, 'documento', 'documento', None, documento.nombre or documento.descripcion,
               texto=f'Documento {dict(TIPOS_DOCUMENTO)[tipo].lower()}: '
                     f'{documento.descripcion or documento.nombre}'
                     + (f' (original en {documento.archivo_fisico})'
                        if documento.archivo_fisico else ''))
    return documento


def de_caso(reclamo):
    return list(Documento.select().where(Documento.reclamo == reclamo.id)
                .order_by(Documento.creado_en, Documento.id))
