"""The options of the queue's filter selects: small catalogs, active rows, a query each."""
from catalogos.atencion import TIPOS_SOLICITANTE, Canal, PuntoRecepcion
from catalogos.organizacion import Area
from catalogos.plazos import Prioridad
from catalogos.servicios import Motivo


def opciones_filtros():
    """{filter: [(value, label)]} for the queue's selects."""
    return {
        'area': [(a.id, a.nombre) for a in Area.activos().order_by(Area.nombre)],
        'prioridad': [(p.id, p.nombre) for p in Prioridad.activos().order_by(Prioridad.orden)],
        'canal': [(c.id, c.nombre) for c in Canal.activos().order_by(Canal.nombre)],
        'motivo': [(m.id, m.nombre) for m in Motivo.activos().order_by(Motivo.nombre)],
        'punto_recepcion': [(p.id, p.nombre) for p in
                            PuntoRecepcion.activos().order_by(PuntoRecepcion.nombre)],
        'tipo_solicitante': TIPOS_SOLICITANTE,
    }
