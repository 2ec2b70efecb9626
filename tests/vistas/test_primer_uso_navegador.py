"""Done when: a new administrator configures a company from an empty database in Chromium,
without a shell: setup page -> company profile -> calendar -> area -> service and motive ->
user, and the checklist shows each step done."""
import datetime
import logging

from tests.apoyo.navegador import captura
from tests.vistas.test_primer_uso import codigo_del_registro


def guardar(pagina):
    pagina.click('input[type=submit][value="Guardar"]')
    pagina.wait_for_load_state('networkidle')


def elegir_ajax(pagina, campo, texto):
    """Pick a value of a flask-admin select2 look-up by typing, as a person does."""
    pagina.click(f'#s2id_{campo} a')
    pagina.keyboard.type(texto)
    pagina.locator('.select2-result-selectable').first.click()


def test_configura_una_empresa_desde_cero(servidor_vivo, pagina, caplog):
    from catalogos.empresa import Empresa
    from catalogos.organizacion import Area, Calendario, DiaEspecial
    from catalogos.servicios import Motivo, Servicio
    from catalogos.usuarios import Usuario

    caplog.set_level(logging.WARNING, logger='reclamos.instalacion')
    base = servidor_vivo
    pagina.goto(f'{base}/')
    assert pagina.url.endswith('/instalar')
    pagina.fill('#codigo', codigo_del_registro(caplog))
    pagina.fill('#nombre', 'Ana Admin')
    pagina.fill('#email', 'ana@telecom.pe')
    pagina.fill('#contrasena', 'una-clave-larga-1')
    pagina.fill('#contrasena2', 'una-clave-larga-1')
    pagina.click('#crear')
    pagina.wait_for_url('**/admin/primeros-pasos/')
    assert pagina.locator('.paso.pendiente').count() == 6

    # Company profile: Peru, RUC with its check digit; the first calendar comes with it.
    pagina.click('.paso:has-text("Empresa") a')
    pagina.fill('#nombre', 'Telecom Andina SAC')
    pagina.select_option('#pais', 'PE')
    pagina.fill('#identificacion', '20100070971')
    guardar(pagina)
    assert pagina.locator('text=El dígito de verificación del RUC').first.is_visible()
    pagina.fill('#identificacion', '20100070970')
    pagina.fill('#direccion', 'Av. Arequipa 1234, Lima')
    pagina.check('#libro_reclamaciones')
    guardar(pagina)
    assert pagina.locator('text=Se creó el calendario').first.is_visible()
    empresa = Empresa.get()
    assert (empresa.identificacion, empresa.libro_reclamaciones) == ('20100070970', True)
    calendario = Calendario.get()
    assert (calendario.pais, calendario.zona, calendario.predeterminado) == (
        'PE', 'America/Lima', True)

    # Calendar: a company non-working day typed with the keyboard.
    pagina.goto(f'{base}/admin/calendarios/edit/?id={calendario.id}')
    pagina.click('#dias_especiales-button')
    pagina.locator('[name="dias_especiales-0-fecha"]').click()
    pagina.keyboard.type('24/12/2026')
    guardar(pagina)
    assert DiaEspecial.get().fecha == datetime.date(2026, 12, 24)

    # Area that resolves cases.
    pagina.goto(f'{base}/admin/areas/new/')
    pagina.fill('#codigo', 'ATENCION')
    pagina.fill('#nombre', 'Atención al cliente')
    pagina.check('#resuelve')
    guardar(pagina)
    area = Area.get(Area.codigo == 'ATENCION')

    # Service, legal term and motive.
    pagina.goto(f'{base}/admin/servicios/new/')
    pagina.fill('#codigo', 'INTERNET')
    pagina.fill('#nombre', 'Internet')
    guardar(pagina)
    pagina.goto(f'{base}/admin/plazos_legales/new/')
    pagina.fill('#codigo', 'LIBRO_15')
    pagina.fill('#nombre', 'Libro de Reclamaciones')
    pagina.fill('#cantidad', '15')
    pagina.select_option('#unidad', 'dias_habiles')
    guardar(pagina)
    pagina.goto(f'{base}/admin/motivos/new/')
    pagina.fill('#codigo', 'SIN_SERVICIO')
    pagina.fill('#nombre', 'Sin servicio')
    elegir_ajax(pagina, 'servicio', 'Inter')
    pagina.select_option('#plazo', label='Libro de Reclamaciones')
    pagina.select_option('#area', label='Atención al cliente')
    guardar(pagina)
    motivo = Motivo.get(Motivo.codigo == 'SIN_SERVICIO')
    assert (motivo.servicio_id, motivo.area_id) == (Servicio.get().id, area.id)

    # A user of that area.
    pagina.goto(f'{base}/admin/usuarios/new/')
    pagina.fill('#email', 'rosa@telecom.pe')
    pagina.fill('#nombre', 'Rosa')
    pagina.select_option('#area', label='Atención al cliente')
    pagina.evaluate("() => { const s = document.querySelector('#roles');"
                    " [...s.options].forEach(o => o.selected = o.value === 'agente');"
                    " s.dispatchEvent(new Event('change')); }")
    pagina.fill('#contrasena', 'otra-clave-larga-2')
    guardar(pagina)
    rosa = Usuario.get(Usuario.email == 'rosa@telecom.pe')
    assert rosa.nombres_roles() == {'agente'} and rosa.area_id == area.id

    pagina.goto(f'{base}/admin/primeros-pasos/')
    assert pagina.locator('.paso.hecho').count() == 5  # letters are left
    assert pagina.locator('.paso.pendiente:has-text("Cartas")').count() == 1
    captura(pagina, 'primeros-pasos')
