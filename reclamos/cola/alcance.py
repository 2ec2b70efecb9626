"""reglas.visibilidad in SQL: the branches whose union is what a queue view shows."""
from reclamos.caso.modelo import Reclamo
from reglas.visibilidad import alcance as alcance_regla


def _condiciones(usuario, roles):
    """The visibility rule's Alcance as conditions; [None]: no condition (every case)."""
    regla = alcance_regla(roles, usuario.id, usuario.area_id)
    if regla.todo:
        return [None]
    condiciones = []
    if regla.usuario is not None:
        condiciones += [Reclamo.usuario == regla.usuario,
                        Reclamo.registrado_por == regla.usuario]
    if regla.area is not None:
        condiciones.append(Reclamo.area == regla.area)
    return condiciones


def ramas(usuario, roles, vista):
    """Conditions whose union is what ``vista`` shows, each served by an index that starts
    with it (area, usuario or registrado_por, then estado, vence_en). None: no condition.
    'mios' and 'area' are inside what anyone who works cases may see."""
    if vista == 'mios':
        return [Reclamo.usuario == usuario.id]
    if vista == 'area' and usuario.area_id is not None:
        return [Reclamo.area == usuario.area_id]
    return _condiciones(usuario, roles)


def alcance(consulta, usuario, roles):
    """Restrict ``consulta`` to the cases ``usuario`` may see."""
    todas = _condiciones(usuario, roles)
    if any(r is None for r in todas):  # not "None in": peewee overloads ==
        return consulta
    if not todas:
        return consulta.where(False)
    condicion = todas[0]
    for otra in todas[1:]:
        condicion |= otra
    return consulta.where(condicion)
