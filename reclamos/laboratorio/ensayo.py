"""Running a draft against a past period: the cases that arrived then, replayed through the
draft's process and through the current configuration
(reglas.simulacion_procesos), side by side with what really happened. Reads only; writes nothing.

Bounded: at most MAX_CASOS cases per run (a longer period is refused with a message). A run
goes on in the background (reclamos.laboratorio.corridas), reporting through ``avance``.
"""
import datetime
from collections import defaultdict

from peewee import JOIN, fn

from catalogos.atencion import Canal
from catalogos.configuracion import exportar
from catalogos.organizacion import Area
from catalogos.plazos import Prioridad
from catalogos.servicios import CampoPersonalizado, Motivo, Producto, Servicio
from reclamos.caso.acciones import Accion
from reclamos.caso.modelo import Reclamo
from reclamos.laboratorio.enrutamiento import valores_caso
from reclamos.errores import ErrorValidacion
from reclamos.laboratorio.borradores import ATENCION_POR_DEFECTO, personal_por_area
from reclamos.plazos.ciclo import calendario_regla
from reclamos.plazos.modelo import LEGAL, PRIORIDAD, TerminoCaso
from reclamos.tiempo import ahora_utc, aware
from reglas.condiciones import CondicionInvalida, evaluar
from reglas.enrutamiento import ReglaMalEscrita, analizar, normalizar, resultado
from reglas.plazos import vencimiento
from reglas.simulacion_procesos import CasoSim, indicadores, pendientes_observados, simular
from reglas.transiciones import ANULADO, EN_CURSO

MAX_CASOS = 200_000
MAX_DIAS = 1096  # three years
MUESTRA_ATENCION = 2000  # latest resolved cases a new draft learns handling times from
LOTE = 900  # ids per IN (...) query: under SQLite's limit of bound variables
CADA = 250  # cases between two progress reports (and cancel checks)


def _lotes(ids):
    for i in range(0, len(ids), LOTE):
        yield ids[i:i + LOTE]


def _tramo(avance, desde, ancho):
    """``avance`` for a phase that covers [desde, desde + ancho] of the whole run."""
    return (lambda f: avance(desde + ancho * f)) if avance else None


def _minutos(instante, inicio):
    return (aware(instante) - inicio).total_seconds() / 60 if instante is not None else None


def periodo(desde, hasta):
    """Validate the period's dates -> (start, end) aware UTC; ErrorValidacion naming the field."""
    errores, fechas = {}, {}
    for nombre, valor in (('desde', desde), ('hasta', hasta)):
        try:
            fechas[nombre] = datetime.date.fromisoformat(str(valor or ''))
        except ValueError:
            errores[nombre] = f'Indique la fecha {nombre} (AAAA-MM-DD).'
    if not errores and fechas['desde'] > fechas['hasta']:
        errores['hasta'] = 'La fecha final es anterior a la inicial.'
    elif not errores and (fechas['hasta'] - fechas['desde']).days > MAX_DIAS:
        errores['hasta'] = f'El período no puede pasar de {MAX_DIAS} días.'
    if errores:
        raise ErrorValidacion(errores)
    inicio = datetime.datetime.combine(fechas['desde'], datetime.time(), datetime.timezone.utc)
    fin = datetime.datetime.combine(fechas['hasta'] + datetime.timedelta(days=1),
                                    datetime.time(), datetime.timezone.utc)
    return inicio, fin


def _filtro(inicio, fin):
    return (Reclamo.recibido_en >= inicio.replace(tzinfo=None),
            Reclamo.recibido_en < fin.replace(tzinfo=None), Reclamo.estado != ANULADO)


def contar_casos(inicio, fin):
    """How many cases the period has, or ErrorValidacion if none or more than MAX_CASOS."""
    total = Reclamo.select(fn.COUNT(Reclamo.id)).where(*_filtro(inicio, fin)).scalar()
    if total == 0:
        raise ErrorValidacion({'desde': 'No hay casos recibidos en ese período: elija otro.'})
    if total > MAX_CASOS:
        raise ErrorValidacion({'hasta': f'El período tiene {total} casos y una simulación '
                                        f'admite hasta {MAX_CASOS}: acorte el período.'})
    return total


def casos_del_periodo(inicio, fin):
    """The period's cases (not annulled) with what rules read, or ErrorValidacion."""
    contar_casos(inicio, fin)
    filtro = _filtro(inicio, fin)
    return list(Reclamo.select(Reclamo, Canal, Servicio, Producto, Motivo, Prioridad, Area)
                .join_from(Reclamo, Canal).join_from(Reclamo, Servicio)
                .join_from(Reclamo, Producto, JOIN.LEFT_OUTER).join_from(Reclamo, Motivo)
                .join_from(Reclamo, Prioridad, JOIN.LEFT_OUTER)
                .join_from(Reclamo, Area, on=(Reclamo.area == Area.id))
                .where(*filtro).order_by(Reclamo.recibido_en, Reclamo.id))


