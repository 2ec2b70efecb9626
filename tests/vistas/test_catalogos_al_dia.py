"""The catalogs are kept in memory per process (bd.recordadas), yet a change shows at once:
an admin who edits a motive's deadline or renames a channel, on the admin screen, through a
service or with plain SQL from another connection (another app server on the same
database), sees the very next registration, case page and portal form use the new value."""
from playhouse.db_url import connect

from catalogos.organizacion import Area
from catalogos.plazos import PlazoLegal
from catalogos.servicios import Motivo
from tests.apoyo.api import registrar
from tests.apoyo.formularios import valores_formulario
from tests.conftest import Auth

pytest_plugins = ('tests.apoyo.fixtures_api',)


def _legal(caso):
    [legal] = [t for t in caso['terminos'] if t['tipo'] == 'legal']
    return legal['codigo'], legal['cantidad']


def _desde_otra_conexion(app, sql, *parametros):
    """``sql`` (with ``?`` placeholders) on a connection of its own, committed: what another
    app server, or a person at the SQL prompt, does."""
    otra = connect(app.config['DATABASE_URL'])
    try:
        if 'postgres' in type(otra).__name__.lower():
            sql = sql.replace('?', '%s')
        otra.execute_sql(sql, parametros)
    finally:
        otra.close()


def test_el_plazo_cambiado_en_la_pantalla_rige_el_siguiente_registro(app, api_como, gente):
    api = api_como(gente.registrador)
    assert _legal(registrar(api)) == ('OSIPTEL_3', 3)  # the motive is now kept in memory
    admin = app.test_client()
    assert Auth(admin).login(gente.admin.email).status_code == 302
    motivo = Motivo.get(Motivo.codigo == 'SIN_SERVICIO')
    ruta = f'/admin/motivos/edit/?id={motivo.id}'
    datos = valores_formulario(admin.get(ruta).get_data(as_text=True))
    datos['plazo'] = str(PlazoLegal.get(PlazoLegal.codigo == 'OSIPTEL_15').id)
    respuesta = admin.post(ruta, data=datos)
    assert respuesta.status_code == 302, respuesta.get_data(as_text=True)[:2000]
    assert _legal(registrar(api)) == ('OSIPTEL_15', 15)


def test_el_plazo_guardado_por_el_servicio_rige_el_siguiente_registro(api_como, gente):
    api = api_como(gente.registrador)
    assert _legal(registrar(api)) == ('OSIPTEL_3', 3)
    plazo = PlazoLegal.get(PlazoLegal.codigo == 'OSIPTEL_3')
    plazo.cantidad = 4
    plazo.save()
    assert _legal(registrar(api)) == ('OSIPTEL_3', 4)


def test_el_canal_renombrado_desde_otra_conexion_sale_en_el_siguiente_registro(app, api_como,
                                                                              gente):
    api = api_como(gente.registrador)
    assert registrar(api)['canal']['nombre'] == 'Centro de atención virtual'
    _desde_otra_conexion(app, 'UPDATE canal SET nombre = ? WHERE codigo = ?', 'Portal web', 'WEB')
    caso = registrar(api)
    assert caso['canal']['nombre'] == 'Portal web'
    [creacion] = [a for a in caso['linea_de_tiempo'] if a['tipo'] == 'creacion']
    assert creacion['texto'] == 'Caso registrado por Portal web.'
    # And the other way round: a deadline moved from the other connection.
    _desde_otra_conexion(app, 'UPDATE motivo SET plazo_id = ? WHERE codigo = ?',
                         PlazoLegal.get(PlazoLegal.codigo == 'OSIPTEL_20').id, 'SIN_SERVICIO')
    assert _legal(registrar(api)) == ('OSIPTEL_20', 20)


def test_la_pagina_del_caso_y_el_portal_muestran_el_nombre_nuevo(app, api_como, gente):
    caso = registrar(api_como(gente.registrador))  # area MONITOREO: its agent may hand it over
    agente = app.test_client()
    assert Auth(agente).login(gente.agente.email).status_code == 302
    ruta = f'/casos/{caso["numero"]}'
    assert 'Soporte técnico' in agente.get(ruta).get_data(as_text=True)
    assert 'Internet' in app.test_client().get('/portal/').get_data(as_text=True)
    _desde_otra_conexion(app, 'UPDATE area SET nombre = ? WHERE codigo = ?',
                         'Soporte de redes', 'SOPORTE_TECNICO')
    _desde_otra_conexion(app, 'UPDATE servicio SET nombre = ? WHERE codigo = ?',
                         'Internet hogar', 'INTERNET')
    pagina = agente.get(ruta).get_data(as_text=True)
    assert 'Soporte de redes' in pagina and 'Soporte técnico' not in pagina
    assert 'Internet hogar' in app.test_client().get('/portal/').get_data(as_text=True)
    assert Area.get(Area.codigo == 'SOPORTE_TECNICO').nombre == 'Soporte de redes'
