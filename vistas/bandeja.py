"""Agent queues: "Mi bandeja" and the area queue, next due first.

The list is one query with its related names joined in (no N+1), filtered on indexed columns
and paged by key (vence_en, id) instead of OFFSET, and it never counts the whole table: the
page says whether there is a next one by reading one row more.
"""
import datetime
from dataclasses import dataclass

from flask import request
from flask_admin import expose
from peewee import JOIN

from catalogos.organizacion import Area
from catalogos.plazos import Prioridad
from catalogos.servicios import Motivo
from catalogos.usuarios import Usuario
from reclamos.caso import Reclamo
from reclamos.clientes import Cliente
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

    @classmethod
    def de(cls, args):
        def entero(nombre):
            valor = args.get(nombre, '')
            return int(valor) if valor.isdigit() else None

        return cls(vista=args.get('vista') if args.get('vista') in ('mios', 'area', 'todos')
                   else 'mios',
                   estado=args.get('estado') if args.get('estado') in ESTADOS else '',
                   area=entero('area'), prioridad=entero('prioridad'), canal=entero('canal'),
                   motivo=entero('motivo'),
                   vence=args.get('vence') if args.get('vence') in ('hoy', 'vencidos') else '',
                   q=(args.get('q') or '').strip()[:60])


def consulta_cola(usuario, roles, filtros, ahora):
    """The queue visible to ``usuario`` with ``filtros`` applied, next due first."""
    consulta = (Reclamo.select(Reclamo, Prioridad, Motivo, Cliente, Area, Usuario)
                .join_from(Reclamo, Prioridad, JOIN.LEFT_OUTER)
                .join_from(Reclamo, Motivo)
                .join_from(Reclamo, Cliente, JOIN.LEFT_OUTER)
                .join_from(Reclamo, Area, on=(Reclamo.area == Area.id))
                .join_from(Reclamo, Usuario, JOIN.LEFT_OUTER, on=(Reclamo.usuario == Usuario.id)))
    consulta = alcance(consulta, usuario, roles)
    if filtros.vista == 'mios':
        consulta = consulta.where(Reclamo.usuario == usuario.id)
    elif filtros.vista == 'area' and usuario.area_id is not None:
        consulta = consulta.where(Reclamo.area == usuario.area_id)
    if filtros.estado:
        consulta = consulta.where(Reclamo.estado == filtros.estado)
    else:
        consulta = consulta.where(Reclamo.estado.in_(ABIERTOS))
    for campo, valor in ((Reclamo.area, filtros.area), (Reclamo.prioridad, filtros.prioridad),
                         (Reclamo.canal, filtros.canal), (Reclamo.motivo, filtros.motivo)):
        if valor is not None:
            consulta = consulta.where(campo == valor)
    if filtros.vence == 'vencidos':
        consulta = consulta.where(Reclamo.vence_en < a_bd(ahora))
    elif filtros.vence == 'hoy':
        consulta = consulta.where(Reclamo.vence_en.between(
            a_bd(ahora), a_bd(ahora + datetime.timedelta(days=1))))
    if filtros.q:
        consulta = consulta.where(_busqueda(filtros.q))
    return consulta.order_by(Reclamo.vence_en.asc(nulls='LAST'), Reclamo.id)


def alcance(consulta, usuario, roles):
    """Restrict to the cases ``usuario`` may see: reglas.visibilidad.puede_ver, in SQL."""
    if roles & VEN_TODO or ('supervisor' in roles and usuario.area_id is None):
        return consulta
    if not roles & {'supervisor', 'agente'}:
        return consulta.where(False)
    propios = (Reclamo.usuario == usuario.id) | (Reclamo.registrado_por == usuario.id)
    if usuario.area_id is not None:
        propios |= Reclamo.area == usuario.area_id
    return consulta.where(propios)


def _busqueda(texto):
    """Case number, customer document (exact, both indexed) or the start of a customer name."""
    if texto[:4].isdigit() and '-' in texto:
        return Reclamo.numero == texto
    if texto.replace('-', '').isalnum() and any(c.isdigit() for c in texto):
        return Cliente.numero_documento == texto.upper()
    return Cliente.nombre ** f'{texto}%'  # ILIKE on PostgreSQL, LIKE (no case) on SQLite


def pagina(consulta, cursor):
    """One page after ``cursor`` ('<vence iso or empty>|<id>'); returns (rows, next cursor)."""
    vence, _, ident = (cursor or '').partition('|')
    if ident.isdigit():
        ident = int(ident)
        if vence:
            try:
                limite = datetime.datetime.fromisoformat(vence)
            except ValueError:
                limite = None
            if limite is not None:
                consulta = consulta.where(
                    (Reclamo.vence_en > limite) | Reclamo.vence_en.is_null()
                    | ((Reclamo.vence_en == limite) & (Reclamo.id > ident)))
        else:
            consulta = consulta.where(Reclamo.vence_en.is_null() & (Reclamo.id > ident))
    filas = list(consulta.limit(POR_PAGINA + 1))
    siguiente = None
    if len(filas) > POR_PAGINA:
        filas = filas[:POR_PAGINA]
        ultima = filas[-1]
        siguiente = f"{ultima.vence_en.isoformat() if ultima.vence_en else ''}|{ultima.id}"
    return filas, siguiente


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
        filas, siguiente = pagina(consulta_cola(current_user, roles, filtros, ahora),
                                  request.args.get('despues'))
        return self.render('casos/bandeja.html', filas=filas, siguiente=siguiente,
                           filtros=filtros, ahora=ahora, semaforo=semaforo,
                           estados=ETIQUETAS, opciones=_opciones_filtros(),
                           args=request.args)


def _opciones_filtros():
    """Small catalogs for the filter selects (active rows only, a query each)."""
    from catalogos.atencion import Canal

    return {
        'area': [(a.id, a.nombre) for a in Area.activos().order_by(Area.nombre)],
        'prioridad': [(p.id, p.nombre) for p in Prioridad.activos().order_by(Prioridad.orden)],
        'canal': [(c.id, c.nombre) for c in Canal.activos().order_by(Canal.nombre)],
        'motivo': [(m.id, m.nombre) for m in Motivo.activos().order_by(Motivo.nombre)],
    }
