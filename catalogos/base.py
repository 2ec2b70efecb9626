"""What every catalog shares: a stable ``codigo``, a ``nombre``, ``activo`` and validation.

Validation lives on the model, not in a form, so the admin screen and the configuration
import refuse exactly the same input with the same Spanish message.
"""
import re

from peewee import BooleanField, CharField, fn

from bd import BaseModel

PATRON_CODIGO = re.compile(r'^[A-Za-z0-9_.\-]{1,40}$')


class Catalogo(BaseModel):
    """Base of every catalog; never a table of its own."""

    codigo = CharField(max_length=40, unique=True, verbose_name='Código')
    nombre = CharField(max_length=200, verbose_name='Nombre')
    activo = BooleanField(default=True, verbose_name='Activo')

    # Fields whose pair (parent, codigo) is unique instead of codigo alone; see CampoPersonalizado.
    codigo_unico_en = None

    def __str__(self):
        return self.nombre or str(self.codigo or '')

    @classmethod
    def activos(cls):
        return cls.select().where(cls.activo == True)  # noqa: E712 (peewee expression)

    def errores(self):
        """Return {field name: Spanish message} for every rule this row breaks."""
        errores = {}
        codigo = (self.codigo or '').strip()
        if not codigo:
            errores['codigo'] = 'El código es obligatorio.'
        elif not PATRON_CODIGO.match(codigo):
            errores['codigo'] = ('El código admite solo letras sin tilde, números, guion, punto '
                                 'y guion bajo (máximo 40).')
        elif self._codigo_repetido(codigo):
            errores['codigo'] = (f'Ya existe un registro con el código «{codigo}» (sin '
                                 'distinguir mayúsculas de minúsculas).')
        if not (self.nombre or '').strip():
            errores['nombre'] = 'El nombre es obligatorio.'
        errores.update(self.errores_propios())
        return errores

    def errores_propios(self):
        """Rules of one catalog; overridden where a catalog has more than the shared ones."""
        return {}

    def _codigo_repetido(self, codigo):
        # "atencion" and "ATENCION" are one code to a person (accents are refused above).
        cls = type(self)
        consulta = cls.select(cls.id).where(fn.LOWER(cls.codigo) == codigo.lower())
        if self.codigo_unico_en:
            padre = getattr(cls, self.codigo_unico_en)
            consulta = consulta.where(padre == getattr(self, self.codigo_unico_en + '_id'))
        if self.id is not None:
            consulta = consulta.where(cls.id != self.id)
        return consulta.exists()


def error_plazo(cantidad, unidad, obligatorio=True, etiqueta='El plazo'):
    """Check an (amount, unit) pair; returns {'cantidad' or 'unidad': Spanish message}."""
    from reglas import UNIDADES  # reglas imports nothing of the project

    if cantidad is None and not unidad and not obligatorio:
        return {}
    errores = {}
    if cantidad is None:
        errores['cantidad'] = f'{etiqueta}: indique la cantidad.'
    elif cantidad <= 0:
        errores['cantidad'] = f'{etiqueta} debe ser mayor que cero (se recibió {cantidad}).'
    if unidad not in UNIDADES:
        errores['unidad'] = (f'Unidad desconocida: «{unidad or ""}». Use una de: '
                             + ', '.join(UNIDADES) + '.')
    return errores


def error_umbral(umbral):
    """Stored as a fraction (0.8), read by people as a percentage (80 %)."""
    if umbral is None or not 0 < umbral < 1:
        recibido = 'nada' if umbral is None else f'{umbral * 100:g} %'
        return {'umbral_por_vencer': 'El umbral «por vencer» debe estar entre 1 % y 99 % del '
                                     f'plazo (por ejemplo 80 %); se recibió {recibido}.'}
    return {}


OPCIONES_UNIDAD = [
    ('minutos', 'minutos'),
    ('horas', 'horas'),
    ('dias', 'días calendario'),
    ('dias_habiles', 'días hábiles'),
    ('horas_habiles', 'horas hábiles'),
]
