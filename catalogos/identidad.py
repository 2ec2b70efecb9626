"""Identity document types a customer may be identified by, each checked by one rule of
``reglas.identidad`` (DNI 8 digits, RUC and NIT with their check digit, ...).

The customer's record keeps the type's code (three characters), so a code is at most three.
"""
from peewee import CharField, IntegerField, Table, fn

from bd import db
from bd.recordadas import Recordada
from catalogos.base import Catalogo
from catalogos.declaracion import declarar
from reglas.identidad import REGLAS

PAISES_TIPO = [('CO', 'Colombia'), ('PE', 'Perú'), ('ambos', 'Colombia y Perú')]
NOMBRES_REGLA = {'cc': 'Cédula de ciudadanía (3 a 10 dígitos)',
                 'ce': 'Extranjería (3 a 12 letras o dígitos)',
                 'nit': 'NIT con dígito de verificación', 'dni': 'DNI (8 dígitos)',
                 'ruc': 'RUC (11 dígitos con dígito de verificación)',
                 'pas': 'Pasaporte (5 a 20 letras o dígitos)', 'libre': 'Libre (hasta 30)'}
OPCIONES_REGLA = [(r, NOMBRES_REGLA[r]) for r in REGLAS]
# The types the application shipped with (migration 0024 seeds the same rows).
INICIALES = (
    ('DNI', 'DNI (Perú)', 'PE', 'dni', 1), ('RUC', 'RUC (Perú)', 'PE', 'ruc', 2),
    ('CE', 'Carné o cédula de extranjería', 'ambos', 'ce', 3),
    ('CC', 'Cédula de ciudadanía (Colombia)', 'CO', 'cc', 4),
    ('NIT', 'NIT (Colombia)', 'CO', 'nit', 5), ('PAS', 'Pasaporte', 'ambos', 'pas', 6),
)


class TipoIdentidad(Catalogo):
    pais = CharField(max_length=5, choices=PAISES_TIPO, default='ambos', verbose_name='País')
    regla = CharField(max_length=10, choices=OPCIONES_REGLA, verbose_name='Validación',
                      help_text='Cómo se comprueba el número de documento.')
    orden = IntegerField(default=0, verbose_name='Orden')

    def errores_propios(self):
        errores = {}
        if len((self.codigo or '').strip()) > 3:
            errores['codigo'] = ('El código de un tipo de documento admite hasta 3 caracteres '
                                 '(es lo que guarda el registro del cliente).')
        if self.pais not in dict(PAISES_TIPO):
            errores['pais'] = f'País desconocido: «{self.pais or ""}».'
        if self.regla not in NOMBRES_REGLA:
            errores['regla'] = f'Validación desconocida: «{self.regla or ""}».'
        return errores

    def usos_por_codigo(self):
        # catalogos never imports reclamos: the customer table read by name.
        clientes = Table('cliente', ('tipo_documento_identidad',)).bind(db)
        cantidad = clientes.select(fn.COUNT(1)).where(
            clientes.tipo_documento_identidad == self.codigo).scalar()
        return [f'Clientes ({cantidad})'] if cantidad else []

    @classmethod
    def ofrecidos(cls, pais):
        """Active types: those of ``pais`` (the company's country) first, then those of both
        countries, then the others, each by order (a Colombian form opens on CC)."""
        filas = _ACTIVOS.filas()
        return sorted(filas, key=lambda t: 0 if t.pais == pais else 1 if t.pais == 'ambos' else 2)



# Every form with a document type lists them: kept per process (bd.recordadas).
_ACTIVOS = Recordada(lambda: TipoIdentidad.activos().order_by(TipoIdentidad.orden,
                                                             TipoIdentidad.codigo))

def sembrar():
    """The shipped types into an empty catalog (a fresh or emptied database)."""
    if not TipoIdentidad.select().exists():
        TipoIdentidad.insert_many(
            [dict(zip(('codigo', 'nombre', 'pais', 'regla', 'orden'), fila, strict=True))
             for fila in INICIALES]).execute()


TIPOS_IDENTIDAD = declarar(
    TipoIdentidad, titulo='Tipos de documento de identidad', categoria='Atención',
    clave='tipos_identidad', columnas=('codigo', 'nombre', 'pais', 'regla', 'orden', 'activo'),
    filtros=('pais', 'activo'), orden=('orden', False),
)
