"""What a person reads in the panel: one verb for saving, agreement of gender, no class names,
thresholds as percentages."""
import pytest

from tests.vistas.test_formularios_catalogos import enviar, texto


@pytest.fixture
def admin(como):
    return como('admin')


def test_botones_y_etiquetas(client, admin):
    html = texto(client.get('/admin/procesos/new/'))
    assert 'value="Guardar"' in html and 'Salvar' not in html
    assert 'Agregar Actividad' in html and 'Nuevo Actividad' not in html
    lista = texto(client.get('/admin/motivos/'))
    assert 'Crear Nuevo Registro' not in lista


def test_error_de_fila_sin_nombre_de_clase(client, admin):
    respuesta = enviar(client, '/admin/calendarios/new/', {
        'codigo': 'CAL', 'nombre': 'Cal', 'pais': 'CO', 'zona': 'America/Bogota',
        'horario-0-dia': '0', 'horario-0-abre': '17:00', 'horario-0-cierra': '08:00'})
    html = texto(respuesta)
    assert 'debe ser posterior a la apertura' in html
    assert 'HorarioDia' not in html and 'Horario de atención (una fila por franja' in html


def test_umbral_en_porcentaje(client, admin):
    from catalogos.plazos import Prioridad

    datos = {'codigo': 'URGENTE', 'nombre': 'Urgente', 'cantidad': '30', 'unidad': 'minutos',
             'orden': '1', 'color': 'danger', 'umbral_por_vencer': '75', 'activo': 'y'}
    assert enviar(client, '/admin/prioridades/new/', datos).status_code == 302
    urgente = Prioridad.get()
    assert urgente.umbral_por_vencer == 0.75
    assert '75 %' in texto(client.get(f'/admin/prioridades/details/?id={urgente.id}'))
    assert 'value="75"' in texto(client.get(f'/admin/prioridades/edit/?id={urgente.id}'))
    malo = enviar(client, '/admin/prioridades/new/', {**datos, 'codigo': 'OTRA',
                                                      'umbral_por_vencer': '120'})
    assert 'entre 1 % y 99 %' in texto(malo) and 'se recibió 120 %' in texto(malo)
