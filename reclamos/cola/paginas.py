"""One page of the queue, next due first, paged by key.

The list is one query with its related names joined in (no N+1), filtered on indexed columns
and paged by key (vence_en, id) instead of OFFSET, and it never counts the whole table: the
page says whether there is a next one by reading one row more.
"""
import datetime
import heapq

from peewee import JOIN

from catalogos.organizacion import Area
from catalogos.plazos import Prioridad
from catalogos.servicios import Motivo
from catalogos.usuarios import Usuario
from reclamos.caso.modelo import Reclamo
from reclamos.clientes.modelo import Cliente
from reclamos.cola.alcance import alcance, ramas
from reclamos.cola.filtros import filtros_sql
from reglas.transiciones import ABIERTOS, ESTADOS

POR_PAGINA = 50
CANDIDATOS_BUSQUEDA = 2000  # cases a search may match (a customer's, a name prefix's)


def base_lista():
    """The rows of a page with the names the list shows joined in (no query per row)."""
    return (Reclamo.select(Reclamo, Prioridad, Motivo, Cliente, Area, Usuario)
            .join_from(Reclamo, Prioridad, JOIN.LEFT_OUTER)
            .join_from(Reclamo, Motivo)
            .join_from(Reclamo, Cliente, JOIN.LEFT_OUTER)
            .join_from(Reclamo, Area, on=(Reclamo.area == Area.id))
            .join_from(Reclamo, Usuario, JOIN.LEFT_OUTER, on=(Reclamo.usuario == Usuario.id)))


def _busqueda(texto):
    """Case number, customer document (exact, both indexed) or the start of a customer name."""
    if texto[:4].isdigit() and '-' in texto:
        return Reclamo.numero == texto
    if texto.replace('-', '').isalnum() and any(c.isdigit() for c in texto):
        return Reclamo.cliente.in_(Cliente.select(Cliente.id)
                                   .where(Cliente.numero_documento == texto.upper()))
    # LIKE (no case) on SQLite, ILIKE on PostgreSQL; the first 200 customers that match.
    return Reclamo.cliente.in_(Cliente.select(Cliente.id).where(Cliente.nombre ** f'{texto}%')
                               .limit(200))


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
    Returns (rows, next cursor).
    """
    limite = limite or POR_PAGINA
    base = base if base is not None else base_lista()
    estados = (list(ESTADOS) if filtros.estado == 'todos' else [filtros.estado]
               if filtros.estado else list(ABIERTOS))
    posicion = _cursor(cursor)
    claves = Reclamo.select(Reclamo.vence_en, Reclamo.id)  # covered by the queue indexes
    consulta = filtros_sql(claves, filtros, ahora, zona)
    if filtros.q:
        # A search narrows to a few cases by its own index (number, customer): take those
        # ids first, then filter and sort them. In one statement a planner may instead walk
        # the state or area index in due order over a million rows (SQLite did: ~1 s).
        candidatos = [i for (i,) in Reclamo.select(Reclamo.id).where(_busqueda(filtros.q))
                      .limit(CANDIDATOS_BUSQUEDA).tuples()]
        consulta = alcance(consulta, usuario, roles).where(
            Reclamo.id.in_(candidatos), Reclamo.estado.in_(estados))
        partes = [list(_desde(consulta, posicion).order_by(
            Reclamo.vence_en.asc(nulls='LAST'), Reclamo.id).limit(limite + 1).tuples())]
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
