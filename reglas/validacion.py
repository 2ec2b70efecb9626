"""Input checks shared by the rules: each failure is a ReglaInvalida that names the bad value."""
from __future__ import annotations

from datetime import date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

from reglas.errores import ReglaInvalida

UNIDADES = ('minutos', 'horas', 'dias', 'dias_habiles', 'horas_habiles')
CANTIDAD_MAX = 100_000  # beyond any real term; keeps dates inside what datetime can hold
DIAS_SEMANA = ('lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo')


def exigir_unidad(unidad, nombre: str = 'unidad') -> str:
    if unidad not in UNIDADES:
        donde = '' if nombre == 'unidad' else f' en {nombre}'
        raise ReglaInvalida(
            f"Unidad desconocida{donde}: {unidad!r}. Use una de: {', '.join(UNIDADES)}")
    return unidad


def exigir_instante(valor, nombre: str = 'inicio') -> datetime:
    """Naive datetimes are refused: guessing their zone is how deadlines drift by hours."""
    if not isinstance(valor, datetime):
        raise ReglaInvalida(
            f'{nombre} debe ser un datetime con zona horaria; se recibió {valor!r} '
            f'({type(valor).__name__})')
    if valor.tzinfo is None or valor.utcoffset() is None:
        raise ReglaInvalida(
            f'Fecha sin zona horaria en {nombre}: {valor.isoformat()}. Use un datetime con '
            f"tzinfo, p. ej. ZoneInfo('America/Bogota') o timezone.utc")
    return valor


def exigir_entero(valor, nombre: str = 'cantidad', minimo: int = 0,
                  maximo: int = CANTIDAD_MAX) -> int:
    # bool is an int subclass; True days is a bug, not a term.
    if isinstance(valor, bool) or not isinstance(valor, int):
        raise ReglaInvalida(
            f'{nombre.capitalize()} inválida: {valor!r} ({type(valor).__name__}). '
            f'Debe ser un número entero mayor o igual que {minimo}')
    if valor < minimo:
        raise ReglaInvalida(
            f'{nombre.capitalize()} inválida: {valor}. Debe ser un número entero mayor o igual '
            f'que {minimo}')
    if valor > maximo:
        raise ReglaInvalida(
            f'{nombre.capitalize()} inválida: {valor}. Debe ser como máximo {maximo}')
    return valor


@lru_cache(maxsize=1)
def _paises() -> frozenset[str]:
    return frozenset(holidays.list_supported_countries())


def exigir_pais(pais) -> str:
    codigo = pais.strip().upper() if isinstance(pais, str) else pais
    if not isinstance(codigo, str) or codigo not in _paises():
        raise ReglaInvalida(
            f"País desconocido: {pais!r}. Use un código ISO admitido por holidays, "
            f"p. ej. 'CO' o 'PE'")
    return codigo


def exigir_zona(zona) -> ZoneInfo:
    try:
        if not isinstance(zona, str) or not zona:
            raise ValueError(zona)
        return ZoneInfo(zona)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ReglaInvalida(
            f"Zona horaria desconocida: {zona!r}. Use un nombre IANA, p. ej. "
            f"'America/Bogota' o 'America/Lima'") from None


def _hora(valor, dia: str) -> time:
    if isinstance(valor, str):
        try:
            valor = time.fromisoformat(valor)
        except ValueError:
            raise ReglaInvalida(f'Hora inválida en el horario del {dia}: {valor!r}') from None
    if not isinstance(valor, time) or valor.tzinfo is not None:
        raise ReglaInvalida(
            f'Hora inválida en el horario del {dia}: {valor!r}. Use datetime.time sin zona '
            f"o 'HH:MM'")
    return valor


def _es_franja(valor) -> bool:
    """(abre, cierra) as opposed to a list of such pairs."""
    return (isinstance(valor, (tuple, list)) and len(valor) == 2
            and not isinstance(valor[0], (tuple, list)))


def _franjas_del_dia(franjas, nombre: str) -> tuple | None:
    """One day's service ranges, sorted; overlapping ranges are refused by name."""
    if _es_franja(franjas):
        franjas = [franjas]
    if not isinstance(franjas, (tuple, list)):
        raise ReglaInvalida(
            f'Horario inválido para el {nombre}: {franjas!r}. Use (abre, cierra), una lista de '
            f'franjas o None')
    rangos = []
    for franja in franjas:
        if not _es_franja(franja):
            raise ReglaInvalida(
                f'Horario inválido para el {nombre}: {franja!r}. Use (abre, cierra)')
        abre, cierra = _hora(franja[0], nombre), _hora(franja[1], nombre)
        if cierra <= abre:
            raise ReglaInvalida(
                f'Horario inválido para el {nombre}: cierra a las {cierra:%H:%M}, no después '
                f'de abrir a las {abre:%H:%M}')
        rangos.append((abre, cierra))
    rangos.sort()
    for (a1, c1), (a2, c2) in zip(rangos, rangos[1:], strict=False):
        if a2 < c1:
            raise ReglaInvalida(
                f'Las franjas del {nombre} se solapan: {a1:%H:%M}-{c1:%H:%M} y '
                f'{a2:%H:%M}-{c2:%H:%M}')
    return tuple(rangos) or None


def normalizar_horario(horario) -> tuple:
    """Weekday -> ranges into a Monday-first 7-tuple of sorted range tuples (None: closed).

    A day takes None, one (opens, closes) pair or a list of pairs (a lunch break is two);
    the input is a dict (0=Monday) or a 7-sequence.
    """
    if isinstance(horario, (tuple, list)) and len(horario) == 7:
        horario = dict(enumerate(horario))
    if not isinstance(horario, dict):
        raise ReglaInvalida(
            f'Horario inválido: {horario!r}. Use un dict día (0=lunes..6=domingo) -> '
            f'(abre, cierra), una lista de franjas o None')
    semana: list = [None] * 7
    for dia, franjas in horario.items():
        if isinstance(dia, bool) or not isinstance(dia, int) or not 0 <= dia <= 6:
            raise ReglaInvalida(
                f'Día de la semana inválido en el horario: {dia!r}. Use 0 (lunes) a 6 (domingo)')
        if franjas is not None:
            semana[dia] = _franjas_del_dia(franjas, DIAS_SEMANA[dia])
    if not any(semana):
        raise ReglaInvalida(
            f'El horario no tiene ningún día con atención: {horario!r}. Indique al menos un '
            f'día (0=lunes..6=domingo)')
    return tuple(semana)


def normalizar_dias_legales(dias) -> frozenset[int]:
    """The weekdays the law counts as business days (0=Monday), at least one."""
    try:
        valores = frozenset(dias)
    except TypeError:
        valores = None
    if (not valores or any(isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 6
                           for d in valores)):
        raise ReglaInvalida(
            f'Días hábiles legales inválidos: {dias!r}. Indique al menos un día de la semana '
            f'(0=lunes..6=domingo)')
    return valores


def normalizar_fechas(valores, nombre: str) -> frozenset[date]:
    """Company dates as date objects or ISO strings ('2026-12-24')."""
    if isinstance(valores, (str, date)):
        valores = (valores,)
    fechas = set()
    for valor in valores:
        if isinstance(valor, str):
            try:
                valor = date.fromisoformat(valor)
            except ValueError:
                raise ReglaInvalida(f'Fecha inválida en {nombre}: {valor!r}') from None
        if isinstance(valor, datetime) or not isinstance(valor, date):
            raise ReglaInvalida(
                f"Fecha inválida en {nombre}: {valor!r}. Use datetime.date o 'AAAA-MM-DD'")
        fechas.add(valor)
    return frozenset(fechas)
