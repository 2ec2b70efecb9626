"""Looking a customer up by document: the local table, or the company's own directory over HTTP.

Which one is a function of configuration passed in as a plain value
(``buscador_clientes(app.config)``), so services and tests never read Flask globals:

- ``RECLAMOS_CLIENTES_URL`` empty (default): the local ``Cliente`` table.
- ``RECLAMOS_CLIENTES_URL=https://crm.example/api/clientes?tipo={tipo}&numero={numero}``: a GET
  answering a JSON object with nombre, email, telefono, direccion (404 = unknown customer).
  Without placeholders ``?tipo=...&numero=...`` is appended. ``RECLAMOS_CLIENTES_TIMEOUT``
  (seconds, default 5) bounds the wait.
"""
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from reclamos.clientes.modelo import Cliente, normalizar_numero
from reclamos.errores import ErrorReclamo

TIMEOUT_POR_DEFECTO = 5.0


class ErrorBuscadorClientes(ErrorReclamo):
    """The customer directory could not be asked or answered nonsense (message in Spanish)."""


@dataclass(frozen=True)
class DatosCliente:
    tipo_documento_identidad: str
    numero_documento: str
    nombre: str
    email: str = ''
    telefono: str = ''
    direccion: str = ''


class BuscadorClientes:
    """Interface: ``buscar(tipo, numero)`` -> DatosCliente, or None when unknown."""

    def buscar(self, tipo, numero):
        raise NotImplementedError


class BuscadorLocal(BuscadorClientes):
    def buscar(self, tipo, numero):
        cliente = Cliente.por_documento(tipo, numero)
        if cliente is None:
            return None
        return DatosCliente(cliente.tipo_documento_identidad, cliente.numero_documento,
                            cliente.nombre, cliente.email, cliente.telefono, cliente.direccion)


class BuscadorHttp(BuscadorClientes):
    def __init__(self, url, timeout=TIMEOUT_POR_DEFECTO):
        self.url = url
        self.timeout = timeout

    def direccion_para(self, tipo, numero, normalizar=True):
        """The URL for one document; ``normalizar`` strips dots and dashes (identity
        documents), not wanted for invoice numbers such as F001-000123."""
        tipo = urllib.parse.quote(str(tipo), safe='')
        numero = urllib.parse.quote(normalizar_numero(numero) if normalizar else str(numero),
                                    safe='')
        if '{tipo}' in self.url or '{numero}' in self.url:
            return self.url.replace('{tipo}', tipo).replace('{numero}', numero)
        separador = '&' if '?' in self.url else '?'
        return f'{self.url}{separador}tipo={tipo}&numero={numero}'

    def buscar(self, tipo, numero):
        cuerpo = _obtener(self.direccion_para(tipo, numero), self.timeout,
                          f'{tipo} {numero}', 'El directorio de clientes')
        return None if cuerpo is None else self._leer(cuerpo, tipo, numero)

    @staticmethod
    def _leer(cuerpo, tipo, numero):
        try:
            datos = json.loads(cuerpo)
        except ValueError:
            raise ErrorBuscadorClientes(
                'El directorio de clientes no respondió JSON válido.') from None
        if isinstance(datos, dict) and isinstance(datos.get('cliente'), dict):
            datos = datos['cliente']
        if not isinstance(datos, dict) or not str(datos.get('nombre') or '').strip():
            raise ErrorBuscadorClientes(
                'La respuesta del directorio de clientes no trae «nombre».')
        texto = {k: str(datos.get(k) or '').strip() for k in ('email', 'telefono', 'direccion')}
        texto['email'] = texto['email'] or str(datos.get('correo') or '').strip()
        return DatosCliente(tipo, normalizar_numero(numero), str(datos['nombre']).strip(),
                            **texto)


