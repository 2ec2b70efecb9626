"""Outgoing e-mail: an outbox table written in the caller's transaction, sent over SMTP later.

Why an outbox: a message is queued in the same transaction as the event it announces (a case
registered, an alert), so a rolled-back action sends nothing and a committed one is never lost,
whatever the SMTP server does. ``enviar_pendientes()`` delivers, retries with back-off and is
safe with several app servers: each row is claimed by an atomic UPDATE (pending -> sending,
with a lease) before its send, so two senders never take the same row; a sender that dies
mid-send leaves a lease that expires and the row is tried again (at-least-once, as SMTP is).
"""
import datetime
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from email_validator import EmailNotValidError, validate_email
from peewee import (BlobField, CharField, DateTimeField, ForeignKeyField, IntegerField,
                    TextField)

from bd import BaseModel
from reclamos.caso.modelo import Reclamo
from reclamos.tiempo import a_bd, ahora_utc
from reglas.cabeceras import una_linea

PENDIENTE, ENVIANDO, ENVIADO, FALLIDO = 'pendiente', 'enviando', 'enviado', 'fallido'
ESTADOS = [(PENDIENTE, 'Pendiente'), (ENVIANDO, 'Enviando'), (ENVIADO, 'Enviado'),
           (FALLIDO, 'Fallido')]
ARRIENDO = datetime.timedelta(minutes=10)  # longer than any SMTP timeout we configure
ESPERA_MAXIMA = datetime.timedelta(hours=1)


class Correo(BaseModel):
    creado_en = DateTimeField(default=datetime.datetime.utcnow, verbose_name='Creado')
    destinatario = CharField(max_length=254, verbose_name='Destinatario')
    asunto = CharField(max_length=300, verbose_name='Asunto')
    cuerpo = TextField(verbose_name='Texto')
    reclamo = ForeignKeyField(Reclamo, null=True, on_delete='RESTRICT', verbose_name='Caso')
    # Idempotency key: the same event queued twice (two sweeps at once) hits the unique index.
    clave = CharField(max_length=200, null=True, unique=True)
    estado = CharField(max_length=10, choices=ESTADOS, default=PENDIENTE, verbose_name='Estado')
    intentos = IntegerField(default=0, verbose_name='Intentos')
    proximo_intento = DateTimeField(default=datetime.datetime.utcnow,
                                    verbose_name='Próximo intento')
    enviado_en = DateTimeField(null=True, verbose_name='Enviado')
    error = TextField(default='', verbose_name='Último error')
    # The case term this message meets when the SMTP server accepts it (the acknowledgment
    # meets the first answer, the "resolved" message the notification), at that instant.
    cumple = CharField(max_length=20, null=True, verbose_name='Cumple el plazo')

    class Meta:
        indexes = ((('estado', 'proximo_intento'), False),)


class AdjuntoCorreo(BaseModel):
    correo = ForeignKeyField(Correo, backref='adjuntos', on_delete='CASCADE')
    nombre = CharField(max_length=200)
    mime = CharField(max_length=120)
    contenido = BlobField()


def direccion_valida(direccion):
    """The normalised address, or None when it is not a deliverable-looking address."""
    try:
        return validate_email(direccion or '', check_deliverability=False).normalized
    except EmailNotValidError:
        return None


def fila_correo(destinatario, asunto, cuerpo, reclamo=None, clave=None, cumple=None):
    """The outbox row of one message, as values (see ``encolar``).

    An invalid address is kept as FALLIDO with the reason, so the screen of notifications shows
    who could not be reached instead of the event vanishing.
    """
    valida = direccion_valida(destinatario)
    # A subject rendered from a template may carry a customer's text: one line always.
    return {'destinatario': (valida or destinatario or '')[:254],
            'asunto': una_linea(asunto)[:300], 'cuerpo': cuerpo, 'reclamo': reclamo,
            'clave': clave, 'cumple': cumple if valida else None,
            'estado': PENDIENTE if valida else FALLIDO,
            'error': '' if valida else f'Dirección de correo no válida: «{destinatario}».'}


def encolar(destinatario, asunto, cuerpo, reclamo=None, clave=None, adjuntos=(), cumple=None):
    """Queue one message inside the caller's transaction; returns the row, or None when the
    same ``clave`` was already queued (nothing is sent twice)."""
    if clave and Correo.select().where(Correo.clave == clave).exists():
        return None
    fila = Correo.create(**fila_correo(destinatario, asunto, cuerpo, reclamo, clave, cumple))
    for nombre, mime, contenido in adjuntos:
        AdjuntoCorreo.create(correo=fila, nombre=nombre, mime=mime, contenido=contenido)
    return fila


def _espera(intentos):
    """Back-off after a failed attempt: 1, 2, 4 ... minutes, at most an hour."""
    return min(datetime.timedelta(minutes=2 ** max(intentos - 1, 0)), ESPERA_MAXIMA)


