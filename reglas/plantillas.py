"""Admin-written text templates (e-mails, letters): Jinja2 in its sandbox, strict placeholders.

Why the sandbox: templates are written in the panel by administrators, not developers; the
sandbox refuses attribute access to Python internals (``__class__``, ``mro``...) and the
context holds only plain values, so a template can show case fields and nothing else.
Why StrictUndefined: a misspelled placeholder must be an error the admin sees when saving,
not an empty gap in a letter a customer receives.
"""
import functools

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

_ENTORNO = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False,
                                keep_trailing_newline=True)


class ErrorPlantilla(ValueError):
    """The template cannot be rendered; the message is in Spanish and names the problem."""


@functools.lru_cache(maxsize=256)
def _compilada(texto):
    # Compiling costs milliseconds; a sweep renders the same few templates thousands of times.
    return _ENTORNO.from_string(texto)


def renderizar(texto, valores):
    """Render ``texto`` with the plain values in ``valores`` (a dict of str -> str/number)."""
    try:
        return _compilada(texto).render(**valores)
    except TemplateSyntaxError as error:
        raise ErrorPlantilla(
            f'Error de sintaxis en la línea {error.lineno}: {error.message}.') from None
    except UndefinedError as error:
        raise ErrorPlantilla(f'Marcador desconocido: {_nombre(error)}. '
                             f'Disponibles: {", ".join(sorted(valores))}.') from None
    except SecurityError:
        raise ErrorPlantilla('La plantilla intenta acceder a algo no permitido.') from None


def validar(texto, valores_de_ejemplo):
    """The Spanish error message of ``texto`` rendered with sample values, or None if fine."""
    try:
        renderizar(texto, valores_de_ejemplo)
    except ErrorPlantilla as error:
        return str(error)
    return None


def _nombre(error):
    # Jinja says "'x' is undefined" or "'dict object' has no attribute 'x'".
    mensaje = str(error)
    return mensaje.split("'")[-2] if mensaje.count("'") >= 2 else mensaje
