"""Users and roles for Flask-Security-Too on peewee.

Attribute names that Flask-Security reads (email, password, active, fs_uniquifier, roles,
name) stay in English; the rest is Spanish.
"""
import datetime
import uuid
from functools import cached_property

from flask_security import RoleMixin, UserMixin
from peewee import (JOIN, BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField,
                    TextField)

from bd import BaseModel
from bd.compiladas import Compilada
from bd.memo import olvidar
from catalogos.organizacion import Area, area_por_id

# The signed-in user's role names, read once per request (vistas.acceso.roles_actuales).
MEMO_ROLES = 'roles_actuales'
ROLES = {
    'admin': 'Configura catálogos, procesos, calendarios, reglas y usuarios.',
    'supervisor': 'Supervisa los casos de sus áreas: reasigna, deriva, aprueba, prorroga, anula.',
    'agente': 'Registra y atiende los casos de su bandeja y su área.',
    'gerente': 'Consulta todos los casos, tableros, reportes y exportaciones.',
}


class Rol(RoleMixin, BaseModel):
    name = CharField(max_length=80, unique=True, verbose_name='Nombre')
    description = TextField(default='', verbose_name='Descripción')

    def __str__(self):
        return self.name


# UserMixin must come first: the other order makes get_id() return the numeric id instead of
# fs_uniquifier, and logins silently do not stick.
class Usuario(UserMixin, BaseModel):
    email = CharField(max_length=255, unique=True, verbose_name='Correo')
    nombre = CharField(max_length=200, default='', verbose_name='Nombre')
    password = CharField(max_length=255, null=True, verbose_name='Contraseña')
    active = BooleanField(default=True, verbose_name='Activo')
    fs_uniquifier = CharField(max_length=64, unique=True)
    # Identifies the user inside API tokens (Flask-Security); replacing it revokes every token
    # of this user at once without logging them out of the screens. Filled on first use.
    fs_token_uniquifier = CharField(max_length=64, unique=True, null=True)
    area = ForeignKeyField(Area, backref='usuarios', null=True, on_delete='SET NULL',
                           verbose_name='Área')
    confirmed_at = DateTimeField(null=True)
    creado_en = DateTimeField(default=datetime.datetime.utcnow, verbose_name='Creado')
    # Lock-out (catalogos.accesos): failed passwords in a row, and until when it is locked.
    intentos_fallidos = IntegerField(default=0, verbose_name='Intentos fallidos')
    bloqueado_hasta = DateTimeField(null=True, verbose_name='Bloqueado hasta')

    def __str__(self):
        return self.nombre or self.email

    @cached_property
    def roles(self):
        """The user's Rol rows, in one query (Flask-Security iterates them on every check)."""
        if self.id is None:
            return []
        return _roles_de.filas(self.id)

    @property
    def fila_area(self):
        """The user's Area row or None, read once per user object and area: ``area``
        through a compiled query (every registration checks that the area registers)."""
        if self.area_id is None:
            return None
        fila = self.__dict__.get('_fila_area')
        if fila is None or fila.id != self.area_id:
            fila = self.__dict__['_fila_area'] = area_por_id.primera(self.area_id)
        return fila

    def nombres_roles(self):
        return {r.name for r in self.roles}

    def save(self, *args, **kwargs):
        guardado = super().save(*args, **kwargs)
        olvidar(MEMO_ROLES)  # deactivated: the rest of the request sees it
        return guardado

    # Flask-Security (5.8+) hooks: it calls these on every failed password and after a good
    # one; the counting and the message live in catalogos.accesos.
    def track_failed_authn(self, auth_type, tfa=False):
        from catalogos import accesos
        super().track_failed_authn(auth_type, tfa)
        accesos.fallo_desde_peticion(self)

    def is_locked(self, form_error=None):
        from catalogos import accesos
        if not accesos.bloqueada_desde_peticion(self):
            return False
        if form_error is not None:
            form_error.append(accesos.MENSAJE)
        return True


class UsuarioRol(BaseModel):
    user = ForeignKeyField(Usuario, backref='enlaces_rol', on_delete='CASCADE')
    role = ForeignKeyField(Rol, backref='enlaces_usuario', on_delete='CASCADE')

    class Meta:
        indexes = ((('user', 'role'), True),)


@Compilada  # read on every request that checks a role: compiled once (bd.compiladas)
def _roles_de(usuario_id):
    return Rol.select().join(UsuarioRol).where(UsuarioRol.user == usuario_id)


