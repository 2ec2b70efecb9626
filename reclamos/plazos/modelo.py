"""The terms that run on a case (legal, priority SLA, first answer, activity) and its pauses.

Each term is a row of its own so that a suspension, an extension or the completion of one
activity touches exactly the term it concerns, and indicators can ask "how many legal terms
were met" in SQL.
"""
from peewee import (BooleanField, CharField, DateTimeField, FloatField, ForeignKeyField,
                    IntegerField, TextField)

from bd import BaseModel
from catalogos.base import OPCIONES_UNIDAD
from catalogos.usuarios import Usuario
from reclamos.caso.modelo import Reclamo
from reclamos.tiempo import aware
from reglas import estado_sla
from reglas.sla import UMBRAL_POR_VENCER
from reglas.transiciones import ESTADOS

LEGAL, PRIORIDAD, PRIMERA_RESPUESTA, ACTIVIDAD = ('legal', 'prioridad', 'primera_respuesta',
                                                  'actividad')
TIPOS_TERMINO = [(LEGAL, 'Plazo legal'), (PRIORIDAD, 'Prioridad'),
                 (PRIMERA_RESPUESTA, 'Primera respuesta'), (ACTIVIDAD, 'Actividad')]
CUMPLIDO, CANCELADO, SUSPENDIDO = 'cumplido', 'cancelado', 'suspendido'


class TerminoCaso(BaseModel):
    reclamo = ForeignKeyField(Reclamo, backref='terminos', on_delete='CASCADE')
    tipo = CharField(max_length=20, choices=TIPOS_TERMINO, verbose_name='Tipo')
    codigo = CharField(max_length=40, verbose_name='Código de la regla')
    nombre = CharField(max_length=200, verbose_name='Regla')
    cantidad = IntegerField(verbose_name='Cantidad')
    unidad = CharField(max_length=20, choices=OPCIONES_UNIDAD, verbose_name='Unidad')
    # Copied from the rule when the term starts: editing a catalog later does not change the
    # terms of cases already running.
    prorrogable = BooleanField(default=False, verbose_name='Prorrogable')
    prorroga_max = IntegerField(null=True, verbose_name='Prórroga máxima')
    umbral = FloatField(default=UMBRAL_POR_VENCER, verbose_name='Umbral «por vencer»')
    actividad_orden = IntegerField(null=True, verbose_name='Actividad')
    inicio = DateTimeField(verbose_name='Inicio')
    vence_en = DateTimeField(null=True, verbose_name='Vence')  # None while suspended
    cumplido_en = DateTimeField(null=True, verbose_name='Cumplido')
    cancelado = BooleanField(default=False, verbose_name='Cancelado')  # case annulled
    prorrogado = IntegerField(default=0, verbose_name='Prorrogado')
    # When the escalation sweep must next look at this term (its next level, or at once after
    # a change); None when no level is left or the term ended. Indexed: the sweep reads only
    # the rows that are due, however many cases are open.
    alerta_en = DateTimeField(null=True, index=True, verbose_name='Próxima alerta')

    @property
    def abierto(self):
        return self.cumplido_en is None and not self.cancelado

    def estado(self, ahora, calendario):
        """cumplido, cancelado, suspendido, or the reglas SLA state of a running term."""
        if self.cancelado:
            return CANCELADO
        if self.cumplido_en is not None:
            return CUMPLIDO
        if self.vence_en is None:
            return SUSPENDIDO
        inicio, vence = aware(self.inicio), aware(self.vence_en)
        if vence < inicio:  # a zero-length term received after hours
            vence = inicio
        return estado_sla(inicio, vence, aware(ahora), self.umbral, self.unidad, calendario)


class Suspension(BaseModel):
    """A pause of every running term of a case (e.g. waiting for the customer's documents)."""

    reclamo = ForeignKeyField(Reclamo, backref='suspensiones', on_delete='CASCADE')
    inicio = DateTimeField(verbose_name='Inicio')
    fin = DateTimeField(null=True, verbose_name='Fin')
    motivo = TextField(verbose_name='Motivo')
    estado_previo = CharField(max_length=20, choices=[(e, e) for e in ESTADOS])
    usuario = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False)
