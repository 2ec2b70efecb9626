"""State transitions of a case: PENDIENTE -> EN_CURSO -> TERMINADO -> CERRADO, SUSPENDIDO and
back, ANULADO. Who may do each from which state is ``reglas.transiciones``; this module does
what each one implies (terms, rating, log)."""
from reclamos.plazos import ciclo as plazos
from reclamos.correo.avisos import avisar_resuelto
from reclamos.caso.ficha import visible_para
from reclamos.caso.modelo import Reclamo
from reclamos.caso.resultado import al_resolver
from reclamos.errores import ErrorPermiso, ErrorValidacion
from reclamos.caso.nucleo import bloquear, contexto, escribir, exigir, transaccion
from reclamos.plazos.entrega import iniciar_notificacion
from reclamos.plazos.modelo import Suspension
from reclamos.tiempo import a_bd
from reglas.transiciones import (ANULADO, CERRADO, EN_CURSO, SUSPENDIDO, TERMINADO,
                                 TRANSICIONES, destino)

TEXTO_MAX = 5000
TIPOS = {'estado': 'transicion', 'usuario': 'asignacion', 'calificacion': 'calificacion'}


def transicionar(reclamo, accion, usuario, ip, version, ahora=None, **datos):
    """Apply ``accion`` (tomar, terminar, cerrar, suspender, reanudar, anular) in one
    transaction and return the fresh case.

    datos: terminar(respuesta, resultado, resultado_motivo); cerrar(calificacion 1-5 |
    sin_contacto=True + nota); suspender(motivo); anular(motivo, duplicado_de=numero).
    ``usuario`` None is the customer (only 'cerrar' with a rating). Raises ErrorValidacion,
    ErrorPermiso, ConflictoVersion.
    """
    if accion not in TRANSICIONES:
        raise ErrorValidacion({'accion': f'Acción desconocida: «{accion}». Use una de: '
                                         f'{", ".join(TRANSICIONES)}.'})
    ctx = contexto(usuario, ip, ahora)
    with transaccion():
        r = bloquear(reclamo, version, ctx)
        exigir(r, accion, ctx)
        permitidos, funcion = _ACCIONES[accion]
        sobran = sorted(set(datos) - set(permitidos))
        if sobran:
            raise ErrorValidacion({sobran[0]: f'Dato no admitido para «{accion}».'})
        funcion(r, ctx, datos)
        return r


def _texto(datos, clave, errores, mensaje):
    texto = datos.get(clave)
    texto = texto.strip() if isinstance(texto, str) else ''
    if not texto:
        errores[clave] = mensaje
    elif len(texto) > TEXTO_MAX:
        errores[clave] = f'El texto supera {TEXTO_MAX} caracteres.'
    return texto


def _validar(errores):
    if errores:
        raise ErrorValidacion(errores)


def _tomar(r, ctx, datos):
    escribir(r, {'estado': EN_CURSO, 'usuario': ctx.usuario}, ctx, tipos=TIPOS)


def _terminar(r, ctx, datos):
    errores = {}
    respuesta = _texto(datos, 'respuesta', errores,
                       'Escriba la respuesta o solución que se da al caso.')
    resultado = al_resolver(r, datos, errores)  # issue 17: the outcome the regulator counts
    _validar(errores)
    escribir(r, {'estado': TERMINADO, 'respuesta': respuesta, 'terminado_en': ctx.ahora,
                 **resultado}, ctx, tipos=TIPOS, texto=respuesta, visible_cliente=True)
    plazos.cumplir(r, ctx.ahora)
    calendario = plazos.calendario_de(r)
    # The answer is written; the regulator counts it once notified (its own term, if any).
    if iniciar_notificacion(r, calendario, ctx.ahora) is not None:
        plazos.actualizar_vence(r)
    avisar_resuelto(r, calendario, ctx)


