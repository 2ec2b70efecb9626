"""The intake mailbox over IMAP (standard library ``imaplib``): connect, list, fetch, move.

Every failure the operator can fix (server down, wrong password, missing mailbox) becomes an
``ErrorBuzon`` with a Spanish message; nothing else of the project is touched here.
"""
import datetime
import imaplib
import ipaddress
import re
import socket
import ssl
from dataclasses import dataclass

SEGURIDADES = ('ssl', 'starttls', 'ninguna')
PROCESADOS, APARTADOS = 'Procesados', 'Apartados'
_FETCH = re.compile(rb'UID (\d+)|RFC822\.SIZE (\d+)|INTERNALDATE "([^"]+)"')


class ErrorBuzon(Exception):
    """The mailbox cannot be read; ``str()`` says why, in Spanish."""


@dataclass(frozen=True)
class ConfigImap:
    servidor: str
    puerto: int
    usuario: str
    contrasena: str
    seguridad: str = 'ssl'
    buzon: str = 'INBOX'
    max_bytes: int = 25 * 1024 * 1024
    espera: float = 30.0  # seconds before a silent server counts as down

    @classmethod
    def desde(cls, config):
        """From the Flask config (RECLAMOS_IMAP_*); raises ErrorBuzon when it is unusable."""
        servidor = (config.get('RECLAMOS_IMAP_SERVIDOR') or '').strip()
        if not servidor:
            raise ErrorBuzon('El correo entrante está apagado: defina RECLAMOS_IMAP_SERVIDOR.')
        seguridad = (config.get('RECLAMOS_IMAP_SEGURIDAD') or 'ssl').strip().lower()
        if seguridad not in SEGURIDADES:
            raise ErrorBuzon(f'RECLAMOS_IMAP_SEGURIDAD inválida: «{seguridad}». Use '
                             + ', '.join(SEGURIDADES) + '.')
        try:
            puerto = int(config.get('RECLAMOS_IMAP_PUERTO') or (993 if seguridad == 'ssl'
                                                                  else 143))
            max_mb = float(config.get('RECLAMOS_IMAP_MAX_MB') or 25)
        except ValueError:
            raise ErrorBuzon('RECLAMOS_IMAP_PUERTO y RECLAMOS_IMAP_MAX_MB deben ser '
                             'números.') from None
        if seguridad == 'ninguna' and not _es_local(servidor):
            raise ErrorBuzon(f'Sin cifrado la contraseña viajaría en claro: '
                             f'RECLAMOS_IMAP_SEGURIDAD=ninguna solo se admite con un servidor '
                             f'local, no con «{servidor}». Use ssl o starttls.')
        return cls(servidor, puerto, config.get('RECLAMOS_IMAP_USUARIO') or '',
                   config.get('RECLAMOS_IMAP_CONTRASENA') or '', seguridad,
                   (config.get('RECLAMOS_IMAP_BUZON') or 'INBOX').strip(),
                   int(max_mb * 1024 * 1024))


def _es_local(servidor):
    try:
        return all(ipaddress.ip_address(info[4][0]).is_loopback
                   for info in socket.getaddrinfo(servidor, None))
    except (OSError, ValueError):
        return False


@dataclass(frozen=True)
class Sobre:
    """What the server says about a message before it is downloaded."""

    uid: bytes
    tamano: int
    recibido_en: datetime.datetime  # INTERNALDATE: when the server got it (aware UTC)


