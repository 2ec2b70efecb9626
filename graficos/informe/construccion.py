"""The monthly report per channel and the regulator report: parameters checked, then built.

``preparar`` turns what the screen sends (text) into a ``Pedido`` or raises ErrorValidacion
naming the field; ``generar`` runs the SQL aggregates of ``informe_consultas`` for it.
"""
import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from catalogos.atencion import Canal
from catalogos.informes import (COLUMNAS, DIMENSIONES, PREDETERMINADAS, PlantillaInforme,
                                errores_agrupaciones, lista)
from catalogos.organizacion import Area, EntidadReguladora
from graficos.informe.consultas import Filtro, contar, dias_habiles
from reclamos.errores import ErrorValidacion

MAX_DIAS = 366  # a year: bounds the rows the business-day average reads


@dataclass
class Pedido:
    plantilla: PlantillaInforme
    desde: datetime.date
    hasta: datetime.date
    tablas: list
    canal: Canal = None
    entidad: EntidadReguladora = None
    area: Area = None
    zona: str = 'America/Bogota'


@dataclass
class Seccion:
    dimensiones: list
    titulos: list
    filas: list  # [(labels tuple, {column: value})]


@dataclass
class Informe:
    titulo: str
    subtitulo: str
    columnas: list
    titulos_columnas: list
    secciones: list
    total: dict
    vacio: bool
    generado_en: datetime.datetime
    pedido: Pedido = field(repr=False, default=None)

    def valor(self, columna, valores):
        return formato(columna, valores.get(columna))


def formato(columna, valor):
    if valor is None:
        return '—'
    if columna in ('promedio_dias_habiles', 'calificacion_promedio'):
        return f'{float(valor):.2f}'
    return str(valor)


def plantillas():
    """Active layouts; the shipped ones (unsaved) when the table holds none at all."""
    filas = list(PlantillaInforme.activos().order_by(PlantillaInforme.nombre))
    if filas or PlantillaInforme.select().exists():
        return filas
    return [PlantillaInforme(**datos) for datos in PREDETERMINADAS]


def _fecha(texto, campo, errores):
    try:
        return datetime.date.fromisoformat((texto or '').strip())
    except ValueError:
        errores[campo] = (f'Fecha inválida: «{texto}». Use el formato AAAA-MM-DD.' if texto
                          else 'Indique la fecha.')
        return None


def _periodo(datos, errores):
    mes = (datos.get('mes') or '').strip()
    if mes:
        try:
            inicio = datetime.date.fromisoformat(mes + '-01')
        except ValueError:
            errores['mes'] = f'Mes inválido: «{mes}». Use el formato AAAA-MM.'
            return None, None
        siguiente = (inicio + datetime.timedelta(days=32)).replace(day=1)
        return inicio, siguiente - datetime.timedelta(days=1)
    if not (datos.get('desde') or '').strip() and not (datos.get('hasta') or '').strip():
        errores['periodo'] = 'Indique el mes o el periodo (desde y hasta).'
        return None, None
    desde = _fecha(datos.get('desde'), 'desde', errores)
    hasta = _fecha(datos.get('hasta'), 'hasta', errores)
    if desde and hasta:
        if hasta < desde:
            errores['hasta'] = (f'El periodo termina ({hasta:%d/%m/%Y}) antes de empezar '
                                f'({desde:%d/%m/%Y}).')
        elif (hasta - desde).days >= MAX_DIAS:
            errores['hasta'] = f'El periodo no puede superar {MAX_DIAS} días.'
    return desde, hasta


def _catalogo(modelo, valor, campo, nombre, errores):
    valor = (valor or '').strip()
    if not valor:
        return None
    # A long digit string is no id (PostgreSQL would refuse it as out of range).
    condicion = (modelo.id == int(valor) if valor.isdigit() and len(valor) < 10
                 else modelo.codigo == valor[:40])
    fila = modelo.get_or_none(condicion)
    if fila is None:
        errores[campo] = f'{nombre}: «{valor}» no existe.'
    return fila


def _plantilla(codigo, errores):
    disponibles = {p.codigo: p for p in plantillas()}
    codigo = (codigo or '').strip() or next(iter(disponibles), '')
    if codigo not in disponibles:
        errores['plantilla'] = f'Informe desconocido: «{codigo}».'
        return None
    return disponibles[codigo]


