"""Each chart's numbers as one table: what the figure draws and the exports write, so both
always carry the same figures. ``TABLAS`` lists the charts of the dashboard in order."""
from dataclasses import dataclass, field
from decimal import Decimal

from catalogos.atencion import Canal
from catalogos.organizacion import Area
from catalogos.plazos import Prioridad
from catalogos.servicios import TIPOS_CASO, Motivo, Servicio
from catalogos.usuarios import Usuario
from graficos.tablero import consultas
from graficos.tablero.filtros import periodos
from reclamos.caso.modelo import ORIGENES
from reclamos.clientes.modelo import Cliente
from reclamos.plazos.modelo import LEGAL, PRIORIDAD

SIN_DATOS = 'No hay casos con estos filtros en el período.'
TODOS_A_TIEMPO = ('Todos los motivos respondieron a tiempo cada caso del período: '
                  'ninguno está por debajo del 100 %.')
PEORES = 5


@dataclass
class Tabla:
    """Rows of one chart; ``enlaces[i]``: the case-list filters behind row i (or None)."""

    nombre: str
    titulo: str
    columnas: list
    filas: list = field(default_factory=list)
    enlaces: list = field(default_factory=list)
    tipo: str = 'barras'  # how figuras draws it
    aviso: str = ''  # why an empty table is empty, when not for lack of cases

    @property
    def vacia(self):
        return not self.filas

    @property
    def nota(self):
        return (self.aviso or SIN_DATOS) if self.vacia else ''


@dataclass(frozen=True)
class Opciones:
    """The chart choices that are not filters: bucket size and group-by of each chart."""

    periodo: str = 'semana'
    por: str = 'motivo'
    por_tiempo: str = 'motivo'
    por_satisfaccion: str = 'area'


_CATALOGOS = {'motivo': Motivo, 'prioridad': Prioridad, 'canal': Canal, 'area': Area,
              'servicio': Servicio}
_FIJAS = {'tipo': dict(TIPOS_CASO), 'origen': dict(ORIGENES)}


def etiquetas(por, valores):
    """{value: label} for the group values of ``por``, one query per chart at most."""
    if por in _FIJAS:
        return {v: _FIJAS[por].get(v, v) for v in valores}
    ids = [v for v in valores if v is not None]
    if por == 'usuario':
        nombres = {u.id: u.nombre or u.email for u in
                   Usuario.select(Usuario.id, Usuario.nombre, Usuario.email)
                   .where(Usuario.id.in_(ids))} if ids else {}
        return {v: nombres.get(v, 'Sin asignar') for v in valores}
    modelo = _CATALOGOS[por]
    nombres = dict(modelo.select(modelo.id, modelo.nombre).where(modelo.id.in_(ids))
                   .tuples()) if ids else {}
    return {v: nombres.get(v, '—') for v in valores}


def _pct(parte, total):
    return round(100.0 * parte / total, 1) if total else None


def _dinero(valor):
    return Decimal(str(valor or 0)).quantize(Decimal('0.01'))


def evolucion(f, o, ahora=None, q=consultas):
    recibidos, resueltos, finalizados, pendientes = q.evolucion(f, o.periodo)
    t = Tabla('evolucion', 'Casos recibidos, resueltos y pendientes',
              ['Periodo', 'Recibidos', 'Resueltos', 'Pendientes al cierre'], tipo='lineas')
    for clave in periodos(f.desde, f.hasta, o.periodo):
        pendientes += recibidos.get(clave, 0) - finalizados.get(clave, 0)
        t.filas.append([clave.isoformat(), recibidos.get(clave, 0), resueltos.get(clave, 0),
                        pendientes])
        t.enlaces.append(None)
    if not any(fila[1] or fila[2] for fila in t.filas) and not pendientes:
        t.filas, t.enlaces = [], []
    return t


def conteo(f, o, ahora=None, q=consultas):
    filas = q.conteo(f, o.por)
    nombres = etiquetas(o.por, [g for g, _ in filas])
    columna = {'tipo': 'Tipo', 'motivo': 'Motivo', 'prioridad': 'Prioridad', 'canal': 'Canal',
               'area': 'Área', 'servicio': 'Servicio', 'origen': 'Origen'}[o.por]
    t = Tabla('conteo', f'Casos por {columna.lower()}', [columna, 'Casos'])
    for grupo, casos in filas:
        t.filas.append([nombres[grupo], casos])
        t.enlaces.append({o.por: grupo if grupo is not None else ''})
    return t


