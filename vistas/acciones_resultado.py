"""Case-page forms of issue 17: reclassify, decide the whole claim; and what the page needs
to draw them and the outcome (kept apart from vistas.acciones_caso to keep merges small)."""
from peewee import JOIN

from bd.recordadas import Recordada
from catalogos.plazos import Prioridad
from catalogos.resultados import Resultado
from catalogos.servicios import TIPOS_CASO, Motivo, Servicio
from reclamos.caso import decision as decisiones
from reclamos.caso import resultado
from reclamos.caso.modelo import ORIGENES
from reclamos.caso.reclasificacion import reclasificar
from catalogos.empresa import tipos_identidad
from reclamos.clientes.modelo import normalizar_numero
from vistas.perezosa import Perezosa

MENSAJES = {'reclasificar': 'Caso reclasificado; los plazos se recalcularon desde la '
                            'recepción.',
            'decidir_reclamo': 'Decisión del reclamo registrada.'}
# form field -> service key (the form's «motivo» is the reason in every other form)
_FORMULARIO = {'tipo': 'tipo', 'motivo_caso': 'motivo', 'prioridad': 'prioridad',
               'origen': 'origen', 'area_solicitante': 'area_solicitante'}


def _reclasificar(reclamo, formulario, usuario, ip, version):
    """Only what the form changed goes to the service (unchanged selects are not changes)."""
    actuales = {'tipo': reclamo.tipo, 'motivo_caso': str(reclamo.motivo_id),
                'prioridad': str(reclamo.prioridad_id or ''), 'origen': reclamo.origen,
                'area_solicitante': str(reclamo.area_solicitante_id or '')}
    datos = {}
    for campo, clave in _FORMULARIO.items():
        valor = (formulario.get(campo) or '').strip()
        if campo in formulario and valor != actuales[campo]:
            datos[clave] = valor or None
    if datos.get('origen') == 'externo' or (reclamo.origen == 'externo'
                                            and 'origen' not in datos):
        datos.pop('area_solicitante', None)
    return reclasificar(reclamo, datos, formulario.get('justificacion', ''), usuario, ip,
                        version, documento_cliente=_documento_cliente(reclamo, formulario))


def _documento_cliente(reclamo, formulario):
    """(type, number) when the form names a customer other than the case's; None otherwise."""
    tipo = (formulario.get('cliente_tipo_documento_identidad') or '').strip().upper()
    numero = normalizar_numero(formulario.get('cliente_numero_documento'))
    if not numero:
        return None
    actual = reclamo.cliente
    if actual is not None and (tipo, numero) == (actual.tipo_documento_identidad,
                                                  actual.numero_documento):
        return None
    return tipo, numero


def _decidir(reclamo, formulario, usuario, ip, version):
    return decisiones.decidir(reclamo, formulario.get('decision', ''), usuario, ip, version,
                              monto_aprobado=formulario.get('monto_aprobado') or None,
                              motivo=formulario.get('motivo', ''))


ACCIONES = {'reclasificar': _reclasificar, 'decidir_reclamo': _decidir}


# Read on every case page: kept per process (bd.recordadas). A motive shows its service.
_RESULTADOS = Recordada(lambda entidad: Resultado.para(entidad))
_RESULTADOS_GENERICOS = Recordada(lambda: Resultado.para(None))
_MOTIVOS = Recordada(lambda: Motivo.select(Motivo, Servicio).join(
    Servicio, JOIN.LEFT_OUTER, on=(Motivo.servicio == Servicio.id), attr='servicio')
    .where(Motivo.activo == True).order_by(Motivo.nombre))  # noqa: E712
_PRIORIDADES = Recordada(lambda: Prioridad.activos().order_by(Prioridad.nombre))


def opciones(reclamo, lineas, tiempo, areas):
    """What the outcome, decision and reclassification parts of the page show, from what
    the page already read: the case with its motive and decision (vistas.caso), its claim
    lines, its log newest first [(accion, ...)] and the active areas by name. The choices
    of a form are read only if the page draws that form (Perezosa)."""
    entidad = reclamo.motivo.entidad_id if reclamo.motivo_id else None
    filas = Perezosa(lambda: _RESULTADOS.filas(entidad) if entidad
                     else _RESULTADOS_GENERICOS.filas())
    decision = reclamo.decision_caso
    sentido = resultado.sentido_de(
        [(x.estado, x.monto_reclamado, x.monto_aprobado) for x in lineas], decision)
    return {
        'resultados': filas, 'decision': decision,
        'propuesta': None if sentido is None else next(
            (r for r in filas if r.sentido == sentido), None),
        'reclasificaciones': [a for a, *_ in tiempo if a.tipo == 'reclasificacion'],
        'tipos': TIPOS_CASO, 'origenes': ORIGENES,
        'tipos_documento_identidad': Perezosa(tipos_identidad),
        'motivos': Perezosa(_MOTIVOS.filas), 'prioridades': Perezosa(_PRIORIDADES.filas),
        'areas_solicitantes': Perezosa(lambda: [a for a in areas if a.registra]),
    }
