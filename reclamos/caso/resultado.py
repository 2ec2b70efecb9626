"""The outcome of a case: the regulator's catalog rows it may get, the one its claim lines (or
claim-level decision) propose, and the checks when the case is resolved.

Called inside the resolving transaction (``flujo._terminar``); never opens one of its own.
"""
from catalogos.resultados import Resultado
from catalogos.servicios import Motivo
from reclamos.caso import decision as decisiones
from reclamos.caso.lineas import LineaReclamo
from reglas.resultado import exige_resultado, proponer, requiere_justificacion

TEXTO_MAX = 5000


def opciones(reclamo):
    """The outcomes of the case's regulator (its motive's), or the generic ones."""
    entidad = (Motivo.select(Motivo.entidad).where(Motivo.id == reclamo.motivo_id).scalar())
    return list(Resultado.para(entidad))


def sentido_propuesto(reclamo):
    filas = (LineaReclamo.select(LineaReclamo.estado, LineaReclamo.monto_reclamado,
                                 LineaReclamo.monto_aprobado)
             .where(LineaReclamo.reclamo == reclamo.id).tuples())
    return sentido_de(list(filas), decisiones.de(reclamo))


def sentido_de(lineas, decision):
    """The sense proposed by the claim lines [(estado, reclamado, aprobado)] and the
    claim-level decision row (or None)."""
    return proponer(list(lineas), None if decision is None else (
        decision.estado, decision.monto_aprobado, decision.monto_reclamado))


def propuesta(reclamo, filas=None):
    """The catalog row of the proposed sense among the case's options, or None."""
    sentido = sentido_propuesto(reclamo)
    if sentido is None:
        return None
    return next((r for r in (filas if filas is not None else opciones(reclamo))
                 if r.sentido == sentido), None)


def _elegido(valor, filas):
    """By id or code, or by sense ('fundado'): the API need not know each regulator's codes."""
    texto = str(getattr(valor, 'id', valor) or '').strip()
    return next((r for r in filas if texto in (str(r.id), r.codigo)), None) or next(
        (r for r in filas if r.sentido == texto), None)


def al_resolver(reclamo, datos, errores):
    """{field: value} of the outcome for 'terminar', adding to ``errores`` what is wrong.

    ``datos``: resultado (id or code; the proposal when absent) and resultado_motivo (required
    when the chosen outcome departs from what the lines propose).
    """
    filas = opciones(reclamo)
    sugerido = propuesta(reclamo, filas)
    valor = datos.get('resultado')
    elegido = _elegido(valor, filas) if valor not in (None, '') else sugerido
    if valor not in (None, '') and elegido is None:
        errores['resultado'] = (f'El resultado «{str(valor)[:40]}» no corresponde a la entidad '
                                f'de este caso. Use uno de: '
                                + (', '.join(r.nombre for r in filas) or 'ninguno configurado')
                                + '.')
        return {}
    if elegido is None:
        if exige_resultado(reclamo.tipo):
            errores['resultado'] = ('Indique el resultado (fundado, fundado en parte, '
                                    'infundado...).' if filas else
                                    'No hay resultados configurados para la entidad de este '
                                    'caso: pida al administrador que los cree.')
        return {}
    motivo = datos.get('resultado_motivo')
    motivo = motivo.strip() if isinstance(motivo, str) else ''
    if len(motivo) > TEXTO_MAX:
        errores['resultado_motivo'] = f'El texto supera {TEXTO_MAX} caracteres.'
    elif requiere_justificacion(sugerido and sugerido.sentido, elegido.sentido) and not motivo:
        errores['resultado_motivo'] = (f'Las líneas del reclamo proponen «{sugerido.nombre}»: '
                                       f'explique por qué el resultado es «{elegido.nombre}».')
    return {'resultado': elegido, 'resultado_motivo': motivo}
