"""Regulator report layouts (formatos de reporte): per regulator, the columns in order, the
code each motive / outcome / channel / case type maps to, and the period.

Columns and mapped classes are whitelists here, so that a layout saved by an admin or imported
from a configuration file is refused with a Spanish message before any export reads it.
``graficos.informe.regulador`` fills the rows.
"""
from peewee import CharField, ForeignKeyField, TextField

from catalogos.base import Catalogo
from catalogos.declaracion import declarar
from catalogos.organizacion import EntidadReguladora

# column key -> what it holds (the header is the layout's own text)
CAMPOS = {
    'numero': 'Número del caso', 'recibido_fecha': 'Fecha de recepción (dd/mm/aaaa)',
    'recibido_hora': 'Hora de recepción (hh:mm)', 'tipo_codigo': 'Código del tipo de caso',
    'canal_codigo': 'Código del canal', 'motivo_codigo': 'Código del motivo',
    'motivo_nombre': 'Motivo', 'servicio': 'Servicio', 'producto': 'Producto',
    'cliente_tipo_documento': 'Tipo de documento del cliente',
    'cliente_documento': 'Número de documento del cliente', 'cliente_nombre': 'Cliente',
    'monto_reclamado': 'Monto reclamado', 'monto_aprobado': 'Monto aprobado',
    'resultado_codigo': 'Código del resultado', 'resultado_nombre': 'Resultado',
    'respuesta_fecha': 'Fecha de respuesta (dd/mm/aaaa)', 'vence_fecha': 'Vencimiento legal',
    'dias_habiles': 'Días hábiles de atención', 'estado': 'Estado',
    'reclasificado': 'Reclasificado (S/N)',
}
PREFIJO_CAMPO = 'campo.'  # campo.<code of a custom field>: its value (e.g. numero_suministro)
# mapped class -> the column that needs it
CLASES = {'motivo': 'motivo_codigo', 'resultado': 'resultado_codigo', 'canal': 'canal_codigo',
          'tipo': 'tipo_codigo'}
PERIODOS = [('mensual', 'Mensual'), ('trimestral', 'Trimestral'), ('semestral', 'Semestral'),
            ('anual', 'Anual')]


def columnas_de(texto):
    """[(key, header)] from lines 'key|Header'."""
    filas = []
    for linea in (texto or '').splitlines():
        if linea.strip():
            clave, _, titulo = linea.partition('|')
            filas.append((clave.strip(), titulo.strip() or clave.strip()))
    return filas


def codigos_de(texto):
    """{(class, internal code): regulator code} from lines 'class.CODE=value'."""
    mapa = {}
    for linea in (texto or '').splitlines():
        if linea.strip() and '=' in linea:
            izquierda, _, valor = linea.partition('=')
            clase, _, codigo = izquierda.strip().partition('.')
            mapa[(clase, codigo)] = valor.strip()
    return mapa


def errores_columnas(texto):
    filas = columnas_de(texto)
    if not filas:
        return 'Indique al menos una columna, una por línea: clave|Encabezado.'
    for clave, _ in filas:
        if clave not in CAMPOS and not (clave.startswith(PREFIJO_CAMPO)
                                        and len(clave) > len(PREFIJO_CAMPO)):
            return (f'Columna desconocida: «{clave}». Use: ' + ', '.join(CAMPOS)
                    + f' o {PREFIJO_CAMPO}<campo personalizado>.')
    claves = [c for c, _ in filas]
    repetidas = sorted({c for c in claves if claves.count(c) > 1})
    if repetidas:
        return f'La columna «{repetidas[0]}» está repetida.'
    return None


def errores_codigos(texto):
    for linea in (texto or '').splitlines():
        if not linea.strip():
            continue
        izquierda, igual, valor = linea.partition('=')
        clase, punto, codigo = izquierda.strip().partition('.')
        if not igual or not punto or not codigo or not valor.strip():
            return f'Línea inválida: «{linea.strip()[:60]}». Use clase.CODIGO=valor.'
        if clase not in CLASES:
            return f'Clase desconocida: «{clase}». Use: ' + ', '.join(CLASES) + '.'
    return None


class FormatoRegulador(Catalogo):
    entidad = ForeignKeyField(EntidadReguladora, backref='formatos', on_delete='RESTRICT',
                              verbose_name='Entidad reguladora')
    norma = CharField(max_length=300, default='', verbose_name='Norma y versión')
    periodo = CharField(max_length=20, choices=PERIODOS, default='mensual',
                        verbose_name='Periodo')
    columnas = TextField(verbose_name='Columnas',
                         help_text='Una por línea, en orden: clave|Encabezado. Claves: '
                                   + ', '.join(CAMPOS) + f', {PREFIJO_CAMPO}<campo>.')
    codigos = TextField(default='', verbose_name='Códigos',
                        help_text='Uno por línea: clase.CODIGO=valor; clases: '
                                  + ', '.join(CLASES) + '.')

    def lista_columnas(self):
        return columnas_de(self.columnas)

    def mapa(self):
        return codigos_de(self.codigos)

    def clases_usadas(self):
        claves = {c for c, _ in self.lista_columnas()}
        return [clase for clase, columna in CLASES.items() if columna in claves]

    def errores_propios(self):
        errores = {}
        if self.entidad_id is None:
            errores['entidad'] = 'Elija la entidad reguladora del formato.'
        if self.periodo not in dict(PERIODOS):
            errores['periodo'] = f'Periodo desconocido: «{self.periodo or ""}».'
        for campo, error in (('columnas', errores_columnas(self.columnas)),
                             ('codigos', errores_codigos(self.codigos))):
            if error:
                errores[campo] = error
        return errores


FORMATOS = declarar(
    FormatoRegulador, titulo='Formatos de reporte al regulador', categoria='Informes',
    clave='formatos_regulador',
    columnas=('codigo', 'nombre', 'entidad', 'norma', 'periodo', 'activo'),
    filtros=('entidad', 'activo'),
    como_codigo=('columnas', 'codigos'),
)
