"""The append-only log of everything done to a case: who, when, from where, old -> new.

Nothing edits or deletes a line: the model refuses it here, and database triggers (migration
0003) refuse UPDATE and DELETE even from raw SQL.
"""
from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from bd import BaseModel
from catalogos.usuarios import Usuario
from reclamos.caso.modelo import Reclamo
from reclamos.errores import AccionInmutable
from reclamos.tiempo import a_bd

TIPOS_ACCION = [
    ('creacion', 'Creación'), ('cambio', 'Cambio'), ('transicion', 'Cambio de estado'),
    ('asignacion', 'Asignación'), ('derivacion', 'Derivación'), ('actividad', 'Actividad'),
    ('comentario', 'Comentario'), ('documento', 'Documento'),
    ('notificacion', 'Notificación'), ('calificacion', 'Calificación'),
    ('suspension', 'Suspensión'), ('reanudacion', 'Reanudación'), ('prorroga', 'Prórroga'),
    ('anulacion', 'Anulación'), ('linea', 'Línea de reclamación'),
    ('regla', 'Regla de enrutamiento'), ('decision', 'Decisión del reclamo'),
    ('reclasificacion', 'Reclasificación'),
    ('llamada', 'Llamada de satisfacción'),
]
MENSAJE = 'Las acciones del caso no se editan ni se borran.'


class Accion(BaseModel):
    reclamo = ForeignKeyField(Reclamo, backref='acciones', on_delete='RESTRICT', index=False)
    # RESTRICT: a user who acted on cases is deactivated, never deleted.
    usuario = ForeignKeyField(Usuario, null=True, on_delete='RESTRICT', index=False)
    instante = DateTimeField()
    ip = CharField(max_length=45, default='')
    tipo = CharField(max_length=20, choices=TIPOS_ACCION)
    campo = CharField(max_length=60, default='')
    valor_anterior = TextField(null=True)
    valor_nuevo = TextField(null=True)
    texto = TextField(default='')
    visible_cliente = BooleanField(default=False)
    # The case version this action produced: what changed since version N is the actions
    # with version > N (see ConflictoVersion).
    version = IntegerField(null=True)

    class Meta:
        indexes = ((('reclamo', 'instante'), False),)

    def save(self, force_insert=False, only=None):
        if self._pk is not None and not force_insert:
            raise AccionInmutable(MENSAJE)
        return super().save(force_insert=force_insert, only=only)

    def delete_instance(self, *args, **kwargs):
        raise AccionInmutable(MENSAJE)

    @classmethod
    def update(cls, *args, **kwargs):
        raise AccionInmutable(MENSAJE)

    @classmethod
    def delete(cls):
        raise AccionInmutable(MENSAJE)

    @classmethod
    def de(cls, reclamo, solo_cliente=False):
        """The log of one case, oldest first; the customer sees only the visible lines."""
        consulta = cls.select().where(cls.reclamo == reclamo)
        if solo_cliente:
            consulta = consulta.where(cls.visible_cliente == True)  # noqa: E712
        return consulta.order_by(cls.instante, cls.id)


def fila_accion(reclamo, ctx, tipo, campo='', anterior=None, nuevo=None, texto='',
                visible_cliente=False):
    """The values of one log line for ``reclamo`` (a Reclamo row) by the actor in ``ctx``."""
    return {'reclamo': reclamo.id, 'usuario': ctx.usuario.id if ctx.usuario else None,
            'instante': a_bd(ctx.ahora), 'ip': (ctx.ip or '')[:45], 'tipo': tipo,
            'campo': campo, 'valor_anterior': anterior, 'valor_nuevo': nuevo,
            'texto': texto or '', 'visible_cliente': visible_cliente,
            'version': reclamo.version}


def anotar(reclamo, ctx, tipo, campo='', anterior=None, nuevo=None, texto='',
           visible_cliente=False):
    """Append one line and return it."""
    return Accion.create(**fila_accion(reclamo, ctx, tipo, campo, anterior, nuevo, texto,
                                       visible_cliente))


def anotar_varias(filas):
    """Append several lines in one INSERT (a transition changes several fields at once)."""
    if filas:
        Accion.insert_many(filas).execute()
