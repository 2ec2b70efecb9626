"""The customer of an external case, identified by document type and number."""
import datetime
import re

from peewee import CharField, DateTimeField, fn

from bd import BaseModel

TIPOS_DOCUMENTO_IDENTIDAD = [
    ('DNI', 'DNI (Perú)'), ('RUC', 'RUC (Perú)'), ('CE', 'Carné de extranjería'),
    ('CC', 'Cédula de ciudadanía (Colombia)'), ('NIT', 'NIT (Colombia)'),
    ('PAS', 'Pasaporte'),
]
# What each document number looks like; a wrong length is the usual typo at the counter.
FORMATOS = {
    'DNI': (re.compile(r'^\d{8}$'), '8 dígitos'),
    'RUC': (re.compile(r'^(10|15|17|20)\d{9}$'), '11 dígitos que empiezan por 10, 15, 17 o 20'),
    'CE': (re.compile(r'^[A-Z0-9]{6,12}$'), 'de 6 a 12 letras o dígitos'),
    'CC': (re.compile(r'^\d{5,10}$'), 'de 5 a 10 dígitos'),
    'NIT': (re.compile(r'^\d{9,10}$'), '9 o 10 dígitos (con el dígito de verificación)'),
    'PAS': (re.compile(r'^[A-Z0-9]{5,15}$'), 'de 5 a 15 letras o dígitos'),
}
CAMPOS_CONTACTO = ('nombre', 'email', 'telefono', 'direccion')
_EMAIL = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')


def normalizar_numero(numero):
    """'1.234.567-8' and ' 12345678 ' as typed -> the bare number stored."""
    return re.sub(r'[\s.\-]', '', str(numero or '')).upper()


class Cliente(BaseModel):
    tipo_documento_identidad = CharField(max_length=3, choices=TIPOS_DOCUMENTO_IDENTIDAD,
                                         verbose_name='Tipo de documento')
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
        return cls.get_or_none(cls.tipo_documento_identidad == tipo,
                               cls.numero_documento == normalizar_numero(numero))

    def errores(self):
        return errores_cliente(self.tipo_documento_identidad, self.numero_documento,
                               self.nombre, self.email, self.telefono, self.direccion)



# Incoming mail looks the sender up by address on every message (reclamos.correo.entrada):
# an expression index, which peewee declares by name (migration 0009 creates it).
Cliente.add_index(Cliente.index(fn.LOWER(Cliente.email), name='cliente_email_minusculas'))


def errores_cliente(tipo, numero, nombre, email='', telefono='', direccion=''):
    """{field: Spanish message} for customer data (the case form prefixes 'cliente.')."""
    errores = {}
    if tipo not in FORMATOS:
        errores['tipo_documento_identidad'] = (
            f'Tipo de documento desconocido: «{tipo or ""}». Use uno de: '
            + ', '.join(FORMATOS) + '.')
    else:
        patron, descripcion = FORMATOS[tipo]
        if not patron.match(normalizar_numero(numero)):
            errores['numero_documento'] = (f'Número de {tipo} inválido: «{numero or ""}» '
                                           f'(debe tener {descripcion}).')
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
