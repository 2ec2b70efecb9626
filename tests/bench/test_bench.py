"""The benchmark harness end to end on a small N, so it cannot rot: seed, serve with
gunicorn on 127.0.0.1, drive every scenario for a moment, read the figures."""
import json
import subprocess
import sys

from tests.apoyo.bases import base_temporal
from tests.conftest import URL_BASE


def test_sembrar_y_cargar(tmp_path, monkeypatch):
    with base_temporal(URL_BASE, tmp_path) as url:
        monkeypatch.setenv('RECLAMOS_INSTANCE', str(tmp_path / 'instancia'))
        monkeypatch.setenv('DATABASE_URL', url)
        sembrado = subprocess.run([sys.executable, '-m', 'bench.sembrar', '--casos', '2000'],
                                  capture_output=True, text=True, timeout=300)
        assert sembrado.returncode == 0, sembrado.stderr[-2000:]
        assert '2000 casos sembrados' in sembrado.stdout
        from bench import carga, escenarios
        informe = carga.main(['--segundos', '1', '--salida', str(tmp_path / 'resultados')])
    nombres = [r['escenario'] for r in informe['resultados']]
    assert nombres == [e.nombre for e in escenarios.escenarios()]
    for resultado in informe['resultados']:
        assert resultado['peticiones'] > 0 and resultado['errores'] == 0, resultado
        assert resultado['mediana_ms'] > 0
    assert informe['rss_max_mb'] and informe['rss_max_mb'] < 400
    guardado = json.loads(next((tmp_path / 'resultados').glob('carga-*.json')).read_text())
    assert guardado['resultados'] == informe['resultados']
