"""Business calendar as a frozen value with two parts that must not be confused.

- Legal business days (es_dia_habil): the weekdays the law counts (dias_legales, Monday to
  Friday unless the administrator chooses otherwise), minus national holidays and company
  non-working days, plus company extra working days. Every dias_habiles term uses only these.
- Service hours (es_habil, siguiente_apertura): one or more ranges per weekday (a lunch break
  is two ranges; Saturday morning is allowed) on days that are not holidays. horas_habiles
  and "receipt outside hours" use them. Opening on Saturday never shortens a legal term.

The public queries are for callers; the methods below "engine" are the primitives plazos and
suspension build on. They answer from a lazily built table (reglas.tabla_habil).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from reglas.errores import ReglaInvalida
from reglas.tabla_habil import ANIO_MAX, Tabla, feriados
from reglas.validacion import (exigir_instante, exigir_pais, exigir_zona, normalizar_dias_legales,
                               normalizar_fechas, normalizar_horario)

UTC = timezone.utc
_FIN_DIA = time(23, 59, 59)
_MICRO = timedelta(microseconds=1)
_ANIOS_UNION = 60  # widest table built by merging ranges (about 22k days)
LUNES_A_VIERNES = frozenset(range(5))


def _micro_del_dia(t) -> int:
    return ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond


class _Cache:
    """Mutable memo hung on the frozen calendar; never part of its identity."""

    __slots__ = ('tabla', 'fines')

    def __init__(self):
        self.tabla: Tabla | None = None
        self.fines: dict[int, datetime] = {}


@dataclass(frozen=True)
class Calendario:
    pais: str
    zona: str
    horario: tuple  # 7 entries, Monday first: a tuple of (opens, closes) ranges, or None
    no_laborables: frozenset = frozenset()
    laborables: frozenset = frozenset()
    recepcion_en_horario: bool = False
    dias_legales: frozenset = LUNES_A_VIERNES  # weekdays the law counts (0 = Monday)
    _tz: ZoneInfo = field(init=False, repr=False, compare=False)
    _franjas: tuple = field(init=False, repr=False, compare=False)
    _cache: _Cache = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        put = object.__setattr__
        put(self, 'pais', exigir_pais(self.pais))
        put(self, '_tz', exigir_zona(self.zona))
        put(self, 'horario', normalizar_horario(self.horario))
        put(self, 'dias_legales', normalizar_dias_legales(self.dias_legales))
        put(self, 'no_laborables', normalizar_fechas(self.no_laborables, 'no_laborables'))
        put(self, 'laborables', normalizar_fechas(self.laborables, 'laborables'))
        if not isinstance(self.recepcion_en_horario, bool):
            raise ReglaInvalida(
                f'recepcion_en_horario debe ser True o False; se recibió '
                f'{self.recepcion_en_horario!r}')
        choque = self.no_laborables & self.laborables
        if choque:
            raise ReglaInvalida(
                f'La fecha {min(choque).isoformat()} no puede ser laborable y no laborable a '
                f'la vez')
        franjas = tuple(tuple((_micro_del_dia(a), _micro_del_dia(c)) for a, c in dia or ())
                        for dia in self.horario)
        put(self, '_franjas', franjas)
        put(self, '_cache', _Cache())

    @classmethod
    def crear(cls, pais: str, zona: str, horario: dict, no_laborables=(), laborables=(),
              recepcion_en_horario: bool = False, dias_legales=LUNES_A_VIERNES) -> Calendario:
        return cls(pais, zona, horario, no_laborables, laborables, recepcion_en_horario,
                   dias_legales)

    @staticmethod
    def por_defecto(pais: str = 'CO', zona: str = 'America/Bogota') -> Calendario:
        """Monday to Friday 08:00-17:00; shared per (pais, zona) so its table is built once."""
        return _por_defecto(pais, zona)

    # -- public queries -------------------------------------------------------------------

    def es_dia_habil(self, d: date) -> bool:
        """A legal business day: what a term in dias_habiles counts."""
        if isinstance(d, datetime):
            d = self.local(exigir_instante(d, 'd'))
        elif not isinstance(d, date):
            raise ReglaInvalida(f'Se esperaba una fecha (date); se recibió {d!r}')
        return self._dia_legal(d.toordinal())

    def es_habil(self, instante: datetime) -> bool:
        """Inside service hours; each range's opening included, its closing excluded."""
        loc = self.local(exigir_instante(instante, 'instante'))
        micro = _micro_del_dia(loc)
        return any(a <= micro < c for a, c in self._franjas_de(loc.toordinal()))

    def siguiente_apertura(self, instante: datetime) -> datetime:
        """First instant >= instante inside service hours (instante itself if open)."""
        loc = self.local(exigir_instante(instante, 'instante'))
        dia = loc.toordinal()
        t = self._tabla(dia, dia)
        encontrado = t.siguiente(dia, _micro_del_dia(loc))
        while encontrado is None:
            t = self._extender(t)
            encontrado = t.siguiente(dia, _micro_del_dia(loc))
        if encontrado == (dia, _micro_del_dia(loc)):
            return instante.astimezone(UTC)
        return self._en_utc(*encontrado)

    # -- engine primitives (used by plazos and suspension) --------------------------------

    def local(self, instante: datetime) -> datetime:
        return instante.astimezone(self._tz)

    def en_utc(self, ingenuo: datetime) -> datetime:
        """A local wall time (naive) as an aware UTC instant; a time skipped by DST moves on."""
        return ingenuo.replace(tzinfo=self._tz).astimezone(UTC)

    def dia_local(self, instante: datetime) -> int:
        """Ordinal of the local date of an aware instant."""
        return instante.astimezone(self._tz).toordinal()

    def dia_de_recepcion(self, instante: datetime) -> int:
        """Local day a receipt counts from, after the recepcion_en_horario option.

        With the option, a receipt outside service hours or on a day the law does not count
        is received at the next opening of a legal business day: a Saturday counter moves
        nothing earlier (received Saturday, it counts from Monday as if the office were shut).
        """
        dia = self.dia_local(instante)
        if not self.recepcion_en_horario or (self._dia_legal(dia) and self.es_habil(instante)):
            return dia
        dia = self.dia_local(self.siguiente_apertura(instante))
        return dia if self._dia_legal(dia) else self.dia_habil_n(dia, 1)

    def dia_habil_n(self, dia: int, n: int) -> int:
        """Ordinal of the n-th legal business day after day `dia` (n >= 1)."""
        t = self._cache.tabla
        if t is None or not t.primero <= dia <= t.ultimo:
            t = self._tabla(dia, dia)
        i = bisect_right(t.dias, dia) + n - 1
        while i >= len(t.dias):
            t = self._extender(t)
        return t.dias[i]

    def contar_dias_habiles(self, desde: int, hasta: int) -> int:
        """Legal business days in (desde, hasta]; negative when hasta < desde."""
        t = self._tabla(min(desde, hasta), max(desde, hasta))
        return bisect_right(t.dias, hasta) - bisect_right(t.dias, desde)

    def fin_del_dia(self, dia: int) -> datetime:
        """23:59:59 local of a day, in UTC (memoised: it is the result of most terms)."""
        fin = self._cache.fines.get(dia)
        if fin is None:
            fin = datetime.combine(date.fromordinal(dia), _FIN_DIA, self._tz).astimezone(UTC)
            if len(self._cache.fines) > 50_000:
                self._cache.fines.clear()
            self._cache.fines[dia] = fin
        return fin

    def micro_habiles(self, desde: datetime, hasta: datetime) -> int:
        """Service microseconds between two instants (negative when hasta < desde)."""
        a, b = self.local(desde), self.local(hasta)
        da, db = a.toordinal(), b.toordinal()
        t = self._tabla(min(da, db), max(da, db))
        return t.posicion(db, _micro_del_dia(b)) - t.posicion(da, _micro_del_dia(a))

    def sumar_habil(self, instante: datetime, micro: int) -> datetime:
        """Instant after `micro` (> 0) service microseconds counted from instante."""
        loc = self.local(instante)
        dia = loc.toordinal()
        t = self._tabla(dia, dia)
        pos = t.posicion(dia, _micro_del_dia(loc)) + micro
        while pos > t.total:
            t = self._extender(t)
        dia, micro_del_dia = t.ubicar(pos)
        return self._en_utc(dia, micro_del_dia)

    # -- internals ------------------------------------------------------------------------

    def _cerrado(self, dia: int, d: date) -> bool:
        return d in self.no_laborables or dia in feriados(self.pais, d.year)

    def _dia_legal(self, dia: int) -> bool:
        d = date.fromordinal(dia)
        if d in self.laborables:
            return True
        # ordinal 1 (0001-01-01) was a Monday
        return (dia - 1) % 7 in self.dias_legales and not self._cerrado(dia, d)

    def _franjas_de(self, dia: int) -> tuple:
        """Service ranges of a day in microseconds after midnight; () when closed."""
        d = date.fromordinal(dia)
        if d in self.laborables:
            # A working day on a weekday without hours uses the first configured hours.
            return self._franjas[(dia - 1) % 7] or next(f for f in self._franjas if f)
        if self._cerrado(dia, d):
            return ()
        return self._franjas[(dia - 1) % 7]

    def _en_utc(self, dia: int, micro_del_dia: int) -> datetime:
        return self.en_utc(datetime.fromordinal(dia) + micro_del_dia * _MICRO)

    def _tabla(self, desde: int, hasta: int) -> Tabla:
        """A table covering both days: the cached one, or a rebuild spanning it and them."""
        t = self._cache.tabla
        if t is not None and t.cubre(desde, hasta):
            return t
        if date.fromordinal(hasta).year > ANIO_MAX:
            raise ReglaInvalida(f'El plazo excede el último año admitido ({ANIO_MAX})')
        anio_desde = date.fromordinal(desde).year - 1
        anio_hasta = date.fromordinal(hasta).year + 1
        if t is not None:
            union = min(anio_desde, t.anio_desde), max(anio_hasta, t.anio_hasta)
            # Grow the table to include its neighbours; a far-off date gets a table of its
            # own instead of one spanning centuries.
            if union[1] - union[0] <= _ANIOS_UNION:
                anio_desde, anio_hasta = union
        return self._guardar(Tabla(max(anio_desde, 1), self._tope(anio_hasta), self._dia_legal,
                                 self._franjas_de))

    def _extender(self, t: Tabla) -> Tabla:
        """Same start (positions stay valid); the span doubles (up to 50 years at a time) so a
        long term rebuilds the table only a few times."""
        anio_hasta = self._tope(t.anio_hasta + min(t.anio_hasta - t.anio_desde + 1, 50))
        if anio_hasta <= t.anio_hasta:
            raise ReglaInvalida(f'El plazo excede el último año admitido ({ANIO_MAX})')
        return self._guardar(Tabla(t.anio_desde, anio_hasta, self._dia_legal, self._franjas_de))

    def _guardar(self, t: Tabla) -> Tabla:
        # Tables are immutable and a computation keeps the one it started with, so replacing
        # the cached one is safe under threads: at worst another thread rebuilds it.
        self._cache.tabla = t
        return t

    @staticmethod
    def _tope(anio: int) -> int:
        return min(anio, ANIO_MAX)


@lru_cache(maxsize=32)
def _por_defecto(pais: str, zona: str) -> Calendario:
    jornada = (time(8), time(17))
    return Calendario.crear(pais, zona, {dia: jornada for dia in range(5)})
