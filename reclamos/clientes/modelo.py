"""The customer of an external case, identified by document type and number."""
import datetime
import re

from peewee import CharField, DateTimeField, fn

from bd import BaseModel
from bd.compiladas import Compilada
from bd.recordadas import Recordada
from catalogos.identidad import TipoIdentidad
from reglas.identidad import IdentidadInvalida, validar

CAMPOS_CONTACTO = ('nombre', 'email', 'telefono', 'direccion')
_EMAIL = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')


def normalizar_numero(numero):
    """'1.234.567-8' and ' 12345678 ' as typed -> the bare number stored."""
    return re.sub(r'[\s.\-]', '', str(numero or '')).upper()


class Cliente(BaseModel):
    tipo_documento_identidad = CharField(max_length=3, verbose_name='Tipo de documento')
    numero_documento = CharField(max_length=20, verbose_name='Número de documento')
    nombre = CharField(max_length=200, verbose_name='Nombre o razón social')
    email = CharField(max_length=255, default='', verbose_name='Correo')
    telefono = CharField(max_length=40, default='', verbose_name='Teléfono')
    direccion = CharField(max_length=300, default='', verbose_name='Dirección')
    creado_en = DateTimeField(default=datetime.datetime.utcnow, verbose_name='Creado')

    class Meta:
        # The queue's search looks a customer up by document number alone.
        indexes = ((('tipo_documento_identidad', 'numero_documento'), True),
                   (('numero_documento',), False))

    def __str__(self):
        return f'{self.nombre} ({self.tipo_documento_identidad} {self.numero_documento})'

    @classmethod
    def por_documento(cls, tipo, numero):
        return _por_documento.primera(tipo, normalizar_numero(numero))

    def errores(self, registrado=False):
        return errores_cliente(self.tipo_documento_identidad, self.numero_documento,
                               self.nombre, self.email, self.telefono, self.direccion,
                               registrado)



# Incoming mail looks the sender up by address on every message (reclamos.correo.entrada):
# an expression index, which peewee declares by name (migration 0009 creates it).
Cliente.add_index(Cliente.index(fn.LOWER(Cliente.email), name='cliente_email_minusculas'))


# Every registration with a customer runs these two: compiled once (bd.compiladas); the
# document type kept per process while no catalog changes (bd.recordadas).
@Compilada
def _por_documento(tipo, numero):
    return Cliente.select().where(Cliente.tipo_documento_identidad == tipo,
                                  Cliente.numero_documento == numero).limit(1)


@Recordada
def _tipo_identidad(codigo):
    return TipoIdentidad.select().where(TipoIdentidad.codigo == codigo).limit(1)


def errores_cliente(tipo, numero, nombre, email='', telefono='', direccion='',
                    registrado=False):
    """{field: Spanish message} for customer data (the case form prefixes 'cliente.').

    ``registrado``: the number is the one a stored customer already has. It is not checked
    against the type's rule again: customers loaded before a rule existed (or with a check
    digit the rule now refuses) must still get cases and contact updates; a new or changed
    number is always checked."""
    errores = {}
    # The type's row of the catalog (active) names the rule its number is checked with.
    fila = _tipo_identidad.primera(tipo) if tipo else None
    if fila is None or not fila.activo:
        activos = ', '.join(t.codigo for t in TipoIdentidad.activos().order_by(TipoIdentidad.orden))
        errores['tipo_documento_identidad'] = (
            (f'Tipo de documento desconocido o inactivo: «{tipo}». ' if tipo else
             'Elija el tipo de documento de identidad. ') + f'Use uno de: {activos}.')
    elif not registrado:
        try:
            validar(fila.regla, normalizar_numero(numero))
        except IdentidadInvalida as error:
            errores['numero_documento'] = f'Número de documento ({fila.nombre}): {error}'
    if not (nombre or '').strip():
        errores['nombre'] = 'El nombre del cliente es obligatorio.'
    elif len(nombre) > 200:
        errores['nombre'] = 'El nombre supera 200 caracteres.'
    if email and (len(email) > 255 or not _EMAIL.match(email.strip())):
        errores['email'] = f'Correo inválido: «{email}».'
    if telefono and not re.match(r'^[\d\s+()\-]{6,40}$', telefono.strip()):
        errores['telefono'] = f'Teléfono inválido: «{telefono}».'
    if direccion and len(direccion) > 300:
        errores['direccion'] = 'La dirección supera 300 caracteres.'
    return errores
