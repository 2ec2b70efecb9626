"""The tree itself: small modules, as DESIGN.md asks (the migrations are frozen history and
may be long)."""
import subprocess
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]
LINEAS_MAX = 300


def test_ningun_modulo_pasa_de_300_lineas():
    archivos = subprocess.run(['git', 'ls-files', '*.py'], cwd=RAIZ, capture_output=True,
                              text=True, check=True).stdout.split()
    assert archivos, 'git ls-files no listó nada'
    largos = {}
    for nombre in archivos:
        if nombre.startswith('admin_app/migraciones/') or not (RAIZ / nombre).exists():
            continue
        lineas = len((RAIZ / nombre).read_text(encoding='utf-8').splitlines())
        if lineas > LINEAS_MAX:
            largos[nombre] = lineas
    assert largos == {}, f'módulos de más de {LINEAS_MAX} líneas: divídalos por tema'
