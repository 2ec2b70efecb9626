import pytest
from hypothesis import given
from hypothesis import strategies as st

from reglas.archivos import tipo_por_contenido


@pytest.mark.parametrize('cabecera, nombre, mime', [
    (b'%PDF-1.7\n...', 'carta.pdf', 'application/pdf'),
    (b'\x89PNG\r\n\x1a\n\x00\x00', 'foto.PNG', 'image/png'),
    (b'\xff\xd8\xff\xe0JFIF', 'recibo.jpeg', 'image/jpeg'),
    (b'PK\x03\x04\x14\x00', 'acta.docx',
     'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    ('Lectura;Fecha\n1234;2026-11-01\nÑandú'.encode(), 'lecturas.csv', 'text/csv'),
])
def test_aceptados(cabecera, nombre, mime):
    assert tipo_por_contenido(cabecera, nombre) == (mime, None)


@pytest.mark.parametrize('cabecera, nombre, mensaje', [
    (b'MZ\x90\x00', 'virus.exe', 'no permitido'),
    (b'MZ\x90\x00', 'factura.pdf', 'no corresponde'),          # an executable renamed .pdf
    (b'%PDF-1.4', 'imagen.png', 'parece application/pdf'),
    (b'<html><script>', 'pagina.html', 'no permitido'),
    (b'\x00\x01\x02binario', 'notas.txt', 'no corresponde'),
    (b'%PDF-1.4', 'sin_extension', 'no permitido'),
])
def test_rechazados(cabecera, nombre, mensaje):
    mime, razon = tipo_por_contenido(cabecera, nombre)
    assert mime is None and mensaje in razon


@given(st.binary(max_size=64), st.text(max_size=30))
def test_nunca_falla(cabecera, nombre):
    mime, razon = tipo_por_contenido(cabecera, nombre)
    assert (mime is None) != (razon is None)
