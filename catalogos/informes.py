"""Report layouts (plantillas de informe): which counts, grouped how, for which scope.

The names of dimensions and columns are a whitelist here, so that a layout saved by an admin
(or imported from a configuration file) is refused with a Spanish message before any query
sees it; ``graficos.informe.consultas`` maps each name to SQL.
"""
from peewee import CharField, ForeignKeyField, TextField

from catalogos.atencion import Canal
from catalogos.base import Catalogo
from catalogos.declaracion import declarar
from catalogos.organizacion import EntidadReguladora

DIMENSIONES = {
    'tipo': 'Tipo', 'motivo': 'Motivo', 'canal': 'Canal', 'servicio': 'Servicio',
    'area': 'Área', 'prioridad': 'Prioridad', 'origen': 'Origen', 'entidad': 'Entidad reguladora',
    'resultado': 'Resultado', 'reclasificado': 'Reclasificado',
    'punto_recepcion': 'Punto de recepción', 'tipo_solicitante': 'Tipo de solicitante',
}
COLUMNAS = {
    'recibidos': 'Recibidos',
    'resueltos_en_plazo': 'Resueltos en plazo',
    'resueltos_fuera_plazo': 'Resueltos fuera de plazo',
    'pendientes': 'Pendientes',
    'anulados': 'Anulados',
    'promedio_dias_habiles': 'Tiempo medio de respuesta (días hábiles)',
    'calificacion_promedio': 'Calificación promedio',
    'reclasificados': 'Reclasificados',
}
AMBITOS = [('canal', 'Mensual por canal'), ('entidad', 'Por entidad reguladora'),
           ('general', 'General (todos los casos)')]
PERIODOS = [('mensual', 'Mensual'), ('trimestral', 'Trimestral'), ('anual', 'Anual')]
AGRUPACION_DEFECTO = 'tipo\nmotivo'
COLUMNAS_DEFECTO = ('recibidos,resueltos_en_plazo,resueltos_fuera_plazo,pendientes,'
                    'promedio_dias_habiles')


def lista(texto, separador=','):
    return [p.strip() for p in (texto or '').split(separador) if p.strip()]


def errores_agrupaciones(texto):
    """Each line of ``texto`` is one table of the report, its dimensions separated by commas."""
    lineas = [lista(linea) for linea in (texto or '').splitlines() if linea.strip()]
    if not lineas:
        return 'Indique al menos una agrupación (por ejemplo «tipo» o «motivo»).'
    for linea in lineas:
        desconocidas = [d for d in linea if d not in DIMENSIONES]
        if desconocidas:
            return (f'Agrupación desconocida: «{desconocidas[0]}». Use: '
                    + ', '.join(DIMENSIONES) + '.')
        if len(set(linea)) != len(linea):
            return f'La agrupación «{", ".join(linea)}» repite una dimensión.'
    return None


def errores_columnas(texto):
    columnas = lista(texto)
    if not columnas:
        return 'Indique al menos una columna (por ejemplo «recibidos»).'
    desconocidas = [c for c in columnas if c not in COLUMNAS]
    if desconocidas:
        return f'Columna desconocida: «{desconocidas[0]}». Use: ' + ', '.join(COLUMNAS) + '.'
    return None


class PlantillaInforme(Catalogo):
    """One report layout; the shipped defaults are the monthly channel and regulator reports."""

    ambito = CharField(max_length=20, choices=AMBITOS, default='canal', verbose_name='Ámbito')
    agrupaciones = TextField(default=AGRUPACION_DEFECTO, verbose_name='Agrupaciones',
                             help_text='Una tabla por línea; dimensiones separadas por comas: '
                                       + ', '.join(DIMENSIONES) + '.')
    columnas = TextField(default=COLUMNAS_DEFECTO, verbose_name='Columnas',
                         help_text='Separadas por comas: ' + ', '.join(COLUMNAS) + '.')
    periodo = CharField(max_length=20, choices=PERIODOS, default='mensual',
                        verbose_name='Periodo propuesto')
    canal = ForeignKeyField(Canal, null=True, on_delete='RESTRICT', verbose_name='Canal fijo')
    entidad = ForeignKeyField(EntidadReguladora, null=True, on_delete='RESTRICT',
                              verbose_name='Entidad fija')

    def tablas(self):
        return [lista(linea) for linea in (self.agrupaciones or '').splitlines()
                if linea.strip()]

    def lista_columnas(self):
        return lista(self.columnas)

    def errores_propios(self):
        errores = {}
        if self.ambito not in dict(AMBITOS):
            errores['ambito'] = f'Ámbito desconocido: «{self.ambito or ""}».'
        if self.periodo not in dict(PERIODOS):
            errores['periodo'] = f'Periodo desconocido: «{self.periodo or ""}».'
        for campo, error in (('agrupaciones', errores_agrupaciones(self.agrupaciones)),
                             ('columnas', errores_columnas(self.columnas))):
            if error:
                errores[campo] = error
        if self.canal_id is not None and self.ambito != 'canal':
            errores['canal'] = 'Un canal fijo solo se usa en un informe por canal.'
        if self.entidad_id is not None and self.ambito != 'entidad':
            errores['entidad'] = 'Una entidad fija solo se usa en un informe por entidad.'
        return errores


# Shipped layouts: the migration inserts them; the report screen offers them while the table
# has no active layout (a database emptied by hand, or before the first migration).
PREDETERMINADAS = (
    {'codigo': 'MENSUAL_CANAL', 'nombre': 'Informe mensual por canal', 'ambito': 'canal',
     'agrupaciones': AGRUPACION_DEFECTO, 'columnas': COLUMNAS_DEFECTO, 'periodo': 'mensual'},
    {'codigo': 'REGULADOR', 'nombre': 'Informe para la entidad reguladora',
     'ambito': 'entidad', 'agrupaciones': AGRUPACION_DEFECTO + '\nresultado',
     'columnas': COLUMNAS_DEFECTO,
     'periodo': 'mensual'},
)

PLANTILLAS_INFORME = declarar(
    PlantillaInforme, titulo='Plantillas de informe', categoria='Informes',
    clave='plantillas_informe',
    columnas=('codigo', 'nombre', 'ambito', 'agrupaciones', 'columnas', 'periodo', 'canal',
              'entidad', 'activo'),
    filtros=('ambito', 'activo'),
)
