"""One page of the queue, next due first, paged by key.

The list is one query with its related names joined in (no N+1), filtered on indexed columns
and paged by key (vence_en, id) instead of OFFSET, and it never counts the whole table: the
page says whether there is a next one by reading one row more.
"""
import datetime
import heapq

from peewee import JOIN

from bd.compiladas import Compilada, Lista
from catalogos.organizacion import Area
from catalogos.plazos import Prioridad
from catalogos.servicios import Motivo
from catalogos.usuarios import Usuario
from reclamos.caso import busqueda
from reclamos.caso.modelo import Reclamo
from reclamos.clientes.modelo import Cliente
from reclamos.cola.alcance import alcance, ramas, ramas_pares
from reclamos.cola.filtros import Filtros, filtros_sql
from reglas.transiciones import ABIERTOS, ESTADOS

POR_PAGINA = 50
CANDIDATOS_BUSQUEDA = 2000  # cases a search may match (reclamos.caso.busqueda)


def base_lista(*columnas):
    """The rows of a page with the names the list shows joined in (no query per row);
    ``columnas``: only these (default: every column of each)."""
    return (Reclamo.select(*(columnas or (Reclamo, Prioridad, Motivo, Cliente, Area, Usuario)))
            .join_from(Reclamo, Prioridad, JOIN.LEFT_OUTER)
            .join_from(Reclamo, Motivo)
            .join_from(Reclamo, Cliente, JOIN.LEFT_OUTER)
            .join_from(Reclamo, Area, on=(Reclamo.area == Area.id))
            .join_from(Reclamo, Usuario, JOIN.LEFT_OUTER, on=(Reclamo.usuario == Usuario.id)))


# The first page of a view without filters is the one opened all day: its queries are
# compiled once (bd.compiladas), the key walk per branch field, the rows by their ids.
_FILAS = Compilada(lambda ids: base_lista().where(Reclamo.id.in_(Lista(ids))))
_CLAVES = {}


def _claves(par, con_fecha, estado, cuantos):
    """Keys of one branch ((field, value) or None) and state on the first page."""
    campo = None if par is None else par[0]
    clave = (None if campo is None else campo.name, con_fecha)
    compilada = _CLAVES.get(clave)
    if compilada is None:
        paso = _con_fecha if con_fecha else _sin_fecha
        claves = Reclamo.select(Reclamo.vence_en, Reclamo.id)
        if campo is None:
            compilada = Compilada(lambda e, n: paso(
                claves.where(Reclamo.estado == e), None, n).tuples())
        else:
            compilada = Compilada(lambda e, v, n: paso(
                claves.where(Reclamo.estado == e, campo == v), None, n).tuples())
        compilada = _CLAVES.setdefault(clave, compilada)
    valores = (estado,) if campo is None else (estado, par[1])
    return compilada.filas(*valores, cuantos)


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


def pagina_cola(usuario, roles, filtros, ahora, cursor=None, limite=None, base=None,
                zona='UTC'):
    """One page of the queue after ``cursor``, next due first, suspended (no due) last.

    Without a search, each branch (see ``ramas``) and each state is one query that walks its
    index in (vence_en, id) order and stops at ``limite + 1`` rows; the pieces are merged
    here. Never a sort of the whole queue, never a COUNT. ``zona``: the desk's time zone, in
    which the desde/hasta dates are read; ``limite``: rows a page (POR_PAGINA).
    ``base``: how the rows are read by id: a query (more joins) or an object with
    ``filas(ids)`` (reclamos.cola.pantalla.PANTALLA, the screen's).
    Returns (rows, next cursor).
    """
    limite = limite or POR_PAGINA
    estados = (list(ESTADOS) if filtros.estado == 'todos' else [filtros.estado]
               if filtros.estado else list(ABIERTOS))
    posicion = _cursor(cursor)
    primera = posicion is None and filtros == Filtros(vista=filtros.vista, estado=filtros.estado)
    claves = Reclamo.select(Reclamo.vence_en, Reclamo.id)  # covered by the queue indexes
    consulta = filtros_sql(claves, filtros, ahora, zona)
    if filtros.q:
        # A search narrows to a few cases by its own index (number, customer): take those
        # ids first, then filter and sort them. In one statement a planner may instead walk
        # the state or area index in due order over a million rows (SQLite did: ~1 s).
        candidatos = busqueda.candidatos(filtros.q, CANDIDATOS_BUSQUEDA)
        consulta = alcance(consulta, usuario, roles).where(
            Reclamo.id.in_(candidatos), Reclamo.estado.in_(estados))
        partes = [list(_desde(consulta, posicion).order_by(
            Reclamo.vence_en.asc(nulls='LAST'), Reclamo.id).limit(limite + 1).tuples())]
    elif primera:
        pares = ramas_pares(usuario, roles, filtros.vista)
        partes = [_claves(par, True, estado, limite + 1) for par in pares for estado in estados]
        if len({i for filas in partes for _, i in filas}) <= limite:
            partes += [_claves(par, False, estado, limite + 1)
                       for par in pares for estado in estados]
    else:
        trozos = [consulta.where(Reclamo.estado == estado) if rama is None else
                  consulta.where(Reclamo.estado == estado, rama)
                  for rama in ramas(usuario, roles, filtros.vista) for estado in estados]
        partes = [_con_fecha(t, posicion, limite + 1) for t in trozos]
        partes = [list(p.tuples()) for p in partes if p is not None]
        # Cases without a due instant come after all others: read them only if the page
        # is not full yet (the query is cheap when few, but never worth running for nothing).
        if len({i for filas in partes for _, i in filas}) <= limite:
            partes += [list(_sin_fecha(t, posicion, limite + 1).tuples()) for t in trozos]
    # Merge the ordered (vence_en, id) keys, then read the page's rows with their names.
    orden = []
    for vence, ident in heapq.merge(*partes, key=_clave):
        if not orden or orden[-1][1] != ident:
            orden.append((vence, ident))
            if len(orden) > limite:
                break
    siguiente = None
    if len(orden) > limite:
        orden = orden[:limite]
        vence, ident = orden[-1]
        siguiente = f"{vence.isoformat() if vence else ''}|{ident}"
    ids = [i for _, i in orden]
    if base is None or hasattr(base, 'filas'):
        filas = (base or _FILAS).filas(ids)
    else:
        filas = base.where(Reclamo.id.in_(ids))
    filas = {f.id: f for f in filas}
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
