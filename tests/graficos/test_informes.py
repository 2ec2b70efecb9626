"""Monthly report per channel and regulator report: numbers computed by hand from the fixed
cases of tests/apoyo/informes.py, asserted on the service, the screen, the XLSX and the PDF.

Business days (transcurrido, dias_habiles) count the business days after the day of receipt
up to and including the day of the answer:
  A  LENTITUD  TELEFONO  Mon 02-02 10:00 -> Wed 02-04: Tue 3, Wed 4                  = 2, in term
  B  LENTITUD  TELEFONO  Fri 02-06 18:00 (after hours, PE counts it received Mon 02-09)
                         -> Wed 02-11: Tue 10, Wed 11                                = 2, in term
  C  CORTE_ENERGIA TELEFONO Mon 02-02 09:00 -> Tue 02-24 (CO: Saturday opening hours do
                         not make Saturdays legal days): 3,4,5,6,9,10,11,12,13,16,17,18,19,
                         20,23,24                                                    = 16;
                         its 15-day legal term ended Mon 02-23 23:59:59              -> late
  D  PETICION_INFORMACION WEB 02-10, never answered                                  -> pending
  E  LENTITUD  WEB       02-12, taken, not answered                                  -> pending
  F  LENTITUD  TELEFONO  02-16, annulled                                              -> anulado
  G  LENTITUD  TELEFONO  01-30, outside February                                      -> ignored
  H  LENTITUD  TELEFONO  02-20, answered 03-03, after the end of the period          -> pending
"""
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from bd import db
from catalogos.informes import PlantillaInforme
from catalogos.organizacion import Area
from graficos.informe.construccion import generar, preparar
from reclamos.errores import ErrorValidacion
from tests.apoyo.informes import cargar_casos, cargar_configuracion

FEBRERO = {'mes': '2026-02'}
COLUMNAS = ('recibidos', 'resueltos_en_plazo', 'resueltos_fuera_plazo', 'pendientes',
            'promedio_dias_habiles')


@pytest.fixture
def casos(app, crear_usuario):
    with app.app_context(), db.connection_context():
        cargar_configuracion()
    registrador = crear_usuario('admin', area=_area('MONITOREO'))
    with app.app_context(), db.connection_context():
        return cargar_casos(registrador)


def _area(codigo):
    with db.connection_context():
        return Area.get(Area.codigo == codigo)


def _numeros(valores):
    promedio = valores['promedio_dias_habiles']
    return tuple(valores[c] for c in COLUMNAS[:-1]) + (
        None if promedio is None else round(promedio, 2),)


def _informe(app, **datos):
    with app.app_context(), db.connection_context():
        return generar(preparar({**FEBRERO, **datos}))


def _filas(seccion):
    return {etiquetas: _numeros(valores) for etiquetas, valores in seccion.filas}


def test_informe_mensual_del_canal_telefonico(app, casos):
    informe = _informe(app, plantilla='MENSUAL_CANAL', canal='TELEFONO')
    # TELEFONO in February: A, B, C, H received (F annulled, G in January).
    # In term A, B; late C; pending H. Average (2 + 2 + 16) / 3 = 6.67.
    assert _numeros(informe.total) == (4, 2, 1, 1, 6.67)
    assert informe.total['anulados'] == 1
    por_tipo, por_motivo = informe.secciones
    assert (por_tipo.dimensiones, por_motivo.dimensiones) == (['tipo'], ['motivo'])
    assert _filas(por_tipo) == {('Reclamo',): (4, 2, 1, 1, 6.67)}
    assert _filas(por_motivo) == {
        ('Lentitud de la conexión',): (3, 2, 0, 1, 2.0),             # A, B, H: (2 + 2) / 2
        ('Suspensión del servicio de energía',): (1, 0, 1, 0, 16.0),  # C
    }


def test_informe_mensual_del_canal_web(app, casos):
    informe = _informe(app, plantilla='MENSUAL_CANAL', canal='WEB')
    # WEB: D (peticion, pending) and E (reclamo, pending); nothing answered: no average.
    assert _numeros(informe.total) == (2, 0, 0, 2, None)
    assert _filas(informe.secciones[0]) == {('Petición',): (1, 0, 0, 1, None),
                                            ('Reclamo',): (1, 0, 0, 1, None)}