def _mensaje(fila, remitente):
    mensaje = EmailMessage()
    mensaje['From'] = formataddr(('Atención al cliente', remitente))
    mensaje['To'] = fila.destinatario
    mensaje['Subject'] = fila.asunto
    mensaje['Message-ID'] = make_msgid(domain=remitente.rpartition('@')[2] or None)
    mensaje.set_content(fila.cuerpo)
    for adjunto in fila.adjuntos:
        principal, _, secundario = adjunto.mime.partition('/')
        mensaje.add_attachment(bytes(adjunto.contenido), maintype=principal or 'application',
                               subtype=secundario or 'octet-stream', filename=adjunto.nombre)
    return mensaje


def _conectar(config):
    servidor, puerto = config['RECLAMOS_SMTP_SERVIDOR'], config['RECLAMOS_SMTP_PUERTO']
    seguridad, espera = config['RECLAMOS_SMTP_SEGURIDAD'], config['RECLAMOS_SMTP_TIMEOUT']
    if seguridad == 'ssl':
        smtp = smtplib.SMTP_SSL(servidor, puerto, timeout=espera,
                                context=ssl.create_default_context())
    else:
        smtp = smtplib.SMTP(servidor, puerto, timeout=espera)
        if seguridad == 'starttls':
            smtp.starttls(context=ssl.create_default_context())
    if config.get('RECLAMOS_SMTP_USUARIO'):
        smtp.login(config['RECLAMOS_SMTP_USUARIO'], config.get('RECLAMOS_SMTP_CONTRASENA', ''))
    return smtp


def _reclamar(fila_id, ahora):
    """Atomically take one due row; True when this sender owns it now."""
    vencido = (Correo.estado == PENDIENTE) | (
        (Correo.estado == ENVIANDO) & (Correo.proximo_intento <= a_bd(ahora)))
    return Correo.update(estado=ENVIANDO, proximo_intento=a_bd(ahora + ARRIENDO)).where(
        (Correo.id == fila_id) & vencido).execute() == 1


def enviar_pendientes(config, ahora=None, limite=200):
    """Send what is due; returns {'enviados', 'fallidos', 'reintentar'} counts.

    Without RECLAMOS_SMTP_SERVIDOR nothing is sent and the queue simply waits.
    """
    resumen = {'enviados': 0, 'fallidos': 0, 'reintentar': 0}
    if not config.get('RECLAMOS_SMTP_SERVIDOR'):
        return resumen
    ahora = ahora or ahora_utc()
    debidos = [f.id for f in Correo.select(Correo.id).where(
        (Correo.estado.in_([PENDIENTE, ENVIANDO])) & (Correo.proximo_intento <= a_bd(ahora))
    ).order_by(Correo.proximo_intento).limit(limite)]
    smtp = None
    try:
        for fila_id in debidos:
            if not _reclamar(fila_id, ahora):
                continue  # another sender took it
            fila = Correo.get_by_id(fila_id)
            try:
                mensaje = _mensaje(fila, config['RECLAMOS_SMTP_REMITENTE'])
            except Exception as error:  # noqa: BLE001  any bad row fails alone (issue 15, F6)
                _marcar(fila, FALLIDO, ahora, f'Mensaje inválido: {type(error).__name__}: '
                                              f'{error}')
                resumen['fallidos'] += 1
                continue
            try:
                smtp = smtp or _conectar(config)
                smtp.send_message(mensaje)
            except smtplib.SMTPRecipientsRefused as error:
                # Permanent (5xx for this address): retrying would never succeed.
                _marcar(fila, FALLIDO, ahora, f'Destinatario rechazado: {error.recipients}')
                resumen['fallidos'] += 1
            except (OSError, smtplib.SMTPException) as error:
                _marcar(fila, PENDIENTE, ahora, f'{type(error).__name__}: {error}',
                        reintento=True)
                resumen['reintentar'] += 1
                smtp = _cerrar(smtp)
            except Exception as error:  # noqa: BLE001  anything else smtplib or email raise
                # Not a network or server error: retrying the same bytes would fail again.
                # The connection's state is unknown after it, so the next row opens a new one.
                _marcar(fila, FALLIDO, ahora, f'{type(error).__name__}: {error}')
                resumen['fallidos'] += 1
                smtp = _cerrar(smtp)
            else:
                _marcar(fila, ENVIADO, ahora, '')
                _aceptado(fila, ahora)
                resumen['enviados'] += 1
    finally:
        _cerrar(smtp)
    return resumen


def _marcar(fila, estado, ahora, error, reintento=False):
    intentos = fila.intentos + 1
    Correo.update(
        estado=estado, intentos=intentos, error=error[:2000],
        enviado_en=a_bd(ahora) if estado == ENVIADO else None,
        proximo_intento=a_bd(ahora + _espera(intentos)) if reintento else fila.proximo_intento,
    ).where(Correo.id == fila.id).execute()


def _aceptado(fila, ahora):
    """Accepted by the server: that instant meets the case term the message was for."""
    if fila.cumple and fila.reclamo_id:
        from reclamos.plazos.entrega import correo_aceptado

        correo_aceptado(fila.reclamo_id, fila.cumple, ahora, fila.destinatario)


def _cerrar(smtp):
    if smtp is not None:
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            pass
    return None
