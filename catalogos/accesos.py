"""Each user's sign-in log and the lock-out after repeated failed passwords.

The lock-out is per account AND client address (issue 15, F9): RECLAMOS_BLOQUEO_INTENTOS
wrong passwords in a row from one address lock that account for that address only, so
nobody can lock a colleague out from elsewhere. Each new lock of the same pair lasts twice
the previous one (RECLAMOS_BLOQUEO_MINUTOS, 2x, 4x ... at most a day); a good login from
that address, or an admin's unlock, starts again. While locked every password is refused
with the very answer a wrong one gets, and an unknown e-mail gets it too (MENSAJE): the
login tells nobody whether an account exists, is locked, or when a guess was right.
Flask-Security counts nothing itself; ``Usuario`` and the login form forward here.
"""
import datetime

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField

from bd import BaseModel, db
from catalogos.usuarios import Usuario

MENSAJE = ('Correo o contraseña incorrectos. Tras varios intentos fallidos el acceso desde '
           'esta dirección se bloquea por un tiempo; un administrador puede desbloquearlo.')
BLOQUEO_MAXIMO = datetime.timedelta(days=1)

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


class BloqueoAcceso(BaseModel):
    """Failed passwords of one account from one address, and its lock."""

    usuario = ForeignKeyField(Usuario, on_delete='CASCADE')
    ip = CharField(max_length=45)
    intentos = IntegerField(default=0)
    bloqueos = IntegerField(default=0)
    bloqueado_hasta = DateTimeField(null=True)

    class Meta:
        indexes = ((('usuario', 'ip'), True),)


def _ahora():
    return datetime.datetime.utcnow()


def registrar(usuario, tipo, ip='', navegador=''):
    return EventoUsuario.create(usuario=usuario.id, email=usuario.email, tipo=tipo,
                                ip=(ip or '')[:45], navegador=(navegador or '')[:200])


def _par(usuario, ip):
    return BloqueoAcceso.get_or_none(BloqueoAcceso.usuario == usuario.id,
                                     BloqueoAcceso.ip == (ip or '')[:45])


def bloqueada(usuario, ip, ahora=None):
    """True while ``usuario`` is locked for logins from ``ip``."""
    par = _par(usuario, ip)
    return bool(par and par.bloqueado_hasta and par.bloqueado_hasta > (ahora or _ahora()))


def fallo(usuario, maximo, minutos, ip='', navegador='', ahora=None):
    """Count a wrong password from ``ip``; the ``maximo``-th in a row locks the pair, each
    lock twice as long as the one before. True if it locked now."""
    ahora, ip = ahora or _ahora(), (ip or '')[:45]
    with db.atomic():
        BloqueoAcceso.insert(usuario=usuario.id, ip=ip).on_conflict_ignore().execute()
        # One UPDATE: two wrong passwords at once must both count.
        (BloqueoAcceso.update(intentos=BloqueoAcceso.intentos + 1)
         .where(BloqueoAcceso.usuario == usuario.id, BloqueoAcceso.ip == ip).execute())
        par = _par(usuario, ip)
        registrar(usuario, 'fallo', ip, navegador)
        if par.intentos < maximo:
            return False
        duracion = min(datetime.timedelta(minutes=minutos) * 2 ** par.bloqueos, BLOQUEO_MAXIMO)
        (BloqueoAcceso.update(intentos=0, bloqueos=BloqueoAcceso.bloqueos + 1,
                              bloqueado_hasta=ahora + duracion)
         .where(BloqueoAcceso.id == par.id).execute())
        # Shown in the users screen; the check itself reads the pair.
        Usuario.update(bloqueado_hasta=ahora + duracion).where(Usuario.id == usuario.id).execute()
        registrar(usuario, 'bloqueo', ip, navegador)
    return True


def exito(usuario, tipo, ip='', navegador=''):
    """A good login (or token) from ``ip``: that address starts again."""
    with db.atomic():
        (BloqueoAcceso.delete()
         .where(BloqueoAcceso.usuario == usuario.id, BloqueoAcceso.ip == (ip or '')[:45])
         .execute())
        if usuario.bloqueado_hasta is not None:
            otro = (BloqueoAcceso.select(BloqueoAcceso.bloqueado_hasta)
                    .where(BloqueoAcceso.usuario == usuario.id,
                           BloqueoAcceso.bloqueado_hasta > _ahora())
                    .order_by(BloqueoAcceso.bloqueado_hasta.desc()).scalar())
            Usuario.update(bloqueado_hasta=otro).where(Usuario.id == usuario.id).execute()
        registrar(usuario, tipo, ip, navegador)


def desbloquear(usuario, ip='', navegador=''):
    """An admin's unlock: every address of ``usuario`` starts again."""
    with db.atomic():
        BloqueoAcceso.delete().where(BloqueoAcceso.usuario == usuario.id).execute()
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


def bloqueada_desde_peticion(usuario):
    return bloqueada(usuario, _peticion()[1])


def evento_desde_peticion(usuario, tipo):
    _, ip, navegador = _peticion()
    registrar(usuario, tipo, ip, navegador)
