"""The sandbox's simulation on hand-built histories: compliance computed by hand, determinism."""
import pytest

from reglas.simulacion_procesos import (CasoSim, indicadores, pendientes_observados, percentil,
                                        simular)

# One area A, 60 minutes per case. Arrivals 0, 0, 20, 200.
HISTORIA = [
    CasoSim(1, 0, (('A', 60),), vence_legal=90, vence_sla=50),
    CasoSim(2, 0, (('A', 60),), vence_legal=100, vence_sla=150),
    CasoSim(3, 20, (('A', 60),), vence_legal=200, vence_sla=150),
    CasoSim(4, 200, (('A', 60),), vence_legal=300),
]


def test_una_persona_a_mano():
    # One person: case 1 ends at 60, case 2 waits and ends at 120, case 3 at 180, case 4 at 260.
    r = simular(HISTORIA, {'A': 1}, variable=False)
    assert r.fin == {1: 60, 2: 120, 3: 180, 4: 260}
    # Legal: 1 (60<=90) yes, 2 (120>100) no, 3 (180<=200) yes, 4 yes -> 3/4.
    # SLA: 1 (60>50) no, 2 (120<=150) yes, 3 (180>150) no; 4 has none -> 1/3.
    # Hours: 1, 2, 160/60, 1 -> mean 1.67; p90 by nearest rank = the 4th of 4 = 2.67.
    assert indicadores(HISTORIA, r.fin) == {
        'casos': 4, 'terminados': 4, 'cumplimiento_legal': 75.0, 'cumplimiento_sla': 33.3,
        'media_horas': 1.67, 'p90_horas': 2.67}


def test_dos_personas_a_mano():
    # Two people: 1 and 2 end at 60; 3 waits until 60 and ends at 120; 4 at 260.
    r = simular(HISTORIA, {'A': 2}, variable=False)
    assert r.fin == {1: 60, 2: 60, 3: 120, 4: 260}
    datos = indicadores(HISTORIA, r.fin)
    assert (datos['cumplimiento_legal'], datos['cumplimiento_sla']) == (100.0, 66.7)


def test_pasos_por_varias_areas_y_pendientes():
    casos = [CasoSim(1, 0, (('A', 30), ('B', 30))), CasoSim(2, 0, (('A', 30), ('B', 30)))]
    r = simular(casos, {'A': 1, 'B': 1}, variable=False, muestras=5, hasta_muestras=120)
    # A: 1 at 0-30, 2 at 30-60; B: 1 at 30-60, 2 at 60-90.
    assert r.fin == {1: 60, 2: 90}
    assert r.muestras == (0, 30, 60, 90, 120)
    assert r.pendientes == {'A': (2, 1, 0, 0, 0), 'B': (0, 1, 1, 0, 0)}


def test_misma_semilla_mismo_resultado():
    casos = [CasoSim(i, i * 7.0, (('A', 45), ('B', 20))) for i in range(60)]
    a = simular(casos, {'A': 2, 'B': 1}, semilla=42)
    b = simular(list(reversed(casos)), {'A': 2, 'B': 1}, semilla=42)
    c = simular(casos, {'A': 2, 'B': 1}, semilla=43)
    assert a == b
    assert a.fin != c.fin


def test_lo_no_terminado_no_cumple_salvo_que_su_plazo_siga_corriendo():
    casos = [CasoSim(1, 0, (), vence_legal=100), CasoSim(2, 0, (), vence_legal=1000),
             CasoSim(3, 0, (), vence_legal=50)]
    fin = {3: 40}
    assert indicadores(casos, fin)['cumplimiento_legal'] == 33.3
    # Seen at minute 500: case 2's term is still running, so it is left out.
    assert indicadores(casos, fin, ahora=500)['cumplimiento_legal'] == 50.0
    assert indicadores([], {})['media_horas'] is None


def test_pendientes_observados():
    tramos = [('A', 0, 50), ('A', 10, None), ('B', 20, 30)]
    assert pendientes_observados(tramos, [0, 25, 60], ['A', 'B']) == {
        'A': (1, 2, 1), 'B': (0, 1, 0)}


@pytest.mark.parametrize('valores, p, esperado', [([5], 90, 5), ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
                                                                  90, 9), ([3, 1, 2], 50, 2)])
def test_percentil(valores, p, esperado):
    assert percentil(valores, p) == esperado


def _muchos(n=1200):
    """Arrivals bunched so a queue builds up (ties on the same minute included)."""
    return [CasoSim(i, (i // 3) * 7.0, (('A', 30), ('B', 45)) if i % 2 else (('A', 20),),
                    vence_legal=(i // 3) * 7.0 + 600) for i in range(n)]


def test_en_tramos_da_lo_mismo():
    """Running in slices with a progress callback does not change a single figure."""
    avances = []
    directo = simular(_muchos(), {'A': 3, 'B': 2}, semilla=7)
    tramos = simular(_muchos(), {'A': 3, 'B': 2}, semilla=7, avance=avances.append, tramo=50)
    assert tramos == directo
    assert len(avances) == 1200 // 50 - 1 and avances == sorted(avances) and avances[-1] < 1


def test_avance_que_lanza_detiene():
    class Alto(Exception):
        pass

    vistos = []

    def avance(fraccion):
        vistos.append(fraccion)
        if len(vistos) == 3:
            raise Alto()

    with pytest.raises(Alto):
        simular(_muchos(), {'A': 3, 'B': 2}, avance=avance, tramo=100)
    assert len(vistos) == 3
