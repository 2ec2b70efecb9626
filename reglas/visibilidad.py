"""Which cases a staff member may see, written once: the case page and the API ask
``puede_ver``; the queue turns the same ``Alcance`` into SQL (reclamos.cola.alcance); the
dashboard and reports ask ``areas_visibles``."""
from __future__ import annotations

from dataclasses import dataclass

from reglas.permisos import SUPERVISOR, puede

SIN_ACCESO = 'sin_acceso'


@dataclass(frozen=True)
class Alcance:
    """Every case (``todo``), or the union of: assigned to or registered by ``usuario``, and
    of ``area``. Nothing at all when neither is set."""

    todo: bool = False
    usuario: int | None = None
    area: int | None = None

    def incluye(self, caso_area_id, caso_usuario_id, caso_registrado_por_id=None) -> bool:
        return (self.todo
                or self.usuario is not None
                and self.usuario in (caso_usuario_id, caso_registrado_por_id)
                or self.area is not None and self.area == caso_area_id)


def alcance(roles, usuario_id, usuario_area_id) -> Alcance:
    """admin and gerente see every case; a supervisor without an area too; whoever works
    cases sees the ones of their area, the ones assigned to them and the ones they
    registered; anyone else, none."""
    roles = set(roles or ())
    if puede(roles, 'casos.ver_todos') or (SUPERVISOR in roles and usuario_area_id is None):
        return Alcance(todo=True)
    if not puede(roles, 'casos.trabajar'):
        return Alcance()
    return Alcance(usuario=usuario_id, area=usuario_area_id)


def puede_ver(roles, usuario_id, usuario_area_id, caso_area_id, caso_usuario_id,
              caso_registrado_por_id=None) -> bool:
    return alcance(roles, usuario_id, usuario_area_id).incluye(
        caso_area_id, caso_usuario_id, caso_registrado_por_id)


def areas_visibles(roles, usuario_area_id, agentes_ven_indicadores=False):
    """The areas whose indicators (dashboard, reports) a user sees: None for every area, a
    tuple for only those, SIN_ACCESO when refused. Whoever sees every case sees every area;
    management sees its own area; agents only where the company allows it."""
    if alcance(roles, None, usuario_area_id).todo:
        return None
    if puede(roles, 'tablero.ver') or (agentes_ven_indicadores
                                       and puede(roles, 'casos.trabajar')):
        return (usuario_area_id,) if usuario_area_id is not None else ()
    return SIN_ACCESO
