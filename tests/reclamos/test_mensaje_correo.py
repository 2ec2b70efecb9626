"""Reading one e-mail (no server, no database): what a case gets from it, and why an
unusable one is set aside. Any bytes at all either read or give a reason: a message must
never stop the mailbox."""
from email.message import EmailMessage

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reclamos.correo.mensaje import (MensajeInvalido, datos_visibles, leer, numeros_de_caso,
                                     texto_de_html)

def test_texto_de_html_sin_marcas_ni_scripts():
    texto = texto_de_html('<div>Hola&nbsp;<i>Rosa</i></div><script>x()</script><p>Adiós</p>')
    assert texto == 'Hola Rosa\n\nAdiós'


@pytest.mark.parametrize('asunto, numeros', [
    ('Re: caso 2026-000123', ['2026-000123']),
    ('RE: [2026-1234567] y 2025-000001', ['2026-1234567', '2025-000001']),
    ('Factura 12026-000123 o 2026-00012', []),
    ('', []),
])
def test_numeros_de_caso_en_el_asunto(asunto, numeros):
    assert numeros_de_caso(asunto) == numeros


@pytest.mark.parametrize('crudo, razon', [
    (b'Subject: hola\r\n\r\ntexto', 'remitente'),
    (b'From: no es una direccion\r\n\r\ntexto', 'remitente'),
    (b'From: a@b.pe\r\nAuto-Submitted: auto-replied\r\n\r\nFuera de oficina', 'automática'),
    (b'From: MAILER-DAEMON@b.pe\r\n\r\nUndelivered', 'automática'),
    (b'From: a@b.pe\r\nContent-Type: multipart/mixed\r\n\r\nsin frontera', 'MIME'),
])
def test_mensajes_inservibles_dicen_por_que(crudo, razon):
    with pytest.raises(MensajeInvalido, match=razon):
        leer(crudo)


def _almacenable(texto):
    texto.encode('utf-8')  # no lone surrogates
    assert '\x00' not in texto


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_cualquier_secuencia_de_bytes_se_lee_o_se_aparta(crudo):
    try:
        mensaje = leer(crudo)
    except MensajeInvalido as error:
        assert str(error)
    else:
        for texto in (mensaje.remitente, mensaje.nombre, mensaje.asunto, mensaje.texto,
                      mensaje.message_id, *(a.nombre for a in mensaje.adjuntos)):
            _almacenable(texto)
    remitente, asunto, _ = datos_visibles(crudo)
    _almacenable(remitente)
    _almacenable(asunto)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.text(max_size=500), st.binary(max_size=300))
def test_cabeceras_y_cuerpos_hostiles_dan_texto_almacenable(asunto, cuerpo, basura):
    crudo = (b'From: Ana <ana@correo.pe>\r\nSubject: ' + asunto.encode('utf-8', 'replace')
             + b'\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n'
             + cuerpo.encode('utf-8', 'surrogatepass') + basura)
    mensaje = leer(crudo)
    assert mensaje.remitente == 'ana@correo.pe'
    for texto in (mensaje.asunto, mensaje.texto):
        _almacenable(texto)


def test_nul_y_bytes_invalidos_en_cabeceras_y_nombres_de_archivo():
    mensaje = EmailMessage()
    mensaje['From'] = 'ana@correo.pe'
    mensaje['Subject'] = 'Hola\x00 mundo'
    mensaje.set_content('Texto\x00 con NUL')
    mensaje.add_attachment(b'%PDF-1.4', maintype='application', subtype='pdf',
                           filename='re\x00cibo.pdf')
    crudo = mensaje.as_bytes().replace(b'Hola', b'Ho\xffla')
    leido = leer(crudo)
    assert '\x00' not in leido.asunto + leido.texto
    assert leido.texto == 'Texto con NUL'
    assert [a.nombre for a in leido.adjuntos] == ['recibo.pdf']
    leido.asunto.encode('utf-8')


def test_la_fecha_imposible_no_rompe_la_lectura():
    leido = leer(b'From: a@b.pe\r\nDate: Fri, 31 Dec 9999 23:00:00 -1200\r\n\r\nhola')
    assert leido.fecha is None and leido.texto == 'hola'