def _obtener(direccion, timeout, que, quien):
    """GET ``direccion`` as JSON bytes; None on 404; ErrorBuscadorClientes otherwise."""
    # urllib also opens file:// and ftp:// URLs: a mistyped setting must not read local files.
    if urllib.parse.urlsplit(direccion).scheme not in ('http', 'https'):
        raise ErrorBuscadorClientes(f'{quien}: la dirección configurada debe empezar por '
                                    'http:// o https://.')
    peticion = urllib.request.Request(direccion, headers={'Accept': 'application/json'})
    try:
        # B310 (urlopen also opens file://) is answered by the scheme check above.
        with urllib.request.urlopen(peticion, timeout=timeout) as respuesta:  # nosec B310
            return respuesta.read(1_000_000)
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise ErrorBuscadorClientes(f'{quien} respondió {error.code} para {que}.') from None
    except (socket.timeout, TimeoutError):
        raise ErrorBuscadorClientes(f'{quien} no respondió en {timeout:g} s.') from None
    except (urllib.error.URLError, OSError) as error:
        motivo = getattr(error, 'reason', error)
        if isinstance(motivo, (socket.timeout, TimeoutError)):
            raise ErrorBuscadorClientes(f'{quien} no respondió en {timeout:g} s.') from None
        raise ErrorBuscadorClientes(f'No se pudo consultar {quien.lower()}: {motivo}.') \
            from None


def lineas_documento(config, tipo, numero):
    """[(concepto, monto text)] of a source document in the company's system (seed 004).

    RECLAMOS_DOCUMENTOS_URL follows the customer directory's conventions ({tipo}, {numero}
    or ?tipo=&numero=) and answers {"lineas": [{"concepto": ..., "monto": ...}]}. None when
    no system is configured; [] when it does not know the document.
    """
    url = (config.get('RECLAMOS_DOCUMENTOS_URL') or '').strip()
    if not url:
        return None
    if urllib.parse.urlsplit(url).scheme not in ('http', 'https'):
        raise ErrorBuscadorClientes(
            f'RECLAMOS_DOCUMENTOS_URL debe empezar por http:// o https://; es «{url}».')
    timeout = float(config.get('RECLAMOS_CLIENTES_TIMEOUT') or TIMEOUT_POR_DEFECTO)
    direccion = BuscadorHttp(url, timeout).direccion_para(tipo, numero, normalizar=False)
    cuerpo = _obtener(direccion, timeout, f'{tipo} {numero}', 'El sistema de documentos')
    if cuerpo is None:
        return []
    try:
        lineas = json.loads(cuerpo).get('lineas')
    except (ValueError, AttributeError):
        lineas = None
    if not isinstance(lineas, list) or not all(
            isinstance(x, dict) and 'concepto' in x and 'monto' in x for x in lineas):
        raise ErrorBuscadorClientes('El sistema de documentos no respondió '
                                    '{"lineas": [{"concepto", "monto"}]}.')
    return [(str(x['concepto']), str(x['monto'])) for x in lineas[:500]]


def buscador_clientes(config):
    """The adapter ``config`` (a mapping such as app.config) asks for."""
    url = (config.get('RECLAMOS_CLIENTES_URL') or '').strip()
    if not url:
        return BuscadorLocal()
    if urllib.parse.urlsplit(url).scheme not in ('http', 'https'):
        raise ErrorBuscadorClientes(
            f'RECLAMOS_CLIENTES_URL debe empezar por http:// o https://; es «{url}».')
    try:
        timeout = float(config.get('RECLAMOS_CLIENTES_TIMEOUT') or TIMEOUT_POR_DEFECTO)
    except (TypeError, ValueError):
        raise ErrorBuscadorClientes('RECLAMOS_CLIENTES_TIMEOUT debe ser un número de '
                                    'segundos.') from None
    if timeout <= 0:
        raise ErrorBuscadorClientes('RECLAMOS_CLIENTES_TIMEOUT debe ser mayor que cero.')
    return BuscadorHttp(url, timeout)
