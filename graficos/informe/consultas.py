"""SQL aggregates of the monthly and regulator reports.

One GROUP BY query per table of the report and one ungrouped query for the totals; the
business-day answer time is the only figure computed in Python (see ``dias_habiles``).

Sample of what ``contar`` returns for the dimensions ('tipo',), period February 2026::

    clave          recibidos  resueltos_en_plazo  resueltos_fuera_plazo  pendientes  anulados
    ('reclamo',)   4          2                   1                      1           1
    ('peticion',)  1          0                   0                      1           0
"""
from dataclasses import dataclass

from peewee import JOIN, SQL, Case, fn

from catalogos.atencion import TIPOS_SOLICITANTE, Canal, PuntoRecepcion
from catalogos.informes import DIMENSIONES
from catalogos.organizacion import Area, EntidadReguladora
from catalogos.plazos import Prioridad
from catalogos.resultados import Resultado
from catalogos.servicios import TIPOS_CASO, Motivo, Servicio
from reclamos.caso.modelo import ORIGENES, Reclamo
from reclamos.plazos.ciclo import calendario_regla
from reclamos.plazos.modelo import LEGAL, TerminoCaso
from reclamos.tiempo import aware
from reglas import duracion
from reglas.transiciones import ANULADO

# dimension -> (joined model or None, key column, label column or a {code: label} map)
_CATALOGO = {
    'motivo': (Motivo, Motivo.id, Motivo.nombre),
    'canal': (Canal, Canal.id, Canal.nombre),
    'servicio': (Servicio, Servicio.id, Servicio.nombre),
    'area': (Area, Area.id, Area.nombre),
    'prioridad': (Prioridad, Prioridad.id, Prioridad.nombre),
    'entidad': (EntidadReguladora, EntidadReguladora.id, EntidadReguladora.nombre),
    'resultado': (Resultado, Resultado.id, Resultado.nombre),
    'punto_recepcion': (PuntoRecepcion, PuntoRecepcion.id, PuntoRecepcion.nombre),
}
# Issue 17: reports use the final classification; this one tells the reclassified apart.
# Literals, not parameters: PostgreSQL matches the GROUP BY to the SELECT by its text.
_RECLASIFICADO = Case(None, [(Reclamo.reclasificaciones > SQL('0'), SQL("'si'"))],
                      SQL("'no'"))
_CODIGOS = {'tipo': (Reclamo.tipo, dict(TIPOS_CASO)), 'origen': (Reclamo.origen, dict(ORIGENES)),
            'reclasificado': (_RECLASIFICADO, {'si': 'Sí', 'no': 'No'}),
            'tipo_solicitante': (Reclamo.tipo_solicitante, dict(TIPOS_SOLICITANTE))}
assert set(_CATALOGO) | set(_CODIGOS) == set(DIMENSIONES)
SIN_VALOR = '(sin valor)'


@dataclass(frozen=True)
class Filtro:
    """Cases received in [inicio, fin) (naive UTC), optionally of one channel, regulator, area."""

    inicio: object
    fin: object
    canal: int = None
    entidad: int = None
    area: int = None


def _base(filtro, dimensiones, *columnas):
    consulta = (Reclamo.select(*columnas)
                .join(Motivo, on=(Reclamo.motivo == Motivo.id)))
    for dimension in dimensiones:
        if dimension in ('motivo',) or dimension in _CODIGOS:
            continue
        modelo = _CATALOGO[dimension][0]
        if modelo is EntidadReguladora:
            consulta = consulta.join_from(Motivo, EntidadReguladora, JOIN.LEFT_OUTER,
                                          on=(Motivo.entidad == EntidadReguladora.id))
        else:
            campo = {'canal': Reclamo.canal, 'servicio': Reclamo.servicio,
                     'area': Reclamo.area, 'prioridad': Reclamo.prioridad,
                     'resultado': Reclamo.resultado,
                     'punto_recepcion': Reclamo.punto_recepcion}[dimension]
            consulta = consulta.join_from(Reclamo, modelo, JOIN.LEFT_OUTER,
                                          on=(campo == modelo.id))
    consulta = consulta.where(Reclamo.recibido_en >= filtro.inicio,
                              Reclamo.recibido_en < filtro.fin)
    if filtro.canal is not None:
        consulta = consulta.where(Reclamo.canal == filtro.canal)
    if filtro.entidad is not None:
        consulta = consulta.where(Motivo.entidad == filtro.entidad)
    if filtro.area is not None:
        consulta = consulta.where(Reclamo.area == filtro.area)
    return consulta


def _claves(dimensiones):
    """Key and label columns selected and grouped for ``dimensiones``."""
    columnas = []
    for dimension in dimensiones:
        if dimension in _CODIGOS:
            columnas.append(_CODIGOS[dimension][0])
        else:
            _, clave, etiqueta = _CATALOGO[dimension]
            columnas += [clave, etiqueta]
    return columnas


