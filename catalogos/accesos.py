"""Each user's sign-in log and the account lock-out after repeated failed passwords.

Flask-Security counts nothing itself; it offers hooks (``track_failed_authn``, ``is_locked``)
which ``Usuario`` forwards here. After RECLAMOS_BLOQUEO_INTENTOS wrong passwords in a row the
account refuses every login for RECLAMOS_BLOQUEO_MINUTOS, whatever the password: the lock is
checked before the password (admin_app.seguridad, vistas.api.tokens), so a locked account
does not tell a guesser when a guess was right. A good login resets the count.
"""
import datetime

from peewee import CharField, DateTimeField, ForeignKeyField

from bd import BaseModel, db
from catalogos.usuarios import Usuario

TIPOS = {
    'entrada': 'Entrada',
    'salida': 'Salida',
    'token': 'Token de API emitido',
    'fallo': 'Contraseña errónea',
    'bloqueo': 'Cuenta bloqueada',
    'bloqueada': 'Intento con la cuenta bloqueada',
    'desbloqueo': 'Cuenta desbloqueada',
}


class EventoUsuario(BaseModel):
    """Append-only by use: no screen or service edits or deletes a row."""

    usuario = ForeignKeyField(Usuario, backref='eventos', null=True, on_delete='CASCADE',
                              verbose_name='Usuario')
    email = CharField(max_length=255, default='', verbose_name='Correo')
    tipo = CharField(max_length=20, choices=list(TIPOS.items()), verbose_name='Evento')
    ip = CharField(max_length=45, default='', verbose_name='IP')
    navegador = CharField(max_length=200, default='', verbose_name='Navegador')
    creado_en = DateTimeField(default=datetime.datetime.utcnow, index=True,
                              verbose_name='Cuándo')


def _ahora():
    return datetime.datetime.utcnow()


def registrar(usuario, tipo, ip='', navegador=''):
    return EventoUsuario.create(usuario=usuario.id, email=usuario.email, tipo=tipo,
                                ip=(ip or '')[:45], navegador=(navegador or '')[:200])


def bloqueada(usuario, ahora=None):
    return bool(usuario.bloqueado_hasta and usuario.bloqueado_hasta > (ahora or _ahora()))


def mensaje_bloqueo(usuario, ahora=None):
    restante = usuario.bloqueado_hasta - (ahora or _ahora())
    minutos = max(1, -(-int(restante.total_seconds()) // 60))
    return (f'Cuenta bloqueada por demasiados intentos fallidos: vuelva a intentarlo en '
            f'{minutos} minuto{"s" if minutos != 1 else ""} o pida a un administrador que la '
            'desbloquee.')


def fallo(usuario, maximo, minutos, ip='', navegador='', ahora=None):
    """Count a wrong password; the ``maximo``-th in a row locks the account. True if locked."""
    ahora = ahora or _ahora()
    with db.atomic():
        # One UPDATE: two wrong passwords at once must both count.
        (Usuario.update(intentos_fallidos=Usuario.intentos_fallidos + 1)
         .where(Usuario.id == usuario.id).execute())
        intentos = (Usuario.select(Usuario.intentos_fallidos)
                    .where(Usuario.id == usuario.id).scalar())
        registrar(usuario, 'fallo', ip, navegador)
        if intentos < maximo:
            usuario.intentos_fallidos = intentos
            return False
        usuario.bloqueado_hasta = ahora + datetime.timedelta(minutes=minutos)
        usuario.intentos_fallidos = 0
        (Usuario.update(intentos_fallidos=0, bloqueado_hasta=usuario.bloqueado_hasta)
         .where(Usuario.id == usuario.id).execute())
        registrar(usuario, 'bloqueo', ip, navegador)
    return True


def exito(usuario, tipo, ip='', navegador=''):
    """A good login (or token): the count starts again."""
    with db.atomic():
        if usuario.intentos_fallidos or usuario.bloqueado_hasta:
            (Usuario.update(intentos_fallidos=0, bloqueado_hasta=None)
             .where(Usuario.id == usuario.id).execute())
        registrar(usuario, tipo, ip, navegador)


def desbloquear(usuario, ip='', navegador=''):
    with db.atomic():
        (Usuario.update(intentos_fallidos=0, bloqueado_hasta=None)
         .where(Usuario.id == usuario.id).execute())
        registrar(usuario, 'desbloqueo', ip, navegador)


# -- from a Flask request (the hooks Flask-Security calls have no arguments for these) --------
def _peticion():
    from flask import current_app, request
    return (current_app.config, request.remote_addr or '',
            request.headers.get('User-Agent', ''))


def fallo_desde_peticion(usuario):
    config, ip, navegador = _peticion()
    return fallo(usuario, config['RECLAMOS_BLOQUEO_INTENTOS'], config['RECLAMOS_BLOQUEO_MINUTOS'],
                 ip, navegador)


def exito_desde_peticion(usuario, tipo):
    _, ip, navegador = _peticion()
    exito(usuario, tipo, ip, navegador)


def evento_desde_peticion(usuario, tipo):
    _, ip, navegador = _peticion()
    registrar(usuario, tipo, ip, navegador)
