"""In Chromium: a manager picks the monthly report, reads the numbers and downloads the PDF;
from a motive's row opens an improvement action pre-filled with that motive."""
from bd import db
from tests.apoyo.informes import cargar_casos, cargar_configuracion
from tests.apoyo.navegador import captura, entrar


def test_el_gerente_ve_el_informe_y_abre_una_accion(app, crear_usuario, servidor_vivo, pagina):
    with app.app_context(), db.connection_context():
        cargar_configuracion()
    gerente = crear_usuario('gerente')
    registrador = crear_usuario('admin')
    with app.app_context(), db.connection_context():
        cargar_casos(registrador)
    entrar(pagina, servidor_vivo, gerente.email)
    pagina.goto(servidor_vivo + '/admin/informes/')
    pagina.select_option('#plantilla', 'MENSUAL_CANAL')
    pagina.fill('#mes', '2026-02')
    pagina.select_option('#canal', 'TELEFONO')
    pagina.click('#ver-informe')
    total = pagina.locator('table[data-dimensiones="tipo"] tfoot td[data-columna]')
    assert total.all_inner_texts() == ['4', '2', '1', '1', '6.67']
    captura(pagina, 'informe-mensual-canal')
    with pagina.expect_download() as descarga:
        pagina.click('#descargar-pdf')
    assert descarga.value.suggested_filename == 'informe-mensual_canal-20260201-20260228.pdf'
    pagina.click('table[data-dimensiones="motivo"] >> text=Acción de mejora')
    assert '/admin/mejora/nueva' in pagina.url
    assert pagina.locator('#motivos option:checked').all_inner_texts() == [
        'Lentitud de la conexión']
