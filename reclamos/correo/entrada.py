"""E-mail intake: each new message in the mailbox becomes a case in channel CORREO, or a
comment on the case whose number its subject carries; what cannot be read is set aside.

``leer_buzon(config)`` polls once (CLI ``flask leer-correo``, cron, or an interval in run.py).
A message is recorded (``CorreoEntrante``, unique fingerprint) in the same transaction as its
case or comment, and only then moved on the server to ``Procesados``; so a crash in between
leaves it in the mailbox, and the next poll finds the fingerprint and only moves it. Two
pollers at once: the second one's insert of the fingerprint waits for the first to commit,
then fails, and it skips the message.
"""
import datetime
import io
from dataclasses import dataclass

from peewee import DatabaseError, IntegrityError, fn

from bd import db
from catalogos.atencion import Canal
from catalogos.servicios import CampoPersonalizado, Motivo
from reclamos.alertas import avisos_personal
from reclamos.caso.acciones import anotar
from reclamos.caso.almacen import Almacen, de_config
from reclamos.correo.buzon import APARTADOS, PROCESADOS, Buzon, ConfigImap, ErrorBuzon
from reclamos.caso.modelo import Reclamo
from reclamos.correo.recibido import APARTADO, CASO, COMENTARIO, CorreoEntrante
from reclamos.correo.remitente import caso_citado, cliente_por_correo, es_del_cliente
from reclamos.caso.documentos import RECIBIDO, adjuntar
from reclamos.errores import ErrorReclamo, ErrorValidacion
from reclamos.correo.mensaje import (MensajeInvalido, datos_visibles, huella, leer)
from reclamos.caso.nucleo import bloquear_sin_version, contexto, exigir, transaccion
from reclamos.caso.registro import ANTIGUEDAD_MAXIMA
from reclamos.tiempo import a_bd, ahora_utc
from reclamos.caso.validacion import DESCRIPCION_MAX

__all__ = ['ErrorBuzon', 'Resumen', 'activo', 'leer_buzon']
# Registration errors on these fields come from the configuration, not from the message.
CONFIGURACION = {'motivo', 'canal', 'servicio', 'producto', 'prioridad', 'calendario'}
ESPERA_MOVER = datetime.timedelta(minutes=2)
RECORTE = '\n[…] (texto recortado; el mensaje completo queda en la carpeta Procesados del buzón)'


@dataclass
class Resumen:
    casos: int = 0
    comentarios: int = 0
    apartados: int = 0
    repetidos: int = 0  # already recorded (by an earlier poll or a concurrent one)

    def contar(self, resultado):
        campo = {CASO: 'casos', COMENTARIO: 'comentarios', APARTADO: 'apartados'}[resultado]
        setattr(self, campo, getattr(self, campo) + 1)

    def texto(self):
        return (f'Casos nuevos: {self.casos}. Comentarios: {self.comentarios}. '
                f'Apartados: {self.apartados}. Ya tomados antes: {self.repetidos}.')


class _YaTomado(Exception):
    """Another poller recorded this message first."""


@dataclass(frozen=True)
class _Destino:
    """What every e-mail case gets: the channel and the motive (and through it, the area)."""

    canal: Canal
    motivo: Motivo
    almacen: Almacen
    limite: int


def activo(config):
    """Whether intake is configured (for a caller that polls on an interval)."""
    return bool((config.get('RECLAMOS_IMAP_SERVIDOR') or '').strip())


def leer_buzon(config):
    """Poll the mailbox once; returns a Resumen. Raises ErrorBuzon (Spanish) when the
    mailbox or the configuration cannot be used: before anything is taken, or, if the
    connection drops midway, with what was taken so far recorded and moved."""
    imap = ConfigImap.desde(config)
    abierta = not db.is_closed()
    db.connect(reuse_if_open=True)
    try:
        destino = _destino(config)
        resumen = Resumen()
        with Buzon(imap) as buzon:
            for sobre in buzon.sobres():
                _uno(buzon, sobre, destino, imap.max_bytes, resumen)
        return resumen
    finally:
        if not abierta:
            db.close()