def atencion_reciente():
    """Observed handling minutes per area over the latest resolved cases (a draft's start)."""
    return atencion_observada(list(
        Reclamo.select(Reclamo, Area).join(Area, on=(Reclamo.area == Area.id))
        .where(Reclamo.terminado_en.is_null(False))
        .order_by(Reclamo.terminado_en.desc()).limit(MUESTRA_ATENCION)))


def atencion_observada(casos):
    """Mean minutes from taking a case to resolving it, per area code, over ``casos``."""
    ids = [c.id for c in casos if c.terminado_en is not None]
    tomados = {}
    for lote in _lotes(ids):
        tomados.update(Accion.select(Accion.reclamo, fn.MIN(Accion.instante))
                       .where(Accion.reclamo.in_(lote), Accion.tipo == 'transicion',
                              Accion.valor_nuevo == EN_CURSO)
                       .group_by(Accion.reclamo).tuples())
    muestras = defaultdict(list)
    for caso in casos:
        if caso.terminado_en is not None:
            desde = tomados.get(caso.id, caso.recibido_en)
            muestras[caso.area.codigo].append((caso.terminado_en - desde).total_seconds() / 60)
    return {a: sum(v) / len(v) for a, v in muestras.items() if v}


class _Configuracion:
    """Look-ups over one configuration JSON (live or draft) for the simulation."""

    def __init__(self, datos, parametros):
        cat = datos['catalogos']
        self.motivos = {m['codigo']: m for m in cat.get('motivos', [])}
        self.areas = {a['codigo']: a for a in cat.get('areas', [])}
        self.plazos = {p['codigo']: p for p in cat.get('plazos_legales', [])}
        self.prioridades = {p['codigo']: p for p in cat.get('prioridades', [])}
        self.procesos = {p['codigo']: p for p in cat.get('procesos', [])}
        self.activo_de = {p['motivo']: p for p in cat.get('procesos', []) if p.get('activo')}
        self.reglas = []
        for r in sorted(cat.get('reglas_enrutamiento', []), key=lambda r: (r['orden'],
                                                                              r['codigo'])):
            if r.get('activo', True):
                try:
                    self.reglas.append(analizar(r['texto']))
                except ReglaMalEscrita:
                    continue
        self.personal = parametros['personal']
        self.atencion = parametros['atencion']
        self.duraciones = parametros.get('duraciones', {})

    def _codigo(self, filas, valor):
        """The code of the row named ``valor`` by code or name (no case or accents)."""
        buscado = normalizar(valor)
        for codigo, fila in filas.items():
            if buscado in (normalizar(codigo), normalizar(fila.get('nombre', ''))):
                return codigo
        return None

    def pasos(self, caso, valores):
        """(priority code, [(area, minutes)]) of ``caso`` under this configuration."""
        motivo = self.motivos.get(caso.motivo.codigo, {})
        decision = resultado(self.reglas, valores) if self.reglas else {}
        prioridad = self._codigo(self.prioridades, decision['prioridad']) \
            if 'prioridad' in decision else (caso.prioridad.codigo if caso.prioridad else None)
        proceso = self.procesos.get(self._codigo(self.procesos, decision.get('proceso', '')) or
                                    '') or self.activo_de.get(caso.motivo.codigo)
        area = (self._codigo(self.areas, decision['area']) if 'area' in decision else None) \
            or motivo.get('area') or caso.area.codigo
        contexto = {'tipo': caso.tipo, 'origen': caso.origen, 'canal': caso.canal.codigo,
                    'servicio': caso.servicio.codigo, 'motivo': caso.motivo.codigo,
                    'producto': caso.producto.codigo if caso.producto else None,
                    'prioridad': prioridad, 'campo': caso.valores_campos()}
        pasos = []
        for actividad in (proceso or {}).get('actividades', []):
            try:
                aplica = evaluar(actividad.get('condicion') or '', contexto)
            except CondicionInvalida:
                aplica = True
            if aplica:
                clave = f'{proceso["codigo"]}-{actividad["orden"]}'
                minutos = self.duraciones.get(clave, self.atencion.get(actividad['area'],
                                                                        ATENCION_POR_DEFECTO))
                pasos.append((actividad['area'], float(minutos)))
        if not pasos:
            pasos = [(area, float(self.atencion.get(area, ATENCION_POR_DEFECTO)))]
        return prioridad, pasos

    def caso_sim(self, caso, valores, inicio):
        prioridad, pasos = self.pasos(caso, valores)
        calendario = calendario_regla(caso.calendario_id)
        recibido = aware(caso.recibido_en)
        plazo = self.plazos.get(self.motivos.get(caso.motivo.codigo, {}).get('plazo'))
        legal = vencimiento(recibido, plazo['cantidad'], plazo['unidad'], calendario) \
            if plazo else None
        regla_sla = self.prioridades.get(prioridad)
        sla = vencimiento(recibido, regla_sla['cantidad'], regla_sla['unidad'], calendario) \
            if regla_sla else None
        return CasoSim(caso.id, _minutos(recibido, inicio), tuple(pasos),
                       _minutos(legal, inicio), _minutos(sla, inicio))


