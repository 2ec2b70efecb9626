"""How cases arrive and what they refer to: channels and source document types."""
from peewee import BooleanField, CharField, IntegerField

from catalogos.base import OPCIONES_UNIDAD, Catalogo, error_plazo
from catalogos.declaracion import declarar


class Canal(Catalogo):
    """A channel; the virtual one promises a first answer (seed 001: 24 hours)."""

    virtual = BooleanField(default=False, verbose_name='Canal virtual')
    primera_respuesta_cantidad = IntegerField(null=True, verbose_name='Primera respuesta en')
    primera_respuesta_unidad = CharField(max_length=20, choices=OPCIONES_UNIDAD, null=True,
                                         verbose_name='Unidad de primera respuesta')

    def errores_propios(self):
        errores = error_plazo(self.primera_respuesta_cantidad, self.primera_respuesta_unidad,
                              obligatorio=False, etiqueta='El plazo de primera respuesta')
        return {'primera_respuesta_' + k: v for k, v in errores.items()}


class TipoDocumento(Catalogo):
    """A source document a claim can refer to: factura, orden de servicio, orden de venta."""

    tiene_lineas = BooleanField(default=False, verbose_name='Tiene líneas reclamables')


CANALES = declarar(
    Canal, titulo='Canales', categoria='Atención', clave='canales',
    columnas=('codigo', 'nombre', 'virtual', 'primera_respuesta_cantidad',
              'primera_respuesta_unidad', 'activo'),
    filtros=('virtual', 'activo'),
)
TIPOS_DOCUMENTO = declarar(
    TipoDocumento, titulo='Tipos de documento', categoria='Atención', clave='tipos_documento',
    columnas=('codigo', 'nombre', 'tiene_lineas', 'activo'),
    filtros=('tiene_lineas', 'activo'),
)
