"""How cases arrive and what they refer to: channels, reception points (offices, branches,
virtual channels), source document types and who files them."""
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


TIPOS_PUNTO = [('oficina', 'Oficina'), ('sucursal', 'Sucursal'), ('virtual', 'Canal virtual')]
# Who files a case: a control entity or a court sends it with its own file and term.
TIPOS_SOLICITANTE = [('cliente', 'Cliente'), ('usuario_no_cliente', 'Usuario no cliente'),
                     ('proveedor', 'Proveedor'), ('empleado', 'Empleado'),
                     ('ente_control', 'Ente de control'),
                     ('autoridad_judicial', 'Autoridad judicial'), ('ciudadano', 'Ciudadano')]
CON_ENTIDAD = ('ente_control', 'autoridad_judicial')


class PuntoRecepcion(Catalogo):
    """Where a case was received: an office, a branch or a virtual channel."""

    tipo = CharField(max_length=20, choices=TIPOS_PUNTO, default='oficina', verbose_name='Tipo')
    ciudad = CharField(max_length=100, default='', verbose_name='Ciudad')

    def errores_propios(self):
        if self.tipo not in dict(TIPOS_PUNTO):
            return {'tipo': f'Tipo de punto desconocido: «{self.tipo or ""}».'}
        return {}


class TipoDocumento(Catalogo):
    """A source document a claim can refer to: factura, orden de servicio, orden de venta."""

    tiene_lineas = BooleanField(default=False, verbose_name='Tiene líneas reclamables')


CANALES = declarar(
    Canal, titulo='Canales', categoria='Atención', clave='canales',
    columnas=('codigo', 'nombre', 'virtual', 'primera_respuesta_cantidad',
              'primera_respuesta_unidad', 'activo'),
    filtros=('virtual', 'activo'),
)
PUNTOS_RECEPCION = declarar(
    PuntoRecepcion, titulo='Puntos de recepción', categoria='Atención',
    clave='puntos_recepcion', columnas=('codigo', 'nombre', 'tipo', 'ciudad', 'activo'),
    filtros=('tipo', 'activo'),
)
TIPOS_DOCUMENTO = declarar(
    TipoDocumento, titulo='Tipos de documento', categoria='Atención', clave='tipos_documento',
    columnas=('codigo', 'nombre', 'tiene_lineas', 'activo'),
    filtros=('tiene_lineas', 'activo'),
)
