"""The case page in Chromium: every visible button can be clicked (nothing covers it, nothing
hangs outside the page) at 1366 px, and the page and the queue fit a 390 px phone."""
import pytest

from catalogos.organizacion import Area
from reclamos.caso import lineas
from tests.apoyo.casos import crear_caso
from tests.apoyo.navegador import captura, entrar

# Open every folded form so that its button is visible too.
DESPLEGAR = "document.querySelectorAll('details').forEach(d => d.open = true)"
ANCHO = "[document.documentElement.scrollWidth, window.innerWidth]"
# The elements that stick out on the right, to say what to fix when the page is too wide.
ANCHOS = """[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right
  > window.innerWidth + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id
  + ' ' + Math.round(e.getBoundingClientRect().right))"""


@pytest.fixture
def caso_con_lineas(demo, crear_usuario):
    monitoreo = Area.get(Area.codigo == 'MONITOREO')
    supervisor = crear_usuario('supervisor', area=monitoreo, nombre='Sofía Supervisora')
    crear_usuario('agente', area=monitoreo, nombre='Mario Monitoreo')
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    caso = crear_caso(registrador, motivo='PETICION_INFORMACION', documento_tipo='FACTURA',
                      documento_numero='F001-000123')
    lineas.agregar_lineas(caso, [('Cargo por reconexión no solicitada', '120,50'),
                                 ('Consumo facturado dos veces en el periodo de octubre',
                                  '1234.56'), ('Interés de mora', '15')],
                          supervisor, '127.0.0.1', caso.version)
    primera = lineas.LineaReclamo.get(lineas.LineaReclamo.reclamo == caso.id,
                                      lineas.LineaReclamo.numero == 1)
    lineas.enviar_a_aprobacion(primera, supervisor, '127.0.0.1',
                               type(caso).get_by_id(caso.id).version)
    return caso, supervisor


def _botones_clicables(pagina):
    """[(text, problem)] for each visible button that is covered or outside the page."""
    problemas = []
    botones = pagina.locator('main button:visible, #acciones button:visible, '
                             '#lineas button:visible, #documentos button:visible')
    for i in range(botones.count()):
        boton = botones.nth(i)
        texto = boton.inner_text().strip()
        try:
            # trial: every actionability check (visible, stable, enabled, receives the
            # click at its centre) without submitting the form.
            boton.click(trial=True, timeout=3000)
        except Exception as error:  # noqa: BLE001 - report which button and why
            problemas.append((texto, str(error).splitlines()[0]))
            continue
        caja = boton.bounding_box()
        if caja['x'] < 0 or caja['x'] + caja['width'] > pagina.viewport_size['width']:
            problemas.append((texto, f'fuera de la pantalla: {caja}'))
    return problemas, botones.count()


def test_cada_boton_del_caso_se_puede_pulsar_a_1366(caso_con_lineas, servidor_vivo, pagina):
    caso, supervisor = caso_con_lineas
    pagina.set_viewport_size({'width': 1366, 'height': 900})
    entrar(pagina, servidor_vivo, supervisor.email)
    pagina.goto(f'{servidor_vivo}/casos/{caso.numero}')
    pagina.evaluate(DESPLEGAR)
    problemas, cuantos = _botones_clicables(pagina)
    assert cuantos >= 10 and not problemas, problemas
    for texto in ('Aprobar', 'Rechazar', 'Devolver', 'Cancelar', 'Enviar', 'Tomar el caso'):
        assert pagina.locator(f'button:visible:has-text("{texto}")').count() >= 1, texto
    ancho, ventana = pagina.evaluate(ANCHO)
    assert ancho <= ventana
    captura(pagina, 'caso-supervisor-1366')


PAGINAS = ['/casos/{numero}', '/casos/?vista=area', '/admin/', '/casos/nuevo',
           '/admin/tablero/', '/admin/informes/', '/notificaciones/', '/admin/clientes/',
           '/admin/mejora/', '/admin/simulador/', '/admin/motivos/']


@pytest.mark.parametrize('ancho', [390, 1366])
@pytest.mark.parametrize('ruta', PAGINAS)
def test_cabe_en_la_pantalla(caso_con_lineas, servidor_vivo, pagina, ruta, ancho):
    caso, supervisor = caso_con_lineas
    pagina.set_viewport_size({'width': ancho, 'height': 844})
    entrar(pagina, servidor_vivo, supervisor.email)
    pagina.goto(servidor_vivo + ruta.format(numero=caso.numero))
    ancho, ventana = pagina.evaluate(ANCHO)
    anchos = pagina.evaluate(ANCHOS)
    assert ancho <= ventana, f'{ruta} mide {ancho} px en {ventana}; sobresalen: {anchos}'
    if '{numero}' in ruta:
        pagina.evaluate(DESPLEGAR)
        problemas, _ = _botones_clicables(pagina)
        assert not problemas, problemas
        captura(pagina, f'caso-supervisor-{ancho}')
