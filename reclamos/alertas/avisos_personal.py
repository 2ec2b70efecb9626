"""Notifications to staff about their own work: a case assigned or handed to them or their
area, a customer's reply, a mention (@usuario) in a comment. Each goes to the bell and, by
the user's preference, to e-mail through the outbox, inside the caller's transaction (a
refused action leaves no notice behind).

A mention names the part of the e-mail address before the @ (``@maria.lopez``): it is unique
and typed without accents, unlike display names.
"""
import re

from flask import current_app, has_app_context
from peewee import BooleanField, CharField, ForeignKeyField

from bd import BaseModel
from bd.compiladas import Compilada
from catalogos.usuarios import Rol, Usuario, UsuarioRol
from reclamos.alertas.notificaciones import notificar
from reclamos.correo.salida import encolar
from reglas.visibilidad import puede_ver

ASIGNACION, RESPUESTA, MENCION = 'asignacion', 'respuesta', 'mencion'
EVENTOS = [(ASIGNACION, 'Me asignan un caso, o llega uno a mi área sin responsable'),
           (RESPUESTA, 'El cliente responde en un caso mío o de mi área'),
           (MENCION, 'Me mencionan en un comentario (@usuario)')]
_MENCION = re.compile(r'(?<![\w.])@([a-z0-9][a-z0-9._+-]{0,63})', re.IGNORECASE)
MENCIONES_MAX = 10  # a comment cannot page the whole company
# (bell, e-mail) until the user chooses: an agent gets many cases a day, so assignments go
# by e-mail only to whoever asks for it; replies and mentions are rarer and awaited.
DEFECTO = {ASIGNACION: (True, False), RESPUESTA: (True, True), MENCION: (True, True)}


class PreferenciaAviso(BaseModel):
    """How a user wants to hear of one kind of event; no row means DEFECTO."""

    usuario = ForeignKeyField(Usuario, on_delete='CASCADE', index=False)
    evento = CharField(max_length=20, choices=EVENTOS, verbose_name='Aviso')
    campana = BooleanField(default=True, verbose_name='En la campana')
    correo = BooleanField(default=True, verbose_name='Por correo')

    class Meta:
        indexes = ((('usuario', 'evento'), True),)


def preferencias(usuario_id):
    """{evento: (campana, correo)} for every event, defaults filled in."""
    filas = {p.evento: (p.campana, p.correo) for p in
             PreferenciaAviso.select().where(PreferenciaAviso.usuario == usuario_id)}
    return {evento: filas.get(evento, DEFECTO[evento]) for evento, _ in EVENTOS}


def guardar_preferencias(usuario_id, elegidas):
    """``elegidas``: {evento: (campana, correo)}; unknown events are ignored."""
    from bd import db

    with db.atomic():
        for evento, _ in EVENTOS:
            campana, correo = elegidas.get(evento, (False, False))
            (PreferenciaAviso.insert(usuario=usuario_id, evento=evento, campana=bool(campana),
                                     correo=bool(correo))
             .on_conflict(conflict_target=[PreferenciaAviso.usuario, PreferenciaAviso.evento],
                          update={PreferenciaAviso.campana: bool(campana),
                                  PreferenciaAviso.correo: bool(correo)})
             .execute())


def _enlace(reclamo):
    base = current_app.config.get('RECLAMOS_URL_PUBLICA', '') if has_app_context() else ''
    return f'{base.rstrip("/")}/casos/{reclamo.numero}'


def avisar(evento, usuarios, reclamo, titulo, texto, ctx):
    """Bell and/or e-mail to each of ``usuarios`` (not the actor, active only), as each
    chose. Returns the ids notified."""
    actor = ctx.usuario.id if ctx.usuario is not None else None
    destinatarios = {u.id: u for u in usuarios if u is not None and u.active and u.id != actor}
    if not destinatarios:
        return []
    ids = list(destinatarios)
    filas = _preferencia.filas(ids[0], evento) if len(ids) == 1 else PreferenciaAviso.select(
    ).where(PreferenciaAviso.usuario.in_(ids), PreferenciaAviso.evento == evento)
    elegidas = {(p.usuario_id, p.evento): (p.campana, p.correo) for p in filas}
    cuerpo = f'{texto}\n\nCaso {reclamo.numero}: {_enlace(reclamo)}'
    for ident, usuario in destinatarios.items():
        campana, correo = elegidas.get((ident, evento), DEFECTO[evento])
        if campana:
            notificar(usuario, titulo, texto, reclamo, ahora=ctx.ahora)
        if correo and usuario.email:
            encolar(usuario.email, titulo, cuerpo, reclamo=reclamo.id)
    return list(destinatarios)


def del_area(area_id):
    """Active agents and supervisors of an area."""
    if area_id is None:
        return []
    return _del_area.filas(area_id)


# A case registered or handed over notifies its people: compiled once (bd.compiladas).
@Compilada
def _del_area(area_id):
    return (Usuario.select().distinct()
            .join(UsuarioRol, on=(UsuarioRol.user == Usuario.id))
            .join(Rol, on=(Rol.id == UsuarioRol.role))
            .where(Usuario.area == area_id, Usuario.active == True,  # noqa: E712
                   Rol.name.in_(('agente', 'supervisor'))))


@Compilada
def _preferencia(usuario_id, evento):
    return PreferenciaAviso.select().where(PreferenciaAviso.usuario == usuario_id,
                                           PreferenciaAviso.evento == evento)


def _responsables(reclamo):
    """The assigned user, or the area's people when nobody is assigned."""
    if reclamo.usuario_id is not None:
        return [reclamo.usuario]  # the row the caller holds (a registration just chose it)
    return del_area(reclamo.area_id)


def asignado(reclamo, ctx):
    """The case now belongs to a user (or, without one, to an area)."""
    quien = 'a usted' if reclamo.usuario_id is not None else 'a su área'
    return avisar(ASIGNACION, _responsables(reclamo), reclamo,
                  f'Caso {reclamo.numero} asignado {quien}',
                  f'{reclamo.motivo.nombre}. Vence: revise el plazo en la ficha del caso.', ctx)


def respuesta_cliente(reclamo, texto, ctx):
    return avisar(RESPUESTA, _responsables(reclamo), reclamo,
                  f'El cliente respondió en el caso {reclamo.numero}', texto[:500], ctx)


def mencionados(texto):
    """The active users a comment mentions (by the part of their e-mail before the @)."""
    nombres = {m.lower() for m in _MENCION.findall(texto or '')}
    if not nombres:
        return []
    condicion = None
    for nombre in sorted(nombres)[:MENCIONES_MAX]:
        parte = Usuario.email.startswith(f'{nombre}@')
        condicion = parte if condicion is None else condicion | parte
    return list(Usuario.select().where(condicion, Usuario.active == True))  # noqa: E712


def menciones(reclamo, texto, ctx):
    """Notify the users mentioned in a comment who may see the case."""
    visibles = [u for u in mencionados(texto)
                if puede_ver(u.nombres_roles(), u.id, u.area_id, reclamo.area_id,
                             reclamo.usuario_id, reclamo.registrado_por_id)]
    autor = ctx.usuario.nombre or ctx.usuario.email if ctx.usuario else 'Alguien'
    return avisar(MENCION, visibles, reclamo,
                  f'{autor} le mencionó en el caso {reclamo.numero}', texto[:500], ctx)
