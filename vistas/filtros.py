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


def urlencode_sin(args, clave):
    return urlencode([(k, v) for k, v in args.items(multi=True) if k != clave])


def registrar(app):
    app.jinja_env.filters['local'] = local
    app.jinja_env.filters['urlencode_sin'] = urlencode_sin
    app.jinja_env.filters['fecha_larga'] = fecha_larga
