"""The regulator report in the regulator's own layout (catalogos.formatos): one row per case
of the regulator received in the period, columns in the layout's order, motives, outcomes,
channels and case types written with the regulator's codes.

A mapping with a gap is refused before anything is exported (``faltantes``): a blank code in
a file sent to a regulator is an error the company answers for.
"""
import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from peewee import fn

from catalogos.atencion import Canal
from catalogos.formatos import PREFIJO_CAMPO, FormatoRegulador
from catalogos.resultados import Resultado
from catalogos.servicios import TIPOS_CASO, Motivo
from reclamos.caso.decision import DecisionReclamo
from reclamos.caso.lineas import LineaReclamo
from reclamos.caso.modelo import Reclamo
from reclamos.errores import ErrorValidacion
from reclamos.plazos.ciclo import calendario_regla
from reclamos.plazos.modelo import LEGAL, TerminoCaso
from reclamos.tiempo import aware
from reglas import transcurrido
from reglas.transiciones import ANULADO, APROBADO, CANCELADO, ETIQUETAS

MESES_PERIODO = {'mensual': 1, 'trimestral': 3, 'semestral': 6, 'anual': 12}
ETIQUETA_CLASE = {'motivo': 'Motivos', 'resultado': 'Resultados', 'canal': 'Canales',
                  'tipo': 'Tipos de caso'}


@dataclass
class Reporte:
    formato: FormatoRegulador
    desde: datetime.date
    hasta: datetime.date  # exclusive
    encabezados: list
    filas: list


