"""Agent queues: "Mi bandeja" and the area queue, next due first.

The list is one query with its related names joined in (no N+1), filtered on indexed columns
and paged by key (vence_en, id) instead of OFFSET, and it never counts the whole table: the
page says whether there is a next one by reading one row more.
"""
import datetime
import heapq
from dataclasses import dataclass

from flask import request
from flask_admin import expose
from peewee import JOIN

from catalogos.organizacion import Area
from catalogos.plazos import Prioridad
from catalogos.servicios import Motivo
from catalogos.usuarios import Usuario
from reclamos.caso import busqueda
from reclamos.caso.modelo import Reclamo
from reclamos.clientes.modelo import Cliente
from reclamos.tiempo import a_bd, ahora_utc, aware
from reglas.transiciones import ABIERTOS, ESTADOS, ETIQUETAS
from reglas.visibilidad import VEN_TODO
from vistas.base import roles_actuales

POR_PAGINA = 50
UMBRAL_LISTA = 0.8


@dataclass(frozen=True)
class Filtros:
    """The queue's filters, read from the query string; anything malformed is ignored."""

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

        return cls(vista=args.get('vista') if args.get('vista') in ('mios', 'area', 'todos')
                   else 'mios',
                   estado=args.get('estado') if args.get('estado') in ESTADOS + ('todos',)
                   else '',
                   area=entero('area'), prioridad=entero('prioridad'), canal=entero('canal'),
                   motivo=entero('motivo'),
                   vence=args.get('vence') if args.get('vence') in ('hoy', 'vencidos') else '',
                   q=(args.get('q') or '').strip()[:60],
                   servicio=entero('servicio'), usuario=entero('usuario'),
                   origen=args.get('origen') if args.get('origen') in ('externo', 'interno')
                   else '',
                   tipo=(args.get('tipo') or '')[:20], desde=fecha('desde'),
                   hasta=fecha('hasta'))


def _base():
    return (Reclamo.select(Reclamo, Prioridad, Motivo, Cliente, Area, Usuario)
            .join_from(Reclamo, Prioridad, JOIN.LEFT_OUTER)
            .join_from(Reclamo, Motivo)
            .join_from(Reclamo, Cliente, JOIN.LEFT_OUTER)
            .join_from(Reclamo, Area, on=(Reclamo.area == Area.id))
            .join_from(Reclamo, Usuario, JOIN.LEFT_OUTER, on=(Reclamo.usuario == Usuario.id)))


def _filtros_sql(consulta, filtros, ahora):
    """The filters every branch shares (residual conditions on the walked index)."""
    for campo, valor in ((Reclamo.area, filtros.area), (Reclamo.prioridad, filtros.prioridad),
                         (Reclamo.canal, filtros.canal), (Reclamo.motivo, filtros.motivo),
                         (Reclamo.servicio, filtros.servicio),
                         (Reclamo.usuario, filtros.usuario),
                         (Reclamo.origen, filtros.origen or None),
                         (Reclamo.tipo, filtros.tipo or None)):
        if valor is not None:
            consulta = consulta.where(campo == valor)
    consulta = _rango(consulta, filtros)
    if filtros.vence == 'vencidos':
        consulta = consulta.where(Reclamo.vence_en < a_bd(ahora))
    elif filtros.vence == 'hoy':
        consulta = consulta.where(Reclamo.vence_en.between(
            a_bd(ahora), a_bd(ahora + datetime.timedelta(days=1))))
    return consulta


def _rango(consulta, filtros):
    """Received between two local dates (the desk's zone), both included."""
    from zoneinfo import ZoneInfo

    from flask import current_app

    zona = ZoneInfo(current_app.config['BABEL_DEFAULT_TIMEZONE'])
    for dia, mayor in ((filtros.desde, True), (filtros.hasta, False)):
        if dia is None:
            continue
        limite = dia if mayor else dia + datetime.timedelta(days=1)
        instante = a_bd(datetime.datetime.combine(limite, datetime.time(), zona))
        consulta = consulta.where(Reclamo.recibido_en >= instante if mayor
                                  else Reclamo.recibido_en < instante)
    return consulta


