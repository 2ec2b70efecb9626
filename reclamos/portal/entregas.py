"""Letters delivered on paper (postal courier or in person): the pending delivery of a
printed letter and its record (date, courier guide, who received it), which is the
notification of the answer for a customer without e-mail."""
import datetime
from zoneinfo import ZoneInfo

from peewee import CharField, DateTimeField, ForeignKeyField

from bd import BaseModel
from bd.compiladas import Compilada
from catalogos.usuarios import Usuario
from reclamos.caso.acciones import anotar
from reclamos.caso.documentos import Documento
from reclamos.caso.modelo import Reclamo
from reclamos.caso.nucleo import bloquear_sin_version, contexto, es_responsable, transaccion
from reclamos.errores import ErrorPermiso, ErrorValidacion
from reclamos.plazos.ciclo import calendario_de
from reclamos.tiempo import a_bd, aware

CORREO, POSTAL, PERSONAL = 'correo', 'postal', 'personal'
MEDIOS = [(CORREO, 'Correo electrónico'), (POSTAL, 'Envío postal (courier)'),
          (PERSONAL, 'Entrega en persona')]
GUIA_MAX, RECIBIO_MAX = 60, 200


class EntregaCarta(BaseModel):
    reclamo = ForeignKeyField(Reclamo, backref='entregas', on_delete='RESTRICT')
    documento = ForeignKeyField(Documento, unique=True, on_delete='RESTRICT')
    medio = CharField(max_length=10, choices=MEDIOS)
    creada_en = DateTimeField(default=datetime.datetime.utcnow)
    entregada_en = DateTimeField(null=True)
    guia = CharField(max_length=GUIA_MAX, default='')
    recibio = CharField(max_length=RECIBIO_MAX, default='')
    registrada_por = ForeignKeyField(Usuario, null=True, on_delete='RESTRICT', index=False)


def pendiente(reclamo, documento, medio, ctx):
    """A printed letter waiting to be delivered (inside the letter's transaction)."""
    entrega = EntregaCarta.create(reclamo=reclamo.id, documento=documento.id, medio=medio,
                                  creada_en=a_bd(ctx.ahora))
    anotar(reclamo, ctx, 'notificacion', 'carta', None, documento.nombre,
           texto=f'Carta impresa para {dict(MEDIOS)[medio].lower()}: {documento.descripcion}.')
    return entrega


_DE_CASO = Compilada(lambda ident: EntregaCarta.select().where(EntregaCarta.reclamo == ident)
                     .order_by(EntregaCarta.id))


def de_caso(reclamo):
    return _DE_CASO.filas(reclamo.id)


def _instante(valor, calendario):
    """A local date-time typed at the desk ('2026-12-03T10:30', the calendar's zone) or an
    aware datetime -> aware UTC; None when it cannot be read."""
    if not isinstance(valor, datetime.datetime):
        try:
            valor = datetime.datetime.fromisoformat(str(valor or '').strip()[:25])
        except ValueError:
            return None
    if valor.tzinfo is None:
        valor = valor.replace(tzinfo=ZoneInfo(calendario.zona))
    return aware(valor)


def registrar_entrega(reclamo, ident, entregada, guia, recibio, usuario, ip, ahora=None):
    """Record that the printed letter ``ident`` of the case reached the customer: the date
    is the notification of the answer. Staff who may work the case; once per letter."""
    if usuario is None or not ('admin' in usuario.nombres_roles()
                               or es_responsable(reclamo, usuario)):
        raise ErrorPermiso('Solo el responsable del caso, su área o un administrador '
                           'registran la entrega de sus cartas.')
    ctx = contexto(usuario, ip, ahora)
    calendario = calendario_de(reclamo)
    with transaccion():
        r = bloquear_sin_version(reclamo, ctx)
        entrega = EntregaCarta.get_or_none(EntregaCarta.id == ident,
                                           EntregaCarta.reclamo == r.id)
        if entrega is None:
            raise ErrorValidacion({'entrega': 'No existe esa carta en este caso.'})
        errores = {}
        instante = _instante(entregada, calendario)
        guia = guia.strip() if isinstance(guia, str) else ''
        recibio = recibio.strip() if isinstance(recibio, str) else ''
        if entrega.entregada_en is not None:
            errores['entrega'] = 'La entrega de esta carta ya se registró.'
        if instante is None:  # typed to the minute: compared to the minute below
            errores['entregada_en'] = 'Indique la fecha y hora de entrega.'
        elif instante > ctx.ahora:
            errores['entregada_en'] = 'La entrega no puede estar en el futuro.'
        elif instante < aware(entrega.creada_en).replace(second=0, microsecond=0):
            errores['entregada_en'] = 'La entrega no puede ser anterior a la carta.'
        if not recibio or len(recibio) > RECIBIO_MAX:
            errores['recibio'] = 'Indique quién recibió la carta (nombre y documento).'
        if entrega.medio == POSTAL and not guia:
            errores['guia'] = 'Indique el número de guía del courier.'
        elif len(guia) > GUIA_MAX:
            errores['guia'] = f'La guía admite hasta {GUIA_MAX} caracteres.'
        if errores:
            raise ErrorValidacion(errores)
        (EntregaCarta.update(entregada_en=a_bd(instante), guia=guia, recibio=recibio,
                             registrada_por=usuario.id)
         .where(EntregaCarta.id == entrega.id).execute())
        local = calendario.local(instante)
        anotar(r, ctx, 'notificacion', 'entrega', None, instante.isoformat(),
               texto=f'Carta entregada el {local:%d/%m/%Y %H:%M} '
                     f'({dict(MEDIOS)[entrega.medio].lower()}'
                     + (f', guía {guia}' if guia else '') + f'); recibió: {recibio}.',
               visible_cliente=True)
        return EntregaCarta.get_by_id(entrega.id)
