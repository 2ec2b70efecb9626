"""Dates and times as people in Colombia and Peru type them, or a Spanish refusal.

A date is day first (``24/12/2026``, ``24-12-2026``, ``24.12.2026``, ``1/2/2026``) or ISO
(``2026-12-24``); a year always has four digits, so ``24/12/26`` is refused rather than guessed.
A time is 24-hour ``hh:mm`` (``8:00``, ``17:30``, ``08:00:00``) or 12-hour with ``a. m.`` /
``p. m.`` (``5:30 p. m.``, ``5 pm``). Anything else raises ``FechaInvalida`` with a message that
names the format: never another date than the one typed (a browser date picker once saved
"24/12/2026" as 2024-12-20).
"""
import re
from datetime import date, time

from reglas.errores import ReglaInvalida

FORMATO_FECHA = 'dd/mm/aaaa'
FORMATO_HORA = 'hh:mm'
_DIA_PRIMERO = re.compile(r'^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})$')
_ISO = re.compile(r'^(\d{4})-(\d{1,2})-(\d{1,2})$')
_HORA = re.compile(r'^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap])?$')


class FechaInvalida(ReglaInvalida):
    """What was typed is not a date (or time) in an accepted format."""


def _mensaje_fecha(texto):
    return (f'«{texto}» no es una fecha: escríbala como {FORMATO_FECHA} (por ejemplo '
            '24/12/2026) o aaaa-mm-dd.')


def leer_fecha(texto):
    """The date typed in ``texto``; raises FechaInvalida."""
    limpio = str(texto or '').strip()
    encontrado = _DIA_PRIMERO.match(limpio)
    if encontrado:
        dia, _, mes, anio = encontrado.groups()
    elif encontrado := _ISO.match(limpio):
        anio, mes, dia = encontrado.groups()
    else:
        raise FechaInvalida(_mensaje_fecha(limpio[:40]))
    if not 1900 <= int(anio) <= 2200:
        raise FechaInvalida(f'El año de «{limpio}» está fuera de rango (1900 a 2200).')
    try:
        return date(int(anio), int(mes), int(dia))
    except ValueError:
        raise FechaInvalida(f'La fecha «{limpio}» no existe (día {int(dia)}, mes {int(mes)}, '
                            f'año {int(anio)}).') from None


def mostrar_fecha(valor):
    """A date as people here read it: 24/12/2026."""
    return valor.strftime('%d/%m/%Y') if valor else ''


def leer_hora(texto):
    """The time of day typed in ``texto``; raises FechaInvalida."""
    limpio = str(texto or '').strip()
    normal = re.sub(r'\s+', ' ', limpio.lower().replace('.', '')).replace(' m', 'm')
    normal = re.sub(r'\s*([ap])m$', r' \1', normal).strip()
    encontrado = _HORA.match(normal)
    mensaje = (f'«{limpio[:40]}» no es una hora: escríbala como {FORMATO_HORA} de 24 horas '
               '(por ejemplo 08:30 o 17:00).')
    if not encontrado:
        raise FechaInvalida(mensaje)
    hora, minuto, segundo, meridiano = encontrado.groups()
    hora, minuto, segundo = int(hora), int(minuto or 0), int(segundo or 0)
    if meridiano:
        if not 1 <= hora <= 12:
            raise FechaInvalida(mensaje)
        hora = hora % 12 + (12 if meridiano == 'p' else 0)
    try:
        return time(hora, minuto, segundo)
    except ValueError:
        raise FechaInvalida(mensaje) from None


def mostrar_hora(valor):
    return valor.strftime('%H:%M') if valor else ''
