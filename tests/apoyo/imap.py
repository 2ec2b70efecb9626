"""A real IMAP server on loopback: Debian's dovecot in the foreground with a private
configuration in a temporary folder (passwd-file user, maildir), for the whole run. It
answers in plain text and STARTTLS on one port and TLS on another, with a self-signed
certificate for 127.0.0.1 (``certificado``: trust it with SSL_CERT_FILE).

``servidor_imap`` is the server; ``buzon_imap`` empties its folders before a test and gives
the same object, with ``entregar(bytes)`` (a real IMAP APPEND), ``mensajes(carpeta)`` and
``config()`` (the RECLAMOS_IMAP_* settings that point the app at it).
"""
import getpass
import grp
import imaplib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

DOVECOT = os.environ.get('RECLAMOS_DOVECOT', '/usr/sbin/dovecot')
USUARIO, CONTRASENA = 'buzon@reclamos.prueba', 'clave-imap-1'
CARPETAS = ('INBOX', 'Procesados', 'Apartados')

CONFIGURACION = """
base_dir = {dir}/run
state_dir = {dir}/state
instance_name = reclamos-prueba-{puerto}
log_path = {dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{dir}/cert.pem
ssl_key = <{dir}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = {usuario}
default_internal_group = {grupo}
default_login_user = {usuario}
first_valid_uid = 0
first_valid_gid = 0
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {dir}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={dir}/home/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {puerto}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {puerto_ssl}
  }}
}}
"""


def puerto_libre():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class ServidorImap:
    def __init__(self, puerto, puerto_ssl, certificado):
        self.servidor, self.puerto, self.puerto_ssl = '127.0.0.1', puerto, puerto_ssl
        self.certificado = certificado
        self.usuario, self.contrasena = USUARIO, CONTRASENA

    def config(self, **cambios):
        return {'RECLAMOS_IMAP_SERVIDOR': self.servidor, 'RECLAMOS_IMAP_PUERTO': str(self.puerto),
                'RECLAMOS_IMAP_USUARIO': self.usuario,
                'RECLAMOS_IMAP_CONTRASENA': self.contrasena,
                'RECLAMOS_IMAP_SEGURIDAD': 'ninguna', 'RECLAMOS_IMAP_BUZON': 'INBOX',
                **cambios}

    def conectar(self):
        imap = imaplib.IMAP4(self.servidor, self.puerto, timeout=10)
        imap.login(self.usuario, self.contrasena)
        return imap

    def entregar(self, mensaje, carpeta='INBOX', fecha=None):
        """Deliver with IMAP APPEND; ``mensaje``: bytes or an email.message.Message."""
        crudo = mensaje if isinstance(mensaje, bytes) else mensaje.as_bytes()
        imap = self.conectar()
        try:
            estado, datos = imap.append(carpeta, None, imaplib.Time2Internaldate(
                fecha if fecha is not None else time.time()), crudo)
            assert estado == 'OK', datos
        finally:
            imap.logout()

    def mensajes(self, carpeta):
        """The raw messages in ``carpeta``, oldest first."""
        imap = self.conectar()
        try:
            imap.select(carpeta, readonly=True)
            _, datos = imap.uid('FETCH', '1:*', '(BODY.PEEK[])')
            return [d[1] for d in datos if isinstance(d, tuple)]
        finally:
            imap.logout()

    def vaciar(self):
        imap = self.conectar()
        try:
            for carpeta in CARPETAS:
                estado, cuantos = imap.select(carpeta)
                if estado == 'OK' and int(cuantos[0]) > 0:
                    imap.store('1:*', '+FLAGS.SILENT', r'(\Deleted)')
                    imap.expunge()
        finally:
            imap.logout()


def _usuarios():
    """(name, uid, gid, group) of the account dovecot's processes and mail run as.

    dovecot refuses to run its login process, or to deliver mail, as root; as root we use
    ``nobody``, otherwise whoever runs the tests.
    """
    if os.geteuid() == 0:
        cuenta = pwd.getpwnam('nobody')
    else:
        cuenta = pwd.getpwnam(getpass.getuser())
    return cuenta.pw_name, cuenta.pw_uid, cuenta.pw_gid, grp.getgrgid(cuenta.pw_gid).gr_name


@pytest.fixture(scope='session')
def servidor_imap():
    if not os.path.exists(DOVECOT):
        pytest.fail(f'falta {DOVECOT}: ejecute bash tests/preparar.sh (dovecot-imapd)')
    usuario, uid, gid, grupo = _usuarios()
    # Not under pytest's tmp folder: its parents are private to root, and the mail
    # processes (nobody) must reach the maildir.
    carpeta = Path(tempfile.mkdtemp(prefix='reclamos-imap-'))
    carpeta.chmod(0o755)
    for sub in ('run', 'state', 'home'):
        (carpeta / sub).mkdir()
    os.chown(carpeta / 'home', uid, gid)
    (carpeta / 'passwd').write_text(f'{USUARIO}:{{PLAIN}}{CONTRASENA}\n')
    _certificado(carpeta)
    puerto, puerto_ssl = puerto_libre(), puerto_libre()
    (carpeta / 'dovecot.conf').write_text(CONFIGURACION.format(
        dir=carpeta, puerto=puerto, puerto_ssl=puerto_ssl, usuario=usuario, grupo=grupo,
        uid=uid, gid=gid))
    proceso = subprocess.Popen([DOVECOT, '-F', '-c', str(carpeta / 'dovecot.conf')],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    servidor = ServidorImap(puerto, puerto_ssl, str(carpeta / 'cert.pem'))
    try:
        _esperar(servidor, proceso, carpeta)
        yield servidor
    finally:
        proceso.terminate()
        try:
            proceso.wait(10)
        except subprocess.TimeoutExpired:
            proceso.kill()
            proceso.wait(5)
        shutil.rmtree(carpeta, ignore_errors=True)


def _certificado(carpeta):
    """A self-signed certificate for 127.0.0.1 (its own CA), made with the openssl tool."""
    subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
                    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
                    '-keyout', str(carpeta / 'key.pem'), '-out', str(carpeta / 'cert.pem')],
                   check=True, capture_output=True)


def _esperar(servidor, proceso, carpeta):
    limite = time.monotonic() + 15
    while time.monotonic() < limite:
        if proceso.poll() is not None:
            registro = carpeta / 'dovecot.log'
            pytest.fail('dovecot no arrancó: ' + proceso.stderr.read().decode(errors='replace')
                        + (registro.read_text() if registro.exists() else ''))
        try:
            servidor.conectar().logout()
            return
        except (OSError, imaplib.IMAP4.error):
            time.sleep(0.1)
    pytest.fail('dovecot no respondió en 15 s')


@pytest.fixture
def buzon_imap(servidor_imap):
    servidor_imap.vaciar()
    return servidor_imap


@pytest.fixture
def correo_app(app, demo, buzon_imap):
    """The demo app pointed at the loopback mailbox."""
    app.config.update(buzon_imap.config(RECLAMOS_IMAP_MOTIVO='PETICION_INFORMACION',
                                        RECLAMOS_IMAP_MAX_MB='0.1'))
    return app
