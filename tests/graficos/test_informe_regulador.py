"""Regulator layouts (issue 17): the shipped OSIPTEL, SUNASS and SSPD exports carry exactly
the layout's columns and codes; a mapping with a gap is refused, naming what lacks a code."""
import csv
import io

import pytest
from openpyxl import load_workbook

from bd import db
from catalogos.formatos import FormatoRegulador
from graficos.informe.exportar_regulador import a_csv, a_pdf, a_xlsx
from graficos.informe.regulador import generar, periodo
from reclamos.caso.modelo import Reclamo
from reclamos.errores import ErrorValidacion
from tests.graficos.test_informes import casos  # noqa: F401

LIMA = 'America/Lima'


def _formato(entidad):
    return FormatoRegulador.get(FormatoRegulador.codigo == f'FORMATO_{entidad}')


def test_osiptel_en_su_formato(app, casos):  # noqa: F811
    with app.app_context(), db.connection_context():
        reporte = generar(_formato('OSIPTEL'), '2026-02', LIMA)
        filas = list(csv.reader(io.StringIO(a_csv(reporte).decode('utf-8-sig'))))
        libro = load_workbook(io.BytesIO(a_xlsx(reporte))).active
        a = Reclamo.get_by_id(casos['A'].id)
    assert filas[0] == ['CODIGO_RECLAMO', 'FECHA_PRESENTACION', 'MEDIO_PRESENTACION',
                        'SERVICIO', 'NUMERO_SERVICIO', 'TIPO_DOCUMENTO', 'NUMERO_DOCUMENTO',
                        'MATERIA', 'MONTO_RECLAMADO', 'RESULTADO', 'FECHA_RESOLUCION',
                        'DIAS_HABILES']
    # LENTITUD cases received in February, not annulled: A, B, E, H (F annulled, G January).
    assert [f[0] for f in filas[1:]] == [casos[k].numero for k in 'ABEH']
    # A: by phone on Mon 2 Feb 10:00 Lima, resolved Wed 4 Feb 10:00 -> 2 business days.
    assert filas[1] == [a.numero, '02/02/2026', 'TELEFONICO', 'Internet', '',
                        'DNI', a.cliente.numero_documento, 'CALIDAD', '', 'FUNDADO',
                        '04/02/2026', '2']
    assert [c.value for c in libro[1]] == filas[0]
    assert libro.max_row == len(filas)
    assert a_pdf(reporte).startswith(b'%PDF')


@pytest.mark.parametrize('entidad, primera, codigos', [
    ('SSPD', 'RADICADO_RECIBIDO', {'TIPO_TRAMITE': '2', 'CAUSAL': 'SUSPENSION',
                                   'MEDIO_RECEPCION': '2', 'TIPO_RESPUESTA': '1'}),
    ('SUNASS', 'NUMERO_RECLAMO', {}),
])
def test_sspd_y_sunass_abren_con_sus_columnas(app, casos, entidad, primera, codigos):  # noqa: F811
    with app.app_context(), db.connection_context():
        reporte = generar(_formato(entidad), '2026-02', 'America/Bogota')
        libro = load_workbook(io.BytesIO(a_xlsx(reporte))).active
    assert reporte.encabezados[0] == primera
    assert [c.value for c in libro[1]] == reporte.encabezados
    if codigos:  # C: CORTE_ENERGIA by phone, resolved «Accede»
        fila = dict(zip(reporte.encabezados, reporte.filas[0], strict=True))
        assert {k: fila[k] for k in codigos} == codigos


def test_un_mapeo_incompleto_se_rechaza_diciendo_que_falta(app, casos):  # noqa: F811
    with app.app_context(), db.connection_context():
        formato = _formato('OSIPTEL')
        formato.codigos = '\n'.join(linea for linea in formato.codigos.splitlines()
                                    if not linea.startswith(('motivo.LENTITUD=',
                                                             'resultado.OSIPTEL_FUNDADO=',
                                                             'canal.CHAT=')))
        formato.save()
        with pytest.raises(ErrorValidacion) as error:
            generar(formato, '2026-02', LIMA)
    mensaje = error.value.errores['codigos']
    for falta in ('Motivos: Lentitud de la conexión (LENTITUD)', 'Fundado (OSIPTEL_FUNDADO)',
                  'Chat (CHAT)'):
        assert falta in mensaje


@pytest.mark.parametrize('tipo, texto, esperado', [
    ('mensual', '2026-02', ('2026-02-01', '2026-03-01')),
    ('mensual', '2026-12', ('2026-12-01', '2027-01-01')),
    ('trimestral', '2026-t4', ('2026-10-01', '2027-01-01')),
    ('semestral', '2026-S1', ('2026-01-01', '2026-07-01')),
    ('anual', '2025', ('2025-01-01', '2026-01-01')),
    ('mensual', '2026-13', None), ('trimestral', '2026-02', None), ('anual', '2026-01', None),
    ('mensual', 'marzo', None),
])
def test_periodos(tipo, texto, esperado):
    formato = FormatoRegulador(periodo=tipo)
    if esperado is None:
        with pytest.raises(ErrorValidacion, match='Periodo inválido'):
            periodo(formato, texto)
    else:
        assert tuple(d.isoformat() for d in periodo(formato, texto)) == esperado


def test_la_configuracion_rechaza_columnas_y_codigos_malos(app):
    with app.app_context(), db.connection_context():
        malo = FormatoRegulador(codigo='X', nombre='X', columnas='numero|A\ncolor|B',
                                codigos='motivo.X\nplaneta.Y=1')
        errores = malo.errores()
    assert 'Columna desconocida: «color»' in errores['columnas']
    assert 'Use clase.CODIGO=valor' in errores['codigos']
    assert 'entidad' in errores


def test_la_pantalla_exporta_y_explica_lo_que_falta(app, client, como, auth, casos):  # noqa: F811
    como('supervisor')
    assert client.get('/admin/informes/regulador?formato_regulador=FORMATO_OSIPTEL'
                      '&periodo=2026-02').status_code == 403
    auth.logout()
    como('gerente')
    assert 'FORMATO_SUNASS' in client.get('/admin/informes/regulador').get_data(as_text=True)
    respuesta = client.get('/admin/informes/regulador?formato_regulador=FORMATO_OSIPTEL'
                           '&periodo=2026-02&tipo=csv')
    assert respuesta.status_code == 200 and respuesta.mimetype == 'text/csv'
    assert respuesta.data.decode('utf-8-sig').startswith('CODIGO_RECLAMO,FECHA_PRESENTACION')
    malo = client.get('/admin/informes/regulador?formato_regulador=FORMATO_OSIPTEL'
                      '&periodo=febrero&tipo=xlsx')
    assert malo.status_code == 400 and 'Periodo inválido' in malo.get_data(as_text=True)
    with app.app_context(), db.connection_context():
        formato = _formato('SSPD')
        formato.codigos = formato.codigos.replace('motivo.CORTE_ENERGIA=SUSPENSION', '')
        formato.save()
    falta = client.get('/admin/informes/regulador?formato_regulador=FORMATO_SSPD'
                       '&periodo=2026-02&tipo=pdf')
    assert falta.status_code == 400
    assert 'Suspensión del servicio de energía (CORTE_ENERGIA)' in falta.get_data(as_text=True)