def _destino(config):
    canal = (Canal.select().where(fn.UPPER(Canal.codigo) == 'CORREO', Canal.activo == True)  # noqa: E712
             .first())
    if canal is None:
        raise ErrorBuzon('No existe el canal activo CORREO: créelo en Atención > Canales.')
    codigo = (config.get('RECLAMOS_IMAP_MOTIVO') or '').strip()
    if not codigo:
        raise ErrorBuzon('Defina RECLAMOS_IMAP_MOTIVO: el código del motivo (y con él el área '
                         'y el plazo legal) de los casos que llegan por correo.')
    motivo = Motivo.get_or_none(Motivo.codigo == codigo)
    if motivo is None or not motivo.activo:
        raise ErrorBuzon(f'RECLAMOS_IMAP_MOTIVO: no existe el motivo activo «{codigo}».')
    requeridos = (CampoPersonalizado.select(CampoPersonalizado.nombre)
                  .where(CampoPersonalizado.motivo == motivo.id,
                         CampoPersonalizado.requerido == True,  # noqa: E712
                         CampoPersonalizado.activo == True)  # noqa: E712
                  .scalar())
    if requeridos:
        raise ErrorBuzon(f'RECLAMOS_IMAP_MOTIVO: el motivo «{codigo}» pide el campo obligatorio '
                         f'«{requeridos}», que un correo no trae; elija otro motivo.')
    return _Destino(canal, motivo, de_config(config), config['RECLAMOS_ADJUNTO_MAX'])


def _uno(buzon, sobre, destino, max_bytes, resumen):
    """Take one message: record it (case, comment or set aside), then move it."""
    if sobre.tamano > max_bytes:
        cabecera = buzon.cabecera(sobre.uid)
        if cabecera is None:
            return
        clave = huella(cabecera + b'\0' + str(sobre.tamano).encode())
        razon = (f'El mensaje pesa {sobre.tamano / 1048576:.1f} MB; el máximo es '
                 f'{max_bytes / 1048576:.1f} MB (RECLAMOS_IMAP_MAX_MB).')
        carpeta = _registrar(resumen, clave, lambda: _apartar(clave, cabecera, sobre, razon))
    else:
        crudo = buzon.crudo(sobre.uid)
        if crudo is None:
            return
        clave = huella(crudo)
        carpeta = _registrar(resumen, clave, lambda: _tomar(clave, crudo, sobre, destino))
    if carpeta is not None:
        buzon.mover(sobre.uid, carpeta)


def _registrar(resumen, clave, hacer):
    """Run ``hacer`` unless the message is recorded already; count what it became.

    Returns the folder to move it to, or None when a poller running alongside recorded it
    just now and moves it itself: two concurrent IMAP MOVEs of one message both copy it.
    """
    previo = CorreoEntrante.previo(clave)
    if previo is None:
        try:
            resultado = hacer()
        except _YaTomado:
            resumen.repetidos += 1
            return None
        resumen.contar(resultado)
        return _carpeta(resultado)
    resumen.repetidos += 1
    resultado, instante = previo
    # Left in the mailbox by a poll that stopped between recording and moving.
    return _carpeta(resultado) if instante < a_bd(ahora_utc()) - ESPERA_MOVER else None


def _carpeta(resultado):
    return APARTADOS if resultado == APARTADO else PROCESADOS


def _reservar(clave, **campos):
    """Insert the record first: a concurrent poller blocks here, then fails and skips."""
    try:
        with db.atomic():  # a savepoint, so PostgreSQL's transaction survives the failure
            return CorreoEntrante.create(huella=clave, **campos)
    except IntegrityError:
        raise _YaTomado() from None


def _apartar(clave, crudo, sobre, razon):
    remitente, asunto, fecha = datos_visibles(crudo)
    with transaccion():
        _reservar(clave, remitente=remitente[:255], asunto=asunto, fecha=a_bd(fecha),
                  recibido_en=a_bd(sobre.recibido_en), tamano=sobre.tamano,
                  resultado=APARTADO, razon=razon)
    return APARTADO


