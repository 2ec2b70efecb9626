"""Routing rules applied to cases: at registration (inside its transaction, each applied rule
logged) and in a preview over past cases. Cases' tags live here too (rules add them)."""
import datetime
from dataclasses import dataclass, field

from peewee import JOIN, CharField, ForeignKeyField

from bd import BaseModel
from bd.compiladas import Compilada
from catalogos.atencion import Canal
from catalogos.enrutamiento import (ACCION_CATALOGO, ReglaEnrutamiento, buscar, buscar_usuario,
                                    error_regla)
from catalogos.organizacion import Area
from catalogos.plazos import Prioridad
from catalogos.servicios import CampoPersonalizado, Motivo, Producto, Servicio
from reclamos.caso.acciones import fila_accion
from reclamos.caso.modelo import Reclamo
from reclamos.errores import ErrorValidacion
from reglas.enrutamiento import ReglaMalEscrita, analizar, aplicar, clave, describir_acciones

PREVIA_MAX = 1000


class EtiquetaCaso(BaseModel):
    reclamo = ForeignKeyField(Reclamo, backref='etiquetas', on_delete='CASCADE', index=False)
    etiqueta = CharField(max_length=60)

    class Meta:
        table_name = 'etiqueta_caso'
        indexes = ((('reclamo', 'etiqueta'), True), (('etiqueta',), False))

    @classmethod
    def de(cls, reclamo):
        return [e for (e,) in _ETIQUETAS.filas(getattr(reclamo, 'id', reclamo))]


_ETIQUETAS = Compilada(lambda ident: EtiquetaCaso.select(EtiquetaCaso.etiqueta)
                       .where(EtiquetaCaso.reclamo == ident).order_by(EtiquetaCaso.etiqueta)
                       .tuples())


def _alias(fila):
    return (fila.codigo, fila.nombre) if fila is not None else None


def valores_caso(tipo, origen, canal, servicio, producto, motivo, prioridad, area,
                 descripcion, campos, nombres_campos, punto=None, solicitante='cliente'):
    """The plain values a rule reads: catalogs as (code, name), custom fields by code and by
    label (``nombres_campos``: {code: label}); "punto de recepcion" and "solicitante" too."""
    from catalogos.atencion import TIPOS_SOLICITANTE

    valores = {'tipo': tipo, 'origen': origen, 'canal': _alias(canal),
               'servicio': _alias(servicio), 'producto': _alias(producto),
               'motivo': _alias(motivo), 'prioridad': _alias(prioridad), 'area': _alias(area),
               'descripcion': descripcion, clave('punto de recepcion'): _alias(punto),
               'solicitante': (solicitante, dict(TIPOS_SOLICITANTE).get(solicitante, ''))}
    for codigo, valor in (campos or {}).items():
        valores.setdefault(clave(codigo), valor)
        if codigo in nombres_campos:
            valores.setdefault(clave(nombres_campos[codigo]), valor)
    return valores


def reglas_vigentes():
    """[(row, Regla)] of the active rules in order; one that no longer parses is skipped."""
    pares = []
    for fila in ReglaEnrutamiento.en_orden():
        try:
            pares.append((fila, analizar(fila.texto)))
        except ReglaMalEscrita:
            continue
    return pares


@dataclass
class Decision:
    prioridad: object = None
    area: object = None
    usuario: object = None
    proceso: object = None
    etiquetas: list = field(default_factory=list)
    aplicadas: list = field(default_factory=list)  # [(rule row, text of what it did)]

    def filas_accion(self, reclamo, ctx):
        return [fila_accion(reclamo, ctx, 'regla', 'regla', None, fila.codigo,
                            f'Regla «{fila.nombre}» (orden {fila.orden}): {hecho}.')
                for fila, hecho in self.aplicadas]

    def guardar_etiquetas(self, reclamo):
        if self.etiquetas:
            EtiquetaCaso.insert_many([{'reclamo': reclamo.id, 'etiqueta': e}
                                      for e in self.etiquetas]).execute()


def _resolver(decision, tipo, valor):
    """Set one action on the decision; returns a note when its target no longer exists."""
    if tipo == 'etiqueta':
        if str(valor) not in decision.etiquetas:
            decision.etiquetas.append(str(valor)[:60])
        return None
    fila = buscar_usuario(valor) if tipo == 'asignar' else buscar(ACCION_CATALOGO[tipo], valor)
    if fila is None:
        return f'{tipo} «{valor}» no existe: no se aplicó'
    setattr(decision, 'usuario' if tipo == 'asignar' else tipo, fila)
    return None