def ramas(usuario, roles, filtros):
    """Conditions whose union is what this view shows, each served by an index that starts
    with it (area, usuario or registrado_por, then estado, vence_en). None: no condition."""
    if filtros.vista == 'mios':
        return [Reclamo.usuario == usuario.id]
    if filtros.vista == 'area' and usuario.area_id is not None:
        return [Reclamo.area == usuario.area_id]
    if roles & VEN_TODO or ('supervisor' in roles and usuario.area_id is None):
        return [None]
    if not roles & {'supervisor', 'agente'}:
        return []
    propias = [Reclamo.usuario == usuario.id, Reclamo.registrado_por == usuario.id]
    return propias + ([Reclamo.area == usuario.area_id] if usuario.area_id else [])


def alcance(consulta, usuario, roles):
    """Restrict to the cases ``usuario`` may see: reglas.visibilidad.puede_ver, in SQL."""
    todas = ramas(usuario, roles, Filtros(vista='todos'))
    if any(r is None for r in todas):  # not "None in": peewee overloads ==
        return consulta
    if not todas:
        return consulta.where(False)
    condicion = todas[0]
    for otra in todas[1:]:
        condicion |= otra
    return consulta.where(condicion)


CANDIDATOS_BUSQUEDA = 2000  # cases a search may match (reclamos.caso.busqueda)


def _cursor(texto):
    """'<vence iso or empty>|<id>' -> (vence or None, id), or None when absent or malformed."""
    vence, _, ident = (texto or '').partition('|')
    if not ident.isdigit():
        return None
    if not vence:
        return None, int(ident)
    try:
        return datetime.datetime.fromisoformat(vence), int(ident)
    except ValueError:
        return None


def _clave(par):
    vence, ident = par
    return (vence is None, vence or datetime.datetime.min, ident)


def pagina_cola(usuario, roles, filtros, ahora, cursor=None, limite=POR_PAGINA, base=None):
    """One page of the queue after ``cursor``, next due first, suspended (no due) last.

    Without a search, each branch (see ``ramas``) and each state is one query that walks its
    index in (vence_en, id) order and stops at ``limite + 1`` rows; the pieces are merged
    here. Never a sort of the whole queue, never a COUNT. Returns (rows, next cursor).
    """
    base = base if base is not None else _base()
    estados = (list(ESTADOS) if filtros.estado == 'todos' else [filtros.estado]
               if filtros.estado else list(ABIERTOS))
    posicion = _cursor(cursor)
    claves = Reclamo.select(Reclamo.vence_en, Reclamo.id)  # covered by the queue indexes
    if filtros.q:
        # A search narrows to a few cases by its own index (number, customer): take those
        # ids first, then filter and sort them. In one statement a planner may instead walk
        # the state or area index in due order over a million rows (SQLite did: ~1 s).
        candidatos = busqueda.candidatos(filtros.q, CANDIDATOS_BUSQUEDA)
        consulta = alcance(_filtros_sql(claves, filtros, ahora), usuario, roles).where(
            Reclamo.id.in_(candidatos), Reclamo.estado.in_(estados))
        partes = [_desde(consulta, posicion).order_by(
            Reclamo.vence_en.asc(nulls='LAST'), Reclamo.id).limit(limite + 1)]
    else:
        consulta = _filtros_sql(claves, filtros, ahora)
        trozos = [consulta.where(Reclamo.estado == estado) if rama is None else
                  consulta.where(Reclamo.estado == estado, rama)
                  for rama in ramas(usuario, roles, filtros) for estado in estados]
        partes = [_con_fecha(t, posicion, limite + 1) for t in trozos]
        partes = [p for p in partes if p is not None]
        # Cases without a due instant come after all others: read them only if the page
        # is not full yet (the query is cheap when few, but never worth running for nothing).
        con_fecha = [list(p.tuples()) for p in partes]
        if len({i for filas in con_fecha for _, i in filas}) <= limite:
            con_fecha += [list(_sin_fecha(t, posicion, limite + 1).tuples()) for t in trozos]
        partes = con_fecha
    # Merge the ordered (vence_en, id) keys, then read the page's rows with their names.
    orden = []
    for vence, ident in heapq.merge(*[p if isinstance(p, list) else p.tuples()
                                      for p in partes], key=_clave):
        if not orden or orden[-1][1] != ident:
            orden.append((vence, ident))
            if len(orden) > limite:
                break
    siguiente = None
    if len(orden) > limite:
        orden = orden[:limite]
        vence, ident = orden[-1]
        siguiente = f"{vence.isoformat() if vence else ''}|{ident}"
    filas = {f.id: f for f in base.where(Reclamo.id.in_([i for _, i in orden]))}
    return [filas[i] for _, i in orden if i in filas], siguiente


