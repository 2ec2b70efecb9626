"""The in-process registration profile on a small database, so it cannot rot: it registers
through the API and the agents' form and reports statements and rates."""
import subprocess
import sys

from tests.apoyo.bases import base_temporal
from tests.conftest import URL_BASE


def test_perfil_del_registro(tmp_path, monkeypatch):
    with base_temporal(URL_BASE, tmp_path) as url:
        monkeypatch.setenv('RECLAMOS_INSTANCE', str(tmp_path / 'instancia'))
        monkeypatch.setenv('DATABASE_URL', url)
        monkeypatch.setenv('SECURITY_PASSWORD_HASH', 'plaintext')
        preparado = subprocess.run([sys.executable, '-m', 'bench.sembrar', '--casos', '0'],
                                   capture_output=True, text=True, timeout=300)
        assert preparado.returncode == 0, preparado.stderr[-2000:]
        for modo in ('api', 'formulario'):
            medido = subprocess.run(
                [sys.executable, '-m', 'bench.perfil_registro', modo, '--registros', '3',
                 '--correo', '--perfil', str(tmp_path / f'{modo}.prof')],
                capture_output=True, text=True, timeout=300)
            assert medido.returncode == 0, medido.stderr[-2000:]
            assert f'{modo}: ' in medido.stdout and ' sentencias por registro; 3 registros' \
                in medido.stdout, medido.stdout
            assert (tmp_path / f'{modo}.prof').exists()
