"""Improvement actions (seed 001: improvement plan, preventive and corrective actions,
nonconforming product) and the committee minutes that review them.

Every change of an action is a line of its own history (``CambioMejora``), not of the linked
cases' logs: an action may link no case or hundreds, and a case's log tells what was done to
that case, not to the plan that cites it.
"""
import datetime
from zoneinfo import ZoneInfo

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField

from bd import BaseModel
from catalogos.servicios import Motivo
from catalogos.usuarios import Usuario
from reclamos.caso.modelo import Reclamo
from reclamos.errores import AccionInmutable

TIPOS_MEJORA = [('preventiva', 'Preventiva'), ('correctiva', 'Correctiva'),
                ('producto_no_conforme', 'Producto no conforme')]
ABIERTA, EN_CURSO, CERRADA, CANCELADA = 'abierta', 'en_curso', 'cerrada', 'cancelada'
ESTADOS_MEJORA = [(ABIERTA, 'Abierta'), (EN_CURSO, 'En curso'), (CERRADA, 'Cerrada'),
                  (CANCELADA, 'Cancelada')]
VIGENTES = (ABIERTA, EN_CURSO)
ZONA = 'America/Bogota'


def hoy_en(ahora, zona=ZONA):
    """The local date of ``ahora`` (aware, naive UTC, or already a date)."""
    if isinstance(ahora, datetime.datetime):
        if ahora.tzinfo is None:
            ahora = ahora.replace(tzinfo=datetime.timezone.utc)
        return ahora.astimezone(ZoneInfo(zona)).date()
    return ahora


class AccionMejora(BaseModel):
    tipo = CharField(max_length=30, choices=TIPOS_MEJORA, verbose_name='Tipo')
    descripcion = TextField(verbose_name='Descripción')
    responsable = ForeignKeyField(Usuario, backref='acciones_mejora', on_delete='RESTRICT',
                                  verbose_name='Responsable')
    vence_el = DateField(verbose_name='Vence el')
    estado = CharField(max_length=20, choices=ESTADOS_MEJORA, default=ABIERTA,
                       verbose_name='Estado')
    resultado = TextField(default='', verbose_name='Resultado')
    creado_por = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False,
                                 verbose_name='Creada por')
    creado_en = DateTimeField(default=datetime.datetime.utcnow, verbose_name='Creada')
    cerrado_en = DateTimeField(null=True, verbose_name='Cerrada')

    class Meta:
        indexes = ((('estado', 'vence_el'), False),)

    def __str__(self):
        return f'AM-{self.id}'

    @property
    def vigente(self):
        return self.estado in VIGENTES

    def vencida(self, ahora, zona=ZONA):
        return self.vigente and self.vence_el < hoy_en(ahora, zona)

    def etiqueta(self, campo):
        return dict(self._meta.fields[campo].choices).get(getattr(self, campo), '')

    # -- named queries (the owners' alert sweep uses them) ----------------------------------
    @classmethod
    def vigentes(cls):
        return cls.select().where(cls.estado.in_(VIGENTES))

    @classmethod
    def vencidas(cls, ahora, zona=ZONA):
        """Open or in progress, due before today's local date."""
        return cls.vigentes().where(cls.vence_el < hoy_en(ahora, zona))

    @classmethod
    def por_vencer(cls, ahora, dias=7, zona=ZONA):
        """Open or in progress, due today or within ``dias`` days."""
        hoy = hoy_en(ahora, zona)
        return cls.vigentes().where(cls.vence_el >= hoy,
                                    cls.vence_el <= hoy + datetime.timedelta(days=dias))

    @classmethod
    def con_responsable(cls, consulta):
        """``consulta`` with its owners in the same query (lists show them on every row)."""
        return (consulta.select_extend(Usuario)
                .join(Usuario, on=(cls.responsable == Usuario.id), attr='responsable'))

    @classmethod
    def enlaces(cls, acciones):
        """({action id: [case numbers]}, {action id: [motive names]}) in two queries."""
        ident = [a.id for a in acciones]
        casos, motivos = {}, {}
        if ident:
            for accion, numero in (AccionMejoraReclamo
                                   .select(AccionMejoraReclamo.accion, Reclamo.numero)
                                   .join(Reclamo).where(AccionMejoraReclamo.accion.in_(ident))
                                   .order_by(Reclamo.numero).tuples()):
                casos.setdefault(accion, []).append(numero)
            for accion, nombre in (AccionMejoraMotivo
                                   .select(AccionMejoraMotivo.accion, Motivo.nombre)
                                   .join(Motivo).where(AccionMejoraMotivo.accion.in_(ident))
                                   .order_by(Motivo.nombre).tuples()):
                motivos.setdefault(accion, []).append(nombre)
        return casos, motivos

    def casos(self):
        return (Reclamo.select().join(AccionMejoraReclamo)
                .where(AccionMejoraReclamo.accion == self.id).order_by(Reclamo.numero))

    def motivos(self):
        return (Motivo.select().join(AccionMejoraMotivo)
                .where(AccionMejoraMotivo.accion == self.id).order_by(Motivo.nombre))

    def historial(self):
        return (CambioMejora.select().where(CambioMejora.accion == self.id)
                .order_by(CambioMejora.instante, CambioMejora.id))


