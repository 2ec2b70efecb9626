"""Who works and when: calendars (business hours, non-working days), areas, regulators."""
import datetime
import functools
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from peewee import (SQL, BooleanField, CharField, DateField, ForeignKeyField, IntegerField,
                    TimeField)

from bd import BaseModel
from bd.recordadas import Recordada
from bd.memo import olvidar
from catalogos.base import Catalogo
from catalogos.declaracion import Hijo, declarar
from reglas.errores import ReglaInvalida

DIAS_SEMANA = [(0, 'Lunes'), (1, 'Martes'), (2, 'Miércoles'), (3, 'Jueves'), (4, 'Viernes'),
               (5, 'Sábado'), (6, 'Domingo')]
SEMANAS_LEGALES = [('lun_vie', 'Lunes a viernes'), ('lun_sab', 'Lunes a sábado')]
DIAS_LEGALES = {'lun_vie': range(5), 'lun_sab': range(6)}
TIPOS_DIA = [('no_laborable', 'No laborable'), ('laborable', 'Laborable')]
PAISES = [('CO', 'Colombia'), ('PE', 'Perú'), ('EC', 'Ecuador'), ('MX', 'México'),
          ('CL', 'Chile'), ('BO', 'Bolivia'), ('AR', 'Argentina'), ('ES', 'España')]
ZONAS_COMUNES = ['America/Bogota', 'America/Lima', 'America/Guayaquil', 'America/Mexico_City',
                 'America/Santiago', 'America/La_Paz', 'America/Argentina/Buenos_Aires',
                 'Europe/Madrid', 'UTC']


def zona_valida(nombre):
    if not nombre or nombre not in available_timezones():
        return False
    try:
        ZoneInfo(nombre)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


MEMO_CALENDARIOS = 'calendarios'  # the rules' calendars read in this request (bd.memo)


class _CambiaCalendario:
    """Saving or deleting a calendar row, an hour range or a special day: the rest of the
    request reads the calendar again."""

    def save(self, *args, **kwargs):
        guardado = super().save(*args, **kwargs)
        olvidar(MEMO_CALENDARIOS)
        return guardado

    def delete_instance(self, *args, **kwargs):
        borrado = super().delete_instance(*args, **kwargs)
        olvidar(MEMO_CALENDARIOS)
        return borrado


