"""Deleting catalog rows by every path (single, "Con seleccionados > Borrar", API, import):
rows in use are refused, named in Spanish with what uses them, and nothing at all changes."""
import pytest

from catalogos import REGISTRO
from tests.apoyo.api import ClienteApi, pedir_token
from tests.conftest import token_csrf


def huella_completa():
    """Row count of every table: children (hours, days off, custom fields, activities, case
    deadlines) included."""
    from admin_app.esquema import modelos

    return {m._meta.table_name: m.select().count() for m in modelos()}


def en_uso():
    """(declaration, rows in use) for every catalog that has rows in use in the demo."""
    from catalogos.borrado import usos

    pares = []
    for declaracion in REGISTRO:
        filas = [f for f in declaracion.modelo.select() if usos(f)]
        if filas:
            pares.append((declaracion, filas))
    return pares


@pytest.fixture
def admin(como, demo):
    return como('admin')


def test_la_demo_tiene_filas_en_uso_de_los_catalogos_clave(app, demo):
    claves = {d.clave for d, _ in en_uso()}
    assert {'calendarios', 'prioridades', 'motivos', 'procesos', 'areas', 'servicios',
            'productos', 'canales', 'plazos_legales', 'entidades_reguladoras'} <= claves


def test_borrar_uno_en_uso_no_cambia_nada(client, admin):
    for declaracion, filas in en_uso():
        antes = huella_completa()
        lista = client.get(f'/admin/{declaracion.clave}/').get_data(as_text=True)
        respuesta = client.post(f'/admin/{declaracion.clave}/delete/', data={
            'id': filas[0].id, 'csrf_token': token_csrf(lista)}, follow_redirects=True)
        html = respuesta.get_data(as_text=True)
        assert f'No se puede eliminar «{filas[0]}» porque está en uso' in html, declaracion.clave
        assert 'Desactívelo en su lugar' in html
        assert huella_completa() == antes, declaracion.clave


def test_borrar_en_lote_es_todo_o_nada(client, admin):
    """Every row of the catalog selected (free ones too): nothing is deleted."""
    for declaracion, filas in en_uso():
        antes = huella_completa()
        modelo = declaracion.modelo
        lista = client.get(f'/admin/{declaracion.clave}/').get_data(as_text=True)
        respuesta = client.post(f'/admin/{declaracion.clave}/action/', data={
            'action': 'delete', 'rowid': [str(f.id) for f in modelo.select()],
            'csrf_token': token_csrf(lista)}, follow_redirects=True)
        html = respuesta.get_data(as_text=True)
        assert 'No se borró ningún registro' in html, declaracion.clave
        for fila in filas:
            assert f'«{fila}»' in html.replace('&#34;', '"'), (declaracion.clave, str(fila))
        assert huella_completa() == antes, declaracion.clave


def test_borrar_por_api_en_uso_es_409(client, admin):
    api = ClienteApi(client, pedir_token(client, admin.email))
    for declaracion, filas in en_uso():
        antes = huella_completa()
        respuesta = api.client.delete(
            f'/api/v1/catalogos/{declaracion.clave}/{filas[0].codigo}',
            headers={'Authentication-Token': api.token})
        assert respuesta.status_code == 409, declaracion.clave
        assert 'está en uso' in respuesta.get_json()['errores']['codigo']
        assert huella_completa() == antes, declaracion.clave


def test_api_borra_lo_libre_y_solo_para_admin(client, app, crear_usuario):
    from catalogos.organizacion import Area

    Area.create(codigo='LIBRE', nombre='Libre')
    gerente = crear_usuario('gerente')
    respuesta = client.delete('/api/v1/catalogos/areas/LIBRE', headers={
        'Authentication-Token': pedir_token(client, gerente.email)})
    assert respuesta.status_code == 403
    admin = crear_usuario('admin')
    cabecera = {'Authentication-Token': pedir_token(client, admin.email)}
    assert client.delete('/api/v1/catalogos/nada/LIBRE', headers=cabecera).status_code == 404
    assert client.delete('/api/v1/catalogos/areas/OTRA', headers=cabecera).status_code == 404
    assert client.delete('/api/v1/catalogos/areas/LIBRE', headers=cabecera).status_code == 204
    assert not Area.select().where(Area.codigo == 'LIBRE').exists()


def test_lote_libre_borra_con_sus_hijos(client, como, app):
    import datetime

    from catalogos.organizacion import Calendario, DiaEspecial, HorarioDia

    como('admin')
    ids = []
    for codigo in ('C1', 'C2'):
        cal = Calendario.create(codigo=codigo, nombre=codigo, pais='CO', zona='America/Bogota')
        HorarioDia.create(calendario=cal, dia=0, abre=datetime.time(8), cierra=datetime.time(17))
        DiaEspecial.create(calendario=cal, fecha=datetime.date(2026, 12, 24))
        ids.append(str(cal.id))
    lista = client.get('/admin/calendarios/').get_data(as_text=True)
    respuesta = client.post('/admin/calendarios/action/', data={
        'action': 'delete', 'rowid': ids, 'csrf_token': token_csrf(lista)},
        follow_redirects=True)
    assert 'Se borraron 2 registro(s).' in respuesta.get_data(as_text=True)
    assert (Calendario.select().count(), HorarioDia.select().count(),
            DiaEspecial.select().count()) == (0, 0, 0)


def test_desactivar_en_lote(client, admin):
    from catalogos.plazos import Prioridad

    antes = huella_completa()
    lista = client.get('/admin/prioridades/').get_data(as_text=True)
    assert 'Desactivar' in lista
    respuesta = client.post('/admin/prioridades/action/', data={
        'action': 'desactivar', 'rowid': [str(p.id) for p in Prioridad.select()],
        'csrf_token': token_csrf(lista)}, follow_redirects=True)
    assert 'Se desactivaron 3 registro(s).' in respuesta.get_data(as_text=True)
    assert not Prioridad.activos().exists()
    assert huella_completa() == antes


def test_regla_de_enrutamiento_cuenta_como_uso(app):
    from catalogos.borrado import usos
    from catalogos.plazos import Prioridad
    from catalogos.enrutamiento import ReglaEnrutamiento

    urgente = Prioridad.create(codigo='URGENTE', nombre='Urgente', cantidad=10,
                               unidad='minutos', orden=9)
    assert usos(urgente) == []
    ReglaEnrutamiento.create(codigo='R1', nombre='Caídas urgentes', orden=1,
                             texto='si descripción contiene "caída" entonces prioridad urgente')
    assert usos(urgente) == ['regla de enrutamiento «Caídas urgentes»']


def test_importar_que_falla_no_borra_hijos(app, demo):
    from admin_app import demo as datos
    from catalogos.configuracion import ErrorImportacion, importar

    configuracion = datos.configuracion()
    configuracion['catalogos']['calendarios'][0]['horario'] = []
    configuracion['catalogos']['motivos'][0]['campos'] = []
    configuracion['catalogos']['reglas_enrutamiento'] = [{'codigo': 'MALA', 'texto': 'x'}]
    antes = huella_completa()
    with pytest.raises(ErrorImportacion):
        importar(configuracion)
    assert huella_completa() == antes