def tiempos(f, o, ahora=None, q=consultas):
    filas = q.tiempos(f, o.por_tiempo)
    nombres = etiquetas(o.por_tiempo, [g for g, *_ in filas])
    columna = 'Motivo' if o.por_tiempo == 'motivo' else 'Área'
    t = Tabla('tiempos', f'Tiempo de respuesta (horas) por {columna.lower()}',
              [columna, 'Casos resueltos', 'Mediana (h)', 'Percentil 90 (h)'])
    for grupo, n, mediana, p90 in filas:
        t.filas.append([nombres[grupo], n, round(mediana, 2), round(p90, 2)])
        t.enlaces.append({o.por_tiempo: grupo})
    return t


def cumplimiento(f, o, ahora=None, q=consultas):
    t = Tabla('cumplimiento', 'Cumplimiento de plazos (% respondido a tiempo)',
              ['Indicador', 'Respondidos', 'A tiempo', '% a tiempo'])
    generales = {LEGAL: 'Plazo legal (general)', PRIORIDAD: 'SLA de prioridad (general)'}
    filas = q.cumplimiento(f)
    for tipo in (LEGAL, PRIORIDAD):
        for fila_tipo, _, n, a_tiempo in filas:
            if fila_tipo == tipo:
                t.filas.append([generales[tipo], n, a_tiempo, _pct(a_tiempo, n)])
                t.enlaces.append(None)
    for fila_tipo, nombre, n, a_tiempo in filas:
        if fila_tipo not in generales:
            t.filas.append([f'Actividad: {nombre}', n, a_tiempo, _pct(a_tiempo, n)])
            t.enlaces.append(None)
    return t


def peores_motivos(f, o, ahora=None, q=consultas):
    """The motives with the lowest share of legal terms met in time (most cases first on a
    tie); only those below 100 %: bars at 100 % would read as a problem that is not there."""
    todas = q.cumplimiento_por_motivo(f)
    filas = sorted((m for m in todas if m[2] < m[1]), key=lambda m: (m[2] / m[1], -m[1], m[0]))
    filas = filas[:PEORES]
    nombres = etiquetas('motivo', [m for m, *_ in filas])
    t = Tabla('peores_motivos', 'Motivos con peor cumplimiento del plazo legal',
              ['Motivo', 'Respondidos', 'A tiempo', '% a tiempo'], tipo='barras_h',
              aviso=TODOS_A_TIEMPO if todas else '')
    for motivo, n, a_tiempo in filas:
        t.filas.append([nombres[motivo], n, a_tiempo, _pct(a_tiempo, n)])
        t.enlaces.append({'motivo': motivo})
    return t


def _carga(f, por, ahora, q):
    filas = q.carga(f, por, ahora)
    nombres = etiquetas(por, [g for g, *_ in filas])
    columna = 'Área' if por == 'area' else 'Responsable'
    t = Tabla(f'carga_{por}', f'Carga y congestión por {columna.lower()}',
              [columna, 'Abiertos', 'Vencidos'])
    for grupo, abiertos, vencidos in filas:
        t.filas.append([nombres[grupo], abiertos, int(vencidos or 0)])
        t.enlaces.append({por: grupo if grupo is not None else '', 'estado': ''})
    return t


def carga_area(f, o, ahora, q=consultas):
    return _carga(f, 'area', ahora, q)


def carga_usuario(f, o, ahora, q=consultas):
    return _carga(f, 'usuario', ahora, q)


def satisfaccion(f, o, ahora=None, q=consultas):
    por = o.por_satisfaccion
    grupos = {}
    for grupo, nota, casos in q.satisfaccion(f, por):
        grupos.setdefault(grupo, {})[nota] = casos
    nombres = etiquetas(por, list(grupos))
    columna = 'Área' if por == 'area' else 'Motivo'
    t = Tabla('satisfaccion', f'Satisfacción (calificación 1 a 5) por {columna.lower()}',
              [columna, 'Calificados', 'Promedio', '1', '2', '3', '4', '5'],
              tipo='apiladas')
    for grupo, notas in grupos.items():
        total = sum(notas.values())
        promedio = sum(n * c for n, c in notas.items()) / total
        t.filas.append([nombres[grupo], total, round(promedio, 2)]
                       + [notas.get(n, 0) for n in range(1, 6)])
        t.enlaces.append({por: grupo, 'estado': 'CERRADO'})
    t.filas, t.enlaces = _ordenar(t.filas, t.enlaces)
    return t


