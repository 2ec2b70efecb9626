"""Form fields for what people type: dates and times (``reglas.fechas``), percentages.

A plain text input, not flask-admin's date picker: its script re-reads what is typed or
pasted with its own format and garbled "24/12/2026" into another date. Here the server reads
the text once, shows it back as dd/mm/aaaa, and refuses anything else next to the field.
"""
from wtforms import Field
from wtforms.validators import StopValidation
from wtforms.widgets import TextInput

from reglas.fechas import (FORMATO_FECHA, FORMATO_HORA, FechaInvalida, leer_fecha, leer_hora,
                           mostrar_fecha, mostrar_hora)


class _CampoTexto(Field):
    widget = TextInput()
    leer = mostrar = None
    formato = ''

    def __init__(self, label=None, validators=None, **kwargs):
        render_kw = {'placeholder': self.formato, 'autocomplete': 'off',
                     **(kwargs.pop('render_kw', None) or {})}
        kwargs.pop('format', None)
        super().__init__(label, validators, render_kw=render_kw, **kwargs)

    def _value(self):
        if self.raw_data:
            return ' '.join(self.raw_data)
        return type(self).mostrar(self.data) if self.data else ''

    def pre_validate(self, form):
        # A text that is not a date must show why, not "obligatorio": DataRequired would
        # clear the parse error when it sees no data.
        if self.process_errors:
            raise StopValidation()

    def process_formdata(self, valuelist):
        texto = ' '.join(valuelist).strip() if valuelist else ''
        if not texto:
            self.data = None
            return
        try:
            self.data = type(self).leer(texto)
        except FechaInvalida as error:
            self.data = None
            raise ValueError(str(error)) from None


class CampoFecha(_CampoTexto):
    leer, mostrar, formato = leer_fecha, mostrar_fecha, FORMATO_FECHA


class CampoHora(_CampoTexto):
    leer, mostrar, formato = leer_hora, mostrar_hora, FORMATO_HORA


class CampoPorcentaje(_CampoTexto):
    """A share stored as a fraction (0.8) shown and typed as a percentage (80): one way to
    read every threshold in the panel, as the escalation levels already do."""

    formato = '%'

    @staticmethod
    def leer(texto):
        limpio = texto.replace('%', '').replace(',', '.').strip()
        try:
            valor = float(limpio)
        except ValueError:
            raise FechaInvalida(f'«{texto[:20]}» no es un porcentaje: escriba un número de 1 '
                                'a 99, por ejemplo 80.') from None
        return valor / 100

    @staticmethod
    def mostrar(valor):
        return f'{valor * 100:g}'