def periodo(formato, texto):
    """(first day, first day after) of '2026-03' (mensual), '2026-T1' (trimestral), '2026-S2'
    (semestral) or '2026' (anual), as the layout's period says."""
    texto = (texto or '').strip().upper()
    meses = MESES_PERIODO[formato.periodo]
    ejemplo = {'mensual': '2026-03', 'trimestral': '2026-T1', 'semestral': '2026-S1',
               'anual': '2026'}[formato.periodo]
    try:
        anio, _, parte = texto.partition('-')
        anio = int(anio)
        letra = {3: 'T', 6: 'S'}.get(meses, '')
        if meses == 12:
            numero = 0 if parte else 1
        elif letra and parte[:1] != letra:
            raise ValueError(parte)
        else:
            numero = int(parte[len(letra):])
        if not 1 <= numero <= 12 // meses or not 2000 <= anio <= 2100:
            raise ValueError
    except ValueError:
        raise ErrorValidacion({'periodo': f'Periodo inválido: «{texto[:20]}». Este formato es '
                                          f'{formato.periodo}: use p. ej. {ejemplo}.'}) from None
    mes = (numero - 1) * meses + 1
    desde = datetime.date(anio, mes, 1)
    fin_mes = mes + meses
    hasta = datetime.date(anio + (fin_mes - 1) // 12, (fin_mes - 1) % 12 + 1, 1)
    return desde, hasta


def _casos(formato, desde, hasta, zona):
    tz = ZoneInfo(zona)
    inicio, fin = (datetime.datetime.combine(d, datetime.time(), tz)
                   .astimezone(datetime.timezone.utc).replace(tzinfo=None)
                   for d in (desde, hasta))
    return (Reclamo.con_relaciones()
            .where(Motivo.entidad == formato.entidad_id, Reclamo.estado != ANULADO,
                   Reclamo.recibido_en >= inicio, Reclamo.recibido_en < fin)
            .order_by(Reclamo.recibido_en, Reclamo.id))


def faltantes(formato, casos):
    """{class label: [names without a code]} for the classes the layout's columns use: every
    active motive, outcome and channel of the regulator, and whatever the cases used."""
    mapa = formato.mapa()
    usados = {'motivo': {c.motivo for c in casos}, 'canal': {c.canal for c in casos},
              'resultado': {c.resultado for c in casos if c.resultado_id},
              'tipo': {c.tipo for c in casos}}
    todos = {
        'motivo': set(Motivo.activos().where(Motivo.entidad == formato.entidad_id)),
        'resultado': set(Resultado.para(formato.entidad_id)),
        'canal': set(Canal.activos()),
        'tipo': {m.tipo for m in Motivo.activos().where(Motivo.entidad == formato.entidad_id)},
    }
    tipos = dict(TIPOS_CASO)
    sin_codigo = {}
    for clase in formato.clases_usadas():
        for fila in todos[clase] | usados[clase]:
            codigo = fila if clase == 'tipo' else fila.codigo
            if not mapa.get((clase, codigo)):
                nombre = tipos.get(fila, fila) if clase == 'tipo' else f'{fila.nombre} ({codigo})'
                sin_codigo.setdefault(ETIQUETA_CLASE[clase], []).append(nombre)
    return {k: sorted(v) for k, v in sin_codigo.items()}


def _montos(ids):
    """({case: claimed}, {case: approved}) in two queries; the claim decision prevails."""
    reclamado = dict(LineaReclamo.select(LineaReclamo.reclamo, fn.SUM(LineaReclamo.monto_reclamado))
                     .where(LineaReclamo.reclamo.in_(ids), LineaReclamo.estado != CANCELADO)
                     .group_by(LineaReclamo.reclamo).tuples()) if ids else {}
    aprobado = dict(LineaReclamo.select(LineaReclamo.reclamo, fn.SUM(LineaReclamo.monto_aprobado))
                    .where(LineaReclamo.reclamo.in_(ids), LineaReclamo.estado == APROBADO)
                    .group_by(LineaReclamo.reclamo).tuples()) if ids else {}
    for decision in DecisionReclamo.select().where(DecisionReclamo.reclamo.in_(ids or [0])):
        aprobado[decision.reclamo_id] = decision.monto_aprobado or 0
    return reclamado, aprobado


def _dinero(valor):
    return '' if valor is None else f'{float(valor):.2f}'


def generar(formato, texto_periodo, zona):
    """The report, or ErrorValidacion naming the period or every missing code."""
    desde, hasta = periodo(formato, texto_periodo)
    casos = list(_casos(formato, desde, hasta, zona))
    sin_codigo = faltantes(formato, casos)
    if sin_codigo:
        detalle = '; '.join(f'{clase}: {", ".join(nombres)}'
                            for clase, nombres in sin_codigo.items())
        raise ErrorValidacion({'codigos': f'El formato «{formato.nombre}» no tiene código '
                                          f'para: {detalle}. Complételo antes de exportar.'})
    ids = [c.id for c in casos]
    reclamado, aprobado = _montos(ids)
    vence = dict(TerminoCaso.select(TerminoCaso.reclamo, TerminoCaso.vence_en)
                 .where(TerminoCaso.reclamo.in_(ids or [0]), TerminoCaso.tipo == LEGAL)
                 .tuples())
    mapa, calendarios = formato.mapa(), {}
    columnas = formato.lista_columnas()
    filas = []
    for c in casos:
        if c.calendario_id not in calendarios:
            calendarios[c.calendario_id] = calendario_regla(c.calendario_id)
        cal = calendarios[c.calendario_id]
        recibido = cal.local(aware(c.recibido_en))
        terminado = cal.local(aware(c.terminado_en)) if c.terminado_en else None
        fin_legal = vence.get(c.id)
        valores = {
            'numero': c.numero, 'recibido_fecha': f'{recibido:%d/%m/%Y}',
            'recibido_hora': f'{recibido:%H:%M}',
            'tipo_codigo': mapa.get(('tipo', c.tipo), ''),
            'canal_codigo': mapa.get(('canal', c.canal.codigo), ''),
            'motivo_codigo': mapa.get(('motivo', c.motivo.codigo), ''),
            'motivo_nombre': c.motivo.nombre, 'servicio': c.servicio.nombre,
            'producto': c.producto.nombre if c.producto_id else '',
            'cliente_tipo_documento': c.cliente.tipo_documento_identidad if c.cliente_id else '',
            'cliente_documento': c.cliente.numero_documento if c.cliente_id else '',
            'cliente_nombre': c.cliente.nombre if c.cliente_id else '',
            'monto_reclamado': _dinero(reclamado.get(c.id)),
            'monto_aprobado': _dinero(aprobado.get(c.id)),
            'resultado_codigo': mapa.get(('resultado', c.resultado.codigo), '')
            if c.resultado_id else '',
            'resultado_nombre': c.resultado.nombre if c.resultado_id else '',
            'respuesta_fecha': f'{terminado:%d/%m/%Y}' if terminado else '',
            'vence_fecha': f'{cal.local(aware(fin_legal)):%d/%m/%Y}' if fin_legal else '',
            'dias_habiles': transcurrido(aware(c.recibido_en), aware(c.terminado_en),
                                         'dias_habiles', cal) if c.terminado_en else '',
            'estado': ETIQUETAS.get(c.estado, c.estado),
            'reclasificado': 'S' if c.reclasificaciones else 'N',
        }
        campos = c.valores_campos()
        filas.append([campos.get(clave[len(PREFIJO_CAMPO):], '')
                      if clave.startswith(PREFIJO_CAMPO) else valores[clave]
                      for clave, _ in columnas])
    return Reporte(formato, desde, hasta, [titulo for _, titulo in columnas], filas)
