"""What every case service shares: one transaction, the actor, the optimistic version check,
the permission check, and writing field changes together with their log lines."""
import contextlib
import datetime
from dataclasses import dataclass

from peewee import JOIN, ForeignKeyField, Model, SqliteDatabase

from bd import db
from reclamos.caso.acciones import Accion, anotar_varias, fila_accion
from reclamos.caso.modelo import Reclamo
from reclamos.errores import ConflictoVersion, ErrorPermiso, ErrorValidacion
from reclamos.tiempo import a_bd, ahora_utc, aware
from reglas.transiciones import CLIENTE, estado_valido, permitido, puede_resolver


@dataclass(frozen=True)
class Contexto:
    """The actor (None = the customer or the system), where from, and the instant (aware UTC)."""

    usuario: object
    ip: str
    ahora: datetime.datetime

    @property
    def roles(self):
        return self.usuario.nombres_roles() if self.usuario is not None else {CLIENTE}


def contexto(usuario, ip, ahora=None):
    return Contexto(usuario, ip or '', aware(ahora) if ahora is not None else ahora_utc())


@contextlib.contextmanager
def transaccion():
    """One transaction per service call.

    On SQLite it starts with BEGIN IMMEDIATE: a deferred transaction that read first and
    writes later fails at once with "database is locked" when another writer got in between
    (the busy timeout cannot help there); taking the write lock up front makes concurrent
    registrations queue instead. PostgreSQL serialises on row locks.
    """
    if isinstance(db.obj, SqliteDatabase) and db.transaction_depth() == 0:
        with db.atomic('IMMEDIATE'):
            yield
    else:
        with db.atomic():
            yield


def es_responsable(reclamo, usuario):
    if usuario is None:
        return False
    return reclamo.usuario_id == usuario.id or (
        usuario.area_id is not None and reclamo.area_id == usuario.area_id)


def exigir(reclamo, accion, ctx):
    """Refuse (ErrorValidacion for the state, ErrorPermiso for the actor) unless allowed."""
    valido, motivo = estado_valido(reclamo.estado, accion)
    if not valido:
        raise ErrorValidacion({'estado': motivo})
    ok, motivo = permitido(reclamo.estado, accion, ctx.roles,
                           es_responsable(reclamo, ctx.usuario))
    if not ok:
        raise ErrorPermiso(motivo)
    if accion == 'terminar':
        ok, motivo = resuelve_aqui(reclamo)
        if not ok:
            raise ErrorPermiso(motivo)


def resuelve_aqui(reclamo):
    """(True, '') when the case sits where cases are answered (reglas.puede_resolver)."""
    from catalogos.organizacion import Area

    area = Area.get_or_none(Area.id == reclamo.area_id)
    actividad = reclamo.actividad_actual()
    # The activity counts only while it is worked where the case is.
    en_actividad = (actividad is not None and actividad.resuelve
                    and actividad.area_id == reclamo.area_id)
    return puede_resolver(area.nombre if area else 'sin área', bool(area and area.resuelve),
                          en_actividad if actividad is not None else None)


def _version(version):
    if isinstance(version, bool):
        version = None
    try:
        return int(version)
    except (TypeError, ValueError, OverflowError):
        raise ErrorValidacion({'version': 'Falta la versión del caso que se leyó (número '
                                          'entero).'}) from None


def bloquear(reclamo, version, ctx):
    """Bump the case's version if it is still ``version``; return the fresh, locked row.

    ``UPDATE ... WHERE id=? AND version=?`` both detects a stale read and takes the row lock
    the rest of the transaction relies on.
    """
    version = _version(version)
    ident = reclamo.id if isinstance(reclamo, Model) else int(reclamo)
    tocadas = (Reclamo.update(version=Reclamo.version + 1, actualizado_en=a_bd(ctx.ahora))
               .where(Reclamo.id == ident, Reclamo.version == version).execute())
    if tocadas == 0:
        actual = Reclamo.get_or_none(Reclamo.id == ident)
        if actual is None:
            raise ErrorValidacion({'reclamo': f'El caso {ident} no existe.'})
        raise ConflictoVersion(cambios_desde(ident, version), version, actual.version)
    return Reclamo.get_by_id(ident)


