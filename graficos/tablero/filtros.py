"""The filters every chart takes, as plain values (the form in
``graficos.tablero.formulario`` builds them from a request; tests build them directly)."""
import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

PERIODOS = {'dia': 'Día', 'semana': 'Semana', 'mes': 'Mes'}


class AgrupacionInvalida(ValueError):
    """A group-by name outside the whitelist of a chart."""


@dataclass(frozen=True)
class Filtros:
    """Cases received from ``desde`` to ``hasta`` (local dates, both included) in ``zona``.

    Catalog filters hold ids (None: all). ``areas`` is the viewer's scope: None sees every
    area, a tuple only those (a supervisor's).
    """

    desde: datetime.date
    hasta: datetime.date
    zona: str = 'America/Bogota'
    servicio: int | None = None
    motivo: int | None = None
    area: int | None = None
    canal: int | None = None
    prioridad: int | None = None
    origen: str | None = None
    areas: tuple | None = None

    def _inicio_local(self, dia):
        return datetime.datetime.combine(dia, datetime.time(), ZoneInfo(self.zona))

    @property
    def inicio(self):
        """First instant of the range, naive UTC as stored."""
        return _utc(self._inicio_local(self.desde))

    @property
    def fin(self):
        """First instant after the range (exclusive), naive UTC."""
        return _utc(self._inicio_local(self.hasta + datetime.timedelta(days=1)))

    def desfase_minutos(self):
        """The zone's UTC offset at the start of the range, in minutes.

        Buckets (day, week, month) shift instants by this fixed offset in SQL, the same way
        on SQLite and PostgreSQL; exact for zones without daylight saving (Peru, Colombia).
        """
        return int(self._inicio_local(self.desde).utcoffset().total_seconds() // 60)

    def parametros_casos(self):
        """The case list's query string that shows the same cases (drill-down)."""
        params = {'vista': 'todos', 'estado': 'todos', 'desde': self.desde.isoformat(),
                  'hasta': self.hasta.isoformat()}
        for nombre in ('servicio', 'motivo', 'area', 'canal', 'prioridad', 'origen'):
            valor = getattr(self, nombre)
            if valor not in (None, ''):
                params[nombre] = valor
        return params


def _utc(instante):
    return instante.astimezone(datetime.timezone.utc).replace(tzinfo=None)


def periodos(desde, hasta, periodo):
    """Every bucket key (a date) from ``desde`` to ``hasta``: days, Mondays or month starts."""
    if periodo == 'semana':
        actual = desde - datetime.timedelta(days=desde.weekday())
        paso = datetime.timedelta(days=7)
    elif periodo == 'mes':
        actual, paso = desde.replace(day=1), None
    else:
        actual, paso = desde, datetime.timedelta(days=1)
    claves = []
    while actual <= hasta:
        claves.append(actual)
        if paso is None:
            actual = (actual.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        else:
            actual += paso
    return claves
