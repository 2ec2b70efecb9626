"""The main menu of every staff page, drawn in Python with flask-admin's markup.

Why not flask-admin's ``layout.menu()`` macro: it asks each screen whether it is accessible
three or four times and makes a few hundred template calls, about 2.5 ms of every page.
Here each screen is asked once, and the HTML is the macro's (same elements and classes).
A menu this code does not draw (icons, nested categories) falls back to the macro.
"""
from markupsafe import Markup

VISTA = '<li{activo}><a class="nav-link {clase}" href="{url}"{destino}> {nombre}</a></li>'
CATEGORIA = ('<li class="{activo}dropdown"><a class="dropdown-toggle nav-link" '
             'data-toggle="dropdown" href="javascript:void(0)"> {clase}{nombre}'
             '<i class="glyphicon glyphicon-chevron-down small"></i></a>'
             '<ul class="dropdown-menu">{hijos}</ul></li>')
HIJO = ('<li><a class="dropdown-item {activo}{clase}" href="{url}"{destino}> {nombre}</a>'
        '</li>')


def _propio(elemento):
    """Whether this module draws ``elemento`` like the macro does."""
    if elemento.get_icon_type():
        return False
    if elemento.is_category():
        return not any(h.is_category() or h.get_icon_type() for h in elemento._children)
    return True


def _destino(elemento):
    destino = getattr(elemento, 'target', None)
    return Markup(' target="{}"').format(destino) if destino else ''


def _hijo(hijo, vista):
    clase = hijo.get_class_name() or ''
    if 'dropdown-divider' in clase:
        return Markup('<li class="{}"></li>').format(clase)
    return Markup(HIJO).format(activo='active ' if hijo.is_active(vista) else '', clase=clase,
                               url=hijo.get_url(), destino=_destino(hijo), nombre=hijo.name)


def menu_principal(vista):
    """The ``<li>`` items of the main menu for the screen ``vista``, or None to let the
    template draw flask-admin's macro."""
    elementos = vista.admin.menu()
    if not all(_propio(e) for e in elementos):
        return None
    partes = []
    for elemento in elementos:
        if not elemento.is_category():
            if elemento.is_accessible() and elemento.is_visible():
                partes.append(Markup(VISTA).format(
                    activo=Markup(' class="active"') if elemento.is_active(vista) else '',
                    clase=elemento.get_class_name() or '', url=elemento.get_url(),
                    destino=_destino(elemento), nombre=elemento.name))
            continue
        hijos = [h for h in elemento._children if h.is_accessible() and h.is_visible()]
        if not hijos:
            continue
        clase = elemento.class_name
        partes.append(Markup(CATEGORIA).format(
            activo='active ' if any(h.is_active(vista) for h in elemento._children) else '',
            clase=Markup('<span class="{}"></span> ').format(clase) if clase else '',
            nombre=elemento.name,
            hijos=Markup('').join(_hijo(h, vista) for h in hijos)))
    return Markup('').join(partes)

