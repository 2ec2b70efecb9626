"""The options of the queue's filter selects: small catalogs, active rows, a query each,
compiled once (bd.compiladas): the queue is the page drawn most."""
from bd.compiladas import Compilada
from catalogos.atencion import TIPOS_SOLICITANTE, Canal, PuntoRecepcion
from catalogos.organizacion import Area
from catalogos.plazos import Prioridad
from catalogos.servicios import Motivo

_LISTAS = {
    'area': Compilada(lambda: Area.activos().order_by(Area.nombre)),
    'prioridad': Compilada(lambda: Prioridad.activos().order_by(Prioridad.orden)),
    'canal': Compilada(lambda: Canal.activos().order_by(Canal.nombre)),
    'motivo': Compilada(lambda: Motivo.activos().order_by(Motivo.nombre)),
    'punto_recepcion': Compilada(lambda: PuntoRecepcion.activos().order_by(
        PuntoRecepcion.nombre)),
}


def opciones_filtros():
    """{filter: [(value, label)]} for the queue's selects."""
    return {**{filtro: [(f.id, f.nombre) for f in lista.filas()]
               for filtro, lista in _LISTAS.items()},
            'tipo_solicitante': TIPOS_SOLICITANTE}
