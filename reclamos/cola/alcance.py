"""reglas.visibilidad in SQL: the branches whose union is what a queue view shows."""
from reclamos.caso.modelo import Reclamo
from reglas.visibilidad import alcance as alcance_regla


def _pares(usuario, roles):
    """The visibility rule's Alcance as (field, value) pairs, each meaning field = value;
    [None]: no condition (every case)."""
    regla = alcance_regla(roles, usuario.id, usuario.area_id)
    if regla.todo:
        return [None]
    pares = []
    if regla.usuario is not None:
        pares += [(Reclamo.usuario, regla.usuario), (Reclamo.registrado_por, regla.usuario)]
    if regla.area is not None:
        pares.append((Reclamo.area, regla.area))
    return pares


def _condicion(par):
    return None if par is None else par[0] == par[1]


def ramas_pares(usuario, roles, vista):
    """``ramas`` as (field, value) pairs (None: no condition), for compiled queries."""
    if vista == 'mios':
        return [(Reclamo.usuario, usuario.id)]
    if vista == 'area' and usuario.area_id is not None:
        return [(Reclamo.area, usuario.area_id)]
    return _pares(usuario, roles)


def ramas(usuario, roles, vista):
    """Conditions whose union is what ``vista`` shows, each served by an index that starts
    with it (area, usuario or registrado_por, then estado, vence_en). None: no condition.
    'mios' and 'area' are inside what anyone who works cases may see."""
    return [_condicion(par) for par in ramas_pares(usuario, roles, vista)]


def alcance(consulta, usuario, roles):
    """Restrict ``consulta`` to the cases ``usuario`` may see."""
    todas = _pares(usuario, roles)
    if any(r is None for r in todas):  # not "None in": peewee overloads ==
        return consulta
    if not todas:
        return consulta.where(False)
    condicion = _condicion(todas[0])
    for otra in todas[1:]:
        condicion |= _condicion(otra)
    return consulta.where(condicion)
