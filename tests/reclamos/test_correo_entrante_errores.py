"""E-mail intake when something is wrong: the server, the password, TLS, the settings.
The command says what, in Spanish, exits with 2, and takes nothing."""
import datetime

import pytest

from reclamos.caso.modelo import Reclamo
from reclamos.correo.recibido import CorreoEntrante
from tests.apoyo.correo import MOTIVO, correo, leer_ahora
from tests.apoyo.imap import puerto_libre


@pytest.mark.parametrize('cambios, mensaje', [
    ({'RECLAMOS_IMAP_PUERTO': 'libre'}, 'No se pudo conectar con el servidor IMAP'),
    ({'RECLAMOS_IMAP_CONTRASENA': 'equivocada'}, 'rechazó el usuario'),
    ({'RECLAMOS_IMAP_BUZON': 'NoExiste'}, 'No existe el buzón «NoExiste»'),
    ({'RECLAMOS_IMAP_SERVIDOR': ''}, 'El correo entrante está apagado'),
    ({'RECLAMOS_IMAP_SERVIDOR': 'imap.ejemplo.com'}, 'solo se admite con un servidor local'),
    ({'RECLAMOS_IMAP_MOTIVO': ''}, 'Defina RECLAMOS_IMAP_MOTIVO'),
    ({'RECLAMOS_IMAP_MOTIVO': 'SIN_SERVICIO'}, 'pide el campo obligatorio'),
    ({'RECLAMOS_IMAP_MOTIVO': 'NO_EXISTE'}, 'no existe el motivo activo «NO_EXISTE»'),
    ({'RECLAMOS_IMAP_MAX_MB': 'mucho'}, 'deben ser números'),
    ({'RECLAMOS_IMAP_SEGURIDAD': 'tls1'}, 'RECLAMOS_IMAP_SEGURIDAD inválida'),
])
def test_cli_falla_con_un_mensaje_claro_y_no_toma_nada(correo_app, buzon_imap, cambios,
                                                       mensaje):
    buzon_imap.entregar(correo('ana@correo.pe', 'Consulta', 'Quiero saber mi deuda.'))
    if cambios.get('RECLAMOS_IMAP_PUERTO') == 'libre':
        cambios = {'RECLAMOS_IMAP_PUERTO': str(puerto_libre())}
    correo_app.config.update(cambios)
    resultado = correo_app.test_cli_runner().invoke(args=['leer-correo'])
    assert resultado.exit_code == 2
    assert resultado.output.startswith('Error: ') and mensaje in resultado.output
    with correo_app.app_context():
        assert CorreoEntrante.select().count() == 0
        assert not Reclamo.select().where(Reclamo.descripcion.contains('mi deuda')).exists()
    assert len(buzon_imap.mensajes('INBOX')) == 1


def test_un_motivo_mal_configurado_detiene_la_lectura_sin_apartar(correo_app, buzon_imap):
    from catalogos.servicios import Motivo

    with correo_app.app_context():
        Motivo.update(area=None).where(Motivo.codigo == MOTIVO).execute()
    buzon_imap.entregar(correo('ana@correo.pe', 'Consulta', 'Quiero saber mi deuda.'))
    resultado = correo_app.test_cli_runner().invoke(args=['leer-correo'])
    assert resultado.exit_code == 2
    assert 'configuración actual' in resultado.output and 'área' in resultado.output
    with correo_app.app_context():
        assert CorreoEntrante.select().count() == 0
    assert len(buzon_imap.mensajes('INBOX')) == 1


@pytest.mark.parametrize('seguridad', ['ssl', 'starttls'])
def test_lee_por_tls_verificando_el_certificado(correo_app, buzon_imap, monkeypatch, seguridad):
    monkeypatch.setenv('SSL_CERT_FILE', buzon_imap.certificado)  # the test server's own CA
    puerto = buzon_imap.puerto_ssl if seguridad == 'ssl' else buzon_imap.puerto
    correo_app.config.update(RECLAMOS_IMAP_SEGURIDAD=seguridad, RECLAMOS_IMAP_PUERTO=str(puerto))
    buzon_imap.entregar(correo('ana@correo.pe', 'Consulta', 'Por canal cifrado.'))
    assert leer_ahora(correo_app).casos == 1


@pytest.mark.parametrize('seguridad', ['ssl', 'starttls'])
def test_certificado_no_confiable_se_rechaza(correo_app, buzon_imap, monkeypatch, seguridad):
    monkeypatch.delenv('SSL_CERT_FILE', raising=False)
    puerto = buzon_imap.puerto_ssl if seguridad == 'ssl' else buzon_imap.puerto
    correo_app.config.update(RECLAMOS_IMAP_SEGURIDAD=seguridad, RECLAMOS_IMAP_PUERTO=str(puerto))
    buzon_imap.entregar(correo('ana@correo.pe', 'Consulta', 'Por canal cifrado.'))
    resultado = correo_app.test_cli_runner().invoke(args=['leer-correo'])
    assert resultado.exit_code == 2
    assert 'error de TLS' in resultado.output and 'CERTIFICATE_VERIFY_FAILED' in resultado.output
    assert len(buzon_imap.mensajes('INBOX')) == 1


def test_respuesta_fetch_en_cualquier_orden():
    from reclamos.correo.buzon import sobres_de

    (sobre,) = sobres_de([b'7 (RFC822.SIZE 1234 INTERNALDATE "24-Nov-2026 15:00:00 +0000" '
                          b'UID 42)', None])
    assert (sobre.uid, sobre.tamano) == (b'42', 1234)
    assert sobre.recibido_en == datetime.datetime(2026, 11, 24, 15, tzinfo=datetime.timezone.utc)
