"""Terms as editable data: legal terms of motives and the SLA of priorities."""
from peewee import BooleanField, CharField, FloatField, IntegerField

from catalogos.base import OPCIONES_UNIDAD, Catalogo, error_plazo, error_umbral
from catalogos.declaracion import declarar
from reglas.sla import UMBRAL_POR_VENCER


class PlazoLegal(Catalogo):
    """A legal term rule (e.g. Ley 1755 de 2015: 15 días hábiles, extensible once)."""

    norma = CharField(max_length=200, default='', verbose_name='Norma')
    cantidad = IntegerField(verbose_name='Cantidad')
    unidad = CharField(max_length=20, choices=OPCIONES_UNIDAD, default='dias_habiles',
                       verbose_name='Unidad')
    prorrogable = BooleanField(default=False, verbose_name='Prorrogable')
    prorroga_max = IntegerField(null=True, verbose_name='Prórroga máxima',
                                help_text='Vacío: como máximo el plazo original otra vez.')
    notificacion_cantidad = IntegerField(null=True, verbose_name='Plazo para notificar')
    notificacion_unidad = CharField(max_length=20, choices=OPCIONES_UNIDAD, null=True,
                                    verbose_name='Unidad de notificación')
    umbral_por_vencer = FloatField(default=UMBRAL_POR_VENCER, verbose_name='Umbral «por vencer»',
                                   help_text='Fracción del plazo transcurrida (0,8 = 80%).')

    def errores_propios(self):
        errores = error_plazo(self.cantidad, self.unidad)
        errores.update(error_umbral(self.umbral_por_vencer))
        notificacion = error_plazo(self.notificacion_cantidad, self.notificacion_unidad,
                                   obligatorio=False, etiqueta='El plazo para notificar')
        errores.update({'notificacion_' + k: v for k, v in notificacion.items()})
        if self.prorroga_max is not None:
            if not self.prorrogable:
                errores['prorroga_max'] = 'Un plazo no prorrogable no admite prórroga máxima.'
            elif self.prorroga_max <= 0:
                errores['prorroga_max'] = 'La prórroga máxima debe ser mayor que cero.'
        return errores


class Prioridad(Catalogo):
    """Attention SLA of a case (seed 003: ALTO 30 minutes, MEDIO 1 day, BAJO 3 days)."""

    cantidad = IntegerField(verbose_name='Cantidad')
    unidad = CharField(max_length=20, choices=OPCIONES_UNIDAD, default='dias',
                       verbose_name='Unidad')
    orden = IntegerField(default=0, verbose_name='Orden')
    color = CharField(max_length=20, default='secondary', verbose_name='Color')
    umbral_por_vencer = FloatField(default=UMBRAL_POR_VENCER, verbose_name='Umbral «por vencer»',
                                   help_text='Fracción del plazo transcurrida (0,8 = 80%).')

    def errores_propios(self):
        return {**error_plazo(self.cantidad, self.unidad), **error_umbral(self.umbral_por_vencer)}


PLAZOS = declarar(
    PlazoLegal, titulo='Plazos legales', categoria='Plazos', clave='plazos_legales',
    columnas=('codigo', 'nombre', 'norma', 'cantidad', 'unidad', 'prorrogable',
              'notificacion_cantidad', 'notificacion_unidad', 'activo'),
    busqueda=('codigo', 'nombre', 'norma'),
    filtros=('unidad', 'prorrogable', 'activo'),
)
PRIORIDADES = declarar(
    Prioridad, titulo='Prioridades', categoria='Plazos', clave='prioridades',
    columnas=('codigo', 'nombre', 'cantidad', 'unidad', 'orden', 'activo'),
    filtros=('unidad', 'activo'), orden=('orden', False),
)
