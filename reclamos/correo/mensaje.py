"""Reading one e-mail: sender, subject, plain text, attachments, and whether it is usable.

Pure functions over the raw bytes (the standard ``email`` package); nothing here touches the
database or the network. HTML bodies are reduced to text and never kept as markup.
"""
import datetime
import email
import email.policy
import hashlib
import re
from dataclasses import dataclass, field
from email import errors as defectos
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser

# Defects after which the parts of a message cannot be trusted to be complete.
DEFECTOS_GRAVES = (defectos.NoBoundaryInMultipartDefect, defectos.StartBoundaryNotFoundDefect,
                   defectos.CloseBoundaryNotFoundDefect,
                   defectos.MultipartInvariantViolationDefect,
                   defectos.InvalidBase64LengthDefect)
NUMERO_CASO = re.compile(r'(?<![\d-])(\d{4}-\d{6,})(?![\d-])')
AUTOMATICOS = ('mailer-daemon', 'postmaster')
_CONTROL = re.compile(r'[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]')


class MensajeInvalido(Exception):
    """The message cannot become a case or a comment; ``str()`` is the Spanish reason."""


@dataclass
class Adjunto:
    nombre: str
    contenido: bytes


@dataclass
class Mensaje:
    remitente: str  # the address, lower case
    nombre: str  # display name of the sender, may be empty
    asunto: str
    texto: str
    fecha: object = None  # aware datetime from the Date header, or None
    message_id: str = ''
    adjuntos: list = field(default_factory=list)


def huella(crudo):
    return hashlib.sha256(crudo).hexdigest()


def _analizar(crudo):
    return email.message_from_bytes(crudo, policy=email.policy.default)


def limpio(texto):
    """Text every database stores: no NUL or other control characters (PostgreSQL refuses
    NUL), and bytes the parser could not decode (lone surrogates) replaced."""
    texto = (texto or '').encode('utf-8', 'replace').decode('utf-8')
    return _CONTROL.sub('', texto)


def _cabecera(msg, nombre):
    """A header as one clean line; one the parser cannot decode is read raw instead."""
    try:
        valor = str(msg.get(nombre) or '')
    except Exception:  # noqa: BLE001 - the policy parses some headers eagerly
        valor = str(msg.get_all(nombre, failobj=[''])[0]) if nombre in msg.keys() else ''
    return re.sub(r'\s+', ' ', limpio(valor)).strip()


def _remitente(msg):
    try:
        direcciones = getaddresses([_cabecera(msg, 'From')])
    except (ValueError, TypeError):
        return '', ''
    for nombre, direccion in direcciones:
        direccion = direccion.strip().lower()
        if re.fullmatch(r'[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+', direccion) and len(direccion) <= 255:
            return direccion, nombre.strip()[:200]
    return '', ''


def _fecha(msg):
    try:
        fecha = parsedate_to_datetime(_cabecera(msg, 'Date'))
        return fecha.astimezone(datetime.timezone.utc) if fecha.tzinfo is not None else None
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def datos_visibles(crudo):
    """Sender, subject and date as well as they can be read, for the record of a message that
    is set aside; never raises."""
    try:
        msg = _analizar(crudo)
        return _remitente(msg)[0] or _cabecera(msg, 'From')[:255], \
            _cabecera(msg, 'Subject')[:300], _fecha(msg)
    except Exception:  # noqa: BLE001 - a broken message still gets recorded
        return '', '', None


def leer(crudo):
    """The usable content of a raw message; raises MensajeInvalido with the reason."""
    try:
        return _leer(crudo)
    except MensajeInvalido:
        raise
    except Exception as error:  # noqa: BLE001 - no message may stop the mailbox
        raise MensajeInvalido(f'No se pudo leer el mensaje ({type(error).__name__}).') from None


def _leer(crudo):
    msg = _analizar(crudo)
    graves = [d for parte in msg.walk() for d in parte.defects
              if isinstance(d, DEFECTOS_GRAVES)]
    if graves:
        raise MensajeInvalido('Estructura MIME dañada: ' + type(graves[0]).__name__ + '.')
    remitente, nombre = _remitente(msg)
    if not remitente:
        raise MensajeInvalido('El mensaje no tiene un remitente válido (cabecera From).')
    automatico = _cabecera(msg, 'Auto-Submitted').lower()
    if (automatico and automatico != 'no') or remitente.split('@')[0] in AUTOMATICOS \
            or _cabecera(msg, 'Precedence').lower() in ('bulk', 'junk', 'auto_reply'):
        raise MensajeInvalido('Respuesta automática (aviso de ausencia o de rebote): no se '
                              'registra como caso.')
    cuerpo = msg.get_body(preferencelist=('plain', 'html'))
    texto = _texto(cuerpo) if cuerpo is not None else ''
    return Mensaje(remitente=remitente, nombre=nombre,
                   asunto=_cabecera(msg, 'Subject')[:300], texto=texto, fecha=_fecha(msg),
                   message_id=_cabecera(msg, 'Message-ID')[:300],
                   adjuntos=list(_adjuntos(msg, cuerpo)))


def _texto(parte):
    try:
        contenido = parte.get_content()
    except (LookupError, ValueError, AssertionError):  # unknown charset, bad encoding
        contenido = (parte.get_payload(decode=True) or b'').decode('utf-8', 'replace')
    if not isinstance(contenido, str):
        return ''
    if parte.get_content_subtype() == 'html':
        contenido = texto_de_html(contenido)
    contenido = limpio(contenido.replace('\r\n', '\n').replace('\r', '\n'))
    return re.sub(r'\n{3,}', '\n\n', contenido).strip()


def _adjuntos(msg, cuerpo):
    """Every leaf part with a file name or marked as attachment, except the body itself."""
    for numero, parte in enumerate(msg.walk()):
        if parte.is_multipart() or parte is cuerpo:
            continue
        nombre = limpio(parte.get_filename() or '').strip()
        if not nombre and parte.get_content_disposition() != 'attachment':
            continue
        contenido = parte.get_payload(decode=True) or b''
        yield Adjunto(nombre or f'adjunto-{numero}.bin', contenido)


def numeros_de_caso(asunto):
    """Case numbers ('2026-000123') in a subject, in order of appearance."""
    return NUMERO_CASO.findall(asunto or '')


class _Texto(HTMLParser):
    """Collects the visible text of an HTML body: no script or style, breaks at blocks."""

    BLOQUES = {'p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table',
               'blockquote', 'pre', 'hr'}
    OCULTOS = {'script', 'style', 'head', 'title'}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.partes, self.oculto = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.OCULTOS:
            self.oculto += 1
        elif tag in self.BLOQUES:
            self.partes.append('\n')

    def handle_endtag(self, tag):
        if tag in self.OCULTOS:
            self.oculto = max(0, self.oculto - 1)
        elif tag in self.BLOQUES:
            self.partes.append('\n')

    def handle_data(self, data):
        if not self.oculto:
            self.partes.append(data)


def texto_de_html(html):
    lector = _Texto()
    lector.feed(html)
    lector.close()
    lineas = (re.sub(r'[ \t\r\f\v\xa0]+', ' ', linea).strip()
              for linea in ''.join(lector.partes).split('\n'))
    return re.sub(r'\n{3,}', '\n\n', '\n'.join(lineas)).strip()
