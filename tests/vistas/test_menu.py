"""The main menu drawn in Python (vistas/menu.py) is flask-admin's, item for item, for every
role: the same screens, links, active entry and dropdowns, only without the repeated checks."""
import re

import pytest

from catalogos.organizacion import Area


def _normal(html):
    html = re.sub(r'<!--.*?-->', '', str(html), flags=re.S)
    html = re.sub(r'\s+', ' ', html)
    html = re.sub(r'> <', '><', html)
    return re.sub(r'class="\s*([^"]*?)\s*"',
                  lambda m: 'class="%s"' % ' '.join(m.group(1).split()), html).strip()


def _menus(app, client, ruta, endpoint):
    """(ours, flask-admin's) for the signed-in user of ``client`` on the screen ``endpoint``."""
    from flask import render_template_string

    from vistas.menu import menu_principal

    cookie = client.get_cookie('session').value
    with app.test_request_context(ruta, headers={'Cookie': f'session={cookie}'}):
        app.preprocess_request()
        vista = next(v for v in app.extensions['admin'][0]._views if v.endpoint == endpoint)
        macro = render_template_string(
            "{% import 'admin/layout.html' as layout with context %}{{ layout.menu() }}",
            admin_view=vista)
        return _normal(menu_principal(vista)), _normal(macro)


@pytest.mark.parametrize('rol', ['admin', 'supervisor', 'agente', 'gerente'])
def test_el_menu_es_el_de_flask_admin(app, client, como, demo, rol):
    como(rol, area=Area.get(Area.codigo == 'MONITOREO'))
    for ruta, endpoint in (('/admin/', 'admin'), ('/notificaciones/', 'notificaciones'),
                           ('/casos/', 'casos')):
        propio, de_flask_admin = _menus(app, client, ruta, endpoint)
        assert propio == de_flask_admin and 'active' in propio
    assert propio in _normal(client.get('/casos/').get_data(as_text=True))  # the page uses it


def test_el_menu_guardado_es_el_de_quien_lo_pide_en_cada_pagina(app, client, auth, como, demo):
    """The drawn menu is kept per process: in one app, one user after another and one screen
    after another still get flask-admin's menu, and a screen that decides by more than the
    roles (the dashboard for agents, a company setting) shows up as soon as it allows."""
    area = Area.get(Area.codigo == 'MONITOREO')
    for rol in ('supervisor', 'gerente', 'supervisor', 'agente', 'admin'):
        como(rol, area=area)
        for ruta, endpoint in (('/casos/', 'casos'), ('/notificaciones/', 'notificaciones'),
                               ('/casos/', 'casos')):
            propio, de_flask_admin = _menus(app, client, ruta, endpoint)
            assert propio == de_flask_admin, (rol, ruta)
            assert propio in _normal(client.get(ruta).get_data(as_text=True))
        auth.logout()
    como('agente', area=area)
    assert 'href="/admin/tablero/"' not in client.get('/casos/').get_data(as_text=True)
    app.config['RECLAMOS_TABLERO_AGENTES'] = True
    assert 'href="/admin/tablero/"' in client.get('/casos/').get_data(as_text=True)
