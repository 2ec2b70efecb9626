"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives.

``servidor_smtp`` yields an object with ``mensajes`` (parsed ``EmailMessage``s with their
envelope recipients in ``sobre``), ``config`` (the app settings that point at it), and
``detener()`` / ``iniciar()`` to simulate an outage. ``smtp_config`` is the config alone.
"""
import email
import email.policy
import socket
import threading

import pytest
from aiosmtpd.controller import Controller


def puerto_libre():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class _Buzon:
    """aiosmtpd handler: refuses *@rechaza.pe like a real server, keeps the rest."""

    def __init__(self, servidor):
        self.servidor = servidor

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith('@rechaza.pe'):
            return '550 5.1.1 Buzón inexistente'
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        mensaje = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        mensaje.sobre = list(envelope.rcpt_tos)
        with self.servidor.cerrojo:
            self.servidor.mensajes.append(mensaje)
        return '250 Recibido'


class ServidorSmtp:
    def __init__(self):
        self.puerto = puerto_libre()
        self.mensajes = []
        self.cerrojo = threading.Lock()
        self.controlador = None
        self.config = {
            'RECLAMOS_SMTP_SERVIDOR': '127.0.0.1', 'RECLAMOS_SMTP_PUERTO': self.puerto,
            'RECLAMOS_SMTP_SEGURIDAD': 'ninguna', 'RECLAMOS_SMTP_USUARIO': '',
            'RECLAMOS_SMTP_CONTRASENA': '', 'RECLAMOS_SMTP_REMITENTE': 'reclamos@empresa.pe',
            'RECLAMOS_SMTP_TIMEOUT': 5.0}

    def iniciar(self):
        self.controlador = Controller(_Buzon(self), hostname='127.0.0.1', port=self.puerto)
        self.controlador.start()

    def detener(self):
        if self.controlador is not None:
            self.controlador.stop()
            self.controlador = None


@pytest.fixture
def servidor_smtp(app):
    servidor = ServidorSmtp()
    servidor.iniciar()
    app.config.update(servidor.config)
    yield servidor
    servidor.detener()