def sin_personal(configuracion, casos_sim):
    """The first (area, step) a case needs with no staff, as a Spanish message, or None."""
    for caso in casos_sim:
        for area, _ in caso.pasos:
            if configuracion.personal.get(area, 0) < 1:
                return (f'El área «{area}» no tiene personal en el borrador y la necesitan '
                        'casos del período: asígnele al menos una persona.')
    return None


def _reales(casos, inicio):
    """What happened: the recorded legal and priority terms and the resolution instants."""
    terminos = defaultdict(dict)
    for lote in _lotes([c.id for c in casos]):
        for reclamo, tipo, vence in (TerminoCaso.select(TerminoCaso.reclamo, TerminoCaso.tipo,
                                                        TerminoCaso.vence_en)
                                     .where(TerminoCaso.reclamo.in_(lote),
                                            TerminoCaso.tipo.in_((LEGAL, PRIORIDAD))).tuples()):
            terminos[reclamo][tipo] = vence
    sims = [CasoSim(c.id, _minutos(c.recibido_en, inicio), (),
                    _minutos(terminos[c.id].get(LEGAL), inicio),
                    _minutos(terminos[c.id].get(PRIORIDAD), inicio)) for c in casos]
    fin = {c.id: _minutos(c.terminado_en, inicio) for c in casos if c.terminado_en}
    return sims, fin


def _sims(configuracion, casos, valores, inicio, avance):
    sims = []
    for i, caso in enumerate(casos):
        if avance and i % CADA == 0:
            avance(i / len(casos))
        sims.append(configuracion.caso_sim(caso, valores[caso.id], inicio))
    return sims


def ensayar(borrador, desde, hasta, avance=None):
    """Run ``borrador`` over the period: {escenario: indicators, series} for 'real', 'actual'
    (the live configuration, today's staff) and 'borrador'. ErrorValidacion on bad input.

    ``avance(fraction 0..1)`` is called every CADA cases; it may raise to stop the run."""
    inicio, fin = periodo(desde, hasta)
    casos = casos_del_periodo(inicio, fin)
    if avance:
        avance(0.05)
    observada = atencion_observada(casos)
    parametros = borrador.valores()
    vivo = {'personal': dict(parametros['personal']),
            'atencion': {**parametros['atencion'], **{a: round(m, 1)
                                                       for a, m in observada.items()}}}
    # Today's people per area (an area nobody staffs today counts as one person, as in a
    # fresh draft).
    vivo['personal'].update({a: max(1, n) for a, n in personal_por_area().items()})
    escenarios = {'actual': _Configuracion(exportar(), vivo),
                  'borrador': _Configuracion(borrador.configuracion(), parametros)}
    nombres = {}
    for motivo, codigo, nombre in CampoPersonalizado.select(
            CampoPersonalizado.motivo, CampoPersonalizado.codigo,
            CampoPersonalizado.nombre).tuples():
        nombres.setdefault(motivo, {})[codigo] = nombre
    valores = {c.id: valores_caso(c.tipo, c.origen, c.canal, c.servicio, c.producto, c.motivo,
                                  c.prioridad, c.area, c.descripcion, c.valores_campos(),
                                  nombres.get(c.motivo_id, {})) for c in casos}
    if avance:
        avance(0.1)
    duracion = (fin - inicio).total_seconds() / 60
    informe = {}
    # Progress: 10% read, then per scenario 20% building its cases and 20% simulating.
    for n, (clave, configuracion) in enumerate(escenarios.items()):
        base = 0.1 + 0.4 * n
        sims = _sims(configuracion, casos, valores, inicio, _tramo(avance, base, 0.2))
        falta = sin_personal(configuracion, sims)
        if falta:
            if clave == 'borrador':
                raise ErrorValidacion({'personal': falta})
            informe[clave] = {'error': falta}
            continue
        personal = {a: n for a, n in configuracion.personal.items() if n >= 1}
        corrida = simular(sims, personal, semilla=int(parametros.get('semilla', 1)),
                          variable=parametros.get('variabilidad') != 'fija',
                          hasta_muestras=duracion, avance=_tramo(avance, base + 0.2, 0.2),
                          tramo=CADA)
        informe[clave] = {'indicadores': indicadores(sims, corrida.fin),
                          'muestras': corrida.muestras, 'pendientes': corrida.pendientes}
    if avance:
        avance(0.9)
    reales, terminados = _reales(casos, inicio)
    muestras = informe['borrador']['muestras']
    tramos = [(c.area.codigo, s.llegada, terminados.get(c.id)) for c, s in
              zip(casos, reales, strict=True)]
    ahora = _minutos(ahora_utc(), inicio)
    informe['real'] = {'indicadores': indicadores(reales, terminados, ahora),
                       'muestras': muestras,
                       'pendientes': pendientes_observados(
                           tramos, muestras, sorted({t[0] for t in tramos}))}
    informe['periodo'] = (inicio, fin)
    return informe