def bloquear_sin_version(reclamo, ctx):
    """Lock the row for a change that does not conflict with edits (a comment)."""
    (Reclamo.update(actualizado_en=a_bd(ctx.ahora)).where(Reclamo.id == reclamo.id)
     .execute())
    return Reclamo.get_by_id(reclamo.id)


def cambios_desde(ident, version):
    """What the log says happened to the case after ``version``."""
    from catalogos.usuarios import Usuario

    filas = (Accion.select(Accion, Usuario.email)
             .join(Usuario, JOIN.LEFT_OUTER, on=(Accion.usuario == Usuario.id))
             .where(Accion.reclamo == ident, Accion.version > version)
             .order_by(Accion.instante, Accion.id).objects())
    return [{'tipo': a.tipo, 'campo': a.campo, 'anterior': a.valor_anterior,
             'nuevo': a.valor_nuevo, 'usuario': getattr(a, 'email', None),
             'instante': a.instante} for a in filas]


def como_texto(valor):
    """How a value is written in the log: codes for catalog rows, ISO for instants."""
    if valor is None:
        return None
    if isinstance(valor, Model):
        return getattr(valor, 'codigo', None) or getattr(valor, 'email', None) or str(valor)
    if isinstance(valor, datetime.datetime):
        return aware(valor).isoformat()
    if isinstance(valor, bool):
        return 'sí' if valor else 'no'
    return str(valor)


def _crudo(valor):
    """The value a column stores: ids for rows, naive UTC for instants."""
    if isinstance(valor, Model):
        return valor.id
    if isinstance(valor, datetime.datetime):
        return a_bd(valor)
    return valor


def escribir(reclamo, cambios, ctx, tipo='cambio', tipos=None, texto='', visible_cliente=False):
    """Apply ``cambios`` {field: value} to the locked row and log each real change.

    The first changed field is the main one: it carries ``texto`` and ``visible_cliente``.
    ``tipos`` overrides the action type per field (estado -> transicion...). Returns
    {field: (old, new)} of what changed; the row object is updated in place.
    """
    tipos = tipos or {}
    reales = {}
    for nombre, nuevo in cambios.items():
        campo = Reclamo._meta.fields[nombre]
        if reclamo.__data__.get(nombre) == _crudo(nuevo):
            continue
        anterior = getattr(reclamo, nombre) if isinstance(campo, ForeignKeyField) \
            else reclamo.__data__.get(nombre)
        reales[nombre] = (anterior, nuevo)
    if not reales:
        return {}
    (Reclamo.update({Reclamo._meta.fields[n]: _crudo(v) for n, (_, v) in reales.items()})
     .where(Reclamo.id == reclamo.id).execute())
    filas = []
    for i, (nombre, (anterior, nuevo)) in enumerate(reales.items()):
        setattr(reclamo, nombre, nuevo if isinstance(nuevo, Model) else _crudo(nuevo))
        filas.append(fila_accion(reclamo, ctx, tipos.get(nombre, tipo), nombre,
                                 como_texto(anterior), como_texto(nuevo),
                                 texto if i == 0 else '', visible_cliente and i == 0))
    anotar_varias(filas)
    return reales


def fijar(reclamo, **valores):
    """Set derived fields (vence_en...) that are not logged: they follow from logged changes."""
    valores = {n: _crudo(v) for n, v in valores.items()
               if reclamo.__data__.get(n) != _crudo(v)}
    if valores:
        (Reclamo.update({Reclamo._meta.fields[n]: v for n, v in valores.items()})
         .where(Reclamo.id == reclamo.id).execute())
        for nombre, valor in valores.items():
            setattr(reclamo, nombre, valor)
