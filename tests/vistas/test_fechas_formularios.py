"""Dates and times in the admin forms: what is typed (keyboard, pasted, ISO) is what is saved,
or the form says which format it wants. Real form POSTs and real Chromium."""
import datetime

import pytest

from tests.apoyo.navegador import captura, entrar
from tests.vistas.test_formularios_catalogos import enviar, texto

CALENDARIO = {'codigo': 'CAL_CO', 'nombre': 'Bogotá', 'pais': 'CO', 'zona': 'America/Bogota',
              'activo': 'y'}


def _con_dia(fecha, **mas):
    return {**CALENDARIO, 'dias_especiales-0-fecha': fecha,
            'dias_especiales-0-tipo': 'no_laborable', 'dias_especiales-0-descripcion': 'Fiesta',
            **mas}


@pytest.mark.parametrize('escrita', ['24/12/2026', '24-12-2026', '2026-12-24', ' 24/12/2026'])
def test_fecha_escrita_es_la_guardada(client, como, escrita):
    from catalogos.organizacion import DiaEspecial

    como('admin')
    assert enviar(client, '/admin/calendarios/new/', _con_dia(escrita)).status_code == 302
    assert [d.fecha for d in DiaEspecial.select()] == [datetime.date(2026, 12, 24)]


@pytest.mark.parametrize('escrita, mensaje', [
    ('0002-01-014/12/2026', 'escríbala como dd/mm/aaaa'),
    ('12/24/2026', 'no existe'),
    ('24/12/26', 'escríbala como dd/mm/aaaa'),
])
def test_fecha_mala_dice_el_formato_y_no_guarda(client, como, escrita, mensaje):
    from catalogos.organizacion import Calendario

    como('admin')
    respuesta = enviar(client, '/admin/calendarios/new/', _con_dia(escrita))
    assert respuesta.status_code == 200
    assert mensaje in texto(respuesta)
    assert 'Este campo es obligatorio' not in texto(respuesta)
    assert not Calendario.select().exists()


def test_horas_y_detalle_legibles(client, como):
    from catalogos.organizacion import Calendario, HorarioDia

    como('admin')
    datos = _con_dia('24/12/2026', **{'horario-0-dia': '0', 'horario-0-abre': '8:00',
                                      'horario-0-cierra': '5:30 p. m.'})
    assert enviar(client, '/admin/calendarios/new/', datos).status_code == 302
    horario = HorarioDia.get()
    assert (horario.abre, horario.cierra) == (datetime.time(8), datetime.time(17, 30))
    calendario = Calendario.get()
    html = texto(client.get(f'/admin/calendarios/edit/?id={calendario.id}'))
    assert 'value="24/12/2026"' in html and 'value="08:00"' in html
    detalle = texto(client.get(f'/admin/calendarios/details/?id={calendario.id}'))
    assert 'True' not in detalle and 'False' not in detalle and 'Sí' in detalle
    assert 'Lunes 08:00–17:30' in detalle and '24/12/2026 no laborable: Fiesta' in detalle


def test_en_chromium_con_el_teclado(crear_usuario, servidor_vivo, pagina):
    from catalogos.organizacion import DiaEspecial

    admin = crear_usuario('admin')
    entrar(pagina, servidor_vivo, admin.email)
    pagina.goto(f'{servidor_vivo}/admin/calendarios/new/')
    pagina.fill('#codigo', 'CAL_PE')
    pagina.fill('#nombre', 'Lima')
    pagina.select_option('#pais', 'PE')
    pagina.fill('#zona', 'America/Lima')
    for _ in range(2):
        pagina.click('#dias_especiales-button')
    primera = pagina.locator('[name="dias_especiales-0-fecha"]')
    primera.click()
    pagina.keyboard.type('24/12/2026')  # key by key, as a person types
    segunda = pagina.locator('[name="dias_especiales-1-fecha"]')
    segunda.click()
    pagina.keyboard.insert_text('31/12/2026')  # as a paste delivers it
    assert primera.input_value() == '24/12/2026'
    pagina.click('input[type=submit][value="Guardar"]')
    pagina.wait_for_load_state('networkidle')
    assert sorted(d.fecha for d in DiaEspecial.select()) == [
        datetime.date(2026, 12, 24), datetime.date(2026, 12, 31)]


def test_en_chromium_fecha_mala(crear_usuario, servidor_vivo, pagina):
    from catalogos.organizacion import Calendario

    admin = crear_usuario('admin')
    entrar(pagina, servidor_vivo, admin.email)
    pagina.goto(f'{servidor_vivo}/admin/calendarios/new/')
    pagina.fill('#codigo', 'CAL_PE')
    pagina.fill('#nombre', 'Lima')
    pagina.fill('#zona', 'America/Lima')
    pagina.click('#dias_especiales-button')
    pagina.locator('[name="dias_especiales-0-fecha"]').click()
    pagina.keyboard.type('24122026')
    pagina.click('input[type=submit][value="Guardar"]')
    pagina.wait_for_load_state('networkidle')
    assert pagina.locator('text=escríbala como dd/mm/aaaa').first.is_visible()
    captura(pagina, 'calendario-fecha-mala')
    assert not Calendario.select().exists()
