"""Escalation levels and e-mail templates: what is notified, to whom, and in which words.

A level applies to one area or, with no area, to every area that has no levels of its own
(an area's levels replace the global ones, they do not add to them). Within one scope the
levels go up: level 2 has a higher percentage than level 1, and neither an order nor a
percentage repeats.
"""
import re

from peewee import BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from catalogos.base import Catalogo
from catalogos.declaracion import declarar
from catalogos.organizacion import Area
from reglas.cabeceras import error_cabecera

PORCENTAJE_MAX = 1000
SEPARADOR = re.compile(r'[\s,;]+')
AL_CAMBIAR_NIVELES = []  # callables run after a level is saved, in its transaction


def direcciones(texto):
    """The fixed addresses of a level: comma, semicolon or line separated."""
    return [d for d in SEPARADOR.split(texto or '') if d]


class NivelEscalamiento(Catalogo):
    area = ForeignKeyField(Area, null=True, on_delete='CASCADE', verbose_name='Área',
                           help_text='Vacío: todas las áreas que no tengan niveles propios.')
    orden = IntegerField(default=1, verbose_name='Orden')
    porcentaje = IntegerField(verbose_name='Porcentaje del plazo',
                              help_text='Parte del plazo transcurrida: 80, 100, 150...')
    al_responsable = BooleanField(default=False, verbose_name='Al responsable')
    a_supervisores = BooleanField(default=False, verbose_name='A los supervisores del área')
    a_gerentes = BooleanField(default=False, verbose_name='A los gerentes')
    correos = TextField(default='', verbose_name='Direcciones fijas',
                        help_text='Separadas por comas; reciben el aviso por correo.')
    en_app = BooleanField(default=True, verbose_name='En la aplicación')
    por_correo = BooleanField(default=False, verbose_name='Por correo')

    def __str__(self):
        return f'{self.nombre} ({self.porcentaje} %)'

    def errores_propios(self):
        errores = {}
        if self.orden is None or self.orden < 1:
            errores['orden'] = 'El orden debe ser un número entero desde 1.'
        if self.porcentaje is None or not 0 < self.porcentaje <= PORCENTAJE_MAX:
            errores['porcentaje'] = (f'El porcentaje debe estar entre 1 y {PORCENTAJE_MAX} '
                                     f'(se recibió {self.porcentaje}).')
        malas = [d for d in direcciones(self.correos) if not _correo_valido(d)]
        if malas:
            errores['correos'] = f'Dirección de correo no válida: «{malas[0]}».'
        elif direcciones(self.correos) and not self.por_correo:
            errores['por_correo'] = ('Las direcciones fijas solo reciben correo: marque '
                                     '«Por correo».')
        if not (self.al_responsable or self.a_supervisores or self.a_gerentes
                or direcciones(self.correos)):
            errores['al_responsable'] = 'Indique a quién se notifica.'
        if not (self.en_app or self.por_correo):
            errores['en_app'] = 'Indique por qué medio: en la aplicación, por correo o ambos.'
        if not errores:
            errores.update(self._errores_de_orden())
        return errores

    def _errores_de_orden(self):
        """Same scope: no repeated order or percentage, percentages rising with the order."""
        cls = type(self)
        otros = cls.select().where(cls.area.is_null() if self.area_id is None
                                   else cls.area == self.area_id)
        if self.id is not None:
            otros = otros.where(cls.id != self.id)
        ambito = f'el área {self.area.codigo}' if self.area_id else 'el ámbito global'
        # A repeated order or percentage is named before any ordering clash, whatever order
        # the database returns the levels in (PostgreSQL's changes with updates).
        otros = list(otros.order_by(cls.orden, cls.id))
        for otro in otros:
            if otro.orden == self.orden:
                return {'orden': f'Ya hay un nivel {self.orden} en {ambito}: «{otro.nombre}».'}
            if otro.porcentaje == self.porcentaje:
                return {'porcentaje': f'Ya hay un nivel al {self.porcentaje} % en {ambito}: '
                                      f'«{otro.nombre}».'}
        for otro in otros:
            if (otro.orden < self.orden) != (otro.porcentaje < self.porcentaje):
                return {'porcentaje': f'Niveles fuera de orden en {ambito}: el nivel '
                                      f'{otro.orden} es al {otro.porcentaje} %, así que el '
                                      f'nivel {self.orden} debe ser '
                                      f'{"mayor" if otro.orden < self.orden else "menor"}.'}
        return {}

    def save(self, *args, **kwargs):
        # Open terms scheduled against the old levels are looked at again by the next sweep;
        # the case domain registers that here (catalogos imports nothing of reclamos).
        resultado = super().save(*args, **kwargs)
        for oyente in AL_CAMBIAR_NIVELES:
            oyente()
        return resultado