def enrutar(r):
    """Apply the active rules to a validated registration ``r`` (see reclamos.caso.registro).

    Sets r['prioridad'] when a rule decides it; returns the Decision (area, user, process,
    tags, and the rules applied for the log).
    """
    decision = Decision()
    pares = reglas_vigentes()
    if not pares:
        return decision
    motivo = r['motivo']
    nombres = dict(CampoPersonalizado.select(CampoPersonalizado.codigo, CampoPersonalizado.nombre)
                   .where(CampoPersonalizado.motivo == motivo.id).tuples())
    valores = valores_caso(r['tipo'], r['origen'], r['canal'], r['servicio'], r['producto'],
                           motivo, r['prioridad'], motivo.area, r['descripcion'], r['campos'],
                           nombres, r.get('punto_recepcion'), r.get('tipo_solicitante'))
    for indice, acciones in aplicar([p[1] for p in pares], valores):
        notas = [n for n in (_resolver(decision, t, v) for t, v in acciones) if n]
        hecho = describir_acciones(acciones) + ('; ' + '; '.join(notas) if notas else '')
        decision.aplicadas.append((pares[indice][0], hecho))
    if decision.prioridad is not None:
        r['prioridad'] = decision.prioridad
    return decision


# -- preview -----------------------------------------------------------------------------
def _fecha(valor, nombre, errores):
    if not valor:
        return None
    try:
        return datetime.date.fromisoformat(str(valor))
    except ValueError:
        errores[nombre] = f'Fecha inválida: «{valor}» (use AAAA-MM-DD).'
        return None


def vista_previa(texto, limite=200, desde=None, hasta=None):
    """The most recent past cases (at most ``limite``, optionally received between two dates)
    the rule would have matched: [(Reclamo, actions)], plus how many cases were read.

    Evaluated in Python on that bounded set: the grammar's conditions on custom fields
    (JSON text) do not translate to portable SQL.
    """
    errores = {}
    mensaje = error_regla(texto)
    if mensaje:
        errores['texto'] = mensaje
    try:
        limite = int(limite)
    except (TypeError, ValueError):
        limite = 0
    if not 1 <= limite <= PREVIA_MAX:
        errores['limite'] = f'Revise entre 1 y {PREVIA_MAX} casos.'
    inicio, fin = _fecha(desde, 'desde', errores), _fecha(hasta, 'hasta', errores)
    if inicio and fin and inicio > fin:
        errores['hasta'] = 'La fecha final es anterior a la inicial.'
    if errores:
        raise ErrorValidacion(errores)
    regla = analizar(texto)
    consulta = (Reclamo.select(Reclamo, Canal, Servicio, Producto, Motivo, Prioridad, Area)
                .join_from(Reclamo, Canal).join_from(Reclamo, Servicio)
                .join_from(Reclamo, Producto, JOIN.LEFT_OUTER)
                .join_from(Reclamo, Motivo)
                .join_from(Reclamo, Prioridad, JOIN.LEFT_OUTER)
                .join_from(Reclamo, Area, on=(Reclamo.area == Area.id)))
    if inicio:
        consulta = consulta.where(Reclamo.recibido_en >= datetime.datetime.combine(
            inicio, datetime.time()))
    if fin:
        consulta = consulta.where(Reclamo.recibido_en < datetime.datetime.combine(
            fin + datetime.timedelta(days=1), datetime.time()))
    casos = list(consulta.order_by(Reclamo.recibido_en.desc(), Reclamo.id.desc()).limit(limite))
    nombres = {}
    for motivo, codigo, nombre in (CampoPersonalizado.select(
            CampoPersonalizado.motivo, CampoPersonalizado.codigo, CampoPersonalizado.nombre)
            .where(CampoPersonalizado.motivo.in_({c.motivo_id for c in casos})).tuples()):
        nombres.setdefault(motivo, {})[codigo] = nombre
    coincidencias = []
    for caso in casos:
        valores = valores_caso(caso.tipo, caso.origen, caso.canal, caso.servicio, caso.producto,
                               caso.motivo, caso.prioridad, caso.area, caso.descripcion,
                               caso.valores_campos(), nombres.get(caso.motivo_id, {}),
                               caso.punto_recepcion, caso.tipo_solicitante)
        if aplicar([regla], valores):
            coincidencias.append((caso, describir_acciones(regla.acciones)))
    return coincidencias, len(casos)
