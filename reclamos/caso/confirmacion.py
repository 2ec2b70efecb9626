"""The satisfaction call (seed 003): resolved cases wait until the confirming area calls the
customer; each attempt is logged, and the call ends with the rating or, after the attempts,
"no contact". Both close the case through the one transition service.

Which area calls is configuration (RECLAMOS_AREA_CONFIRMA, an area code), so a company
whose resolving areas call themselves points it at them.
"""
from peewee import JOIN, fn

from bd.recordadas import Recordada
from catalogos.organizacion import Area
from reclamos.caso.acciones import Accion, anotar
from reclamos.caso.flujo import transicionar
from reclamos.caso.modelo import Reclamo
from reclamos.caso.nucleo import bloquear_sin_version, contexto, transaccion
from reclamos.clientes.modelo import Cliente
from reclamos.errores import ErrorPermiso, ErrorValidacion
from reglas.transiciones import TERMINADO

RESULTADOS = [('sin_respuesta', 'No contesta'), ('ocupado', 'Ocupado'),
              ('numero_errado', 'Número equivocado o inexistente'),
              ('volver_a_llamar', 'Pidió que lo llamen más tarde')]
NOTA_MAX = 2000


# Asked by the menu on every staff page: kept per process (bd.recordadas).
_AREA = Recordada(lambda codigo: Area.select().where(Area.codigo == codigo).limit(1))


def area_que_confirma(codigo):
    return _AREA.primera(codigo) if codigo else None


def puede_confirmar(usuario, area):
    """Admins, and the agents and supervisors of the confirming area."""
    roles = usuario.nombres_roles()
    if 'admin' in roles:
        return True
    return (area is not None and usuario.area_id == area.id
            and bool(roles & {'agente', 'supervisor'}))


def _exigir(usuario, area):
    if not puede_confirmar(usuario, area):
        nombre = area.nombre if area else 'ninguna configurada'
        raise ErrorPermiso('Las llamadas de satisfacción las hace el área que confirma con el '
                           f'cliente ({nombre}).')


def pendientes(limite=100):
    """Resolved cases awaiting the call, the longest waiting first, with their customer and
    the attempts so far: [(case, attempts, last attempt or None)]. Two queries."""
    casos = list(Reclamo.select(Reclamo, Cliente)
                 .join_from(Reclamo, Cliente, JOIN.LEFT_OUTER)
                 .where(Reclamo.estado == TERMINADO)
                 .order_by(Reclamo.terminado_en, Reclamo.id).limit(limite))
    intentos = {i: (n, ultimo) for i, n, ultimo in
                Accion.select(Accion.reclamo, fn.COUNT(Accion.id), fn.MAX(Accion.instante))
                .where(Accion.reclamo.in_([c.id for c in casos]), Accion.tipo == 'llamada')
                .group_by(Accion.reclamo).tuples()}
    return [(c, *intentos.get(c.id, (0, None))) for c in casos]


def _nota(nota):
    nota = nota.strip() if isinstance(nota, str) else ''
    if len(nota) > NOTA_MAX:
        raise ErrorValidacion({'nota': f'La nota supera {NOTA_MAX} caracteres.'})
    return nota


def registrar_intento(reclamo, resultado, nota, usuario, ip, area, ahora=None):
    """Log one unanswered call attempt; the case stays awaiting the call."""
    _exigir(usuario, area)
    etiquetas = dict(RESULTADOS)
    if resultado not in etiquetas:
        raise ErrorValidacion({'resultado': 'Elija el resultado de la llamada.'})
    nota = _nota(nota)
    ctx = contexto(usuario, ip, ahora)
    with transaccion():
        r = bloquear_sin_version(reclamo, ctx)
        if r.estado != TERMINADO:
            raise ErrorValidacion({'estado': 'El caso ya no espera la llamada de '
                                             'satisfacción.'})
        return anotar(r, ctx, 'llamada', 'resultado', None, etiquetas[resultado], nota)


def cerrar(reclamo, usuario, ip, version, area, calificacion=None, nota='', ahora=None):
    """End the call: with the customer's rating (1-5), or without contact (the attempts are
    the reason, a note is required by the transition)."""
    _exigir(usuario, area)
    nota = _nota(nota)
    if calificacion is None:
        intentos = (Accion.select().where(Accion.reclamo == reclamo.id,
                                          Accion.tipo == 'llamada').count())
        nota = nota or f'Sin contacto tras {intentos} intentos de llamada.'
        return transicionar(reclamo, 'cerrar', usuario, ip, version, ahora, sin_contacto=True,
                            nota=nota)
    datos = {'calificacion': calificacion, **({'nota': nota} if nota else {})}
    return transicionar(reclamo, 'cerrar', usuario, ip, version, ahora, **datos)
