"""Configuration from environment variables; every name is documented in README.md."""
import os
import secrets
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent


def instancia():
    """Folder for the SQLite file and generated secrets (read at each app start)."""
    return Path(os.environ.get('RECLAMOS_INSTANCE', RAIZ / 'instance'))


def _secreto(variable, nombre_archivo):
    """A secret from the environment, else one generated once and kept in instance/.

    A random value per start would log everybody out at every restart (and, for the password
    salt, break every password); a file in instance/ is stable and never committed.
    """
    clave = os.environ.get(variable)
    if clave:
        return clave
    archivo = instancia() / nombre_archivo
    archivo.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: when several workers start at once, exactly one writes the key.
        descriptor = os.open(archivo, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(descriptor, 'w') as salida:
            salida.write(secrets.token_urlsafe(48))
    for _ in range(50):  # the writer may not have flushed yet
        clave = archivo.read_text().strip()
        if clave:
            return clave
        time.sleep(0.01)
    raise RuntimeError(f'{archivo} está vacío: bórrelo o defina SECRET_KEY.')


class ConfiguracionInvalida(ValueError):
    """A setting in the environment that the application cannot start with."""


def _numero(variable, defecto, tipo=int):
    """A non-negative number from the environment; anything else stops the start naming the
    variable, in the operator's words (int('cinco') alone would print a Python traceback)."""
    texto = os.environ.get(variable, defecto).strip()
    try:
        valor = tipo(texto)
    except ValueError:
        valor = -1
    if not valor >= 0:  # also refuses nan
        ejemplo = 'un número entero' if tipo is int else 'un número'
        raise ConfiguracionInvalida(f'{variable} debe ser {ejemplo} no negativo (p. ej. '
                                    f'{defecto}); se recibió «{texto}».')
    return valor


def desde_entorno():
    """Build the Flask config dict from environment variables."""
    carpeta = instancia()
    carpeta.mkdir(parents=True, exist_ok=True)
    url = os.environ.get('DATABASE_URL') or f"sqlite:///{carpeta / 'reclamos.db'}"
    return {
        'SECRET_KEY': _secreto('SECRET_KEY', 'secret_key'),
        'DATABASE_URL': url,
        # Independent of SECRET_KEY: rotating the session key must not break every password.
        'SECURITY_PASSWORD_SALT': _secreto('SECURITY_PASSWORD_SALT', 'password_salt'),
        'SECURITY_PASSWORD_HASH': os.environ.get('SECURITY_PASSWORD_HASH', 'argon2'),
        'BABEL_DEFAULT_LOCALE': os.environ.get('RECLAMOS_LOCALE', 'es'),
        'BABEL_DEFAULT_TIMEZONE': os.environ.get('RECLAMOS_TIMEZONE', 'America/Bogota'),
        'SESSION_COOKIE_SECURE': os.environ.get('SESSION_COOKIE_SECURE', '0') == '1',
        # "Remember me" is a second login cookie (Flask-Login): the same protection.
        'REMEMBER_COOKIE_SECURE': os.environ.get('SESSION_COOKIE_SECURE', '0') == '1',
        # Lifetime of JSON API tokens (Flask-Security reads seconds), 30 days by default.
        'SECURITY_TOKEN_MAX_AGE': _numero('RECLAMOS_TOKEN_HORAS', '720') * 3600,
        # Case documents: outside the web root; a shared volume when several servers run.
        'RECLAMOS_INSTANCIA': str(carpeta),  # the first run's one-time code lives here
        'RECLAMOS_ADJUNTOS': os.environ.get('RECLAMOS_ADJUNTOS', str(carpeta / 'adjuntos')),
        # Where their bytes live: 'carpeta' (the folder above) or 'bd' (the database).
        'RECLAMOS_ADJUNTOS_EN': os.environ.get('RECLAMOS_ADJUNTOS_EN', 'carpeta'),
        # The company's customer directory (HTTP JSON); empty: the local customer table.
        'RECLAMOS_CLIENTES_URL': os.environ.get('RECLAMOS_CLIENTES_URL', ''),
        'RECLAMOS_CLIENTES_TIMEOUT': os.environ.get('RECLAMOS_CLIENTES_TIMEOUT', ''),
        # The company's documents (invoices, orders) with their lines, same conventions.
        'RECLAMOS_DOCUMENTOS_URL': os.environ.get('RECLAMOS_DOCUMENTOS_URL', ''),
        'RECLAMOS_ADJUNTO_MAX': _numero('RECLAMOS_ADJUNTO_MAX_MB', '10') * 1024 * 1024,
        # Reverse proxies in front of the app whose X-Forwarded-* headers are trusted.
        'RECLAMOS_PROXIES': _numero('RECLAMOS_PROXIES', '0'),
        # E-mail intake (reclamos.correo.entrada); an empty server turns it off.
        'RECLAMOS_IMAP_SERVIDOR': os.environ.get('RECLAMOS_IMAP_SERVIDOR', ''),
        'RECLAMOS_IMAP_PUERTO': os.environ.get('RECLAMOS_IMAP_PUERTO', ''),
        'RECLAMOS_IMAP_USUARIO': os.environ.get('RECLAMOS_IMAP_USUARIO', ''),
        'RECLAMOS_IMAP_CONTRASENA': os.environ.get('RECLAMOS_IMAP_CONTRASENA', ''),
        'RECLAMOS_IMAP_SEGURIDAD': os.environ.get('RECLAMOS_IMAP_SEGURIDAD', 'ssl'),
        'RECLAMOS_IMAP_BUZON': os.environ.get('RECLAMOS_IMAP_BUZON', 'INBOX'),
        'RECLAMOS_IMAP_MAX_MB': os.environ.get('RECLAMOS_IMAP_MAX_MB', '25'),
        'RECLAMOS_IMAP_MOTIVO': os.environ.get('RECLAMOS_IMAP_MOTIVO', ''),
        # Passwords (Flask-Security reads the minimum; the user screen and CLI apply both).
        'SECURITY_PASSWORD_LENGTH_MIN': _numero('RECLAMOS_CONTRASENA_MIN', '12'),
        # Lock-out: this many wrong passwords in a row lock the account for these minutes.
        'RECLAMOS_BLOQUEO_INTENTOS': _numero('RECLAMOS_BLOQUEO_INTENTOS', '5'),
        'RECLAMOS_BLOQUEO_MINUTOS': _numero('RECLAMOS_BLOQUEO_MINUTOS', '15'),
        # Login and token requests per client IP (Flask-Limiter syntax).
        'RECLAMOS_LIMITE_ENTRADA': os.environ.get('RECLAMOS_LIMITE_ENTRADA', '10/minute;50/hour'),
        # Shared counters for rate limits when several app servers run (Flask-Limiter URI).
        # Outgoing mail; without a server messages wait in the outbox (screen of notifications).
        'RECLAMOS_SMTP_SERVIDOR': os.environ.get('RECLAMOS_SMTP_SERVIDOR', ''),
        'RECLAMOS_SMTP_PUERTO': _numero('RECLAMOS_SMTP_PUERTO', '25'),
        'RECLAMOS_SMTP_SEGURIDAD': os.environ.get('RECLAMOS_SMTP_SEGURIDAD', 'ninguna'),
        'RECLAMOS_SMTP_USUARIO': os.environ.get('RECLAMOS_SMTP_USUARIO', ''),
        'RECLAMOS_SMTP_CONTRASENA': os.environ.get('RECLAMOS_SMTP_CONTRASENA', ''),
        'RECLAMOS_SMTP_REMITENTE': os.environ.get('RECLAMOS_SMTP_REMITENTE',
                                                  'reclamos@localhost'),
        'RECLAMOS_SMTP_TIMEOUT': _numero('RECLAMOS_SMTP_TIMEOUT', '20', float),
        # Escalation sweep + outbox inside `python run.py` every N minutes (0: off; use cron).
        'RECLAMOS_ALERTAS_MINUTOS': _numero('RECLAMOS_ALERTAS_MINUTOS', '5', float),
        # Local hour (RECLAMOS_TIMEZONE) from which the sweep sends the daily digest.
        'RECLAMOS_RESUMEN_HORA': _numero('RECLAMOS_RESUMEN_HORA', '7'),
        # Minutes without a heartbeat after which a sandbox run is shown as failed.
        'RECLAMOS_LABORATORIO_LATIDO_MINUTOS': _numero(
            'RECLAMOS_LABORATORIO_LATIDO_MINUTOS', '5', float),
        'RATELIMIT_STORAGE_URI': os.environ.get('RECLAMOS_LIMITES_URI', 'memory://'),
        # Customer portal (/portal): requests per IP on filing and look-up, the channel its
        # cases get, the public base URL written in e-mail links.
        'RECLAMOS_LIMITE_PORTAL': os.environ.get('RECLAMOS_LIMITE_PORTAL',
                                                 '20/minute;200/hour'),
        'RECLAMOS_PORTAL_CANAL': os.environ.get('RECLAMOS_PORTAL_CANAL', 'WEB'),
        # The area (code) that makes the satisfaction calls and closes resolved cases.
        'RECLAMOS_AREA_CONFIRMA': os.environ.get('RECLAMOS_AREA_CONFIRMA', 'ATENCION_CLIENTE'),
        # The personal-data notice (reclamos.portal.consentimiento); empty: the shipped one.
        'RECLAMOS_AVISO_DATOS': os.environ.get('RECLAMOS_AVISO_DATOS', ''),
        'RECLAMOS_AVISO_DATOS_VERSION': os.environ.get('RECLAMOS_AVISO_DATOS_VERSION', ''),
        'RECLAMOS_PORTAL_REANUDA': os.environ.get('RECLAMOS_PORTAL_REANUDA', '1') != '0',
        'RECLAMOS_URL_PUBLICA': os.environ.get('RECLAMOS_URL_PUBLICA', ''),
        # 'produccion' makes the start refuse what only a demo may lack (comprobar()).
        'RECLAMOS_ENTORNO': os.environ.get('RECLAMOS_ENTORNO', 'desarrollo'),
        # Peru: the portal is the virtual Libro de Reclamaciones (hoja de reclamación).
        # Unset (None): the company profile decides (catalogos.empresa); set: it overrides.
        'RECLAMOS_LIBRO_RECLAMACIONES': (
            None if os.environ.get('RECLAMOS_LIBRO_RECLAMACIONES', '') == ''
            else os.environ['RECLAMOS_LIBRO_RECLAMACIONES'] == '1'),
        'RECLAMOS_EMPRESA': os.environ.get('RECLAMOS_EMPRESA', ''),
        'RECLAMOS_EMPRESA_RUC': os.environ.get('RECLAMOS_EMPRESA_RUC', ''),
        'RECLAMOS_EMPRESA_DIRECCION': os.environ.get('RECLAMOS_EMPRESA_DIRECCION', ''),
        # Dashboard: a daily rollup older than this (or behind the data) is rebuilt.
        'RECLAMOS_RESUMEN_MINUTOS': _numero('RECLAMOS_RESUMEN_MINUTOS', '5'),
        # Dashboard: agents see it (their area) only when an admin turns this on.
        'RECLAMOS_TABLERO_AGENTES': os.environ.get('RECLAMOS_TABLERO_AGENTES', '0') == '1',
        # Customers per service for the incidence chart: 'INTERNET=120000,AGUA=80000'.
        'RECLAMOS_CLIENTES_POR_SERVICIO': clientes_por_servicio(
            os.environ.get('RECLAMOS_CLIENTES_POR_SERVICIO', '')),
    }


def zona():
    """The desk's zone: the app's when one is active, else the environment's (scripts)."""
    from flask import current_app, has_app_context

    if has_app_context():
        return current_app.config['BABEL_DEFAULT_TIMEZONE']
    return os.environ.get('RECLAMOS_TIMEZONE', 'America/Bogota')


def clientes_por_servicio(texto):
    """'CODIGO=N,CODIGO=N' -> {codigo: N}; a malformed entry stops the start with its name."""
    resultado = {}
    for parte in filter(None, (p.strip() for p in texto.split(','))):
        codigo, _, numero = parte.partition('=')
        if not codigo.strip() or not numero.strip().isdigit() or int(numero) == 0:
            raise ConfiguracionInvalida(
                f'RECLAMOS_CLIENTES_POR_SERVICIO: entrada inválida «{parte}» '
                '(use CODIGO=número de clientes).')
        resultado[codigo.strip()] = int(numero)
    return resultado


# Settings that do not depend on the environment.
FIJA = {
    'SECURITY_REGISTERABLE': False,
    'SECURITY_RECOVERABLE': False,
    'SECURITY_SEND_REGISTER_EMAIL': False,
    'SECURITY_TRACKABLE': False,
    'SECURITY_POST_LOGIN_VIEW': '/admin/',
    'SECURITY_POST_LOGOUT_VIEW': '/login',
    'SECURITY_USERNAME_ENABLE': False,
    'SECURITY_I18N_DIRNAME': ['builtin'],
    'SECURITY_MSG_INVALID_PASSWORD': ('Correo o contraseña incorrectos.', 'error'),
    'SECURITY_MSG_USER_DOES_NOT_EXIST': ('Correo o contraseña incorrectos.', 'error'),
    'SESSION_COOKIE_HTTPONLY': True,
    'SESSION_COOKIE_SAMESITE': 'Lax',
    'REMEMBER_COOKIE_HTTPONLY': True,
    'REMEMBER_COOKIE_SAMESITE': 'Lax',
    # A remembered login lasts a working week, not Flask-Login's default year.
    'REMEMBER_COOKIE_DURATION': 7 * 24 * 3600,
    # Spanish only until the whole interface is in the Babel catalogs: an English switch that
    # changed only flask-admin's own labels left half of every page in Spanish (issue 20).
    # Add 'en' back here (and the links in base_reclamos.html) once it is complete.
    'LANGUAGES': {'es': 'Español'},
    'FLASK_ADMIN_SWATCH': 'flatly',
    'MAX_CONTENT_LENGTH': 20 * 1024 * 1024,
    # The longest password accepted (a hash of megabytes of text is a cheap denial of service).
    'RECLAMOS_CONTRASENA_MAX': 128,
}


def comprobar(config):
    """Stop the start on a setting that would be unsafe (issue 15, F8).

    Links in customer e-mails are built from RECLAMOS_URL_PUBLICA only, never from the
    request's Host header (which a client chooses): in production it is required.
    """
    from urllib.parse import urlsplit

    url = config.get('RECLAMOS_URL_PUBLICA') or ''
    partes = urlsplit(url)
    if url and (partes.scheme not in ('http', 'https') or not partes.hostname
                or partes.query or partes.fragment):
        raise ConfiguracionInvalida(f'RECLAMOS_URL_PUBLICA no es una dirección web válida: «{url}» '
                           '(p. ej. https://reclamos.empresa.pe).')
    if config.get('RECLAMOS_ENTORNO') == 'produccion' and not url:
        raise ConfiguracionInvalida('En producción (RECLAMOS_ENTORNO=produccion) defina '
                           'RECLAMOS_URL_PUBLICA, la dirección pública del portal: los '
                           'enlaces de los correos se construyen con ella.')