def _cerrar(r, ctx, datos):
    errores = {}
    sin_contacto = datos.get('sin_contacto') is True
    calificacion = datos.get('calificacion')
    nota = (datos.get('nota') or '').strip() if isinstance(datos.get('nota'), str) else ''
    if sin_contacto:
        if calificacion is not None:
            errores['calificacion'] = 'Sin contacto no hay calificación: deje solo la nota.'
        if not nota:
            errores['nota'] = 'Anote los intentos de contacto sin respuesta.'
        if ctx.usuario is None:
            errores['sin_contacto'] = 'El cliente no registra la falta de contacto.'
    elif isinstance(calificacion, bool) or not isinstance(calificacion, int) \
            or not 1 <= calificacion <= 5:
        errores['calificacion'] = ('Indique la calificación de 1 (muy malo) a 5 (muy bueno), o '
                                   'registre que no hubo contacto.')
    _validar(errores)
    escribir(r, {'estado': CERRADO, 'calificacion': None if sin_contacto else calificacion,
                 'calificado_por': '' if sin_contacto else _calificador(r, ctx),
                 'sin_contacto': sin_contacto, 'nota_cierre': nota, 'cerrado_en': ctx.ahora},
             ctx, tipos=TIPOS, texto=nota, visible_cliente=True)


def _calificador(r, ctx):
    """Seed 003: the customer rates an external case, the requesting area an internal one."""
    if r.origen == 'interno':
        if ctx.usuario is None:
            raise ErrorPermiso('Un caso interno lo califica el área que lo solicitó.')
        if 'admin' not in ctx.roles and ctx.usuario.area_id != r.area_solicitante_id:
            raise ErrorPermiso(f'Este caso interno lo califica el área solicitante '
                               f'«{r.area_solicitante.nombre}».')
        return f'área {r.area_solicitante.codigo}'
    if ctx.usuario is None:
        return 'cliente'
    return f'cliente (registrada por {ctx.usuario.email})'


def _suspender(r, ctx, datos):
    errores = {}
    motivo = _texto(datos, 'motivo', errores,
                    'Indique el motivo de la suspensión (p. ej. a la espera de documentos).')
    _validar(errores)
    previo = r.estado
    escribir(r, {'estado': SUSPENDIDO}, ctx, tipo='suspension', texto=motivo,
             visible_cliente=True)
    plazos.suspender(r, motivo, previo, ctx, plazos.calendario_de(r))


def _reanudar(r, ctx, datos):
    pausa = plazos.reanudar(r, ctx, plazos.calendario_de(r))
    escribir(r, {'estado': destino(SUSPENDIDO, 'reanudar', pausa.estado_previo)}, ctx,
             tipo='reanudacion', texto='Se reanudan los plazos.', visible_cliente=True)


def _anular(r, ctx, datos):
    errores = {}
    motivo = _texto(datos, 'motivo', errores, 'Indique por qué se anula el caso.')
    original = None
    if datos.get('duplicado_de'):
        numero = str(datos['duplicado_de']).strip()
        original = Reclamo.get_or_none(Reclamo.numero == numero[:20])
        # A case the actor may not open answers like one that does not exist (issue 15, F3).
        if original is None or (ctx.usuario is not None
                                and not visible_para(original, ctx.usuario)):
            errores['duplicado_de'] = f'No existe el caso {numero[:20]}.'
        elif original.id == r.id:
            errores['duplicado_de'] = 'Un caso no puede ser duplicado de sí mismo.'
    _validar(errores)
    (Suspension.update(fin=a_bd(ctx.ahora))
     .where(Suspension.reclamo == r.id, Suspension.fin.is_null()).execute())
    escribir(r, {'estado': ANULADO, 'motivo_anulacion': motivo, 'duplicado_de': original,
                 'anulado_en': ctx.ahora}, ctx,
             tipo='anulacion', texto=motivo, visible_cliente=True)
    plazos.cancelar(r)


_ACCIONES = {
    'tomar': ((), _tomar),
    'terminar': (('respuesta', 'resultado', 'resultado_motivo'), _terminar),
    'cerrar': (('calificacion', 'sin_contacto', 'nota'), _cerrar),
    'suspender': (('motivo',), _suspender),
    'reanudar': ((), _reanudar),
    'anular': (('motivo', 'duplicado_de'), _anular),
}
