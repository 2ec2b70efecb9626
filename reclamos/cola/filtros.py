"""The queue's filters: read from a query string, applied in SQL on indexed columns."""
import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from reclamos.caso.modelo import Reclamo
from reclamos.tiempo import a_bd
from reglas.transiciones import ESTADOS

VISTAS = ('mios', 'area', 'todos')
VENCE = ('hoy', 'vencidos')
ORIGENES = ('externo', 'interno')


@dataclass(frozen=True)
class Filtros:
    """The queue's filters; ``de`` ignores anything malformed (the API refuses it instead)."""

    vista: str = 'mios'
    estado: str = ''
    area: int | None = None
    prioridad: int | None = None
    canal: int | None = None
    motivo: int | None = None
    vence: str = ''
    q: str = ''
    # From the dashboard's drill-down links.
    servicio: int | None = None
    usuario: int | None = None
    origen: str = ''
    tipo: str = ''
    desde: datetime.date | None = None
    hasta: datetime.date | None = None

    @classmethod
    def de(cls, args):
        def entero(nombre):
            valor = args.get(nombre, '')
            return int(valor) if valor.isdigit() else None

        def fecha(nombre):
            try:
                return datetime.date.fromisoformat(args.get(nombre, ''))
            except ValueError:
                return None

        def uno_de(nombre, opciones, defecto=''):
            return args.get(nombre) if args.get(nombre) in opciones else defecto

        return cls(vista=uno_de('vista', VISTAS, 'mios'),
                   estado=uno_de('estado', ESTADOS + ('todos',)),
                   area=entero('area'), prioridad=entero('prioridad'), canal=entero('canal'),
                   motivo=entero('motivo'), vence=uno_de('vence', VENCE),
                   q=(args.get('q') or '').strip()[:60],
                   servicio=entero('servicio'), usuario=entero('usuario'),
                   origen=uno_de('origen', ORIGENES), tipo=(args.get('tipo') or '')[:20],
                   desde=fecha('desde'), hasta=fecha('hasta'))


def filtros_sql(consulta, filtros, ahora, zona):
    """The filters every branch shares (residual conditions on the walked index)."""
    for campo, valor in ((Reclamo.area, filtros.area), (Reclamo.prioridad, filtros.prioridad),
                         (Reclamo.canal, filtros.canal), (Reclamo.motivo, filtros.motivo),
                         (Reclamo.servicio, filtros.servicio),
                         (Reclamo.usuario, filtros.usuario),
                         (Reclamo.origen, filtros.origen or None),
                         (Reclamo.tipo, filtros.tipo or None)):
        if valor is not None:
            consulta = consulta.where(campo == valor)
    consulta = _rango(consulta, filtros, ZoneInfo(zona))
    if filtros.vence == 'vencidos':
        consulta = consulta.where(Reclamo.vence_en < a_bd(ahora))
    elif filtros.vence == 'hoy':
        consulta = consulta.where(Reclamo.vence_en.between(
            a_bd(ahora), a_bd(ahora + datetime.timedelta(days=1))))
    return consulta


def _rango(consulta, filtros, zona):
    """Received between two local dates (the desk's zone), both included."""
    for dia, mayor in ((filtros.desde, True), (filtros.hasta, False)):
        if dia is None:
            continue
        limite = dia if mayor else dia + datetime.timedelta(days=1)
        instante = a_bd(datetime.datetime.combine(limite, datetime.time(), zona))
        consulta = consulta.where(Reclamo.recibido_en >= instante if mayor
                                  else Reclamo.recibido_en < instante)
    return consulta
