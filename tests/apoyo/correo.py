"""Helpers for the e-mail intake tests: building messages, polling, a customer's case.
The ``correo_app`` fixture (the demo app pointed at the loopback mailbox) is in
tests/apoyo/imap.py."""
import time
from email.message import EmailMessage

from reclamos.correo.entrada import leer_buzon
from tests.apoyo.casos import crear_caso

PDF = b'%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'
PNG = b'\x89PNG\r\n\x1a\n' + b'\x00\x00\x00\rIHDR' + bytes(range(64))
MOTIVO = 'PETICION_INFORMACION'  # demo motive without required fields (area MONITOREO)


def correo(de, asunto, texto=None, html=None, adjuntos=()):
    mensaje = EmailMessage()
    if de:
        mensaje['From'] = de
    mensaje['To'] = 'reclamos@empresa.pe'
    mensaje['Subject'] = asunto
    mensaje['Date'] = 'Tue, 24 Nov 2026 10:00:00 -0500'
    mensaje['Message-ID'] = f'<{time.monotonic_ns()}@cliente.pe>'
    if texto is not None:
        mensaje.set_content(texto)
    if html is not None:
        if texto is None:
            mensaje.set_content(html, subtype='html')
        else:
            mensaje.add_alternative(html, subtype='html')
    for nombre, contenido, tipo in adjuntos:
        principal, secundario = tipo.split('/')
        mensaje.add_attachment(contenido, maintype=principal, subtype=secundario,
                               filename=nombre)
    return mensaje


def leer_ahora(app):
    with app.app_context():
        return leer_buzon(app.config)


def caso_de_rosa(app):
    with app.app_context():
        return crear_caso(None, motivo=MOTIVO, canal='WEB', cliente={
            'tipo_documento_identidad': 'DNI', 'numero_documento': '45781236',
            'nombre': 'Rosa Quispe', 'email': 'Rosa@Correo.pe'})
