"""The customer's side of the conversation on a case, through the signed tracking link:
a reply with documents (checked like staff uploads), which answers an information request
(resuming the suspended terms where reglas.respuesta_cliente says so) and rings the bell of
whoever works the case."""
from catalogos.usuarios import Usuario
from reclamos.alertas.notificaciones import notificar
from reclamos.caso.gestion import comentar
from reclamos.caso.modelo import Reclamo
from reclamos.caso.nucleo import bloquear, contexto, escribir, transaccion
from reclamos.errores import ErrorValidacion
from reclamos.plazos import ciclo as plazos
from reclamos.portal.adjuntos_pendientes import guardar_adjuntos
from reglas.respuesta_cliente import reanuda_con_respuesta
from reglas.transiciones import ANULADO, SUSPENDIDO, destino

TEXTO_MAX = 5000
ADJUNTOS_MAX = 3


def _validar(texto, archivos):
    texto = texto.strip() if isinstance(texto, str) else ''
    errores = {}
    if not texto and not archivos:
        errores['texto'] = 'Escriba su mensaje o adjunte un documento.'
    elif len(texto) > TEXTO_MAX:
        errores['texto'] = f'El mensaje admite hasta {TEXTO_MAX} caracteres.'
    if len(archivos) > ADJUNTOS_MAX:
        errores['adjuntos'] = f'Adjunte como máximo {ADJUNTOS_MAX} archivos.'
    if errores:
        raise ErrorValidacion(errores)
    return texto


def destinatarios(reclamo):
    """Who hears of the reply: the responsible user, else the active staff of the area."""
    if reclamo.usuario_id is not None:
        return [reclamo.usuario_id]
    return [u.id for u in Usuario.select(Usuario.id).where(
        Usuario.area == reclamo.area_id, Usuario.active == True)]  # noqa: E712


def responder(reclamo, texto, archivos, ip, config, ahora=None):
    """Record the customer's reply in one transaction; returns the fresh case.

    ``archivos``: [(file name, stream)]. Raises ErrorValidacion (nothing kept then),
    ErrorPermiso when the case no longer takes messages (annulled)."""
    texto = _validar(texto, archivos)
    if reclamo.estado == ANULADO:
        raise ErrorValidacion({'texto': 'Este caso fue anulado: si necesita algo, presente '
                                        'un caso nuevo.'})
    ctx = contexto(None, ip, ahora)
    with transaccion():
        if texto:
            comentar(reclamo, texto, None, ip, ahora=ctx.ahora)
        documentos = guardar_adjuntos(reclamo, archivos, ip, config, ctx.ahora,
                                      descripcion='Enviado por el cliente desde el portal')
        r = Reclamo.get_by_id(reclamo.id)
        pausa = plazos.suspension_abierta(r) if r.estado == SUSPENDIDO else None
        reanudado = reanuda_con_respuesta(r.estado, pausa is not None,
                                          config.get('RECLAMOS_PORTAL_REANUDA', True))
        if reanudado:
            r = bloquear(r, r.version, ctx)  # a staff form read before now is stale
            plazos.reanudar(r, ctx, plazos.calendario_de(r))
            escribir(r, {'estado': destino(SUSPENDIDO, 'reanudar', pausa.estado_previo)}, ctx,
                     tipo='reanudacion', visible_cliente=True,
                     texto='El cliente respondió la solicitud de información: se reanudan '
                           'los plazos.')
        resumen = (texto[:200] if texto else '') + (
            f' ({len(documentos)} documento(s) adjunto(s))' if documentos else '')
        for usuario in destinatarios(r):
            notificar(usuario, f'El cliente respondió en el caso {r.numero}'
                      + (' (se reanudaron los plazos)' if reanudado else ''),
                      resumen.strip(), reclamo=r, ahora=ctx.ahora)
        return r
