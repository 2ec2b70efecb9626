"""The options of the queue's filter selects: five small catalogs, their active rows, in one
statement kept per process (bd.recordadas): the queue is the page drawn most, and on
PostgreSQL each statement is a round trip."""
from peewee import SQL

from bd.recordadas import Recordada
from catalogos.atencion import TIPOS_SOLICITANTE, Canal, PuntoRecepcion
from catalogos.organizacion import Area
from catalogos.plazos import Prioridad
from catalogos.servicios import Motivo

# filter -> (catalog, what orders its options besides the name)
_LISTAS = {'area': (Area, None), 'prioridad': (Prioridad, Prioridad.orden),
           'canal': (Canal, None), 'motivo': (Motivo, None),
           'punto_recepcion': (PuntoRecepcion, None)}


def _opciones():
    """(list number, order, id, name) of every active row of the five catalogs."""
    partes = [modelo.select(SQL(str(i)), orden if orden is not None else SQL('0'), modelo.id,
                            modelo.nombre).where(modelo.activo == True)  # noqa: E712
              for i, (modelo, orden) in enumerate(_LISTAS.values())]
    consulta = partes[0]
    for parte in partes[1:]:
        consulta = consulta.union_all(parte)
    return consulta.order_by(SQL('1'), SQL('2'), SQL('4')).tuples()


_OPCIONES = Recordada(_opciones)


def opciones_filtros():
    """{filter: [(value, label)]} for the queue's selects."""
    filtros = list(_LISTAS)
    opciones = {filtro: [] for filtro in filtros}
    for lista, _, ident, nombre in _OPCIONES.filas():
        opciones[filtros[lista]].append((ident, nombre))
    return {**opciones, 'tipo_solicitante': TIPOS_SOLICITANTE}
