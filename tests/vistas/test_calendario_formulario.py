"""The calendar form: a lunch break is two service ranges of one weekday; overlapping ranges
are refused in Spanish with nothing saved; the form tells legal days from service hours."""
from tests.conftest import token_csrf

BASE = {'codigo': 'CO3', 'nombre': 'Colombia almuerzo', 'pais': 'CO', 'zona': 'America/Bogota',
        'semana_legal': 'lun_vie'}


def enviar(client, url, datos):
    pagina = client.get(url)
    assert pagina.status_code == 200, pagina.status_code
    return client.post(url, data={**datos, 'csrf_token': token_csrf(pagina.get_data(as_text=True))})


def _franjas(*filas):
    datos = {}
    for i, (dia, abre, cierra) in enumerate(filas):
        datos.update({f'horario-{i}-dia': str(dia), f'horario-{i}-abre': abre,
                      f'horario-{i}-cierra': cierra})
    return datos


def test_pausa_de_almuerzo_son_dos_franjas_del_mismo_dia(client, como):
    from catalogos.organizacion import Calendario

    como('admin')
    respuesta = enviar(client, '/admin/calendarios/new/', {
        **BASE, **_franjas((0, '08:00', '12:00'), (0, '14:00', '17:00'), (5, '08:00', '12:00'))})
    assert respuesta.status_code == 302, respuesta.get_data(as_text=True)[-2000:]
    calendario = Calendario.get(Calendario.codigo == 'CO3')
    regla = calendario.como_regla()
    assert len(regla.horario[0]) == 2
    # Saturday has service hours but is not a legal day.
    assert not regla.dias_legales & {5, 6}


def test_franjas_solapadas_mensaje_en_espanol_y_nada_guardado(client, como):
    from catalogos.organizacion import Calendario, HorarioDia

    como('admin')
    respuesta = enviar(client, '/admin/calendarios/new/', {
        **BASE, **_franjas((0, '08:00', '12:00'), (0, '11:00', '13:00'))})
    html = respuesta.get_data(as_text=True)
    assert respuesta.status_code == 200
    assert 'Las franjas del lunes se solapan: 08:00-12:00 y 11:00-13:00' in html
    assert 'UNIQUE' not in html and 'IntegrityError' not in html
    assert not Calendario.select().where(Calendario.codigo == 'CO3').exists()
    assert not HorarioDia.select().exists()


def test_el_formulario_explica_las_dos_partes(client, como):
    como('admin')
    html = client.get('/admin/calendarios/new/').get_data(as_text=True)
    assert 'Días hábiles legales' in html and 'Lunes a sábado' in html
    assert 'atender el sábado por la mañana no acorta ningún plazo legal' in html
    assert 'almuerzo = dos franjas' in html


def test_importar_franjas_solapadas_se_rechaza(app):
    import pytest

    from catalogos.configuracion import ErrorImportacion, importar
    from catalogos.organizacion import Calendario

    datos = {'formato': 'reclamos-configuracion', 'version': 1, 'catalogos': {'calendarios': [
        {**BASE, 'activo': True, 'horario': [
            {'dia': 2, 'abre': '08:00:00', 'cierra': '12:00:00'},
            {'dia': 2, 'abre': '09:00:00', 'cierra': '10:00:00'}]}]}}
    with pytest.raises(ErrorImportacion, match='Las franjas del miércoles se solapan'):
        importar(datos)
    assert not Calendario.select().exists()
