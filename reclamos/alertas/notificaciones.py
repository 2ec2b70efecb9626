"""In-app notifications (the bell) and the record of which escalation levels a term reached.

``AlertaTermino`` holds one row per (term, level) notified, under a unique index: the sweep
writes it in the same transaction as the notifications and the action log line, so a level
is notified once per term even when two sweeps race or one dies midway.
"""
import datetime

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField, fn

from bd import BaseModel
from bd.compiladas import Compilada, insertar
from catalogos.alertas import NivelEscalamiento
from catalogos.usuarios import Usuario
from reclamos.caso.modelo import Reclamo
from reclamos.plazos.modelo import TerminoCaso
from reclamos.tiempo import a_bd

TOPE_CONTADOR = 99  # the bell shows "99+" beyond this: the count never scans a long tail


class AlertaTermino(BaseModel):
    termino = ForeignKeyField(TerminoCaso, on_delete='CASCADE', index=False)
    nivel = ForeignKeyField(NivelEscalamiento, on_delete='CASCADE', verbose_name='Nivel')
    porcentaje = IntegerField(verbose_name='Porcentaje')
    instante = DateTimeField(verbose_name='Notificado')

    class Meta:
        indexes = ((('termino', 'nivel'), True),)


class Notificacion(BaseModel):
    usuario = ForeignKeyField(Usuario, on_delete='CASCADE', index=False,
                              verbose_name='Destinatario')
    reclamo = ForeignKeyField(Reclamo, null=True, on_delete='RESTRICT', verbose_name='Caso')
    titulo = CharField(max_length=300, verbose_name='Título')
    texto = TextField(default='', verbose_name='Texto')
    creada_en = DateTimeField(default=datetime.datetime.utcnow, verbose_name='Creada')
    leida_en = DateTimeField(null=True, verbose_name='Leída')
    # Idempotency key (alert of a term and level to a user, the digest of a day...).
    clave = CharField(max_length=200, null=True, unique=True)

    class Meta:
        indexes = ((('usuario', 'leida_en', 'creada_en'), False),)

    @classmethod
    def sin_leer(cls, usuario_id):
        """Unread count for the bell, capped: one index range read of at most 100 rows."""
        return _SIN_LEER.escalar(usuario_id) or 0

    @classmethod
    def de(cls, usuario_id):
        return cls.select().where(cls.usuario == usuario_id).order_by(
            cls.leida_en.is_null(False), cls.creada_en.desc(), cls.id.desc())


# Drawn on every staff page (the bell): compiled once (bd.compiladas).
_SIN_LEER = Compilada(lambda usuario: Notificacion.select(fn.COUNT(1)).from_(
    Notificacion.select(Notificacion.id).where(Notificacion.usuario == usuario,
                                               Notificacion.leida_en.is_null())
    .limit(TOPE_CONTADOR + 1).alias('t')).limit(1))


def notificar(usuario, titulo, texto, reclamo=None, clave=None, ahora=None):
    """One notification in the caller's transaction; None when ``clave`` was already used."""
    fila = {'usuario': usuario.id if hasattr(usuario, 'id') else usuario, 'titulo': titulo[:300],
            'texto': texto, 'reclamo': reclamo.id if hasattr(reclamo, 'id') else reclamo,
            'clave': clave, 'creada_en': a_bd(ahora) or datetime.datetime.utcnow()}
    if clave:
        consulta = Notificacion.insert(**fila).on_conflict_ignore().as_rowcount()
        return consulta.execute() or None
    return insertar(Notificacion, [fila], devolver_id=True)  # compiled once (bd.compiladas)


def marcar_leidas(usuario_id, ids=None, ahora=None):
    """Mark the user's notifications read (all, or those ``ids``); returns how many."""
    consulta = Notificacion.update(leida_en=a_bd(ahora) or datetime.datetime.utcnow()).where(
        Notificacion.usuario == usuario_id, Notificacion.leida_en.is_null())
    if ids is not None:
        consulta = consulta.where(Notificacion.id.in_(list(ids)))
    return consulta.execute()