def _ordenar(filas, enlaces):
    pares = sorted(zip(filas, enlaces, strict=True), key=lambda p: str(p[0][0]))
    return [p[0] for p in pares], [p[1] for p in pares]


def montos(f, o, ahora=None, q=consultas):
    filas = q.montos(f)
    nombres = etiquetas('servicio', [s for s, *_ in filas])
    t = Tabla('montos', 'Montos reclamados y aprobados por servicio',
              ['Servicio', 'Reclamado', 'Aprobado'])
    for servicio, reclamado, aprobado in filas:
        t.filas.append([nombres[servicio], _dinero(reclamado), _dinero(aprobado)])
        t.enlaces.append({'servicio': servicio})
    return t


def incidencia(f, o, ahora=None, q=consultas, clientes_por_servicio=None):
    """Cases per 1,000 customers: the configured customers of each service (by code), else
    every customer in the Cliente table."""
    filas = q.conteo(f, 'servicio')
    servicios = {s.id: s for s in Servicio.select().where(
        Servicio.id.in_([s for s, _ in filas]))} if filas else {}
    configurados = clientes_por_servicio or {}
    todos = None
    t = Tabla('incidencia', 'Incidencia: casos por cada 1.000 clientes',
              ['Servicio', 'Casos', 'Clientes', 'Casos por 1.000 clientes'])
    for servicio, casos in filas:
        fila = servicios.get(servicio)
        clientes = configurados.get(fila.codigo) if fila else None
        if clientes is None:
            todos = Cliente.select().count() if todos is None else todos
            clientes = todos
        por_mil = round(1000.0 * casos / clientes, 2) if clientes else None
        t.filas.append([fila.nombre if fila else '—', casos, clientes, por_mil])
        t.enlaces.append({'servicio': servicio})
    return t


TABLAS = {
    'evolucion': evolucion, 'conteo': conteo, 'tiempos': tiempos,
    'cumplimiento': cumplimiento, 'peores_motivos': peores_motivos,
    'carga_area': carga_area, 'carga_usuario': carga_usuario,
    'satisfaccion': satisfaccion, 'montos': montos, 'incidencia': incidencia,
}
from graficos.tablero.resultados import resultados  # noqa: E402 (it builds a Tabla)

TABLAS['resultados'] = resultados


_MEMORIA = {}
MEMORIA_MAX = 1000


def calcular_con_resumen(nombre, f, o, ahora, clientes_por_servicio, calculo):
    """The table from the rollup computed at ``calculo``, kept in this process until the next
    computation: the percentiles still read the cases (~1 s at a million on SQLite), and the
    rest of the figures are as of the rollup anyway."""
    from graficos.tablero import agregados

    clave = (calculo.calculado_en, nombre, f, o,
             tuple(sorted((clientes_por_servicio or {}).items())))
    if clave not in _MEMORIA:
        if len(_MEMORIA) >= MEMORIA_MAX or next(iter(_MEMORIA), clave)[0] != clave[0]:
            _MEMORIA.clear()  # a new computation (or too many filter sets): start again
        _MEMORIA[clave] = calcular(nombre, f, o, ahora, clientes_por_servicio, agregados)
    return _MEMORIA[clave]


def calcular(nombre, f, o, ahora, clientes_por_servicio=None, q=consultas):
    """The table of chart ``nombre`` (a key of TABLAS; KeyError otherwise).

    ``q``: where the numbers come from, ``graficos.tablero.consultas`` (the cases) or
    ``graficos.tablero.agregados`` (the daily rollup); both give the same rows.
    """
    if nombre == 'incidencia':
        return incidencia(f, o, ahora, q, clientes_por_servicio)
    return TABLAS[nombre](f, o, ahora, q)
