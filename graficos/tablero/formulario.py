"""The dashboard's filter form: dates, catalog filters and group-by choices, each checked with
a Spanish message (a hand-made URL gets the message, never a 500)."""
import datetime

from wtforms import Form, SelectField, StringField
from wtforms.validators import ValidationError

from catalogos.atencion import Canal
from catalogos.organizacion import Area
from catalogos.plazos import Prioridad
from catalogos.servicios import Motivo, Servicio
from graficos.tablero import consultas
from graficos.tablero.filtros import PERIODOS, Filtros
from graficos.tablero.tablas import Opciones
from reclamos.caso.modelo import ORIGENES

DIAS_POR_DEFECTO = 30
DIAS_MAXIMOS = 366 * 5
ETIQUETAS_POR = {'tipo': 'Tipo', 'motivo': 'Motivo', 'prioridad': 'Prioridad', 'canal': 'Canal',
                 'area': 'Área', 'servicio': 'Servicio', 'origen': 'Origen',
                 'usuario': 'Responsable'}


class Fecha(StringField):
    """A yyyy-mm-dd date with Spanish messages (wtforms' DateField answers in English)."""

    def __init__(self, label, mensaje_vacio, **kwargs):
        super().__init__(label, **kwargs)
        self.mensaje_vacio, self.fecha = mensaje_vacio, None

    def pre_validate(self, form):
        texto = (self.data or '').strip()
        if not texto:
            raise ValidationError(self.mensaje_vacio)
        try:
            self.fecha = datetime.date.fromisoformat(texto)
        except ValueError:
            raise ValidationError(f'Fecha inválida: «{texto[:20]}». Use el formato '
                                  'AAAA-MM-DD.') from None
        if not 2000 <= self.fecha.year <= 2100:
            raise ValidationError('La fecha debe estar entre los años 2000 y 2100.')


class Opcion(SelectField):
    """A select whose unknown value names itself in Spanish."""

    def pre_validate(self, form):
        if self.data not in {str(v) for v, _ in self.choices}:
            raise ValidationError(f'Valor desconocido para {self.label.text.lower()}: '
                                  f'«{str(self.data)[:40]}».')


def _catalogo(modelo, orden=None):
    filas = modelo.select(modelo.id, modelo.nombre).order_by(orden or modelo.nombre)
    return [('', 'Todos')] + [(str(i), n) for i, n in filas.tuples()]


def _por(nombres):
    return [(n, ETIQUETAS_POR[n]) for n in nombres]


class FormularioTablero(Form):
    desde = Fecha('Desde', 'Indique la fecha inicial del período.')
    hasta = Fecha('Hasta', 'Indique la fecha final del período.')
    servicio = Opcion('Servicio', default='')
    motivo = Opcion('Motivo', default='')
    area = Opcion('Área', default='')
    canal = Opcion('Canal', default='')
    prioridad = Opcion('Prioridad', default='')
    origen = Opcion('Origen', choices=[('', 'Todos')] + ORIGENES, default='')
    periodo = Opcion('Agrupar la evolución por', choices=list(PERIODOS.items()),
                     default='semana')
    por = Opcion('Contar casos por', choices=_por(consultas.POR_CONTEO), default='motivo')
    por_tiempo = Opcion('Tiempos por', choices=_por(consultas.POR_TIEMPO), default='motivo')
    por_satisfaccion = Opcion('Satisfacción por', choices=_por(consultas.POR_SATISFACCION),
                              default='area')

    def __init__(self, datos, hoy, areas=None):
        """``datos``: the query string; ``areas``: the viewer's scope (None: every area)."""
        valores = datos.copy() if hasattr(datos, 'copy') else dict(datos)
        if 'desde' not in valores and 'hasta' not in valores:
            valores['desde'] = (hoy - datetime.timedelta(days=DIAS_POR_DEFECTO - 1)).isoformat()
            valores['hasta'] = hoy.isoformat()
        super().__init__(valores)
        self.areas = areas
        self.servicio.choices = _catalogo(Servicio)
        self.motivo.choices = _catalogo(Motivo)
        consulta = Area.select(Area.id, Area.nombre).order_by(Area.nombre)
        if areas is not None:
            consulta = consulta.where(Area.id.in_(list(areas) or [0]))
        filas = [(str(i), n) for i, n in consulta.tuples()]
        # A supervisor's blank choice is their areas, not the whole company: say which.
        todas = 'Todas' if areas is None else (
            'Mi área' if len(filas) == 1 else 'Todas mis áreas')
        self.area.choices = [('', todas)] + filas
        self.canal.choices = _catalogo(Canal)
        self.prioridad.choices = _catalogo(Prioridad, Prioridad.orden)

    def validate(self, extra_validators=None):
        correcto = super().validate(extra_validators)
        desde, hasta = self.desde.fecha, self.hasta.fecha
        if desde and hasta and not self.desde.errors and not self.hasta.errors:
            if hasta < desde:
                self.hasta.errors = list(self.hasta.errors) + [
                    'La fecha final es anterior a la inicial.']
                correcto = False
            elif (hasta - desde).days > DIAS_MAXIMOS:
                self.hasta.errors = list(self.hasta.errors) + [
                    'El período abarca más de cinco años: acórtelo.']
                correcto = False
        return correcto

    def filtros(self, zona):
        """The validated values as Filtros (call after validate())."""
        def entero(campo):
            return int(campo.data) if campo.data else None

        return Filtros(desde=self.desde.fecha, hasta=self.hasta.fecha, zona=zona,
                       servicio=entero(self.servicio), motivo=entero(self.motivo),
                       area=entero(self.area), canal=entero(self.canal),
                       prioridad=entero(self.prioridad), origen=self.origen.data or None,
                       areas=self.areas)

    def opciones(self):
        return Opciones(periodo=self.periodo.data, por=self.por.data,
                        por_tiempo=self.por_tiempo.data,
                        por_satisfaccion=self.por_satisfaccion.data)

    def parametros(self):
        """The query string of this form (to rebuild links: exports, other group-bys)."""
        return {c.name: c.data for c in self if c.data not in (None, '')}
