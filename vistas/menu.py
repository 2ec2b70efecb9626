"""The main menu of every staff page, drawn in Python with flask-admin's markup.

Why not flask-admin's ``layout.menu()`` macro: it asks each screen whether it is accessible
three or four times and makes a few hundred template calls, about 2.5 ms of every page.
Here each screen is asked once, and the HTML is the macro's (same elements and classes).
A menu this code does not draw (icons, nested categories) falls back to the macro.

The drawn menu is kept per process under what it depends on (``_clave``), since drawing it
still cost a tenth of the case page: the screen and the request's endpoint and method (the
active item, a write endpoint's own check), the path prefix, the user's roles (every screen
that asks only reglas.permisos), and the answers of the screens that decide otherwise (the
satisfaction calls, the dashboard), asked on every page as before.
"""
from flask import request
from flask_admin import BaseView
from markupsafe import Markup, escape

from vistas.acceso import Protegida, roles_actuales

GUARDADOS_MAX = 512  # distinct menus kept per admin; beyond that they are drawn each time


def _propio(elemento):
    """Whether this module draws ``elemento`` like the macro does."""
    if elemento.get_icon_type():
        return False
    if elemento.is_category():
        return not any(h.is_category() or h.get_icon_type() for h in elemento._children)
    return True


def _enlace(elemento, clase):
    """class, href and target of an item's link (f-strings: Markup.format costs ten times)."""
    destino = getattr(elemento, 'target', None)
    return (f'class="{clase}" href="{escape(elemento.get_url())}"'
            + (f' target="{escape(destino)}"' if destino else '')
            + f'> {escape(elemento.name)}</a>')


def _hijo(hijo, vista):
    clase = escape(hijo.get_class_name() or '')
    if 'dropdown-divider' in clase:
        return f'<li class="{clase}"></li>'
    activo = 'active ' if hijo.is_active(vista) else ''
    return f'<li><a {_enlace(hijo, f"dropdown-item {activo}{clase}")}</li>'


def _por_roles(elemento):
    """Whether a menu leaf is shown by the roles alone: a screen with Protegida's check and
    flask-admin's default visibility (its answer is then a function of the key's roles,
    endpoint and method)."""
    vista = getattr(elemento, '_view', None)
    tipo = type(vista)
    return (vista is not None and tipo.is_accessible is Protegida.is_accessible
            and tipo.is_visible is BaseView.is_visible)


def _propias(admin, elementos):
    """The leaves that decide for themselves, found once per admin (classes do not change)."""
    propias = admin.__dict__.get('_menu_propias')
    if propias is None:
        hojas = [h for e in elementos for h in (e._children if e.is_category() else [e])]
        propias = admin._menu_propias = tuple(h for h in hojas if not _por_roles(h))
    return propias


def _clave(vista, elementos):
    return (vista.endpoint, request.endpoint, request.method, request.script_root,
            frozenset(roles_actuales()),
            tuple(h.is_accessible() and h.is_visible() for h in _propias(vista.admin,
                                                                           elementos)))


def menu_principal(vista):
    """The ``<li>`` items of the main menu for the screen ``vista``, or None to let the
    template draw flask-admin's macro."""
    elementos = vista.admin.menu()
    if not all(_propio(e) for e in elementos):
        return None
    guardados = vista.admin.__dict__.setdefault('_menus_dibujados', {})
    clave = _clave(vista, elementos)
    menu = guardados.get(clave)
    if menu is None:
        menu = _dibujar(vista, elementos)
        if len(guardados) < GUARDADOS_MAX:
            guardados[clave] = menu
    return menu


def _dibujar(vista, elementos):
    partes = []
    for elemento in elementos:
        if not elemento.is_category():
            if elemento.is_accessible() and elemento.is_visible():
                activo = ' class="active"' if elemento.is_active(vista) else ''
                clase = escape(elemento.get_class_name() or '')
                partes.append(f'<li{activo}><a {_enlace(elemento, f"nav-link {clase}")}</li>')
            continue
        hijos = [h for h in elemento._children if h.is_accessible() and h.is_visible()]
        if not hijos:
            continue
        activo = 'active ' if any(h.is_active(vista) for h in elemento._children) else ''
        clase = escape(elemento.class_name or '')
        icono = f'<span class="{clase}"></span> ' if clase else ''
        partes.append(
            f'<li class="{activo}dropdown"><a class="dropdown-toggle nav-link" '
            f'data-toggle="dropdown" href="javascript:void(0)"> {icono}{escape(elemento.name)}'
            '<i class="glyphicon glyphicon-chevron-down small"></i></a>'
            f'<ul class="dropdown-menu">{"".join(_hijo(h, vista) for h in hijos)}</ul></li>')
    # Every value above went through escape(); the rest is this module's constant markup.
    return Markup(''.join(partes))  # nosec B704