class Buzon:
    """``with Buzon(config) as b:`` logs in and selects the mailbox; logs out at the end."""

    def __init__(self, config):
        self.config = config
        self.imap = None

    def __enter__(self):
        c = self.config
        donde = f'{c.servidor}:{c.puerto}'
        try:
            if c.seguridad == 'ssl':
                self.imap = imaplib.IMAP4_SSL(c.servidor, c.puerto, timeout=c.espera,
                                              ssl_context=ssl.create_default_context())
            else:
                self.imap = imaplib.IMAP4(c.servidor, c.puerto, timeout=c.espera)
                if c.seguridad == 'starttls':
                    self.imap.starttls(ssl.create_default_context())
        except (OSError, imaplib.IMAP4.error) as error:
            raise ErrorBuzon(f'No se pudo conectar con el servidor IMAP {donde} '
                             f'({_detalle(error)}).') from None
        try:
            self.imap.login(c.usuario, c.contrasena)
        except (OSError, imaplib.IMAP4.error):
            self._cerrar()
            raise ErrorBuzon(f'El servidor IMAP {donde} rechazó el usuario «{c.usuario}» o '
                             'su contraseña (RECLAMOS_IMAP_USUARIO, '
                             'RECLAMOS_IMAP_CONTRASENA).') from None
        estado, _ = self._orden(self.imap.select, _nombre(c.buzon))
        if estado != 'OK':
            self._cerrar()
            raise ErrorBuzon(f'No existe el buzón «{c.buzon}» en {donde} '
                             '(RECLAMOS_IMAP_BUZON).')
        self.capacidades = set(self._orden(self.imap.capability)[1][0].upper().split())
        for carpeta in (PROCESADOS, APARTADOS):
            self._orden(self.imap.create, carpeta)  # NO when it exists already: fine
        return self

    def __exit__(self, *exc):
        self._cerrar()

    def _cerrar(self):
        if self.imap is not None:
            try:
                self.imap.logout()
            except (OSError, imaplib.IMAP4.error):
                pass
            self.imap = None

    def _orden(self, metodo, *args):
        """Run one IMAP command; a dropped connection becomes an ErrorBuzon."""
        try:
            return metodo(*args)
        except (OSError, imaplib.IMAP4.abort) as error:
            raise ErrorBuzon(f'Se perdió la conexión con el servidor IMAP '
                             f'({_detalle(error)}).') from None
        except imaplib.IMAP4.error as error:
            return 'NO', [str(error).encode()]

    def sobres(self):
        """Every message waiting in the mailbox, oldest first."""
        estado, datos = self._orden(self.imap.uid, 'FETCH', '1:*',
                                    '(UID RFC822.SIZE INTERNALDATE)')
        if estado != 'OK':
            return []
        return sobres_de(datos)

    def _parte(self, uid, que):
        estado, datos = self._orden(self.imap.uid, 'FETCH', uid, f'({que})')
        partes = [d[1] for d in datos or () if isinstance(d, tuple)]
        if estado != 'OK' or not partes:
            return None  # another poller moved it meanwhile
        return partes[0]

    def cabecera(self, uid):
        return self._parte(uid, 'BODY.PEEK[HEADER]')

    def crudo(self, uid):
        return self._parte(uid, 'BODY.PEEK[]')

    def mover(self, uid, carpeta):
        """Move the message to ``carpeta`` (UID MOVE, or copy + delete where MOVE is missing).
        A message another poller already moved is simply not there: not an error."""
        if 'MOVE' in self.capacidades:
            self._orden(self.imap.uid, 'MOVE', uid, carpeta)
            return
        estado, _ = self._orden(self.imap.uid, 'COPY', uid, carpeta)
        if estado == 'OK':
            self._orden(self.imap.uid, 'STORE', uid, '+FLAGS.SILENT', r'(\Deleted)')
            if 'UIDPLUS' in self.capacidades:
                self._orden(self.imap.uid, 'EXPUNGE', uid)
            else:
                self._orden(self.imap.expunge)


def sobres_de(datos):
    """Parse the answer to ``UID FETCH (UID RFC822.SIZE INTERNALDATE)``."""
    sobres = []
    for linea in datos:
        texto = linea[0] if isinstance(linea, tuple) else linea
        if not texto:
            continue
        valores = {}  # servers answer the items in any order
        for trio in _FETCH.findall(texto):
            valores.update({k: v for k, v in zip(('uid', 'tamano', 'fecha'), trio, strict=True)
                            if v})
        if valores.get('uid') and 'tamano' in valores:
            sobres.append(Sobre(valores['uid'], int(valores['tamano']),
                                _fecha_interna(valores.get('fecha'))))
    return sobres


def _nombre(buzon):
    return f'"{buzon}"' if ' ' in buzon else buzon


MESES = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')


def _fecha_interna(texto):
    """'24-Nov-2026 10:00:00 -0500' -> aware UTC (month names are English in IMAP, whatever
    the locale, so no strptime %b)."""
    encontrado = re.match(r'\s*(\d{1,2})-(\w{3})-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)',
                          (texto or b'').decode('ascii', 'replace'))
    if encontrado and encontrado.group(2) in MESES:
        dia, mes, anio, h, m, s, signo, oh, om = encontrado.groups()
        desfase = datetime.timedelta(hours=int(oh), minutes=int(om)) * (-1 if signo == '-' else 1)
        try:
            local = datetime.datetime(int(anio), MESES.index(mes) + 1, int(dia), int(h), int(m),
                                      int(s), tzinfo=datetime.timezone(desfase))
            return local.astimezone(datetime.timezone.utc)
        except ValueError:
            pass
    return datetime.datetime.now(datetime.timezone.utc)


def _detalle(error):
    if isinstance(error, ConnectionRefusedError):
        return 'conexión rechazada: ¿está encendido el servidor?'
    if isinstance(error, (socket.timeout, TimeoutError)):
        return 'el servidor no respondió a tiempo'
    if isinstance(error, socket.gaierror):
        return 'no se encontró el nombre del servidor'
    if isinstance(error, ssl.SSLError):
        return f'error de TLS: {error.reason or error}'
    return str(error) or type(error).__name__
