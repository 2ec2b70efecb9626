"""Browser fixtures: the app served over real HTTP on loopback and Debian's Chromium driven by
Playwright (no browser download). Use ``servidor_vivo`` for the base URL and ``pagina`` for a
fresh page; ``entrar(pagina, servidor_vivo, email)`` logs in through the real form.

Screenshots go to ``tests/artefactos/`` (kept after the run as test artefacts)."""
import os
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = os.environ.get('RECLAMOS_CHROMIUM', '/usr/bin/chromium')
ARTEFACTOS = Path(__file__).resolve().parents[1] / 'artefactos'


@pytest.fixture
def servidor_vivo(app):
    """The test app (same database as the ``app`` fixture) on a free loopback port."""
    from werkzeug.serving import make_server

    app.config['SERVER_NAME'] = None
    servidor = make_server('127.0.0.1', 0, app, threaded=True)
    hilo = threading.Thread(target=servidor.serve_forever, daemon=True)
    hilo.start()
    yield f'http://127.0.0.1:{servidor.server_port}'
    servidor.shutdown()
    hilo.join(5)


@pytest.fixture(scope='session')
def chromium():
    if not shutil.which(CHROMIUM):
        pytest.fail(f'falta {CHROMIUM}: ejecute bash tests/preparar.sh')
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        navegador = p.chromium.launch(
            executable_path=CHROMIUM,
            args=['--no-sandbox', '--disable-gpu', '--disable-background-networking'])
        yield navegador
        navegador.close()


@pytest.fixture
def pagina(chromium):
    contexto = chromium.new_context(locale='es-PE', viewport={'width': 1280, 'height': 900})
    contexto.set_default_timeout(15000)
    pagina = contexto.new_page()
    yield pagina
    contexto.close()


def entrar(pagina, base, email, contrasena=None):
    from tests.conftest import CONTRASENA

    pagina.goto(f'{base}/login')
    pagina.fill('input[name=email]', email)
    pagina.fill('input[name=password]', contrasena or CONTRASENA)
    pagina.click('[type=submit]')
    pagina.wait_for_load_state('networkidle')


def captura(pagina, nombre):
    """Save a full-page screenshot as a test artefact; returns its path."""
    ARTEFACTOS.mkdir(exist_ok=True)
    destino = ARTEFACTOS / f'{nombre}.png'
    pagina.screenshot(path=str(destino), full_page=True)
    return destino
