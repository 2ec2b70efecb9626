"""Satisfaction survey: a signed, one-time link sent with the answer when a case is
TERMINADO (one message, reclamos.correo.avisos.avisar_resuelto); the answer
closes the case with the rating (reclamos.caso.flujo 'cerrar').

One-time: the link carries a random nonce whose row is marked used by an atomic UPDATE in
the same transaction as the closing, so two clicks (or a replayed e-mail) rate once.
"""
import datetime
import secrets

from peewee import CharField, DateTimeField, ForeignKeyField

from bd import BaseModel
from reclamos.portal import enlaces
from reclamos.caso.modelo import Reclamo
from reclamos.errores import ErrorValidacion
from reclamos.caso.nucleo import contexto, transaccion
from reclamos.tiempo import a_bd

COMENTARIO_MAX = 2000
ENLACE_INVALIDO = ('El enlace de la encuesta no es válido o venció. Si necesita ayuda, '
                   'responda al correo que recibió.')
ENLACE_USADO = 'Esta encuesta ya fue respondida. ¡Gracias!'


class Encuesta(BaseModel):
    reclamo = ForeignKeyField(Reclamo, backref='encuestas', on_delete='RESTRICT')
    nonce = CharField(max_length=64, unique=True)
    destinatario = CharField(max_length=254, default='')
    creada_en = DateTimeField(default=datetime.datetime.utcnow)
    usada_en = DateTimeField(null=True)


def crear_enlace(reclamo, destinatario, ctx):
    """The one-time survey link of a case just TERMINADO (inside the caller's transaction),
    for the resolution message (reclamos.correo.avisos); '' when there is no application
    key to sign it with."""
    if not enlaces.disponible():
        return ''
    nonce = secrets.token_urlsafe(24)
    Encuesta.create(reclamo=reclamo.id, nonce=nonce, destinatario=destinatario,
                    creada_en=a_bd(ctx.ahora))
    return enlaces.url_publica('/portal/encuesta/' + enlaces.firmar(
        enlaces.ENCUESTA, {'r': reclamo.id, 'n': nonce}))


def abrir(token):
    """(Encuesta, Reclamo) of a valid link; ErrorValidacion({'enlace': ...}) otherwise."""
    datos = enlaces.leer(enlaces.ENCUESTA, token)
    if not isinstance(datos, dict):
        raise ErrorValidacion({'enlace': ENLACE_INVALIDO})
    encuesta = Encuesta.get_or_none(Encuesta.nonce == str(datos.get('n')),
                                    Encuesta.reclamo == datos.get('r'))
    if encuesta is None:
        raise ErrorValidacion({'enlace': ENLACE_INVALIDO})
    if encuesta.usada_en is not None:
        raise ErrorValidacion({'enlace': ENLACE_USADO})
    return encuesta, Reclamo.get_by_id(encuesta.reclamo_id)


def _validar(calificacion, comentario):
    errores = {}
    texto = str(calificacion or '').strip()
    valor = int(texto) if texto.isdigit() and len(texto) < 3 else None
    if valor is None or not 1 <= valor <= 5:
        errores['calificacion'] = 'Elija una calificación de 1 (muy malo) a 5 (muy bueno).'
    comentario = comentario.strip() if isinstance(comentario, str) else ''
    if len(comentario) > COMENTARIO_MAX:
        errores['comentario'] = f'El comentario admite hasta {COMENTARIO_MAX} caracteres.'
    if errores:
        raise ErrorValidacion(errores)
    return valor, comentario


def responder(token, calificacion, comentario, usuario, ip, ahora=None):
    """Record the rating and close the case; the link is spent only if the case closes.

    ``usuario``: None for the customer; for an internal case, the signed-in user of the
    requesting area (the rule of reclamos.caso.flujo). Raises ErrorValidacion, ErrorPermiso.
    """
    from reclamos.caso.flujo import transicionar  # flujo imports this module

    valor, comentario = _validar(calificacion, comentario)
    encuesta, reclamo = abrir(token)
    ctx = contexto(usuario, ip, ahora)
    with transaccion():
        gastada = (Encuesta.update(usada_en=a_bd(ctx.ahora))
                   .where(Encuesta.id == encuesta.id, Encuesta.usada_en.is_null()).execute())
        if gastada != 1:
            raise ErrorValidacion({'enlace': ENLACE_USADO})
        datos = {'calificacion': valor}
        if comentario:
            datos['nota'] = comentario
        version = Reclamo.get_by_id(reclamo.id).version
        return transicionar(reclamo, 'cerrar', usuario, ip, version, ctx.ahora, **datos)
