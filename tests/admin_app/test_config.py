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