def _tomar(clave, crudo, sobre, destino):
    try:
        mensaje = leer(crudo)
    except MensajeInvalido as error:
        return _apartar(clave, crudo, sobre, str(error))
    ahora = ahora_utc()
    try:
        with transaccion():
            registro = _reservar(clave, remitente=mensaje.remitente, asunto=mensaje.asunto,
                                 fecha=a_bd(mensaje.fecha), recibido_en=a_bd(sobre.recibido_en),
                                 tamano=sobre.tamano, message_id=mensaje.message_id,
                                 resultado=CASO)
            existente = caso_citado(mensaje.asunto)
            if existente is not None:
                registro.resultado = COMENTARIO
                reclamo = _comentar(existente, mensaje, ahora)
            else:
                reclamo = _nuevo_caso(mensaje, sobre, destino, ahora)
            registro.reclamo = reclamo.id
            registro.save()
            _guardar_adjuntos(reclamo, mensaje, destino, ahora)
            return registro.resultado
    except _YaTomado:
        raise
    except DatabaseError:
        raise  # the database is down or broken: nothing can be recorded, stop the poll
    except ErrorValidacion as error:
        if CONFIGURACION & set(error.errores):  # every message would fail alike: stop
            raise ErrorBuzon(f'Los casos de correo no se pueden registrar con la '
                             f'configuración actual ({error}).') from None
        return _apartar(clave, crudo, sobre, f'No se pudo registrar: {error}')
    except ErrorReclamo as error:
        return _apartar(clave, crudo, sobre, f'No se pudo registrar: {error}')


def _recortar(texto, maximo):
    return texto if len(texto) <= maximo else texto[:maximo - len(RECORTE)] + RECORTE


def _nuevo_caso(mensaje, sobre, destino, ahora):
    from reclamos.caso.registro import registrar

    cliente = cliente_por_correo(mensaje.remitente)
    remitente = f'{mensaje.nombre} <{mensaje.remitente}>' if mensaje.nombre \
        else mensaje.remitente
    encabezado = f'De: {remitente}\nAsunto: {mensaje.asunto or "(sin asunto)"}\n\n'
    descripcion = encabezado + (mensaje.texto or '(mensaje sin texto)')
    # The legal term runs from when the server received it, within what registration takes.
    recibido = max(min(sobre.recibido_en, ahora), ahora - ANTIGUEDAD_MAXIMA
                   + datetime.timedelta(minutes=1))
    datos = {'motivo': destino.motivo.id, 'canal': destino.canal.id, 'recibido_en': recibido,
             'descripcion': _recortar(descripcion, DESCRIPCION_MAX)}
    if cliente is not None:
        datos['cliente'] = cliente.id
    return registrar(datos, None, '', ahora=ahora, cliente_opcional=True)


def _comentar(reclamo, mensaje, ahora):
    """A reply on the case: visible to the customer when it comes from them; from anyone
    else it stays an internal note, so a stranger cannot write on someone's case."""
    ctx = contexto(None, '', ahora)
    r = bloquear_sin_version(reclamo, ctx)
    exigir(r, 'comentar', ctx)
    visible = es_del_cliente(r, mensaje.remitente)
    aviso = '' if visible else ' (no es el cliente del caso: nota interna)'
    texto = (f'Correo de {mensaje.remitente}{aviso}\nAsunto: {mensaje.asunto}\n\n'
             f'{mensaje.texto or "(mensaje sin texto)"}')
    anotar(r, ctx, 'comentario', texto=_recortar(texto, DESCRIPCION_MAX),
           visible_cliente=visible)
    if visible:
        avisos_personal.respuesta_cliente(r, mensaje.texto or mensaje.asunto or '', ctx)
    return r


def _guardar_adjuntos(reclamo, mensaje, destino, ahora):
    """Each attachment through the documents service; a refused one is noted, not fatal."""
    rechazados = []
    for adjunto in mensaje.adjuntos:
        try:
            adjuntar(reclamo, RECIBIDO, None, '', destino.almacen, destino.limite,
                     flujo=io.BytesIO(adjunto.contenido), nombre=adjunto.nombre,
                     descripcion=f'Adjunto del correo de {mensaje.remitente}'[:300],
                     ahora=ahora)
        except ErrorReclamo as error:
            razon = getattr(error, 'errores', {}).get('archivo') or str(error)
            rechazados.append(f'«{adjunto.nombre}»: {razon}')
    if rechazados:
        anotar(Reclamo.get_by_id(reclamo.id), contexto(None, '', ahora), 'documento',
               texto='Adjuntos del correo no guardados: ' + '; '.join(rechazados))
