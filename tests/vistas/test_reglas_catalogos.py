"""Catalog rules that hold on every path (form and import): codes unique regardless of case,
one default calendar, a motive whose cases can be resolved."""
import pytest

from tests.vistas.test_formularios_catalogos import enviar, texto


@pytest.fixture
def admin(como):
    return como('admin')


@pytest.mark.parametrize('repetido', ['atencion', 'Atencion', 'ATENCION'])
def test_codigo_sin_distinguir_mayusculas(client, admin, repetido):
    from catalogos.organizacion import Area

    Area.create(codigo='ATENCION', nombre='Atención')
    respuesta = enviar(client, '/admin/areas/new/', {'codigo': repetido, 'nombre': 'Otra'})
    assert respuesta.status_code == 200
    assert 'Ya existe un registro con el código' in texto(respuesta)
    assert Area.select().count() == 1


def test_codigo_repetido_por_importacion(app):
    from catalogos.configuracion import ErrorImportacion, importar
    from catalogos.organizacion import Area

    Area.create(codigo='ATENCION', nombre='Atención')
    with pytest.raises(ErrorImportacion, match='Ya existe un registro con el código'):
        importar({'formato': 'reclamos-configuracion', 'version': 1, 'catalogos': {
            'areas': [{'codigo': 'atencion', 'nombre': 'Otra'}]}})
    assert Area.select().count() == 1


def test_un_solo_calendario_predeterminado(client, admin):
    from catalogos.organizacion import Calendario

    Calendario.create(codigo='BOG', nombre='Bogotá', pais='CO', zona='America/Bogota',
                      predeterminado=True)
    respuesta = enviar(client, '/admin/calendarios/new/', {
        'codigo': 'LIM', 'nombre': 'Lima', 'pais': 'PE', 'zona': 'America/Lima',
        'predeterminado': 'y', 'activo': 'y'})
    assert respuesta.status_code == 302
    aviso = texto(client.get(respuesta.headers['Location']))
    assert '«Lima» es ahora el calendario predeterminado; «Bogotá» dejó de serlo.' in aviso
    assert [c.codigo for c in Calendario.select().where(Calendario.predeterminado == True)] \
        == ['LIM']  # noqa: E712


def _motivo(area, plazo, servicio):
    return {'codigo': 'FUGA', 'nombre': 'Fuga', 'servicio': servicio.id, 'tipo': 'reclamo',
            'plazo': plazo.id, 'area': area.id, 'activo': 'y'}


def test_motivo_con_area_que_no_resuelve(client, admin, demo):
    from catalogos.organizacion import Area
    from catalogos.plazos import PlazoLegal
    from catalogos.procesos import Actividad, Proceso
    from catalogos.servicios import Motivo, Servicio

    ventas = Area.get(Area.codigo == 'VENTAS')
    datos = _motivo(ventas, PlazoLegal.select().first(), Servicio.get(Servicio.codigo == 'AGUA'))
    respuesta = enviar(client, '/admin/motivos/new/', datos)
    assert respuesta.status_code == 200
    assert 'El área «Ventas» no resuelve casos' in texto(respuesta)
    assert not Motivo.select().where(Motivo.codigo == 'FUGA').exists()

    # With a process that reaches a resolving area, the same area is accepted.
    datos['area'] = Area.get(Area.codigo == 'MONITOREO').id
    assert enviar(client, '/admin/motivos/new/', datos).status_code == 302
    fuga = Motivo.get(Motivo.codigo == 'FUGA')
    proceso = Proceso.create(codigo='FUGA_P', nombre='Fuga', motivo=fuga)
    Actividad.create(proceso=proceso, orden=1, nombre='Revisar', plazo_cantidad=2,
                     plazo_unidad='horas', area=Area.get(Area.codigo == 'SOPORTE_TECNICO'))
    datos['area'] = ventas.id
    assert enviar(client, f'/admin/motivos/edit/?id={fuga.id}', datos).status_code == 302
    assert Motivo.get_by_id(fuga.id).area_id == ventas.id


def test_condicion_de_actividad_en_espanol(client, admin, demo):
    """Process conditions: the routing rules' plain Spanish, the same messages, on the form."""
    from catalogos.organizacion import Area
    from catalogos.procesos import Actividad, Proceso

    NUEVA = 'Revisión con el cliente en sitio'
    proceso = Proceso.get(Proceso.codigo == 'SIN_SERVICIO_ATENCION')
    monitoreo = Area.get(Area.codigo == 'MONITOREO')
    datos = {'codigo': proceso.codigo, 'nombre': proceso.nombre, 'motivo': proceso.motivo_id,
             'activo': 'y'}
    for i, actividad in enumerate(proceso.actividades_en_orden()):
        datos.update({f'actividades-{i}-id': actividad.id, f'actividades-{i}-orden': i + 1,
                      f'actividades-{i}-nombre': actividad.nombre,
                      f'actividades-{i}-area': actividad.area_id,
                      f'actividades-{i}-plazo_cantidad': actividad.plazo_cantidad,
                      f'actividades-{i}-plazo_unidad': actividad.plazo_unidad,
                      f'actividades-{i}-condicion': ''})
    nueva = {'actividades-9-orden': '9', 'actividades-9-nombre': NUEVA,
             'actividades-9-area': monitoreo.id, 'actividades-9-plazo_cantidad': '2',
             'actividades-9-plazo_unidad': 'horas'}
    url = f'/admin/procesos/edit/?id={proceso.id}'
    mala = enviar(client, url, {**datos, **nueva,
                                'actividades-9-condicion': 'prioridad es ALTO BAJO'})
    assert 'Línea 1, columna 19: no se entiende «BAJO»' in texto(mala)
    corta = enviar(client, url, {**datos, **nueva, 'actividades-9-condicion': 'prioridad es'})
    assert 'La condición termina antes de tiempo; se esperaba' in texto(corta)
    assert not Actividad.select().where(Actividad.nombre == NUEVA).exists()
    campo_raro = enviar(client, url, {**datos, **nueva,
                                      'actividades-9-condicion': 'gravedad es 3'})
    assert 'El campo «gravedad» no existe' in texto(campo_raro)
    buena = enviar(client, url, {**datos, **nueva, 'actividades-9-condicion':
                                 'prioridad es ALTO y codigo abonado contiene AB'})
    assert buena.status_code == 302
    assert Actividad.get(Actividad.nombre == NUEVA).condicion.startswith('prioridad')
