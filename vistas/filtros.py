"""Template filters: dates in the desk's zone, query strings without one key."""
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from flask import current_app

from reclamos.tiempo import aware


def local(instante, zona=None, formato='%d/%m/%Y %H:%M'):
    """Naive UTC from the database -> text in ``zona`` (default: the desk's zone)."""
    if instante is None:
        return '—'
    zona = zona or current_app.config['BABEL_DEFAULT_TIMEZONE']
    return aware(instante).astimezone(ZoneInfo(zona)).strftime(formato)


def fecha_larga(instante, zona):
    """'miércoles 15 de abril de 2026, 23:59:59' in the calendar's zone and the UI language."""
    from flask_babel import format_datetime, get_locale

    momento = aware(instante).astimezone(ZoneInfo(zona))
    patron = ("EEEE d 'de' MMMM 'de' y, HH:mm:ss" if str(get_locale()).startswith('es')
              else 'EEEE, MMMM d, y, HH:mm:ss')
    return format_datetime(momento, patron, rebase=False)


# The unit of a term in words, singular and plural ("1 día hábil", "15 días hábiles").
_UNIDADES = {'minutos': ('minuto', 'minutos'), 'horas': ('hora', 'horas'),
             'dias': ('día calendario', 'días calendario'),
             'dias_habiles': ('día hábil', 'días hábiles'),
             'horas_habiles': ('hora hábil', 'horas hábiles')}
ESTADOS_PLAZO = {'a_tiempo': 'a tiempo', 'por_vencer': 'por vencer', 'vencido': 'vencido',
                 'cumplido': 'cumplido', 'cancelado': 'cancelado', 'suspendido': 'suspendido'}


def unidad(codigo, cantidad=2):
    singular, plural = _UNIDADES.get(codigo, (codigo, codigo))
    return singular if cantidad == 1 else plural


def estado_plazo(codigo):
    return ESTADOS_PLAZO.get(codigo, (codigo or '').replace('_', ' '))


def numero(valor, decimales=0):
    """A number in the UI locale (es: 1.234,5)."""
    from flask_babel import format_decimal

    if valor is None:
        return '—'
    patron = '#,##0' + ('.' + '0' * decimales if decimales else '')
    return format_decimal(valor, format=patron)


def urlencode_sin(args, clave):
    return urlencode([(k, v) for k, v in args.items(multi=True) if k != clave])


def registrar(app):
    app.jinja_env.filters['local'] = local
    app.jinja_env.filters['urlencode_sin'] = urlencode_sin
    app.jinja_env.filters['fecha_larga'] = fecha_larga
    app.jinja_env.filters['unidad'] = unidad
    app.jinja_env.filters['estado_plazo'] = estado_plazo
    app.jinja_env.filters['numero'] = numero
