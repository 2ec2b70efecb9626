"""Reports as a desk uses them: every channel at once, group-by chosen from a list, the file
stamped with the desk's local time (cases of tests/apoyo/informes.py)."""
import datetime
import io
import re

from openpyxl import load_workbook

from tests.graficos.test_informes import casos  # noqa: F401  (fixture)


def _tablas(respuesta):
    """The report's tables, without the form (whose selects name every channel)."""
    return respuesta.get_data(as_text=True).split('seccion-informe', 1)[1]


def test_todos_los_canales_a_la_vez(client, como, casos):  # noqa: F811
    como('gerente')
    todos = client.get('/admin/informes/', query_string={
        'plantilla': 'MENSUAL_CANAL', 'mes': '2026-02', 'agrupar': 'canal'})
    assert todos.status_code == 200
    assert 'Todos los canales' in todos.get_data(as_text=True).split('<form', 1)[0] + \
        todos.get_data(as_text=True).split('</form>', 1)[1]
    html = _tablas(todos)
    assert 'Línea telefónica' in html and 'Centro de atención virtual' in html
    web = client.get('/admin/informes/', query_string={
        'plantilla': 'MENSUAL_CANAL', 'mes': '2026-02', 'canal': 'WEB', 'agrupar': 'canal'})
    html_web = _tablas(web)
    assert 'Centro de atención virtual' in html_web and 'Línea telefónica' not in html_web


def test_agrupar_por_se_elige_de_una_lista(client, como, casos):  # noqa: F811
    como('gerente')
    formulario = client.get('/admin/informes/').get_data(as_text=True)
    assert re.search(r'<select multiple[^>]*name="agrupar"', formulario)
    assert '<option value="motivo"' in formulario and '>Motivo</option>' in formulario
    html = client.get('/admin/informes/?plantilla=MENSUAL_CANAL&mes=2026-02'
                      '&agrupar=motivo&agrupar=tipo').get_data(as_text=True)
    assert re.findall(r'data-dimensiones="([^"]*)"', html) == ['motivo', 'tipo']


def test_el_archivo_lleva_la_hora_local(app, casos):  # noqa: F811
    from bd import db
    from graficos.informe.construccion import generar, preparar
    from graficos.informe.exportar import a_xlsx

    hecho = datetime.datetime(2026, 3, 2, 15, 0, tzinfo=datetime.timezone.utc)
    with app.app_context(), db.connection_context():
        informe = generar(preparar({'plantilla': 'MENSUAL_CANAL', 'mes': '2026-02'},
                                   zona='America/Bogota'), ahora=hecho)
        archivo = a_xlsx(informe)
    textos = [c for fila in load_workbook(io.BytesIO(archivo)).active.iter_rows(values_only=True)
              for c in fila if isinstance(c, str) and c.startswith('Generado')]
    assert textos and '02/03/2026 10:00' in textos[0] and 'UTC' not in textos[0], textos
