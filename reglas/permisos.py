"""Who may do what: ONE table of the roles let into each action, read by the catalog
declarations, the screens (vistas.acceso), the API, the case rules and the access tests.

The defaults of DESIGN.md ("Who may do what"): admin configures everything; supervisor and
agente work cases (which ones: reglas.visibilidad); gerente reads every case, the dashboard,
reports and improvement actions, and configures nothing. A customer has no account and no
role here (the portal checks their signed link instead).
"""
from __future__ import annotations

ADMIN, SUPERVISOR, AGENTE, GERENTE = 'admin', 'supervisor', 'agente', 'gerente'
ROLES = (ADMIN, SUPERVISOR, AGENTE, GERENTE)

_PERSONAL = frozenset(ROLES)
_SOLO_ADMIN = frozenset({ADMIN})
_GESTION = frozenset({ADMIN, GERENTE, SUPERVISOR})
_TRABAJAN = frozenset({ADMIN, SUPERVISOR, AGENTE})
_NADIE = frozenset()

PERMISOS: dict[str, frozenset[str]] = {
    # Any staff member: the admin home, the deadline simulator, their own notifications.
    'inicio': _PERSONAL,
    'plazos.simular': _PERSONAL,
    'notificaciones.propias': _PERSONAL,
    # Cases. Reading lets into the queue and the case page (which cases: reglas.visibilidad);
    # working is registering, acting, attaching, writing letters; gerente only reads.
    'casos.leer': _PERSONAL,
    'casos.trabajar': _TRABAJAN,
    'casos.supervisar': frozenset({ADMIN, SUPERVISOR}),  # approve lines, extend, annul...
    'casos.ver_todos': frozenset({ADMIN, GERENTE}),
    # Catalogs (every declaration unless it says otherwise), customers, letter templates.
    'catalogos.leer': _PERSONAL,
    'catalogos.editar': _SOLO_ADMIN,
    'clientes.leer': _PERSONAL,
    'clientes.editar': frozenset({ADMIN, SUPERVISOR}),  # edit and import
    'plantillas_carta.leer': frozenset({ADMIN, SUPERVISOR}),
    'plantillas_carta.editar': _SOLO_ADMIN,
    # Configuration that is not a catalog: users, recomputing deadlines, the process lab.
    'usuarios.administrar': _SOLO_ADMIN,
    'plazos.recalcular': _SOLO_ADMIN,
    'laboratorio.usar': _SOLO_ADMIN,
    # Records of what happened (sign-ins, mail in and out, notifications sent): admins read
    # them, nobody edits them; failed mail can be retried.
    'registros.leer': _SOLO_ADMIN,
    'registros.editar': _NADIE,
    'correo.reintentar': _SOLO_ADMIN,
    # Management: dashboard, reports, improvement actions and committee minutes.
    'tablero.ver': _GESTION,
    'informes.ver': _GESTION,
    'mejora.leer': _GESTION,
    'mejora.editar': frozenset({ADMIN, GERENTE}),
}


def roles_de(accion: str) -> frozenset[str]:
    """The roles let into ``accion``; an unknown action is a programming error, said plainly."""
    try:
        return PERMISOS[accion]
    except KeyError:
        raise KeyError(f'Acción sin fila en reglas.permisos.PERMISOS: {accion!r}') from None


def puede(roles, accion: str) -> bool:
    """Whether any of ``roles`` is let into ``accion``."""
    return bool(set(roles or ()) & roles_de(accion))
