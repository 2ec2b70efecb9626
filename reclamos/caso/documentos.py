"""Documents of a case: requested, received or generated, with the paper original's place.

The bytes live in ``reclamos.caso.almacen`` (a folder outside the web root or the database, by
configuration), under their SHA-256 so the same content is kept once.
"""
import datetime
import os
from contextlib import nullcontext

from peewee import BigIntegerField, CharField, DateTimeField, ForeignKeyField, TextField

from bd import BaseModel
from bd.compiladas import Compilada
from catalogos.usuarios import Usuario
from reclamos.caso.acciones import anotar
from reclamos.caso.modelo import Reclamo
from reclamos.errores import ErrorValidacion
from reclamos.caso.nucleo import bloquear_sin_version, contexto, exigir, transaccion
from reclamos.tiempo import a_bd
from reglas.archivos import tipo_por_contenido

SOLICITADO, RECIBIDO, GENERADO = 'solicitado', 'recibido', 'generado'
TIPOS_DOCUMENTO = [(SOLICITADO, 'Solicitado'), (RECIBIDO, 'Recibido'), (GENERADO, 'Generado')]


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
    usuario = ForeignKeyField(Usuario, null=True, on_delete='RESTRICT')  # indexed since 0005
    creado_en = DateTimeField(default=datetime.datetime.utcnow, verbose_name='Registrado')
    nota = TextField(default='')

    @property
    def tiene_archivo(self):
        return bool(self.sha256)


def adjuntar(reclamo, tipo, usuario, ip, almacen, limite, flujo=None, nombre='',
             descripcion='', archivo_fisico='', ahora=None):
    """Register a document of the case (a requested one may have no file yet).

    ``almacen`` is a ``reclamos.caso.almacen.Almacen``; the bytes are stored inside the same
    transaction as the row, so a refused or failed upload leaves no blob in the database.
    """
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
    ctx = contexto(usuario, ip, ahora)
    # Read and checked in a temporary file before the transaction (no lock held while the
    # bytes arrive); moved into the store only once everything else was accepted (F4).
    with almacen.recibir(flujo, limite) if flujo is not None else nullcontext() as subida, \
            transaccion():
        datos = {'sha256': '', 'tamano': 0, 'mime': '', 'nombre': ''}
        if subida is not None:
            nombre = os.path.basename((nombre or '').replace('\\', '/'))[:200]
            mime, razon = tipo_por_contenido(subida.cabecera, nombre)
            if razon:
                raise ErrorValidacion({'archivo': razon})
            if subida.tamano == 0:
                raise ErrorValidacion({'archivo': 'El archivo está vacío.'})
            datos = {'sha256': subida.sha256, 'tamano': subida.tamano, 'mime': mime,
                     'nombre': nombre}
        r = bloquear_sin_version(reclamo, ctx)
        exigir(r, 'adjuntar', ctx)
        if subida is not None:
            almacen.confirmar(subida)
        documento = Documento.create(reclamo=r.id, tipo=tipo, descripcion=descripcion.strip(),
                                     archivo_fisico=(archivo_fisico or '').strip(),
                                     usuario=usuario, creado_en=a_bd(ctx.ahora), **datos)
        anotar(r, ctx, 'documento', 'documento', None, documento.nombre or documento.descripcion,
               texto=f'Documento {dict(TIPOS_DOCUMENTO)[tipo].lower()}: '
                     f'{documento.descripcion or documento.nombre}'
                     + (f' (original en {documento.archivo_fisico})'
                        if documento.archivo_fisico else ''))
    return documento


_DE_CASO = Compilada(lambda ident: Documento.select().where(Documento.reclamo == ident)
                     .order_by(Documento.creado_en, Documento.id))


def de_caso(reclamo):
    return _DE_CASO.filas(reclamo.id)
