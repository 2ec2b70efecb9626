"""Everything the case page shows, read in a fixed number of queries (no N+1)."""
from dataclasses import dataclass

from peewee import JOIN

from catalogos.procesos import Actividad
from catalogos.servicios import CampoPersonalizado
from catalogos.usuarios import Usuario
from reclamos.caso.acciones import TIPOS_ACCION, Accion
from reclamos.caso.nucleo import es_responsable, resuelve_aqui
from reclamos.plazos.ciclo import calendario_de
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


def acciones_permitidas(reclamo, usuario):
    """The actions this user may do on this case now (buttons to draw): "terminar" only
    where the case can be answered (a resolving area or activity)."""
    roles = usuario.nombres_roles()
    responsable = es_responsable(reclamo, usuario)
    acciones = [a for a in ACCIONES if permitido(reclamo.estado, a, roles, responsable)[0]]
    if 'terminar' in acciones and not resuelve_aqui(reclamo)[0]:
        acciones.remove('terminar')
    # After the answer only its notification is left to record, once.
    if 'registrar_entrega' in acciones and reclamo.estado in (TERMINADO, CERRADO) and (
            reclamo.terminado_en is None or reclamo.notificado_en is not None):
        acciones.remove('registrar_entrega')
    return acciones


def terminos(reclamo, ahora):
    calendario = calendario_de(reclamo)
    tipos = dict(TIPOS_TERMINO)
    return [FilaTermino(t, tipos.get(t.tipo, t.tipo), t.estado(ahora, calendario))
            for t in TerminoCaso.select().where(TerminoCaso.reclamo == reclamo.id)
            .order_by(TerminoCaso.vence_en.asc(nulls='LAST'), TerminoCaso.id)]


def campos(reclamo):
    """[(label, value shown)] of the motive's custom fields, in the configured order."""
    valores = reclamo.valores_campos()
    definidos = (CampoPersonalizado.select()
                 .where(CampoPersonalizado.motivo == reclamo.motivo_id)
                 .order_by(CampoPersonalizado.orden, CampoPersonalizado.id))
    filas = []
    for campo in definidos:
        if campo.codigo in valores:
            valor = valores[campo.codigo]
            if campo.tipo == 'booleano':
                valor = 'Sí' if valor else 'No'
            filas.append((campo.nombre, valor))
    return filas


def actividades(reclamo):
    if reclamo.proceso_id is None:
        return []
    return list(Actividad.select().where(Actividad.proceso == reclamo.proceso_id)
                .order_by(Actividad.orden))


def linea_de_tiempo(reclamo):
    """The action log, newest first, with each author's name joined in."""
    tipos = dict(TIPOS_ACCION)
    consulta = (Accion.select(Accion, Usuario)
                .join(Usuario, JOIN.LEFT_OUTER, on=(Accion.usuario == Usuario.id))
                .where(Accion.reclamo == reclamo.id)
                .order_by(Accion.instante.desc(), Accion.id.desc()))
    return [(accion, tipos.get(accion.tipo, accion.tipo)) for accion in consulta]


def suspensiones(reclamo):
    return list(Suspension.select().where(Suspension.reclamo == reclamo.id)
                .order_by(Suspension.inicio))