class Calendario(_CambiaCalendario, Catalogo):
    pais = CharField(max_length=2, choices=PAISES, verbose_name='País')
    zona = CharField(max_length=64, default='America/Bogota', verbose_name='Zona horaria')
    semana_legal = CharField(
        max_length=10, choices=SEMANAS_LEGALES, default='lun_vie',
        verbose_name='Días hábiles legales',
        help_text='Los días que la ley cuenta en los plazos en días hábiles (15 días hábiles, '
                  'etc.), sin festivos nacionales ni los días no laborables de la empresa. En '
                  'Perú y en Colombia son de lunes a viernes; en Colombia el sábado cuenta solo '
                  'si la entidad lo trabaja. El horario de atención de abajo NO cambia estos '
                  'días: atender el sábado por la mañana no acorta ningún plazo legal.')
    recepcion_en_horario = BooleanField(
        default=False, verbose_name='Recepción fuera de horario cuenta desde la apertura',
        help_text='Un caso recibido fuera del horario de atención, o en un día que la ley no '
                  'cuenta, se considera recibido al abrir el siguiente día hábil legal.')
    predeterminado = BooleanField(default=False, verbose_name='Predeterminado')

    def errores_propios(self):
        errores = {}
        if self.pais not in dict(PAISES):
            errores['pais'] = f'País no soportado: «{self.pais or ""}».'
        if self.semana_legal not in DIAS_LEGALES:
            errores['semana_legal'] = f'Elija los días hábiles legales: «{self.semana_legal}».'
        if not zona_valida(self.zona):
            errores['zona'] = (f'La zona horaria «{self.zona or ""}» no existe. '
                               'Ejemplos: America/Bogota, America/Lima.')
        return errores

    def save(self, *args, **kwargs):
        """At most one default calendar: marking this one unmarks the other (every path that
        saves a calendar, form or import, comes through here)."""
        self._reemplazado = None
        if self.predeterminado:
            otros = Calendario.select().where(Calendario.predeterminado == True)  # noqa: E712
            if self.id is not None:
                otros = otros.where(Calendario.id != self.id)
            self._reemplazado = ', '.join(f'«{c.nombre}»' for c in otros) or None
            if self._reemplazado:
                Calendario.update(predeterminado=False).where(
                    Calendario.id.in_([c.id for c in otros])).execute()
        return super().save(*args, **kwargs)

    def avisos(self):
        reemplazado = getattr(self, '_reemplazado', None)
        if not reemplazado:
            return []
        return [f'«{self.nombre}» es ahora el calendario predeterminado; {reemplazado} dejó de '
                'serlo.']

    @classmethod
    def por_id(cls, ident):
        return _POR_ID.primera(ident)

    @classmethod
    def predeterminado_o_primero(cls):
        return _PREDETERMINADO.primera()

    def como_regla(self):
        """The pure ``reglas.Calendario`` of this row: two small queries, then a value memoised
        by the rows' contents (equal rows share one instance, whose table of business days is
        built once; an edited calendar gives a new one)."""
        filas = _DIAS.filas(self.id)
        horario = tuple(sorted((dia, abre, cierra) for parte, dia, abre, cierra, _, _ in filas
                               if parte == 0))
        # The second part's columns get no converter from the union: the date by hand.
        especiales = tuple(sorted((DiaEspecial.fecha.python_value(fecha), tipo)
                                  for parte, _, _, _, fecha, tipo in filas if parte == 1))
        return _regla_calendario(self.pais, self.zona, self.recepcion_en_horario, horario,
                                 especiales, self.semana_legal)

    def errores_del_conjunto(self):
        """Checks across the inline rows (overlapping ranges of one day), once they are saved;
        the pure rule gives the Spanish message."""
        try:
            self.como_regla()
        except ReglaInvalida as error:
            return {'horario': str(error)}
        return {}


@functools.lru_cache(maxsize=64)
def _regla_calendario(pais, zona, recepcion_en_horario, horario, especiales,
                      semana_legal='lun_vie'):
    from reglas import Calendario as CalendarioRegla

    # A calendar saved without service hours still needs some to count hours: the usual
    # office week, Monday to Friday 08:00-17:00.
    horas = {}
    for dia, abre, cierra in horario:
        horas.setdefault(dia, []).append((abre, cierra))
    horas = horas or {dia: (datetime.time(8), datetime.time(17)) for dia in range(5)}
    return CalendarioRegla.crear(
        pais, zona, horas,
        no_laborables=[f for f, tipo in especiales if tipo == 'no_laborable'],
        laborables=[f for f, tipo in especiales if tipo == 'laborable'],
        recepcion_en_horario=recepcion_en_horario,
        dias_legales=DIAS_LEGALES.get(semana_legal, DIAS_LEGALES['lun_vie']))


class HorarioDia(_CambiaCalendario, BaseModel):
    """One service range of a weekday; a lunch break is two rows for the same day."""

    calendario = ForeignKeyField(Calendario, backref='horario', on_delete='CASCADE')
    dia = IntegerField(choices=DIAS_SEMANA, verbose_name='Día')
    abre = TimeField(verbose_name='Abre', formats=['%H:%M:%S', '%H:%M'])
    cierra = TimeField(verbose_name='Cierra', formats=['%H:%M:%S', '%H:%M'])

    class Meta:
        indexes = ((('calendario', 'dia'), False),)

    def __str__(self):
        dia = dict(DIAS_SEMANA).get(self.dia, self.dia)
        return f'{dia} {self.abre:%H:%M}–{self.cierra:%H:%M}' if self.abre and self.cierra \
            else str(dia)

    def errores(self):
        errores = {}
        if self.dia not in dict(DIAS_SEMANA):
            errores['dia'] = f'Día de la semana inválido: «{self.dia}».'
        if self.abre is None:
            errores['abre'] = 'Indique la hora de apertura.'
        if self.cierra is None:
            errores['cierra'] = 'Indique la hora de cierre.'
        elif self.abre is not None and self.cierra <= self.abre:
            errores['cierra'] = (f'El cierre ({self.cierra:%H:%M}) debe ser posterior a la '
                                 f'apertura ({self.abre:%H:%M}).')
        return errores


