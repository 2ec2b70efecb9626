"""Identity documents of Colombia and Peru: real numbers, bad check digits, properties."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reglas.identidad import IdentidadInvalida, digito_nit, digito_ruc, validar


@pytest.mark.parametrize('regla, numero, guardado', [
    ('nit', '800197268-4', '800197268-4'),  # DIAN
    ('nit', '8001972684', '800197268-4'),
    ('nit', '899.999.068-1', '899999068-1'),  # Ecopetrol
    ('ruc', '20100070970', '20100070970'),
    ('ruc', '20131312955', '20131312955'),  # SUNAT
    ('dni', '45781236', '45781236'),
    ('cc', '1020304050', '1020304050'),
    ('ce', 'e12345', 'E12345'),
    ('pas', 'ab123456', 'AB123456'),
])
def test_validos(regla, numero, guardado):
    assert validar(regla, numero) == guardado


@pytest.mark.parametrize('regla, numero, mensaje', [
    ('nit', '800197268-5', 'dígito de verificación del NIT 800197268 es 4'),
    ('nit', '800197268', 'dígito de verificación del NIT 80019726 es'),
    ('nit', 'ABC', 'con su dígito de verificación'),
    ('ruc', '20100070971', 'dígito de verificación del RUC 2010007097 es 0'),
    ('ruc', '2010007097', '11 dígitos'),
    ('ruc', '30100070970', 'empieza por 10, 15, 16, 17 o 20'),
    ('dni', '4578123', '8 dígitos'),
    ('cc', '12', 'de 3 a 10 dígitos'),
    ('pas', '12', 'de 5 a 20'),
    ('dni', '', 'Escriba el número'),
])
def test_invalidos(regla, numero, mensaje):
    with pytest.raises(IdentidadInvalida, match=mensaje):
        validar(regla, numero)


@given(st.text(alphabet='0123456789', min_size=5, max_size=15))
def test_nit_con_su_digito_siempre_vale(base):
    assert validar('nit', f'{base}{digito_nit(base)}') == f'{base}-{digito_nit(base)}'


@given(st.sampled_from(['10', '15', '16', '17', '20']),
       st.text(alphabet='0123456789', min_size=8, max_size=8))
def test_ruc_con_su_digito_vale_y_otro_no(prefijo, resto):
    primeros = prefijo + resto
    assert validar('ruc', primeros + str(digito_ruc(primeros))) == primeros + str(
        digito_ruc(primeros))
    otro = (digito_ruc(primeros) + 1) % 10
    with pytest.raises(IdentidadInvalida):
        validar('ruc', primeros + str(otro))
