"""The daily digest: each supervisor and manager learns what is overdue in their areas.

Supervisors get the cases of their own area (all areas when they have none, as they see
them); managers get every area. Idempotent per local day and person: the notification and
the e-mail carry a key with the date, so running it again the same day sends nothing.
"""
from zoneinfo import ZoneInfo

from catalogos.usuarios import Rol, Usuario, UsuarioRol
from reclamos.correo.avisos import componer
from reclamos.caso.modelo import Reclamo
from reclamos.correo.salida import encolar
from reclamos.alertas.notificaciones import Notificacion, notificar
from reclamos.caso.nucleo import transaccion
from reclamos.tiempo import ahora_utc, aware

LISTA_MAX = 50


def _personas():
    """(user, area id or None for all areas) of every active supervisor and manager."""
    filas = (Usuario.select(Usuario, Rol.name.alias('rol'))
             .join(UsuarioRol, on=(UsuarioRol.user == Usuario.id))
             .join(Rol, on=(UsuarioRol.role == Rol.id))
             .where(Rol.name.in_(['supervisor', 'gerente']), Usuario.active == True)  # noqa: E712
             .order_by(Usuario.id).objects())
    personas = {}
    for usuario in filas:
        area = usuario.area_id if usuario.rol == 'supervisor' else None
        # A supervisor who is also a manager sees every area.
        personas[usuario.id] = (usuario, None if usuario.id in personas else area)
    return list(personas.values())


def resumen_diario(ahora=None, zona='America/Bogota'):
    """Queue today's digest for everyone who has overdue cases; returns how many people."""
    ahora = aware(ahora) if ahora is not None else ahora_utc()
    local = ahora.astimezone(ZoneInfo(zona))
    fecha = local.date().isoformat()
    enviados = 0
    for usuario, area_id in _personas():
        clave = f'resumen:{fecha}:{usuario.id}'
        if Notificacion.select().where(Notificacion.clave == clave).exists():
            continue
        vencidos = Reclamo.vencidos(ahora)
        if area_id is not None:
            vencidos = vencidos.where(Reclamo.area == area_id)
        total = vencidos.count()
        if not total:
            continue
        casos = list(vencidos.order_by(Reclamo.vence_en, Reclamo.id).limit(LISTA_MAX))
        lineas = [f'- {c.numero} ({c.area.nombre}): venció el '
                  f'{aware(c.vence_en).astimezone(ZoneInfo(zona)):%d/%m/%Y %H:%M}'
                  for c in casos]
        if total > LISTA_MAX:
            lineas.append(f'... y {total - LISTA_MAX} casos más.')
        valores = {'fecha': local.strftime('%d/%m/%Y'), 'destinatario': str(usuario),
                   'total': total, 'lista': '\n'.join(lineas)}
        asunto, cuerpo = componer('RESUMEN_DIARIO', valores)
        with transaccion():
            if notificar(usuario, asunto, cuerpo, clave=clave, ahora=ahora):
                encolar(usuario.email, asunto, cuerpo, clave=clave)
                enviados += 1
    return enviados