def _desde(consulta, posicion):
    if posicion is None:
        return consulta
    vence, ident = posicion
    if vence is None:
        return consulta.where(Reclamo.vence_en.is_null() & (Reclamo.id > ident))
    return consulta.where((Reclamo.vence_en > vence) | Reclamo.vence_en.is_null()
                          | ((Reclamo.vence_en == vence) & (Reclamo.id > ident)))


def _con_fecha(consulta, posicion, cuantos):
    """Cases with a due instant after ``posicion``, in (vence_en, id) index order."""
    if posicion is not None and posicion[0] is None:
        return None  # the cursor is already among the cases without one
    consulta = consulta.where(Reclamo.vence_en.is_null(False))
    if posicion is not None:
        vence, ident = posicion
        consulta = consulta.where((Reclamo.vence_en > vence)
                                  | ((Reclamo.vence_en == vence) & (Reclamo.id > ident)))
    return consulta.order_by(Reclamo.vence_en, Reclamo.id).limit(cuantos)


def _sin_fecha(consulta, posicion, cuantos):
    """Cases without a due instant (suspended), by id. ``id + 0`` keeps PostgreSQL from
    walking the whole primary key looking for them: the queue index finds them directly."""
    consulta = consulta.where(Reclamo.vence_en.is_null())
    if posicion is not None and posicion[0] is None:
        consulta = consulta.where(Reclamo.id > posicion[1])
    return consulta.order_by(Reclamo.id + 0).limit(cuantos)


def semaforo(reclamo, ahora):
    """Traffic light of the binding term in real time (the case page shows each term exactly
    on its business calendar; the list stays one query)."""
    if reclamo.vence_en is None:
        return 'suspendido'
    vence, inicio = aware(reclamo.vence_en), aware(reclamo.recibido_en)
    if ahora > vence:
        return 'vencido'
    total = (vence - inicio).total_seconds()
    if total <= 0 or (ahora - inicio).total_seconds() / total >= UMBRAL_LISTA:
        return 'por_vencer'
    return 'a_tiempo'


class Bandeja:
    """The queue screen; mixed into vistas.casos.VistaCasos, which checks access."""

    @expose('/')
    def index(self):
        from flask_login import current_user

        ahora = ahora_utc()
        filtros = Filtros.de(request.args)
        roles = roles_actuales()
        filas, siguiente = pagina_cola(current_user, roles, filtros, ahora,
                                       request.args.get('despues'))
        return self.render('casos/bandeja.html', filas=filas, siguiente=siguiente,
                           filtros=filtros, ahora=ahora, semaforo=semaforo,
                           estados=ETIQUETAS, opciones=_opciones_filtros(),
                           args=request.args, abre_mejoras=bool(roles & {'admin', 'gerente'}))


def _opciones_filtros():
    """Small catalogs for the filter selects (active rows only, a query each)."""
    from catalogos.atencion import Canal

    return {
        'area': [(a.id, a.nombre) for a in Area.activos().order_by(Area.nombre)],
        'prioridad': [(p.id, p.nombre) for p in Prioridad.activos().order_by(Prioridad.orden)],
        'canal': [(c.id, c.nombre) for c in Canal.activos().order_by(Canal.nombre)],
        'motivo': [(m.id, m.nombre) for m in Motivo.activos().order_by(Motivo.nombre)],
    }
