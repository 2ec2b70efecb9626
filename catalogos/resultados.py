"""Outcomes of a case per regulator (fundado, fundado en parte, infundado, ...).

A row without a regulator serves cases whose motive has none (the company's own book of
claims). Each row carries the sense (``reglas.resultado.SENTIDOS``) the proposal from the
claim lines speaks in.
"""
from peewee import CharField, ForeignKeyField

from catalogos.base import Catalogo
from catalogos.declaracion import declarar
from catalogos.organizacion import EntidadReguladora
from reglas.resultado import SENTIDOS


class Resultado(Catalogo):
    entidad = ForeignKeyField(EntidadReguladora, backref='resultados', null=True,
                              on_delete='RESTRICT', verbose_name='Entidad reguladora',
                              help_text='Vacío: para los casos sin entidad reguladora.')
    sentido = CharField(max_length=20, choices=SENTIDOS, verbose_name='Sentido',
                        help_text='Lo que significa: la propuesta desde las líneas usa esto.')

    def errores_propios(self):
        if self.sentido not in dict(SENTIDOS):
            return {'sentido': f'Sentido desconocido: «{self.sentido or ""}».'}
        return {}

    @classmethod
    def para(cls, entidad_id):
        """The active outcomes a case of regulator ``entidad_id`` (None: none) may get."""
        condicion = cls.entidad.is_null() if entidad_id is None else cls.entidad == entidad_id
        return cls.activos().where(condicion).order_by(cls.id)


RESULTADOS = declarar(
    Resultado, titulo='Resultados', categoria='Organización', clave='resultados',
    columnas=('codigo', 'nombre', 'entidad', 'sentido', 'activo'),
    filtros=('entidad', 'sentido', 'activo'),
)
