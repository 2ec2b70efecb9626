"""The process of a motive: an ordered list of activities, each with its area and its term.

A process belongs to one motive (at most one active per motive, so an administrator can
prepare a new version inactive and switch); its activities are edited inline. An activity may
carry a condition on the case's fields (``prioridad es ALTO``), checked by
``reglas.condiciones``; cases skip the activities whose condition does not hold.
"""
from peewee import BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from bd import BaseModel
from bd.recordadas import Recordada
from catalogos.base import OPCIONES_UNIDAD, Catalogo, error_plazo
from catalogos.declaracion import Hijo, declarar
from catalogos.organizacion import Area
from catalogos.servicios import CampoPersonalizado, Motivo


class Proceso(Catalogo):
    motivo = ForeignKeyField(Motivo, backref='procesos', on_delete='RESTRICT',
                             verbose_name='Motivo')
    descripcion = TextField(default='', verbose_name='Descripción')

    def errores_propios(self):
        if self.motivo_id is None:
            return {'motivo': 'Elija el motivo al que se aplica el proceso.'}
        if self.activo:
            otro = (Proceso.select().where(Proceso.motivo == self.motivo_id,
                                           Proceso.activo == True))  # noqa: E712
            if self.id is not None:
                otro = otro.where(Proceso.id != self.id)
            otro = otro.first()
            if otro is not None:
                return {'motivo': f'El motivo ya tiene un proceso activo: «{otro.nombre}» '
                                  f'({otro.codigo}). Desactívelo primero.'}
        return {}

    @classmethod
    def activo_de(cls, motivo_id):
        return _activo_de.primera(motivo_id)

    def actividades_en_orden(self):
        return list(Actividad.select().where(Actividad.proceso == self.id)
                    .order_by(Actividad.orden, Actividad.id))


@Recordada  # every registration looks its motive's process up: kept per process (bd.recordadas)
def _activo_de(motivo_id):
    return (Proceso.select().where(Proceso.motivo == motivo_id, Proceso.activo == True)  # noqa: E712
            .order_by(Proceso.id).limit(1))


class Actividad(BaseModel):
    proceso = ForeignKeyField(Proceso, backref='actividades', on_delete='CASCADE')
    orden = IntegerField(default=1, verbose_name='Orden')
    nombre = CharField(max_length=200, verbose_name='Actividad')
    area = ForeignKeyField(Area, backref='actividades', on_delete='RESTRICT',
                           verbose_name='Área')
    plazo_cantidad = IntegerField(verbose_name='Plazo')
    plazo_unidad = CharField(max_length=20, choices=OPCIONES_UNIDAD, default='horas',
                             verbose_name='Unidad del plazo')
    condicion = TextField(default='', verbose_name='Condición',
                          help_text='Opcional, en el mismo español de las reglas de '
                                    'enrutamiento, p. ej. prioridad es ALTO y tipo predio '
                                    'es Comercial.')
    resuelve = BooleanField(default=False, verbose_name='Da la respuesta',
                            help_text='En esta actividad su área puede responder el caso '
                                      'aunque el área no resuelva casos en general.')

    class Meta:
        indexes = ((('proceso', 'orden'), True),)

    def __str__(self):
        return f'{self.orden}. {self.nombre}'

    def errores(self):
        from reglas.condiciones import CondicionInvalida, validar

        errores = {}
        if self.orden is None or self.orden < 1:
            errores['orden'] = 'El orden debe ser un número entero desde 1.'
        if not (self.nombre or '').strip():
            errores['nombre'] = 'El nombre de la actividad es obligatorio.'
        if self.area_id is None:
            errores['area'] = 'Elija el área que realiza la actividad.'
        plazo = error_plazo(self.plazo_cantidad, self.plazo_unidad,
                            etiqueta='El plazo de la actividad')
        errores.update({'plazo_' + k: v for k, v in plazo.items()})
        try:
            validar(self.condicion or '', self._campos_del_motivo())
        except CondicionInvalida as error:
            errores['condicion'] = str(error)
        if 'orden' not in errores and self.proceso_id is not None:
            repetida = Actividad.select().where(Actividad.proceso == self.proceso_id,
                                                Actividad.orden == self.orden)
            if self.id is not None:
                repetida = repetida.where(Actividad.id != self.id)
            if repetida.exists():
                errores['orden'] = f'Ya hay una actividad con el orden {self.orden}.'
        return errores

    def _campos_del_motivo(self):
        """Custom field codes a condition may name; None while the parent is unsaved."""
        if self.proceso_id is None:
            return None
        motivo = (Proceso.select(Proceso.motivo).where(Proceso.id == self.proceso_id)
                  .scalar())
        if motivo is None:
            return None
        return [c for (c,) in CampoPersonalizado.select(CampoPersonalizado.codigo)
                .where(CampoPersonalizado.motivo == motivo).tuples()]


PROCESOS = declarar(
    Proceso, titulo='Procesos', categoria='Servicios', clave='procesos',
    columnas=('codigo', 'nombre', 'motivo', 'activo'),
    filtros=('motivo', 'activo'), ajax=('motivo',),
    hijos=(Hijo(Actividad, 'proceso', 'actividades',
                ('orden', 'nombre', 'area', 'plazo_cantidad', 'plazo_unidad', 'condicion',
                 'resuelve'), titulo='Actividad'),),
)
