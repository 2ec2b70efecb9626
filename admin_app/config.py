"""Configuration from environment variables; every name is documented in README.md."""
import os
import secrets
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
INSTANCIA = Path(os.environ.get('RECLAMOS_INSTANCE', RAIZ / 'instance'))


def _clave_secreta():
    """SECRET_KEY from the environment, else one generated once and kept in instance/.

    A random key per start would log everybody out at every restart and break several
    app servers behind one proxy; a file in instance/ is stable and never committed.
    """
    clave = os.environ.get('SECRET_KEY')
    if clave:
        return clave
    archivo = INSTANCIA / 'secret_key'
    if not archivo.exists():
        INSTANCIA.mkdir(parents=True, exist_ok=True)
        archivo.write_text(secrets.token_urlsafe(48))
    return archivo.read_text().strip()


def desde_entorno():
    """Build the Flask config dict from environment variables."""
    INSTANCIA.mkdir(parents=True, exist_ok=True)
    url = os.environ.get('DATABASE_URL') or f"sqlite:///{INSTANCIA / 'reclamos.db'}"
    clave = _clave_secreta()
    return {
        'SECRET_KEY': clave,
        'DATABASE_URL': url,
        'SECURITY_PASSWORD_SALT': os.environ.get('SECURITY_PASSWORD_SALT', clave[:22]),
        'SECURITY_PASSWORD_HASH': os.environ.get('SECURITY_PASSWORD_HASH', 'argon2'),
        'BABEL_DEFAULT_LOCALE': os.environ.get('RECLAMOS_LOCALE', 'es'),
        'BABEL_DEFAULT_TIMEZONE': os.environ.get('RECLAMOS_TIMEZONE', 'America/Bogota'),
        'SESSION_COOKIE_SECURE': os.environ.get('SESSION_COOKIE_SECURE', '0') == '1',
    }


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
    'LANGUAGES': {'es': 'Español', 'en': 'English'},
    'FLASK_ADMIN_SWATCH': 'flatly',
    'MAX_CONTENT_LENGTH': 20 * 1024 * 1024,
}
