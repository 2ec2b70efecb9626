"""bench.comparar end to end at a tiny N: installs the peer (pip from PyPI, about a minute),
seeds both, drives every endpoint with wrk for a second and checks the table it writes.

Skipped unless RECLAMOS_COMPARAR=1 (it installs a second application and needs wrk)."""
import argparse
import os
import re
import shutil

import pytest

from bench import comparar

pytestmark = pytest.mark.skipif(
    os.environ.get('RECLAMOS_COMPARAR') != '1' or not shutil.which('wrk'),
    reason='instala django-helpdesk: RECLAMOS_COMPARAR=1 y wrk (apt-get install wrk)')

NUMERO = r'[\d,]+(\.\d+)?'


def test_tabla_lado_a_lado(tmp_path):
    resultados = tmp_path / 'RESULTS.md'
    resultados.write_text('# Resultados medidos\n\nAntes.\n')
    bd = 'postgresql' if os.environ.get('DATABASE_URL', '').startswith('postgres') else 'sqlite'
    salida = comparar.main(['--casos', '50', '--bd', bd, '--segundos', '1',
                            '--repeticiones', '1', '--calentamiento', '1',
                            '--resultados', str(resultados)])
    texto = resultados.read_text()
    assert texto.startswith('# Resultados medidos\n\nAntes.')
    assert f'### {bd}, 50 casos en cada sistema' in texto and 'Fecha: ' in texto
    for titulo, *_ in comparar.FILAS:
        fila = re.search(rf'^\| {re.escape(titulo)} \| ({NUMERO}) \| ({NUMERO}) \| '
                         rf'({NUMERO}) \| ({NUMERO}) \| ({NUMERO})x \|$', texto, re.M)
        assert fila, f'falta la fila «{titulo}» con números'
    assert re.search(rf'^\| RSS máximo de un trabajador \(MiB\) \| {NUMERO} \| \| {NUMERO} \| '
                     rf'\| {NUMERO}x \|$', texto, re.M)
    # Every measured request got its expected answer: no 5xx, no 4xx, created rows counted.
    assert not any(salida['errores'].values()), salida['errores']
    nuevas = re.search(r'par (\d+), nuestras (\d+) filas nuevas', texto)
    assert int(nuevas.group(1)) > 0 and int(nuevas.group(2)) > 0
    # A second run replaces its own section instead of adding another.
    comparar.escribir(resultados, argparse.Namespace(
        bd=bd, casos=50, segundos=1, repeticiones=1), 'tabla nueva', [])
    assert texto.count('<!-- comparar:') == resultados.read_text().count('<!-- comparar:')
    assert 'tabla nueva' in resultados.read_text()
