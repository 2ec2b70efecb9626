"""Main journeys in real Chromium: the admin adds a custom field to a motive; an agent registers
a case that asks for it, takes it and hands it over; an agent of the receiving area resolves it.
Each main screen is saved with captura() (tests/artefactos/; the best are in docs/capturas/).

Journeys of the customer portal and the manager's dashboard belong with those features.
"""
import pytest

from catalogos.organizacion import Area
from tests.apoyo.navegador import captura, entrar

pytest_plugins = ('tests.apoyo.fixtures_api',)


@pytest.fixture
def equipo(config_demo, crear_usuario):
    def area(codigo):
        return Area.get(Area.codigo == codigo)

    return {'admin': crear_usuario('admin', nombre='Ana Admin'),
            'monitoreo': crear_usuario('agente', area=area('MONITOREO'), nombre='Mario Monitoreo'),
            'soporte': crear_usuario('agente', area=area('SOPORTE_TECNICO'),
                                     nombre='Sofía Soporte')}


def salir(pagina):
    pagina.click('#form-salir button')
    pagina.wait_for_url('**/login**')


def test_motivo_con_campo_registro_derivacion_y_solucion(servidor_vivo, pagina, equipo):
    from catalogos.servicios import CampoPersonalizado, Motivo
    from reclamos.caso.modelo import Reclamo

    base = servidor_vivo
    motivo = Motivo.get(Motivo.codigo == 'SIN_SERVICIO')

    # 1. The admin adds a required custom field to the motive.
    entrar(pagina, base, equipo['admin'].email)
    pagina.goto(f'{base}/admin/motivos/edit/?id={motivo.id}')
    pagina.click('a:has-text("Agregar Campo personalizado")')
    fila = pagina.locator('.inline-field:not(.inline-field-template .inline-field)').last
    fila.locator('input[name$="-codigo"]').fill('numero_contrato')
    fila.locator('input[name$="-nombre"]').fill('Número de contrato')
    fila.locator('select[name$="-tipo"]').select_option('texto')
    fila.locator('input[name$="-orden"]').fill('2')
    fila.locator('input[name$="-requerido"]').check()
    captura(pagina, 'motivo-campo-nuevo')
    pagina.locator('form.admin-form [type=submit]').first.click()
    pagina.wait_for_load_state('networkidle')
    assert CampoPersonalizado.get_or_none(CampoPersonalizado.motivo == motivo.id,
                                          CampoPersonalizado.codigo == 'numero_contrato')
    salir(pagina)

    # 2. An agent of the motive's area registers a case: the new field appears and is asked.
    entrar(pagina, base, equipo['monitoreo'].email)
    pagina.goto(f'{base}/casos/nuevo')
    from catalogos.atencion import Canal
    pagina.select_option('select[name=canal]', str(Canal.get(Canal.codigo == 'WEB').id))
    pagina.select_option('select[name=servicio]', str(motivo.servicio_id))
    pagina.wait_for_selector(f'select[name=motivo] option[value="{motivo.id}"]', state='attached')
    pagina.select_option('select[name=motivo]', str(motivo.id))
    pagina.wait_for_selector('[name="campo.numero_contrato"]')
    pagina.fill('[name=cliente_numero_documento]', '45781236')
    pagina.fill('[name=cliente_nombre]', 'Rosa Quispe')
    pagina.fill('[name="campo.codigo_abonado"]', 'AB-0001')
    pagina.fill('[name=descripcion]', 'Sin internet desde ayer; el módem muestra la luz roja.')
    pagina.click('#registrar')  # without the new field: refused, next to the field
    pagina.wait_for_load_state('networkidle')
    assert pagina.locator('#errores').is_visible()
    assert not Reclamo.select().exists()
    pagina.fill('[name="campo.numero_contrato"]', 'CT-2026-7781')
    pagina.fill('[name=cliente_numero_documento]', '45781236')
    captura(pagina, 'registro-campo-nuevo')
    pagina.click('#registrar')
    pagina.wait_for_url('**/casos/20*')
    caso = Reclamo.get()
    assert 'CT-2026-7781' in caso.campos
    assert caso.numero in pagina.content()
    captura(pagina, 'caso-registrado')

    # 3. The agent takes it and hands it over to technical support.
    if pagina.locator('button:has-text("Tomar el caso")').count():
        pagina.click('button:has-text("Tomar el caso")')
        pagina.wait_for_load_state('networkidle')
    pagina.click('summary:has-text("Derivar a otra área")')
    pagina.select_option('#form-derivar select[name=area]',
                         str(Area.get(Area.codigo == 'SOPORTE_TECNICO').id))
    pagina.fill('#form-derivar input[name=motivo]', 'Requiere visita técnica al domicilio.')
    pagina.click('button:has-text("Derivar")')
    pagina.wait_for_load_state('networkidle')
    assert Reclamo.get_by_id(caso.id).area.codigo == 'SOPORTE_TECNICO'
    salir(pagina)

    # 4. Technical support finds it in its queue, takes it and resolves it.
    entrar(pagina, base, equipo['soporte'].email)
    pagina.goto(f'{base}/casos/?vista=area')
    assert caso.numero in pagina.content()
    captura(pagina, 'bandeja-soporte')
    pagina.click(f'text={caso.numero}')
    pagina.wait_for_url(f'**/casos/{caso.numero}')
    pagina.click('button:has-text("Tomar el caso")')
    pagina.wait_for_load_state('networkidle')
    # The next step is shown unfolded, first (issue 20): no need to open it.
    assert pagina.locator('textarea[name=respuesta]').is_visible()
    pagina.fill('textarea[name=respuesta]', 'Se cambió el conector; servicio restablecido.')
    pagina.select_option('#resultado', label='Fundado')  # a reclamo needs its outcome
    pagina.click('button:has-text("Terminar")')
    pagina.wait_for_load_state('networkidle')
    assert Reclamo.get_by_id(caso.id).estado == 'TERMINADO'
    assert 'Caso terminado' in pagina.content()
    captura(pagina, 'caso-terminado')