def _con_roles(condicion):
    """The user rows matching ``condicion``, one per role (``rol_leido``; None for none)."""
    return (Usuario.select(Usuario, Rol)
            .join_from(Usuario, UsuarioRol, JOIN.LEFT_OUTER, on=(UsuarioRol.user == Usuario.id))
            .join_from(Usuario, Rol, JOIN.LEFT_OUTER, on=(Rol.id == UsuarioRol.role),
                       attr='rol_leido')
            .where(condicion))


# Every screen request loads its user by session, every API call by token, and then checks
# roles: user and roles in one statement, compiled once (bd.compiladas).
_por_sesion = Compilada(lambda valor: _con_roles(Usuario.fs_uniquifier == valor))
_por_token = Compilada(lambda valor: _con_roles(Usuario.fs_token_uniquifier == valor))


def _con_sus_roles(filas):
    if not filas:
        return None
    usuario = filas[0]
    usuario.__dict__['roles'] = [f.rol_leido for f in filas if f.rol_leido is not None]
    return usuario


def usuario_de_sesion(uniquifier):
    """The user whose fs_uniquifier is ``uniquifier``, with its roles read; or None."""
    return _con_sus_roles(_por_sesion.filas(str(uniquifier))) if uniquifier is not None \
        else None


def usuario_de_token(uniquifier):
    """The user whose fs_token_uniquifier is ``uniquifier``, with its roles read; or None."""
    return _con_sus_roles(_por_token.filas(uniquifier))


def limites_contrasena(config):
    """The password length policy of the app's config, as errores_usuario() takes it."""
    return {'minimo': config['SECURITY_PASSWORD_LENGTH_MIN'],
            'maximo': config['RECLAMOS_CONTRASENA_MAX']}


def errores_usuario(usuario, contrasena, roles, nuevo, minimo=12, maximo=128):
    """{field: Spanish message} for a user about to be saved; shared by the screen and the CLI."""
    from email_validator import EmailNotValidError, validate_email

    errores = {}
    email = (usuario.email or '').strip().lower()
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        errores['email'] = f'Correo inválido: «{usuario.email or ""}».'
    else:
        repetido = Usuario.select().where(Usuario.email == email)
        if usuario.id is not None:
            repetido = repetido.where(Usuario.id != usuario.id)
        if repetido.exists():
            errores['email'] = f'Ya existe un usuario con el correo «{email}».'
    if nuevo and not contrasena:
        errores['contrasena'] = 'Indique una contraseña.'
    elif contrasena and not minimo <= len(contrasena) <= maximo:
        errores['contrasena'] = (f'La contraseña debe tener al menos {minimo} caracteres '
                                 f'(y a lo sumo {maximo}).')
    desconocidos = set(roles) - set(ROLES)
    if not roles:
        errores['roles'] = 'Elija al menos un rol.'
    elif desconocidos:
        errores['roles'] = 'Rol desconocido: ' + ', '.join(sorted(desconocidos)) + '.'
    return errores


def renovar_identidad(usuario, tokens=True):
    """End every screen session of ``usuario`` (and every API token, with ``tokens``).

    Sessions are signed cookies and cannot be revoked one by one: Flask-Security keeps
    ``fs_uniquifier`` in each (and in the remember-me cookie), API tokens carry
    ``fs_token_uniquifier``; new values make every copy issued so far invalid at once, on
    every app server. Called on logout, password change, role change and deactivation
    (issue 15, F5). The values are set on ``usuario`` too, for a caller that saves it.
    """
    cambios = {'fs_uniquifier': uuid.uuid4().hex}
    if tokens:
        cambios['fs_token_uniquifier'] = uuid.uuid4().hex
    if usuario.id is not None:
        Usuario.update(**cambios).where(Usuario.id == usuario.id).execute()
    for campo, valor in cambios.items():
        setattr(usuario, campo, valor)


def cambio_de_acceso(antes, despues, roles_nuevos, contrasena_nueva):
    """True when an edit of a user must end their sessions and tokens."""
    return bool(contrasena_nueva) or (antes.active and not despues.active) or (
        roles_nuevos is not None and set(roles_nuevos) != antes.nombres_roles())


def asignar_roles(usuario, nombres):
    """Replace the user's roles with ``nombres`` (roles are created on first use)."""
    UsuarioRol.delete().where(UsuarioRol.user == usuario.id).execute()
    for nombre in sorted(set(nombres)):
        rol, _ = Rol.get_or_create(name=nombre, defaults={'description': ROLES.get(nombre, '')})
        UsuarioRol.create(user=usuario, role=rol)
    usuario.__dict__.pop('roles', None)
    olvidar(MEMO_ROLES)
