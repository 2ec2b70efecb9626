"""Moving a case through its motive's process: which activity applies next, and its term."""
from bd.recordadas import Recordada
from catalogos.organizacion import Area
from catalogos.procesos import Actividad
from reclamos.errores import ErrorValidacion
from reclamos.plazos.ciclo import nuevo_termino
from reclamos.plazos.modelo import ACTIVIDAD
from reglas.condiciones import CondicionInvalida, evaluar


def _codigo(fila):
    return getattr(fila, 'codigo', None) if fila is not None else None


def contexto_condicion(reclamo):
    """The plain values an activity condition may read (codes as text)."""
    return {
        'tipo': reclamo.tipo, 'origen': reclamo.origen,
        'canal': _codigo(reclamo.canal), 'servicio': _codigo(reclamo.servicio),
        'producto': _codigo(reclamo.producto), 'motivo': _codigo(reclamo.motivo),
        'prioridad': _codigo(reclamo.prioridad), 'campo': reclamo.valores_campos(),
    }


def siguiente(proceso_id, despues_de, contexto):
    """The first activity after order ``despues_de`` whose condition holds, or None."""
    if proceso_id is None:
        return None
    consulta = (Actividad.select().where(Actividad.proceso == proceso_id)
                .order_by(Actividad.orden, Actividad.id))
    if despues_de is not None:
        consulta = consulta.where(Actividad.orden > despues_de)
    return primera_que_aplica(consulta, contexto)


def primera_que_aplica(actividades, contexto):
    """The first of ``actividades`` (in order) whose condition holds, or None."""
    for actividad in actividades:
        try:
            if evaluar(actividad.condicion, contexto):
                return actividad
        except CondicionInvalida as error:
            raise ErrorValidacion({'actividad': f'La condición de la actividad '
                                                f'«{actividad.nombre}» es inválida: {error}'}
                                  ) from None
    return None


def de_proceso(proceso_id):
    """Every activity of a process in order, with its area read in the same query."""
    if proceso_id is None:
        return []
    return _DE_PROCESO.filas(proceso_id)


# Every registration with a process: kept per process while no catalog changes (bd.recordadas).
_DE_PROCESO = Recordada(lambda proceso_id: Actividad.select(Actividad, Area).join(Area)
                        .where(Actividad.proceso == proceso_id)
                        .order_by(Actividad.orden, Actividad.id))


def iniciar(reclamo, actividad, calendario, inicio):
    """Start the term of ``actividad`` at ``inicio``."""
    return nuevo_termino(reclamo, calendario, inicio, *termino_de(actividad),
                         actividad_orden=actividad.orden)


def termino_de(actividad):
    """(tipo, codigo, nombre, cantidad, unidad) of an activity's term."""
    return (ACTIVIDAD, f'ACT-{actividad.orden}', actividad.nombre, actividad.plazo_cantidad,
            actividad.plazo_unidad)