class AccionMejoraReclamo(BaseModel):
    accion = ForeignKeyField(AccionMejora, backref='enlaces_caso', on_delete='CASCADE',
                             index=False)
    reclamo = ForeignKeyField(Reclamo, backref='acciones_mejora', on_delete='RESTRICT')

    class Meta:
        indexes = ((('accion', 'reclamo'), True),)


class AccionMejoraMotivo(BaseModel):
    accion = ForeignKeyField(AccionMejora, backref='enlaces_motivo', on_delete='CASCADE',
                             index=False)
    motivo = ForeignKeyField(Motivo, backref='acciones_mejora', on_delete='RESTRICT')

    class Meta:
        indexes = ((('accion', 'motivo'), True),)


class CambioMejora(BaseModel):
    """Append-only history of an improvement action: who changed what, when, old -> new."""

    accion = ForeignKeyField(AccionMejora, backref='cambios', on_delete='RESTRICT',
                             index=False)
    usuario = ForeignKeyField(Usuario, null=True, on_delete='RESTRICT', index=False)
    instante = DateTimeField()
    campo = CharField(max_length=40)
    valor_anterior = TextField(null=True)
    valor_nuevo = TextField(null=True)

    class Meta:
        indexes = ((('accion', 'instante'), False),)

    def save(self, force_insert=False, only=None):
        if self._pk is not None and not force_insert:
            raise AccionInmutable('El historial de una acción de mejora no se edita.')
        return super().save(force_insert=force_insert, only=only)

    def delete_instance(self, *args, **kwargs):
        raise AccionInmutable('El historial de una acción de mejora no se borra.')


class ActaComite(BaseModel):
    """A committee meeting: who attended and what was decided on each action reviewed."""

    fecha = DateField(verbose_name='Fecha')
    asistentes = TextField(verbose_name='Asistentes')
    observaciones = TextField(default='', verbose_name='Observaciones')
    registrada_por = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False)
    creado_en = DateTimeField(default=datetime.datetime.utcnow)

    def __str__(self):
        return f'Acta {self.fecha:%d/%m/%Y}' if self.fecha else 'Acta'

    def revisiones(self):
        return (ActaAccion.select(ActaAccion, AccionMejora).join(AccionMejora)
                .where(ActaAccion.acta == self.id).order_by(AccionMejora.id))


class ActaAccion(BaseModel):
    acta = ForeignKeyField(ActaComite, backref='revisiones_', on_delete='CASCADE', index=False)
    accion = ForeignKeyField(AccionMejora, backref='revisiones', on_delete='RESTRICT')
    # The action's state when the committee reviewed it (it moves on afterwards).
    estado = CharField(max_length=20, choices=ESTADOS_MEJORA)
    decision = TextField(verbose_name='Decisión')

    class Meta:
        indexes = ((('acta', 'accion'), True),)


MODELOS = [AccionMejora, AccionMejoraReclamo, AccionMejoraMotivo, CambioMejora, ActaComite,
           ActaAccion]
