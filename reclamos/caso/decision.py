"""The claim-level decision (seed 004): besides deciding each line, the supervisor approves or
rejects the claim as a whole, with the amount approved. A decision is final: a rejected claim
cannot be resubmitted (no line may be added, edited or sent afterwards), exactly like a
rejected line.
"""
import datetime
from decimal import Decimal

from peewee import CharField, DateTimeField, DecimalField, ForeignKeyField, TextField, fn

from bd import BaseModel
from bd.compiladas import Compilada
from catalogos.usuarios import Usuario
from reclamos.caso.acciones import anotar
from reclamos.caso.lineas import LineaReclamo, _monto
from reclamos.caso.modelo import Reclamo
from reclamos.caso.nucleo import bloquear, contexto, exigir, transaccion
from reclamos.errores import ErrorValidacion
from reclamos.tiempo import a_bd
from reglas.transiciones import APROBADO, CANCELADO, ETIQUETAS_LINEA, RECHAZADO

DECISIONES = [(APROBADO, ETIQUETAS_LINEA[APROBADO]), (RECHAZADO, ETIQUETAS_LINEA[RECHAZADO])]


class DecisionReclamo(BaseModel):
    reclamo = ForeignKeyField(Reclamo, backref='decisiones', unique=True, on_delete='CASCADE')
    estado = CharField(max_length=20, choices=DECISIONES, verbose_name='Decisión')
    monto_reclamado = DecimalField(max_digits=14, decimal_places=2,
                                   verbose_name='Monto reclamado')
    monto_aprobado = DecimalField(max_digits=14, decimal_places=2, null=True,
                                  verbose_name='Monto aprobado')
    motivo = TextField(default='', verbose_name='Motivo')
    usuario = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False)
    decidido_en = DateTimeField(default=datetime.datetime.utcnow)


_DE = Compilada(lambda ident: DecisionReclamo.select()
                .where(DecisionReclamo.reclamo == ident).limit(1))


def de(reclamo):
    return _DE.primera(getattr(reclamo, 'id', reclamo))


def total_reclamado(reclamo_id):
    """What the live lines claim (cancelled ones are withdrawn), to the cent on both
    databases (SQLite's SUM gives 120 for 100.00 + 20.00)."""
    total = (LineaReclamo.select(fn.COALESCE(fn.SUM(LineaReclamo.monto_reclamado), 0))
             .where(LineaReclamo.reclamo == reclamo_id, LineaReclamo.estado != CANCELADO)
             .scalar())
    return Decimal(str(total)).quantize(Decimal('0.01'))


def exigir_sin_rechazo(reclamo_id):
    """Seed 004 at claim level: after a rejection nothing of the claim is resubmitted."""
    decision = de(reclamo_id)
    if decision is not None and decision.estado == RECHAZADO:
        raise ErrorValidacion({'estado': 'El reclamo fue rechazado en su conjunto: no puede '
                                         'volver a presentarse ni cambiar sus líneas.'})


def decidir(reclamo, estado, usuario, ip, version, monto_aprobado=None, motivo='', ahora=None):
    """APROBADO (with the amount; the total claimed by default) or RECHAZADO (with a reason)."""
    ctx = contexto(usuario, ip, ahora)
    with transaccion():
        r = bloquear(reclamo, version, ctx)
        exigir(r, 'decidir_reclamo', ctx)
        errores = {}
        if de(r) is not None:
            errores['estado'] = 'El reclamo ya tiene una decisión; es definitiva.'
        if estado not in dict(DECISIONES):
            errores['decision'] = 'Elija aprobar o rechazar el reclamo.'
        reclamado = total_reclamado(r.id)
        if not reclamado:
            errores['lineas'] = 'El reclamo no tiene líneas con montos que decidir.'
        if (LineaReclamo.select().where(LineaReclamo.reclamo == r.id,
                                        LineaReclamo.estado == 'BORRADOR').exists()):
            errores['lineas'] = 'Envíe a aprobación o cancele las líneas en borrador primero.'
        texto = motivo.strip() if isinstance(motivo, str) else ''
        monto = None
        if estado == RECHAZADO and not texto:
            errores['motivo'] = 'Indique por qué se rechaza el reclamo.'
        if estado == APROBADO:
            monto = reclamado if monto_aprobado in (None, '') else _monto(
                monto_aprobado, 'monto_aprobado', errores)
            if 'monto_aprobado' not in errores and reclamado and monto > reclamado:
                errores['monto_aprobado'] = (f'No se puede aprobar más de lo reclamado '
                                             f'({reclamado}).')
        if errores:
            raise ErrorValidacion(errores)
        DecisionReclamo.create(reclamo=r.id, estado=estado, monto_reclamado=reclamado,
                               monto_aprobado=monto, motivo=texto, decidido_en=a_bd(ctx.ahora),
                               usuario=ctx.usuario.id if ctx.usuario else None)
        nuevo = f'{ETIQUETAS_LINEA[estado]}' + (f': {monto} de {reclamado}' if monto else '')
        anotar(r, ctx, 'decision', 'reclamo', None, nuevo, texto)
        return r