def test_informe_para_osiptel_y_sspd(app, casos):
    osiptel = _informe(app, plantilla='REGULADOR', entidad='OSIPTEL')
    # OSIPTEL motives (LENTITUD), every channel: A, B, E, H; in term A, B; pending E, H.
    assert _numeros(osiptel.total) == (4, 2, 0, 2, 2.0)
    assert _filas(osiptel.secciones[1]) == {('Lentitud de la conexión',): (4, 2, 0, 2, 2.0)}
    sspd = _informe(app, plantilla='REGULADOR', entidad='SSPD')
    # SSPD: C (late, 16 days) and D (pending).
    assert _numeros(sspd.total) == (2, 0, 1, 1, 16.0)
    assert _filas(sspd.secciones[0]) == {('Petición',): (1, 0, 0, 1, None),
                                         ('Reclamo',): (1, 0, 1, 0, 16.0)}
    assert _filas(sspd.secciones[1]) == {
        ('Petición de información',): (1, 0, 0, 1, None),
        ('Suspensión del servicio de energía',): (1, 0, 1, 0, 16.0)}


def test_una_plantilla_configurada_agrupa_y_cuenta_lo_que_dice(app, casos):
    with app.app_context(), db.connection_context():
        mala = PlantillaInforme(codigo='X', nombre='X', ambito='general', agrupaciones='color',
                                columnas='recibidos,rapidez')
        errores = mala.errores()
        assert 'Agrupación desconocida: «color»' in errores['agrupaciones']
        assert 'Columna desconocida: «rapidez»' in errores['columnas']
        PlantillaInforme.create(codigo='CANALES', nombre='Por canal y origen', ambito='general',
                                agrupaciones='canal\ncanal,origen',
                                columnas='recibidos,anulados,pendientes')
    informe = _informe(app, plantilla='CANALES')
    assert informe.columnas == ['recibidos', 'anulados', 'pendientes']
    por_canal = {e: (v['recibidos'], v['anulados'], v['pendientes'])
                 for e, v in informe.secciones[0].filas}
    # TELEFONO: A, B, C, H received, F annulled, H pending; WEB: D, E pending.
    assert por_canal == {('Centro de atención virtual',): (2, 0, 2),
                         ('Línea telefónica',): (4, 1, 1)}
    assert [e for e, _ in informe.secciones[1].filas] == [
        ('Centro de atención virtual', 'Externo (cliente)'),
        ('Línea telefónica', 'Externo (cliente)')]
    # A group-by chosen on the screen replaces the layout's: by priority of the cases.
    informe = _informe(app, plantilla='CANALES', agrupar='prioridad')
    assert sum(v['recibidos'] for _, v in informe.secciones[0].filas) == 6


def _descargar(client, formato, **args):
    respuesta = client.get('/admin/informes/', query_string={**args, 'formato': formato})
    assert respuesta.status_code == 200, respuesta.get_data(as_text=True)[:800]
    return respuesta


def test_xlsx_y_pdf_llevan_los_mismos_numeros(client, como, casos):
    como('gerente')
    args = {'plantilla': 'MENSUAL_CANAL', 'mes': '2026-02', 'canal': 'TELEFONO'}
    pagina = client.get('/admin/informes/', query_string=args).get_data(as_text=True)
    assert 'Suspensión del servicio de energía' in pagina and '6.67' in pagina
    xlsx = _descargar(client, 'xlsx', **args)
    assert xlsx.mimetype.endswith('spreadsheetml.sheet')
    assert 'informe-mensual_canal-20260201-20260228.xlsx' in xlsx.headers['Content-Disposition']
    hoja = load_workbook(io.BytesIO(xlsx.data)).active
    filas = [tuple(c for c in fila if c is not None) for fila in hoja.iter_rows(values_only=True)]
    assert ('Reclamo', 4, 2, 1, 1, 6.67) in filas
    assert ('Lentitud de la conexión', 3, 2, 0, 1, 2) in filas
    assert ('Suspensión del servicio de energía', 1, 0, 1, 0, 16) in filas
    assert filas.count(('Total', 4, 2, 1, 1, 6.67)) == 2
    pdf = _descargar(client, 'pdf', **args)
    assert pdf.mimetype == 'application/pdf'
    texto = '\n'.join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert 'Informe mensual por canal' in texto and 'Canal: Línea telefónica' in texto
    assert 'Reclamo 4 2 1 1 6.67' in texto
    assert 'Lentitud de la conexión 3 2 0 1 2.00' in texto
    assert 'Suspensión del servicio de energía 1 0 1 0 16.00' in texto


