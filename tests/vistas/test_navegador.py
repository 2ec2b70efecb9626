"""The browser harness itself: Chromium logs in through the real form and lands on the desk."""
from tests.apoyo.navegador import captura, entrar


def test_chromium_entra_y_ve_el_menu(crear_usuario, servidor_vivo, pagina):
    usuario = crear_usuario('admin')
    entrar(pagina, servidor_vivo, usuario.email)
    assert '/login' not in pagina.url
    assert pagina.locator('text=Casos').first.is_visible()
    assert captura(pagina, 'inicio-admin').stat().st_size > 1000


def test_contrasena_erronea_no_entra(crear_usuario, servidor_vivo, pagina):
    usuario = crear_usuario('agente')
    entrar(pagina, servidor_vivo, usuario.email, 'otra-clave-mala')
    assert '/login' in pagina.url
