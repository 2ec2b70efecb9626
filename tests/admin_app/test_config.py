"""Configuration read from the environment."""
from concurrent.futures import ThreadPoolExecutor

from admin_app.config import desde_entorno


def test_secretos_generados_una_vez_y_estables(tmp_path, monkeypatch):
    monkeypatch.setenv('RECLAMOS_INSTANCE', str(tmp_path))
    monkeypatch.delenv('SECRET_KEY', raising=False)
    monkeypatch.delenv('SECURITY_PASSWORD_SALT', raising=False)
    monkeypatch.delenv('DATABASE_URL', raising=False)
    # Several workers starting at once must all read the same secrets.
    with ThreadPoolExecutor(8) as grupo:
        configuraciones = list(grupo.map(lambda _: desde_entorno(), range(8)))
    claves = {(c['SECRET_KEY'], c['SECURITY_PASSWORD_SALT']) for c in configuraciones}
    assert len(claves) == 1
    clave, sal = claves.pop()
    assert len(clave) > 40 and len(sal) > 40 and clave != sal
    assert configuraciones[0]['DATABASE_URL'] == f"sqlite:///{tmp_path / 'reclamos.db'}"
    assert (tmp_path / 'secret_key').stat().st_mode & 0o077 == 0


def test_variables_de_entorno_mandan(tmp_path, monkeypatch):
    monkeypatch.setenv('RECLAMOS_INSTANCE', str(tmp_path))
    monkeypatch.setenv('SECRET_KEY', 'k' * 50)
    monkeypatch.setenv('DATABASE_URL', 'postgresql://u@h:5432/d')
    configuracion = desde_entorno()
    assert configuracion['SECRET_KEY'] == 'k' * 50
    assert configuracion['DATABASE_URL'] == 'postgresql://u@h:5432/d'
    assert not (tmp_path / 'secret_key').exists()


def test_un_numero_mal_escrito_detiene_el_inicio_con_su_nombre(tmp_path, monkeypatch):
    import pytest

    from admin_app.config import ConfiguracionInvalida

    monkeypatch.setenv('RECLAMOS_INSTANCE', str(tmp_path))
    for variable, valor in (('RECLAMOS_RESUMEN_MINUTOS', 'cinco'),
                            ('RECLAMOS_ALERTAS_MINUTOS', 'nan'),
                            ('RECLAMOS_BLOQUEO_INTENTOS', '-3'),
                            ('RECLAMOS_SMTP_PUERTO', '25.5')):
        monkeypatch.setenv(variable, valor)
        with pytest.raises(ConfiguracionInvalida, match=f'{variable} debe ser .*«{valor}»'):
            desde_entorno()
        monkeypatch.delenv(variable)
    monkeypatch.setenv('RECLAMOS_ALERTAS_MINUTOS', ' 0.5 ')
    assert desde_entorno()['RECLAMOS_ALERTAS_MINUTOS'] == 0.5


def test_run_py_dice_que_variable_esta_mal_sin_traza(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    raiz = Path(__file__).resolve().parents[2]
    entorno = {**os.environ, 'RECLAMOS_INSTANCE': str(tmp_path),
               'RECLAMOS_RESUMEN_MINUTOS': 'cinco'}
    entorno.pop('DATABASE_URL', None)
    salida = subprocess.run([sys.executable, str(raiz / 'run.py'), '--port', '0'], env=entorno,
                            capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert salida.returncode == 1
    assert 'No se puede iniciar Reclamos: RECLAMOS_RESUMEN_MINUTOS debe ser un número entero' \
        in salida.stderr
    assert 'Traceback' not in salida.stderr