def test_el_supervisor_ve_solo_los_casos_de_su_area(client, como, casos):
    como('supervisor', area=_area('SOPORTE_TECNICO'))
    pagina = client.get('/admin/informes/', query_string={
        'plantilla': 'MENSUAL_CANAL', 'mes': '2026-02', 'canal': 'TELEFONO'})
    texto = pagina.get_data(as_text=True)
    assert pagina.status_code == 200
    # LENTITUD belongs to SOPORTE_TECNICO: A, B, H; CORTE_ENERGIA (MONITOREO) is not counted.
    assert 'Área: Soporte técnico' in texto
    assert 'Suspensión del servicio de energía' not in texto
    xlsx = _descargar(client, 'xlsx', plantilla='MENSUAL_CANAL', mes='2026-02',
                      canal='TELEFONO')
    filas = [tuple(c for c in f if c is not None)
             for f in load_workbook(io.BytesIO(xlsx.data)).active.iter_rows(values_only=True)]
    assert ('Lentitud de la conexión', 3, 2, 0, 1, 2) in filas


@pytest.mark.parametrize('rol', ['agente'])
def test_el_agente_no_ve_informes(client, como, casos, rol):
    como(rol)
    assert client.get('/admin/informes/').status_code == 403
    assert client.get('/admin/informes/', query_string={
        'plantilla': 'MENSUAL_CANAL', 'mes': '2026-02', 'canal': 'TELEFONO',
        'formato': 'xlsx'}).status_code == 403


def test_sin_sesion_lleva_al_ingreso(client, app):
    respuesta = client.get('/admin/informes/')
    assert respuesta.status_code == 302 and '/login' in respuesta.headers['Location']


@pytest.mark.parametrize('args, campo, mensaje', [
    ({'plantilla': 'MENSUAL_CANAL', 'canal': 'TELEFONO'}, 'periodo',
     'Indique el mes o el periodo'),
    ({'plantilla': 'MENSUAL_CANAL', 'canal': 'TELEFONO', 'desde': '', 'hasta': ''}, 'periodo',
     'Indique el mes o el periodo'),
    ({'plantilla': 'MENSUAL_CANAL', 'canal': 'TELEFONO', 'desde': '2026-03-01',
      'hasta': '2026-02-01'}, 'hasta', 'El periodo termina (01/02/2026) antes de empezar'),
    ({'plantilla': 'MENSUAL_CANAL', 'canal': 'TELEFONO', 'desde': '2026-02-30',
      'hasta': '2026-03-01'}, 'desde', 'Fecha inválida: «2026-02-30»'),
    ({'plantilla': 'MENSUAL_CANAL', 'canal': 'TELEFONO', 'mes': '2026-13'}, 'mes',
     'Mes inválido: «2026-13»'),
    ({'plantilla': 'MENSUAL_CANAL', 'canal': 'TELEFONO', 'desde': '2024-01-01',
      'hasta': '2026-01-01'}, 'hasta', 'no puede superar 366 días'),
    ({'plantilla': 'REGULADOR', 'mes': '2026-02', 'entidad': 'NO_EXISTE'}, 'entidad',
     'Entidad reguladora: «NO_EXISTE» no existe.'),
    ({'plantilla': 'REGULADOR', 'mes': '2026-02'}, 'entidad',
     'Elija la entidad reguladora del informe.'),
    ({'plantilla': 'MENSUAL_CANAL', 'mes': '2026-02', 'canal': '999'}, 'canal',
     'Canal: «999» no existe.'),
    ({'plantilla': 'MENSUAL_CANAL', 'mes': '2026-02', 'canal': 'WEB', 'agrupar': 'color'},
     'agrupar', 'Agrupación desconocida: «color»'),
    ({'plantilla': 'INVENTADO', 'mes': '2026-02'}, 'plantilla',
     'Informe desconocido: «INVENTADO»'),
    ({'plantilla': 'MENSUAL_CANAL', 'mes': '2026-02', 'canal': 'WEB', 'formato': 'doc'},
     'formato', 'Formato desconocido: «doc»'),
])
def test_entradas_malas_dan_un_mensaje_y_no_un_500(client, como, casos, args, campo, mensaje):
    como('gerente')
    respuesta = client.get('/admin/informes/', query_string=args)
    texto = respuesta.get_data(as_text=True)
    assert respuesta.status_code == 400
    assert f'data-campo="{campo}"' in texto
    assert mensaje.replace('«', '&laquo;').replace('»', '&raquo;') in texto or mensaje in texto