def preparar(datos, area=None, zona='America/Bogota'):
    """A Pedido from text parameters (plantilla, mes | desde+hasta, canal, entidad, agrupar).

    ``area``: the supervisor's area, which limits every count. Raises ErrorValidacion.
    """
    errores = {}
    plantilla = _plantilla(datos.get('plantilla'), errores)
    desde, hasta = _periodo(datos, errores)
    canal = _catalogo(Canal, datos.get('canal'), 'canal', 'Canal', errores)
    entidad = _catalogo(EntidadReguladora, datos.get('entidad'), 'entidad',
                        'Entidad reguladora', errores)
    agrupar = _agrupar(datos)
    if agrupar:
        error = errores_agrupaciones(agrupar.replace(';', '\n'))
        if error:
            errores['agrupar'] = error
    if plantilla is not None:
        if plantilla.canal_id:  # a layout fixed to one channel or regulator keeps it
            canal = plantilla.canal
        if plantilla.entidad_id:
            entidad = plantilla.entidad
        if plantilla.ambito == 'entidad' and entidad is None and 'entidad' not in errores:
            errores['entidad'] = 'Elija la entidad reguladora del informe.'
    if errores:
        raise ErrorValidacion(errores)
    tablas = ([lista(t) for t in agrupar.split(';') if t.strip()] if agrupar
              else plantilla.tablas())
    return Pedido(plantilla, desde, hasta, tablas, canal=canal, entidad=entidad, area=area,
                  zona=zona)


def _agrupar(datos):
    """The tables asked for: dimensions chosen on the screen (one table each, ``agrupar``
    repeated) or, from the API, the typed form 'motivo,canal; tipo'."""
    valores = datos.getlist('agrupar') if hasattr(datos, 'getlist') else [datos.get('agrupar')]
    valores = [v.strip() for v in valores if v and v.strip()]
    return ';'.join(valores)


def _utc(fecha, zona):
    local = datetime.datetime.combine(fecha, datetime.time(), ZoneInfo(zona))
    return local.astimezone(datetime.timezone.utc).replace(tzinfo=None)


def generar(pedido, ahora=None):
    """The report of ``pedido``: counts from SQL, business-day averages per row."""
    filtro = Filtro(inicio=_utc(pedido.desde, pedido.zona),
                    fin=_utc(pedido.hasta + datetime.timedelta(days=1), pedido.zona),
                    canal=pedido.canal.id if pedido.canal else None,
                    entidad=pedido.entidad.id if pedido.entidad else None,
                    area=pedido.area.id if pedido.area else None)
    columnas = pedido.plantilla.lista_columnas()
    conteo_total = contar(filtro, ())
    total = next(iter(conteo_total.values()))[1]
    vacio = total['recibidos'] == 0 and total['anulados'] == 0
    promedios, promedio_total = ({}, None)
    if 'promedio_dias_habiles' in columnas and not vacio:
        promedios, promedio_total = dias_habiles(filtro, pedido.tablas)
    total['promedio_dias_habiles'] = promedio_total
    secciones = []
    for tabla in ([] if vacio else pedido.tablas):
        conteo = contar(filtro, tabla)
        filas = []
        for clave, (etiquetas, valores) in sorted(conteo.items(), key=lambda c: c[1][0]):
            valores['promedio_dias_habiles'] = promedios.get(tuple(tabla), {}).get(clave)
            valores['_claves'] = clave  # ids or codes: the screen links a motive's row
            filas.append((etiquetas, valores))
        secciones.append(Seccion(tabla, [DIMENSIONES[d] for d in tabla], filas))
    return Informe(titulo=pedido.plantilla.nombre, subtitulo=_subtitulo(pedido),
                   columnas=columnas, titulos_columnas=[COLUMNAS[c] for c in columnas],
                   secciones=secciones, total=total, vacio=vacio,
                   generado_en=ahora or datetime.datetime.now(datetime.timezone.utc),
                   pedido=pedido)


def _subtitulo(pedido):
    partes = [f'Periodo: {pedido.desde:%d/%m/%Y} al {pedido.hasta:%d/%m/%Y}']
    if pedido.canal:
        partes.append(f'Canal: {pedido.canal.nombre}')
    elif pedido.plantilla.ambito == 'canal':
        partes.append('Todos los canales')
    if pedido.entidad:
        partes.append(f'Entidad: {pedido.entidad.nombre}')
    if pedido.area:
        partes.append(f'Área: {pedido.area.nombre}')
    return ' · '.join(partes)


NOTA = ('Recibidos: casos recibidos en el periodo (sin anulados). Resueltos: terminados hasta '
        'el fin del periodo; fuera de plazo si el plazo legal venció antes de la respuesta. '
        'Pendientes: sin respuesta al fin del periodo. Tiempo medio: días hábiles del '
        'calendario de cada caso entre la recepción y la respuesta.')
