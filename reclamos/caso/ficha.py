"""Everything the case page shows, read in a fixed number of queries (no N+1)."""
from dataclasses import dataclass

from peewee import JOIN

from bd.compiladas import Compilada
from bd.recordadas import Recordada
from catalogos.organizacion import Area
from catalogos.procesos import Actividad
from catalogos.servicios import CampoPersonalizado
from catalogos.usuarios import Usuario
from reclamos.caso.acciones import TIPOS_ACCION, Accion
from reclamos.caso.nucleo import es_responsable, resuelve_aqui
from reclamos.plazos.ciclo import calendario_de
from reclamos.tiempo import aware
from reclamos.plazos.modelo import TIPOS_TERMINO, Suspension, TerminoCaso
from reglas.transiciones import ACCIONES, CERRADO, TERMINADO, permitido
from reglas.visibilidad import puede_ver


@dataclass(frozen=True)
class FilaTermino:
    termino: TerminoCaso
    tipo: str
    estado: str

    @property
    def cumplimiento(self):
        """'a tiempo' / 'fuera de plazo' for a met term (what a regulator asks); '' otherwise."""
        t = self.termino
        if t.cumplido_en is None or t.vence_en is None:
            return ''
        return 'a tiempo' if t.cumplido_en <= t.vence_en else 'fuera de plazo'


def visible_para(reclamo, usuario):
    return puede_ver(usuario.nombres_roles(), usuario.id, usuario.area_id, reclamo.area_id,
                     reclamo.usuario_id, reclamo.registrado_por_id)


# The step that moves a case on from each state: drawn first and unfolded.
SIGUIENTE_PASO = {'PENDIENTE': 'tomar', 'EN_CURSO': 'terminar', 'SUSPENDIDO': 'reanudar',
                  'TERMINADO': 'cerrar'}


# The rest in the order a desk uses them: moving the case on, then pausing, then exceptions.
ORDEN = ['tomar', 'terminar', 'cerrar', 'registrar_entrega', 'reanudar', 'completar_actividad',
         'derivar', 'reasignar', 'suspender', 'prorrogar', 'reclasificar', 'anular', 'comentar']


def acciones_permitidas(reclamo, usuario, prorrogables=None, usuarios=None):
    """The actions this user can do on this case now (buttons to draw), the next step first.

    Beyond role and state, an action is left out when it would fail anyway: answering where
    the case cannot be answered (not a resolving area or activity), completing an activity
    with none running, extending when no running term may be extended (``prorrogables``),
    reassigning when nobody else works in the area (``usuarios``), recording the answer's
    delivery before there is an answer or after it was recorded.
    """
    roles = usuario.nombres_roles()
    responsable = es_responsable(reclamo, usuario)
    posibles = [a for a in ACCIONES if permitido(reclamo.estado, a, roles, responsable)[0]]
    quitar = set()
    if reclamo.proceso_id is None or reclamo.actividad_orden is None:
        quitar.add('completar_actividad')
    if prorrogables is not None and not prorrogables:
        quitar.add('prorrogar')
    if 'reasignar' in posibles and usuarios is not None and not [
            u for u in usuarios if u.id != reclamo.usuario_id]:
        quitar.add('reasignar')
    if 'terminar' in posibles and not resuelve_aqui(reclamo)[0]:
        quitar.add('terminar')
    if reclamo.estado in (TERMINADO, CERRADO) and (
            reclamo.terminado_en is None or reclamo.notificado_en is not None):
        quitar.add('registrar_entrega')
    posibles = [a for a in posibles if a not in quitar]
    primero = SIGUIENTE_PASO.get(reclamo.estado)
    return sorted(posibles, key=lambda a: (a != primero, ORDEN.index(a) if a in ORDEN
                                           else len(ORDEN)))


def prorrogables(filas, ahora):
    """The running terms whose rule still allows an extension now (FilaTermino rows)."""
    return [f for f in filas if f.termino.abierto and f.termino.vence_en is not None
            and f.termino.prorrogable and aware(f.termino.vence_en) >= ahora
            and f.termino.prorrogado < (f.termino.cantidad if f.termino.prorroga_max is None
                                        else f.termino.prorroga_max)]


# The page is the one agents open most: its reads are compiled once (bd.compiladas).
_TERMINOS = Compilada(lambda ident: TerminoCaso.select().where(TerminoCaso.reclamo == ident)
                      .order_by(TerminoCaso.vence_en.asc(nulls='LAST'), TerminoCaso.id))
_CAMPOS = Recordada(lambda motivo: CampoPersonalizado.select()
                    .where(CampoPersonalizado.motivo == motivo)
                    .order_by(CampoPersonalizado.orden, CampoPersonalizado.id))
_ACTIVIDADES = Recordada(lambda proceso: Actividad.select(Actividad, Area).join(
    Area, JOIN.LEFT_OUTER, on=(Actividad.area == Area.id), attr='area')
    .where(Actividad.proceso == proceso).order_by(Actividad.orden))  # each shows its area
_LINEA_DE_TIEMPO = Compilada(lambda ident: (
    Accion.select(Accion, Usuario)
    .join(Usuario, JOIN.LEFT_OUTER, on=(Accion.usuario == Usuario.id))
    .where(Accion.reclamo == ident)
    .order_by(Accion.instante.desc(), Accion.id.desc())))
_SUSPENSIONES = Compilada(lambda ident: Suspension.select().where(Suspension.reclamo == ident)
                          .order_by(Suspension.inicio))


def terminos(reclamo, ahora):
    calendario = calendario_de(reclamo)
    tipos = dict(TIPOS_TERMINO)
    return [FilaTermino(t, tipos.get(t.tipo, t.tipo), t.estado(ahora, calendario))
            for t in _TERMINOS.filas(reclamo.id)]


def campos(reclamo):
    """[(label, value shown)] of the motive's custom fields, in the configured order."""
    valores = reclamo.valores_campos()
    if not valores:
        return []
    filas = []
    for campo in _CAMPOS.filas(reclamo.motivo_id):
        if campo.codigo in valores:
            valor = valores[campo.codigo]
            if campo.tipo == 'booleano':
                valor = 'Sí' if valor else 'No'
            filas.append((campo.nombre, valor))
    return filas


def actividades(reclamo):
    if reclamo.proceso_id is None:
        return []
    return _ACTIVIDADES.filas(reclamo.proceso_id)


def linea_de_tiempo(reclamo):
    """The action log, newest first, with each author's name joined in."""
    tipos = dict(TIPOS_ACCION)
    return [(accion, tipos.get(accion.tipo, accion.tipo))
            for accion in _LINEA_DE_TIEMPO.filas(reclamo.id)]


def suspensiones(reclamo):
    return _SUSPENSIONES.filas(reclamo.id)