def test_el_servicio_nombra_el_campo_malo(app, casos):
    with app.app_context(), db.connection_context(), pytest.raises(ErrorValidacion) as error:
        preparar({'plantilla': 'MENSUAL_CANAL', 'desde': '2026-02-10', 'hasta': '2026-02-01',
                  'canal': 'NADA'})
    assert set(error.value.errores) == {'hasta', 'canal'}


def test_un_periodo_sin_casos_lo_dice(client, como, casos):
    como('admin')
    args = {'plantilla': 'REGULADOR', 'mes': '2025-06', 'entidad': 'SUNASS'}
    pagina = client.get('/admin/informes/', query_string=args)
    assert pagina.status_code == 200
    assert 'No hay casos recibidos en el periodo.' in pagina.get_data(as_text=True)
    pdf = _descargar(client, 'pdf', **args)
    texto = PdfReader(io.BytesIO(pdf.data)).pages[0].extract_text()
    assert 'No hay casos recibidos en el periodo.' in texto
    hoja = load_workbook(io.BytesIO(_descargar(client, 'xlsx', **args).data)).active
    assert 'No hay casos recibidos en el periodo.' in [c for c, *_ in hoja.iter_rows(
        values_only=True)]


def test_sin_dejavu_el_pdf_conserva_las_tildes(app, casos, monkeypatch, tmp_path):
    """On a machine without the DejaVu TTF the core font (latin-1) still prints Spanish."""
    from graficos.informe import exportar as informe_exportar

    monkeypatch.setattr(informe_exportar, 'FUENTES', tmp_path)
    informe = _informe(app, plantilla='MENSUAL_CANAL', canal='TELEFONO')
    texto = PdfReader(io.BytesIO(informe_exportar.a_pdf(informe))).pages[0].extract_text()
    assert 'Canal: Línea telefónica' in texto
    assert 'Suspensión del servicio de energía 1 0 1 0 16.00' in texto


def test_un_caso_respondido_antes_de_empezar_a_contar_no_da_tiempo_negativo(app, casos):
    """I: LENTITUD (PE, receipt after hours counts from the next opening) received Saturday
    02-14 20:00 counts from Monday 02-16; answered Sunday 02-15 10:00, before counting began:
    0 business days (the signed count would be -1). OSIPTEL answered: A 2, B 2, I 0 ->
    average 4 / 3 = 1.33 (with the old -1: 1.00)."""
    registrador = casos['A'].registrado_por
    with app.app_context(), db.connection_context():
        cargar_casos(registrador, {'I': ('LENTITUD', 'TELEFONO', '2026-02-14T20:00',
                                         '2026-02-15T10:00')})
    osiptel = _informe(app, plantilla='REGULADOR', entidad='OSIPTEL')
    assert _numeros(osiptel.total) == (5, 3, 0, 2, 1.33)
