"""Discrete-event simulation of cases flowing through a process (simpy); pure values in and out.

Each case arrives at its minute, then goes through its steps in order; a step waits for one
person of its area (areas are simpy Resources whose capacity is the staff count), holds them
for the step's duration, and releases them. Durations are the step's mean, fixed or drawn
from an exponential distribution with a generator seeded per case, so the same seed gives
the same result whatever the order of events. Time is in minutes from the start of the
period, around the clock (business hours are not modelled: a comparison between alternatives,
not a forecast).
"""
from __future__ import annotations

import math
import random
from collections import defaultdict
from dataclasses import dataclass

import simpy

EPSILON = 1e-6  # minutes


@dataclass(frozen=True)
class CasoSim:
    ident: int
    llegada: float  # minutes since the start of the period
    pasos: tuple  # ((area, mean minutes), ...)
    vence_legal: float | None = None  # minutes since the start; None = no term
    vence_sla: float | None = None


@dataclass(frozen=True)
class Resultado:
    fin: dict  # ident -> minute it finished (missing: not finished within the horizon)
    muestras: tuple  # sample minutes
    pendientes: dict  # area -> (cases waiting or being handled at each sample, ...)


def duraciones(caso, semilla, variable):
    """The step durations of one case: the means, or exponential draws seeded by the case."""
    if not variable:
        return [media for _, media in caso.pasos]
    azar = random.Random(f'{semilla}:{caso.ident}')
    return [azar.expovariate(1 / media) if media > 0 else 0.0 for _, media in caso.pasos]


def simular(casos, personal, semilla=1, variable=True, horizonte=None, muestras=60,
            hasta_muestras=None, avance=None, tramo=250):
    """Run the cases through the areas' staff; returns a Resultado.

    ``personal``: {area: staff >= 1}; every area a step names must be there (the caller
    refuses a draft with an area without staff). ``horizonte``: minute to stop at (default:
    last arrival + 90 days). The backlog is sampled ``muestras`` times from minute 0 to
    ``hasta_muestras`` (default: the last arrival). ``avance(fraction)``, if given, is called
    every ``tramo`` arrivals (the run goes on in slices with ``run(until=...)``, which does not
    change the order of events, hence neither the result); it may raise to stop the run.
    """
    casos = sorted(casos, key=lambda c: (c.llegada, c.ident))
    entorno = simpy.Environment()
    recursos = {area: simpy.Resource(entorno, capacity=n) for area, n in personal.items()}
    en_area = {area: 0 for area in personal}
    fin = {}
    ultimo = max((c.llegada for c in casos), default=0.0)
    horizonte = horizonte if horizonte is not None else ultimo + 90 * 24 * 60
    paso = max(hasta_muestras or ultimo, 1.0) / max(muestras - 1, 1)
    instantes = [round(i * paso, 6) for i in range(muestras)]
    serie = {area: [] for area in personal}

    def recorrer(caso, tiempos):
        yield entorno.timeout(caso.llegada)
        for (area, _), duracion in zip(caso.pasos, tiempos, strict=True):
            en_area[area] += 1
            with recursos[area].request() as turno:
                yield turno
                yield entorno.timeout(duracion)
            en_area[area] -= 1
        fin[caso.ident] = entorno.now

    def muestrear():
        anterior = 0.0
        for instante in instantes:
            # A hair after the instant: what arrived or left at that very minute counts.
            yield entorno.timeout(instante + EPSILON - anterior)
            anterior = instante + EPSILON
            for area in personal:
                serie[area].append(en_area[area])

    for caso in casos:
        entorno.process(recorrer(caso, duraciones(caso, semilla, variable)))
    entorno.process(muestrear())
    if avance is not None:
        for i in range(tramo, len(casos), tramo):
            if casos[i].llegada > entorno.now:
                entorno.run(until=casos[i].llegada)
            avance(i / len(casos))
    entorno.run(until=max(horizonte, instantes[-1] + 2 * EPSILON))
    return Resultado(fin, tuple(instantes), {a: tuple(v) for a, v in serie.items()})


def percentil(valores, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordenados = sorted(valores)
    rango = max(1, math.ceil(p / 100 * len(ordenados)))
    return ordenados[rango - 1]


def indicadores(casos, fin, ahora=None):
    """Compliance and times of ``casos`` given ``fin`` {ident: finishing minute}.

    A term is met when the case finished by its due minute; a case not finished has not met
    it, unless its term is still running at minute ``ahora`` (what really happened, seen
    today): such a case is left out of that percentage. Percentages over the cases that have
    the term; times in hours over finished cases.
    """
    legales = [c for c in casos if c.vence_legal is not None]
    slas = [c for c in casos if c.vence_sla is not None]
    tiempos = [(fin[c.ident] - c.llegada) / 60 for c in casos if fin.get(c.ident) is not None]

    def cumple(lista, atributo):
        lista = [c for c in lista if ahora is None or fin.get(c.ident) is not None
                 or getattr(c, atributo) <= ahora]
        if not lista:
            return None
        a_tiempo = sum(1 for c in lista if fin.get(c.ident) is not None
                       and fin[c.ident] <= getattr(c, atributo))
        return round(100 * a_tiempo / len(lista), 1)

    return {
        'casos': len(casos), 'terminados': len(tiempos),
        'cumplimiento_legal': cumple(legales, 'vence_legal'),
        'cumplimiento_sla': cumple(slas, 'vence_sla'),
        'media_horas': round(sum(tiempos) / len(tiempos), 2) if tiempos else None,
        'p90_horas': round(percentil(tiempos, 90), 2) if tiempos else None,
    }


def pendientes_observados(tramos, instantes, areas):
    """Backlog per area at each sample from what happened: ``tramos`` [(area, from, to|None)]."""
    serie = {area: [] for area in areas}
    por_area = defaultdict(list)  # one pass per area, not over every case (200,000 cases)
    for area, desde, hasta in tramos:
        por_area[area].append((desde, hasta))
    for instante in instantes:
        for area in areas:
            serie[area].append(sum(1 for desde, hasta in por_area[area] if desde <= instante
                                   and (hasta is None or hasta > instante)))
    return {a: tuple(v) for a, v in serie.items()}