def _correo_valido(direccion):
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(direccion, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


# -- e-mail templates -----------------------------------------------------------------------
# The placeholders each template may use, with the sample values a save is checked with.
EJEMPLOS = {
    'ACUSE_RECIBO': {'numero': '2026-000123', 'cliente': 'Rosa Quispe',
                     'fecha_respuesta': 'miércoles 15 de abril de 2026, 23:59',
                     'motivo': 'Sin servicio de internet', 'canal': 'Centro de atención virtual',
                     'plazo': 'OSIPTEL 3 días hábiles',
                     'enlace': 'https://reclamos.empresa.pe/portal/caso/eyJyIjoxMjN9'},
    'CASO_RESUELTO': {'numero': '2026-000123', 'cliente': 'Rosa Quispe',
                      'respuesta': 'Se reemplazó el módem.', 'motivo': 'Sin servicio de internet',
                      'fecha': 'lunes 2 de marzo de 2026, 15:00',
                      'enlace': 'https://reclamos.empresa.pe/portal/caso/eyJyIjoxMjN9',
                      'encuesta': 'https://reclamos.empresa.pe/portal/encuesta/eyJyIjoxMjN9'},
    'ALERTA': {'numero': '2026-000123', 'nivel': 'Supervisión', 'porcentaje': 100,
               'plazo': 'Plazo legal', 'vence': 'martes 3 de marzo de 2026, 10:00',
               'area': 'Monitoreo', 'responsable': 'Ana', 'motivo': 'Sin servicio de internet',
               'estado_plazo': 'vencido'},
    'RESUMEN_DIARIO': {'fecha': '2026-03-02', 'destinatario': 'Sara', 'total': 2,
                       'lista': '- 2026-000123 Monitoreo, venció el 02/03/2026 10:00'},
}
DESCRIPCIONES = {
    'ACUSE_RECIBO': 'Al cliente, al registrar su caso',
    'CASO_RESUELTO': 'Al cliente, cuando su caso queda resuelto',
    'ALERTA': 'A quien indique cada nivel de escalamiento',
    'RESUMEN_DIARIO': 'Resumen diario de vencidos a supervisores y gerentes',
}


class PlantillaCorreo(Catalogo):
    asunto = CharField(max_length=300, verbose_name='Asunto')
    cuerpo = TextField(verbose_name='Texto',
                       help_text='Marcadores entre llaves dobles, p. ej. {{ numero }}.')

    def errores_propios(self):
        # A pure module (Jinja2's sandbox, no database): the panel and the sender must agree.
        from reglas.plantillas import validar

        ejemplo = EJEMPLOS.get(self.codigo)
        if ejemplo is None:
            return {'codigo': 'Código de plantilla desconocido; use uno de: '
                              + ', '.join(EJEMPLOS) + '.'}
        errores = {}
        for campo in ('asunto', 'cuerpo'):
            texto = getattr(self, campo) or ''
            if not texto.strip():
                errores[campo] = 'Escriba el texto.'
                continue
            if campo == 'asunto' and error_cabecera(texto):
                errores[campo] = error_cabecera(texto)
                continue
            error = validar(texto, ejemplo)
            if error:
                errores[campo] = error
        return errores


NIVELES = declarar(
    NivelEscalamiento, titulo='Niveles de escalamiento', categoria='Alertas',
    clave='niveles_escalamiento',
    columnas=('codigo', 'nombre', 'area', 'orden', 'porcentaje', 'al_responsable',
              'a_supervisores', 'a_gerentes', 'correos', 'en_app', 'por_correo', 'activo'),
    filtros=('area', 'activo'), orden=('porcentaje', False),
)
PLANTILLAS = declarar(
    PlantillaCorreo, titulo='Plantillas de correo', categoria='Alertas',
    clave='plantillas_correo', columnas=('codigo', 'nombre', 'asunto', 'activo'),
    busqueda=('codigo', 'nombre', 'asunto'),
)


# The shipped wording (the demo loads it; the sender falls back to it when a template is
# missing or inactive, so a customer never gets an empty message).
PREDETERMINADAS = {
    'ACUSE_RECIBO': (
        'Acuse de recibo', 'Recibimos su caso {{ numero }}',
        'Estimado(a) {{ cliente }}:\n\n'
        'Registramos su caso número {{ numero }} ({{ motivo }}), recibido por {{ canal }}.\n'
        'Le daremos respuesta a más tardar el {{ fecha_respuesta }} ({{ plazo }}).\n\n'
        'Conserve este número para consultar el estado de su caso.\n'
        '{% if enlace %}\nSiga su caso aquí, sin escribir ningún dato:\n{{ enlace }}\n{% endif %}'
        '\nAtención al cliente\n'),
    'CASO_RESUELTO': (
        'Caso resuelto', 'Su caso {{ numero }} fue resuelto',
        'Estimado(a) {{ cliente }}:\n\n'
        'Su caso {{ numero }} ({{ motivo }}) fue resuelto el {{ fecha }}.\n\n'
        'Respuesta:\n{{ respuesta }}\n\n'
        '{% if encuesta %}¿Cómo le atendimos? Califique de 1 a 5 en este enlace (se usa una '
        'sola vez):\n{{ encuesta }}\n\n{% endif %}'
        '{% if enlace %}Vea su caso aquí:\n{{ enlace }}\n\n{% endif %}'
        'Gracias por comunicarse con nosotros.\n\nAtención al cliente\n'),
    'ALERTA': (
        'Alerta de escalamiento', '[{{ nivel }}] Caso {{ numero }}: plazo al {{ porcentaje }} %',
        'El plazo «{{ plazo }}» del caso {{ numero }} ({{ motivo }}) llegó al '
        '{{ porcentaje }} % ({{ estado_plazo }}).\n\n'
        'Área: {{ area }}\nResponsable: {{ responsable }}\nVence: {{ vence }}\n'),
    'RESUMEN_DIARIO': (
        'Resumen diario de vencidos', 'Casos vencidos al {{ fecha }}: {{ total }}',
        '{{ destinatario }}:\n\nEstos casos de sus áreas tienen plazos vencidos:\n\n'
        '{{ lista }}\n'),
}
