"""Precomputed business days of a calendar over a range of years.

Every business-time query becomes one or two bisects on sorted lists instead of a loop over
days: that is what makes 100k deadline computations per second possible.
"""
from __future__ import annotations

from bisect import bisect_left
from datetime import date
from functools import lru_cache

import holidays

ANIO_MAX = 9998  # leaves room to express 23:59:59 local of the last day in UTC


@lru_cache(maxsize=1024)
def feriados(pais: str, anio: int) -> frozenset[int]:
    """Ordinals of the public holidays of one year, loaded on first use and kept."""
    return frozenset(d.toordinal() for d in holidays.country_holidays(pais, years=anio))


class Tabla:
    """Business days of [anio_desde, anio_hasta] with their opening hours.

    dias[i] is the ordinal of the i-th business day; abre[i]/cierra[i] its opening and closing
    as microseconds after local midnight; acum[i] the business microseconds of the days before
    it (acum has one extra entry: the total), fin[i] = acum[i + 1]. Positions in business
    microseconds are relative to the first day, so they are only comparable inside one table;
    extending forward keeps them, extending backward does not.
    """

    __slots__ = ('anio_desde', 'anio_hasta', 'primero', 'ultimo', 'dias', 'abre', 'cierra',
                 'acum', 'fin')

    def __init__(self, anio_desde: int, anio_hasta: int, franja_de):
        self.anio_desde, self.anio_hasta = anio_desde, anio_hasta
        self.primero = date(anio_desde, 1, 1).toordinal()
        self.ultimo = date(anio_hasta, 12, 31).toordinal()
        dias, abre, cierra, acum = [], [], [], [0]
        total = 0
        for o in range(self.primero, self.ultimo + 1):
            franja = franja_de(o)
            if franja is not None:
                dias.append(o)
                abre.append(franja[0])
                cierra.append(franja[1])
                total += franja[1] - franja[0]
                acum.append(total)
        self.dias, self.abre, self.cierra, self.acum = dias, abre, cierra, acum
        self.fin = acum[1:]

    def cubre(self, desde: int, hasta: int) -> bool:
        return self.primero <= desde and hasta <= self.ultimo

    def posicion(self, dia: int, micro_del_dia: int) -> int:
        """Business microseconds from the table start to a local day and time of day."""
        i = bisect_left(self.dias, dia)
        pos = self.acum[i]
        if i < len(self.dias) and self.dias[i] == dia:
            pos += min(max(micro_del_dia - self.abre[i], 0), self.cierra[i] - self.abre[i])
        return pos

    def ubicar(self, pos: int) -> tuple[int, int]:
        """(day, microseconds after local midnight) of a business position.

        A position that falls exactly on a closing maps to that closing, not to the next
        opening: a term that ends at 17:00 ends at 17:00. Needs pos <= total.
        """
        i = bisect_left(self.fin, pos)
        return self.dias[i], self.abre[i] + pos - self.acum[i]

    @property
    def total(self) -> int:
        return self.acum[-1]
