"""bench.por_peticion on the demo data, so it cannot rot: every page answers 200 and its
figures come out (statements counted, times measured)."""
from bench import por_peticion


def test_mide_cada_pagina(app, demo):
    paginas = por_peticion.paginas(app)
    assert list(paginas) == ['caso', 'cola', 'seguimiento público', 'formulario del portal',
                             'consulta del portal']
    for pedir in paginas.values():
        mediana, minimo, maximo, reloj, cpu = por_peticion.medir(pedir, 3)
        assert 1 <= minimo <= mediana <= maximo and reloj > 0 and cpu >= 0