class DiaEspecial(_CambiaCalendario, BaseModel):
    """A company non-working day (Peru decrees some case by case) or an extra working day."""

    calendario = ForeignKeyField(Calendario, backref='dias_especiales', on_delete='CASCADE')
    fecha = DateField(verbose_name='Fecha')
    tipo = CharField(max_length=20, choices=TIPOS_DIA, default='no_laborable', verbose_name='Tipo')
    descripcion = CharField(max_length=200, default='', verbose_name='Descripción')

    class Meta:
        indexes = ((('calendario', 'fecha'), True),)

    def __str__(self):
        texto = f'{self.fecha:%d/%m/%Y} {dict(TIPOS_DIA).get(self.tipo, self.tipo).lower()}'
        return f'{texto}: {self.descripcion}' if self.descripcion else texto

    def errores(self):
        errores = {}
        if self.fecha is None:
            errores['fecha'] = 'Indique la fecha.'
        if self.tipo not in dict(TIPOS_DIA):
            errores['tipo'] = f'Tipo de día inválido: «{self.tipo}».'
        return errores


# A calendar is read on every page that shows a date or a term: kept per process while no
# catalog changes (bd.recordadas).
_POR_ID = Recordada(lambda ident: Calendario.select().where(Calendario.id == ident).limit(1))
_PREDETERMINADO = Recordada(lambda: Calendario.select().order_by(
    Calendario.predeterminado.desc(), Calendario.id).limit(1))
# Its service hours and special days in one statement (a round trip less on PostgreSQL).
_DIAS = Recordada(lambda ident: HorarioDia.select(
    SQL('0'), HorarioDia.dia, HorarioDia.abre, HorarioDia.cierra, SQL('NULL'), SQL('NULL'))
    .where(HorarioDia.calendario == ident).union_all(DiaEspecial.select(
        SQL('1'), SQL('NULL'), SQL('NULL'), SQL('NULL'), DiaEspecial.fecha, DiaEspecial.tipo)
        .where(DiaEspecial.calendario == ident)).tuples())


class Area(Catalogo):
    registra = BooleanField(default=True, verbose_name='Registra casos')
    resuelve = BooleanField(default=False, verbose_name='Resuelve casos')
    correo = CharField(max_length=200, default='', verbose_name='Correo del área')


@Recordada
def area_por_id(ident):
    """The Area row of ``ident`` (``.primera(ident)``); asked on every registration."""
    return Area.select().where(Area.id == ident).limit(1)


class EntidadReguladora(Catalogo):
    pais = CharField(max_length=2, choices=PAISES, verbose_name='País')
    sitio = CharField(max_length=200, default='', verbose_name='Sitio web')

    def errores_propios(self):
        if self.pais not in dict(PAISES):
            return {'pais': f'País no soportado: «{self.pais or ""}».'}
        return {}


CALENDARIOS = declarar(
    Calendario, titulo='Calendarios', categoria='Plazos', clave='calendarios',
    columnas=('codigo', 'nombre', 'pais', 'zona', 'semana_legal', 'recepcion_en_horario',
              'predeterminado', 'activo'),
    filtros=('pais', 'activo'),
    hijos=(Hijo(HorarioDia, 'calendario', 'horario', ('dia', 'abre', 'cierra'),
                titulo='Horario de atención (una fila por franja; almuerzo = dos franjas)'),
           Hijo(DiaEspecial, 'calendario', 'dias_especiales', ('fecha', 'tipo', 'descripcion'),
                titulo='Día especial')),
)
AREAS = declarar(
    Area, titulo='Áreas', categoria='Organización', clave='areas',
    columnas=('codigo', 'nombre', 'registra', 'resuelve', 'correo', 'activo'),
    filtros=('registra', 'resuelve', 'activo'),
)
ENTIDADES = declarar(
    EntidadReguladora, titulo='Entidades reguladoras', categoria='Organización',
    clave='entidades_reguladoras', columnas=('codigo', 'nombre', 'pais', 'sitio', 'activo'),
    filtros=('pais', 'activo'),
)
