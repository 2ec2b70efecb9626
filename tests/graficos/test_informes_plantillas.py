"""Report layouts edited by an admin on the generated catalog screen, without code."""
from bd import db
from catalogos.informes import PlantillaInforme
from tests.conftest import token_csrf
from tests.apoyo.informes import cargar_casos, cargar_configuracion


def enviar(client, url, datos):
    pagina = client.get(url)
    assert pagina.status_code == 200, pagina.status_code
    return client.post(url, data={**datos,
                                  'csrf_token': token_csrf(pagina.get_data(as_text=True))})


def test_el_admin_configura_una_plantilla_y_el_informe_la_sigue(app, client, como):
    with app.app_context(), db.connection_context():
        cargar_configuracion()
    admin = como('admin')
    with app.app_context(), db.connection_context():
        cargar_casos(admin)
    datos = {'codigo': 'WEB_ORIGEN', 'nombre': 'Web por servicio', 'ambito': 'canal',
             'agrupaciones': 'servicio\nmotivo, color', 'columnas': 'recibidos, pendientes',
             'periodo': 'mensual', 'activo': 'y'}
    respuesta = enviar(client, '/admin/plantillas_informe/new/', datos)
    texto = respuesta.get_data(as_text=True)
    assert respuesta.status_code == 200
    assert 'Agrupación desconocida: «color»' in texto
    with db.connection_context():
        assert not PlantillaInforme.select().where(PlantillaInforme.codigo == 'WEB_ORIGEN'
                                                   ).exists()
    respuesta = enviar(client, '/admin/plantillas_informe/new/',
                       {**datos, 'agrupaciones': 'servicio\nmotivo, prioridad'})
    assert respuesta.status_code == 302, respuesta.get_data(as_text=True)[:2000]
    pagina = client.get('/admin/informes/', query_string={
        'plantilla': 'WEB_ORIGEN', 'mes': '2026-02', 'canal': 'WEB'})
    texto = pagina.get_data(as_text=True)
    assert pagina.status_code == 200
    # WEB in February: D (PETICION_INFORMACION, ENERGIA) and E (LENTITUD, INTERNET), both
    # pending; two tables, two columns.
    assert 'Por servicio' in texto and 'Por motivo, prioridad' in texto
    assert 'Resueltos en plazo' not in texto
    assert texto.count('data-columna="pendientes">1<') == 4
    assert texto.count('data-columna="pendientes">2<') == 2  # the two totals


def test_un_agente_lee_las_plantillas_pero_no_las_edita(client, como):
    como('agente')
    assert client.get('/admin/plantillas_informe/').status_code == 200
    assert client.get('/admin/plantillas_informe/new/').status_code == 403
