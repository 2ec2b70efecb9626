"""First open of the dashboard on the demo, as a manager's browser sees it: cold cache.

    python -m bench.primera_apertura [--veces 5]

Starts ``run.py`` on a fresh embedded SQLite demo in a temporary folder, logs in as the demo
manager in Debian's Chromium (Playwright), then opens the dashboard in a new browser context
(empty cache) ``--veces`` times and prints, for each, the time from navigation to the load
event (plotly drawn), the bytes transferred and the number of requests; then the same with a
warm cache. Nothing is mocked: real HTTP on loopback, the real static files.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

import requests

from bench.comparar_servir import RAIZ, puerto_libre

CHROMIUM = os.environ.get('RECLAMOS_CHROMIUM', '/usr/bin/chromium')
GERENTE, CONTRASENA = 'gerente@reclamos.demo', 'reclamos-demo'
TIEMPOS = """() => {
    const n = performance.getEntriesByType('navigation')[0];
    const r = performance.getEntriesByType('resource');
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const graficos = performance.getEntriesByName('graficos-visibles')[0];
    return {ms: n.loadEventEnd - n.startTime, html: n.responseEnd - n.startTime,
            dom: n.domContentLoadedEventEnd - n.startTime, fcp: fcp ? fcp.startTime : -1,
            graficos: graficos ? graficos.startTime : -1,
            bytes: n.transferSize + r.reduce((s, x) => s + x.transferSize, 0),
            peticiones: 1 + r.length};
}"""


def servir(carpeta):
    puerto = puerto_libre()
    entorno = {**os.environ, 'RECLAMOS_INSTANCE': carpeta, 'RECLAMOS_ALERTAS_MINUTOS': '0'}
    entorno.pop('DATABASE_URL', None)
    proceso = subprocess.Popen([sys.executable, 'run.py', '--port', str(puerto)], cwd=RAIZ,
                               env=entorno, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    base = f'http://127.0.0.1:{puerto}'
    limite = time.monotonic() + 180
    while time.monotonic() < limite:
        try:
            if requests.get(f'{base}/login', timeout=2).status_code == 200:
                return proceso, base
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    proceso.kill()
    raise SystemExit('run.py no respondió en 180 s')


def abrir(navegador, base, estado, veces):
    """``veces`` openings, each in a new context from the logged-in ``estado`` (cookies)."""
    medidas = []
    for _ in range(veces):
        contexto = navegador.new_context(storage_state=estado, locale='es-CO',
                                         viewport={'width': 1366, 'height': 900})
        pagina = contexto.new_page()
        pagina.goto(f'{base}/admin/tablero/', wait_until='load')
        medidas.append(pagina.evaluate(TIEMPOS))
        # The same context again: what the browser keeps (cache headers) is not fetched.
        pagina.goto(f'{base}/admin/tablero/', wait_until='load')
        medidas[-1]['tibia'] = pagina.evaluate(TIEMPOS)
        contexto.close()
    return medidas


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--veces', type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as carpeta:
        proceso, base = servir(carpeta)
        try:
            with sync_playwright() as p:
                navegador = p.chromium.launch(executable_path=CHROMIUM,
                                              args=['--no-sandbox', '--disable-gpu'])
                contexto = navegador.new_context()
                pagina = contexto.new_page()
                pagina.goto(f'{base}/login')
                pagina.fill('input[name=email]', GERENTE)
                pagina.fill('input[name=password]', CONTRASENA)
                pagina.click('[type=submit]')
                pagina.wait_for_load_state('networkidle')
                estado = contexto.storage_state()
                contexto.close()
                medidas = abrir(navegador, base, estado, args.veces)
                navegador.close()
        finally:
            proceso.terminate()
            proceso.wait(10)
    for i, m in enumerate(medidas, 1):
        print(f"{i}: fría {m['ms']:.0f} ms (página {m['html']:.0f} ms, primer dibujo "
              f"{m['fcp']:.0f} ms, gráficos visibles {m['graficos']:.0f} ms), "
              f"{m['bytes'] / 1024:.0f} KiB, "
              f"{m['peticiones']} peticiones; tibia {m['tibia']['ms']:.0f} ms, "
              f"{m['tibia']['bytes'] / 1024:.0f} KiB")
    print(f"Mediana fría: primer dibujo {statistics.median(m['fcp'] for m in medidas):.0f} "
          f"ms, gráficos visibles {statistics.median(m['graficos'] for m in medidas):.0f} ms, "
          f"carga completa {statistics.median(m['ms'] for m in medidas):.0f} ms; "
          f"tibia: {statistics.median(m['tibia']['ms'] for m in medidas):.0f} ms")


if __name__ == '__main__':
    main()
