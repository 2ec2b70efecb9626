"""Precomputed legal business days and service-hour ranges of a calendar over a range of years.

Every business-time query becomes one or two bisects on sorted lists instead of a loop over
days: that is what makes 100k deadline computations per second possible.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date
from functools import lru_cache

import holidays

ANIO_MAX = 9998  # leaves room to express 23:59:59 local of the last day in UTC
DIA = 86_400_000_000  # microseconds in a local day


@lru_cache(maxsize=1024)
def feriados(pais: str, anio: int) -> frozenset[int]:
    """Ordinals of the public holidays of one year, loaded on first use and kept."""
    return frozenset(d.toordinal() for d in holidays.country_holidays(pais, years=anio))


class Tabla:
    """Legal business days and service ranges of [anio_desde, anio_hasta].

    dias: ordinals of the legal business days (what dias_habiles count). Service ranges are
    kept apart, as absolute local microseconds (day ordinal * DIA + microseconds after
    midnight): abre[i]/cierra[i] the i-th range, acum[i] the service microseconds before it
    (one extra entry: the total), fin[i] = acum[i + 1]. Positions are relative to the first
    range, so only comparable inside one table; extending forward keeps them.
    """

    __slots__ = ('anio_desde', 'anio_hasta', 'primero', 'ultimo', 'dias', 'abre', 'cierra',
                 'acum', 'fin')

    def __init__(self, anio_desde: int, anio_hasta: int, dia_legal, franjas_de):
        self.anio_desde, self.anio_hasta = anio_desde, anio_hasta
        self.primero = date(anio_desde, 1, 1).toordinal()
        self.ultimo = date(anio_hasta, 12, 31).toordinal()
        dias, abre, cierra, acum = [], [], [], [0]
        total = 0
        for o in range(self.primero, self.ultimo + 1):
            if dia_legal(o):
                dias.append(o)
            base = o * DIA
            for a, c in franjas_de(o):
                abre.append(base + a)
                cierra.append(base + c)
                total += c - a
                acum.append(total)
        self.dias, self.abre, self.cierra, self.acum = dias, abre, cierra, acum
        self.fin = acum[1:]

    def cubre(self, desde: int, hasta: int) -> bool:
        return self.primero <= desde and hasta <= self.ultimo

    def posicion(self, dia: int, micro_del_dia: int) -> int:
        """Service microseconds from the table start to a local day and time of day."""
        k = dia * DIA + micro_del_dia
        i = bisect_right(self.abre, k) - 1
        if i < 0:
            return 0
        return self.acum[i] + min(k - self.abre[i], self.cierra[i] - self.abre[i])

    def ubicar(self, pos: int) -> tuple[int, int]:
        """(day, microseconds after local midnight) of a service position.

        A position that falls exactly on a closing maps to that closing, not to the next
        opening: a term that ends at 17:00 ends at 17:00. Needs pos <= total.
        """
        i = bisect_left(self.fin, pos)
        return divmod(self.abre[i] + pos - self.acum[i], DIA)

    def siguiente(self, dia: int, micro_del_dia: int) -> tuple[int, int] | None:
        """First (day, micro) at or after the given one inside service hours; None past the
        table's end."""
        k = dia * DIA + micro_del_dia
        i = bisect_right(self.abre, k) - 1
        if i >= 0 and k < self.cierra[i]:
            return dia, micro_del_dia
        if i + 1 < len(self.abre):
            return divmod(self.abre[i + 1], DIA)
        return None

    @property
    def total(self) -> int:
        return self.acum[-1]
