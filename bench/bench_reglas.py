"""Throughput of the deadline engine on one core: `python -m bench.bench_reglas [--n N]`.

Receipt instants are spread at random (fixed seed) over 2026, so every holiday, weekend and
year end of the Colombian calendar is crossed; each figure is the best of three runs after a
warm-up that builds the calendar's table. Target: >= 100,000 dias_habiles computations/s.
"""
from __future__ import annotations

import argparse
import platform
import random
import time
from datetime import datetime, timedelta, timezone

from reglas import Calendario, vencimiento, vencimiento_con_pausas

OBJETIVO = 100_000


def _instantes(n: int) -> list[datetime]:
    azar = random.Random(2026)
    base = datetime(2026, 1, 1, tzinfo=timezone.utc)
    return [base + timedelta(seconds=azar.randrange(365 * 86_400)) for _ in range(n)]


def _pausas(inicio: datetime) -> list[tuple[datetime, datetime]]:
    """Two suspensions inside the term: one of a day and a half, one of five hours."""
    return [(inicio + timedelta(days=2), inicio + timedelta(days=3, hours=12)),
            (inicio + timedelta(days=8), inicio + timedelta(days=8, hours=5))]


def _por_segundo(funcion, argumentos, repeticiones: int = 3) -> float:
    for args in argumentos[:1000]:
        funcion(*args)
    mejor = float('inf')
    for _ in range(repeticiones):
        comienzo = time.perf_counter()
        for args in argumentos:
            funcion(*args)
        mejor = min(mejor, time.perf_counter() - comienzo)
    return len(argumentos) / mejor


def medir(n: int) -> list[tuple[str, float]]:
    cal = Calendario.por_defecto('CO', 'America/Bogota')
    instantes = _instantes(n)
    casos = [
        ('vencimiento dias_habiles 15', vencimiento,
         [(i, 15, 'dias_habiles', cal) for i in instantes]),
        ('vencimiento horas_habiles 8', vencimiento,
         [(i, 8, 'horas_habiles', cal) for i in instantes]),
        ('vencimiento minutos 30', vencimiento, [(i, 30, 'minutos', cal) for i in instantes]),
        ('vencimiento_con_pausas dias_habiles 15, 2 pausas', vencimiento_con_pausas,
         [(i, 15, 'dias_habiles', cal, _pausas(i)) for i in instantes]),
        ('vencimiento_con_pausas horas_habiles 8, 2 pausas', vencimiento_con_pausas,
         [(i, 8, 'horas_habiles', cal, _pausas(i)) for i in instantes]),
    ]
    return [(nombre, _por_segundo(funcion, args)) for nombre, funcion, args in casos]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--n', type=int, default=50_000, help='computations per run')
    n = parser.parse_args().n
    print(f'Python {platform.python_version()}, {n} cálculos por corrida, mejor de 3')
    print(f"{'caso':<52}{'cálculos/s':>14}")
    resultados = medir(n)
    for nombre, velocidad in resultados:
        print(f'{nombre:<52}{velocidad:>14,.0f}')
    cumple = resultados[0][1] >= OBJETIVO
    print(f"objetivo dias_habiles >= {OBJETIVO:,}/s: {'cumple' if cumple else 'NO cumple'}")


if __name__ == '__main__':
    main()