def _etiquetas(dimensiones, fila):
    """(keys, labels) of one result row, walking the columns _claves selected."""
    claves, etiquetas, i = [], [], 0
    for dimension in dimensiones:
        if dimension in _CODIGOS:
            valor = fila[i]
            claves.append(valor)
            etiquetas.append(_CODIGOS[dimension][1].get(valor, valor or SIN_VALOR))
            i += 1
        else:
            claves.append(fila[i])
            etiquetas.append(fila[i + 1] if fila[i] is not None else SIN_VALOR)
            i += 2
    return tuple(claves), tuple(etiquetas)


def _medidas(filtro):
    """The counted columns, each a SUM over a CASE (one pass over the period's cases)."""
    legal = TerminoCaso.alias('legal')
    tarde = fn.EXISTS(legal.select(SQL('1')).where(
        legal.reclamo == Reclamo.id, legal.tipo == LEGAL,
        legal.cumplido_en > legal.vence_en))
    vigente = Reclamo.estado != ANULADO
    resuelto = vigente & Reclamo.terminado_en.is_null(False) & (Reclamo.terminado_en < filtro.fin)

    def contar(condicion):
        return fn.COALESCE(fn.SUM(Case(None, [(condicion, 1)], 0)), 0)

    return {
        'recibidos': contar(vigente),
        'resueltos_en_plazo': contar(resuelto & ~tarde),
        'resueltos_fuera_plazo': contar(resuelto & tarde),
        'pendientes': contar(vigente & ~resuelto),
        'anulados': contar(Reclamo.estado == ANULADO),
        'reclasificados': contar(vigente & (Reclamo.reclasificaciones > 0)),
        'calificacion_promedio': fn.AVG(Case(None, [(vigente, Reclamo.calificacion)], None)),
    }


def contar(filtro, dimensiones):
    """{keys: (labels, {column: value})} for one table; ``()`` dimensions gives the total."""
    medidas = _medidas(filtro)
    nombres = list(medidas)
    claves = _claves(dimensiones)
    consulta = _base(filtro, dimensiones, *claves,
                     *[m.alias(n) for n, m in medidas.items()])
    if claves:
        consulta = consulta.group_by(*claves)
    resultado = {}
    for fila in consulta.tuples():
        clave, etiquetas = _etiquetas(dimensiones, fila)
        valores = dict(zip(nombres, fila[len(claves):], strict=True))
        valores = {n: (int(v) if n != 'calificacion_promedio' else v)
                   for n, v in valores.items()}
        if not claves and valores['recibidos'] == 0 and valores['anulados'] == 0:
            valores['calificacion_promedio'] = None
        resultado[clave] = (etiquetas, valores)
    return resultado


def dias_habiles(filtro, tablas):
    """Average answer time in business days per row of every table, and overall.

    Returns ({dimensions: {keys: average}}, overall average). Business days depend on each
    case's calendar (zone, national holidays, company days, the after-hours receipt option),
    which SQL cannot evaluate on SQLite; so only the resolved cases of the report's period
    and scope are read, as (keys, calendar, received, resolved) tuples streamed by a cursor,
    and each case is measured once with ``reglas.duracion`` (never negative: a case answered
    before its count began took 0 days) on its memoised calendar.
    """
    dimensiones = list(dict.fromkeys(d for tabla in tablas for d in tabla))
    claves = _claves(dimensiones)
    consulta = _base(filtro, dimensiones, *claves, Reclamo.calendario, Reclamo.recibido_en,
                     Reclamo.terminado_en).where(
        Reclamo.estado != ANULADO, Reclamo.terminado_en.is_null(False),
        Reclamo.terminado_en < filtro.fin)
    calendarios, sumas, total = {}, {tuple(t): {} for t in tablas}, [0, 0]
    for fila in consulta.tuples().iterator():
        clave, _ = _etiquetas(dimensiones, fila)
        por_dimension = dict(zip(dimensiones, clave, strict=True))
        calendario_id, recibido, terminado = fila[len(claves):]
        if calendario_id not in calendarios:
            calendarios[calendario_id] = calendario_regla(calendario_id)
        dias = duracion(aware(recibido), aware(terminado), 'dias_habiles',
                        calendarios[calendario_id])
        total[0] += dias
        total[1] += 1
        for tabla, acumulado in sumas.items():
            llave = tuple(por_dimension[d] for d in tabla)
            suma = acumulado.setdefault(llave, [0, 0])
            suma[0] += dias
            suma[1] += 1
    promedios = {t: {k: s / n for k, (s, n) in acumulado.items()}
                 for t, acumulado in sumas.items()}
    return promedios, (total[0] / total[1] if total[1] else None)
