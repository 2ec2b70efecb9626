"""Which part of a calendar a term uses, in words a person at the counter can repeat."""
from __future__ import annotations

from datetime import date, datetime

from reglas.calendario import Calendario
from reglas.validacion import DIAS_SEMANA, exigir_instante, exigir_unidad


def _dias(dias) -> str:
    dias = sorted(dias)
    if dias == list(range(dias[0], dias[-1] + 1)) and len(dias) > 2:
        return f'{DIAS_SEMANA[dias[0]]} a {DIAS_SEMANA[dias[-1]]}'
    return ', '.join(DIAS_SEMANA[d] for d in dias)


def _fecha(dia: int) -> str:
    d = date.fromordinal(dia)
    return f'{DIAS_SEMANA[d.weekday()]} {d:%d/%m/%Y}'


def horario_en_palabras(calendario: Calendario) -> str:
    """'lunes a viernes 08:00-12:00 y 14:00-17:00; sábado 08:00-12:00'."""
    grupos: dict[tuple, list[int]] = {}
    for dia, franjas in enumerate(calendario.horario):
        if franjas:
            grupos.setdefault(franjas, []).append(dia)
    return '; '.join(
        f"{_dias(dias)} {' y '.join(f'{a:%H:%M}-{c:%H:%M}' for a, c in franjas)}"
        for franjas, dias in grupos.items())


def explicar(inicio: datetime, unidad: str, calendario: Calendario) -> str:
    """One or two sentences: the clock the unit runs on and, for business days, the day the
    count starts from."""
    exigir_instante(inicio)
    exigir_unidad(unidad)
    if unidad in ('minutos', 'horas', 'dias'):
        return 'Tiempo corrido: no usa el calendario (ni días hábiles ni horario de atención).'
    if unidad == 'horas_habiles':
        return (f'Horario de atención del calendario ({horario_en_palabras(calendario)}), '
                'sin festivos ni días no laborables.')
    texto = (f'Días hábiles legales: {_dias(calendario.dias_legales)}, sin festivos '
             'nacionales ni días no laborables de la empresa; el horario de atención no '
             'cuenta.')
    recibido, cuenta = calendario.dia_local(inicio), calendario.dia_de_recepcion(inicio)
    if cuenta != recibido:
        texto += (f' Recibido fuera del horario de atención o en día no hábil: se tiene por '
                  f'recibido el {_fecha(cuenta)}.')
    return texto + f' El día 1 es el {_fecha(calendario.dia_habil_n(cuenta, 1))}.'
