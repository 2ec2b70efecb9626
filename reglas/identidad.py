"""Identity documents of Colombia and Peru, checked as their issuers define them.

- NIT (Colombia, DIAN): up to 15 digits and a check digit; weights 3, 7, 13, 17, 19, 23,
  29, 37, 41, 43, 47, 53, 59, 67, 71 from the right; r = sum mod 11; the digit is r when r is
  0 or 1, else 11 - r. Written ``900123456-8`` or ``9001234568``.
- RUC (Peru, SUNAT): 11 digits starting 10, 15, 16, 17 or 20; weights 5, 4, 3, 2, 7, 6, 5, 4,
  3, 2 on the first ten; d = 11 - (sum mod 11), 10 -> 0, 11 -> 1.
- DNI (Peru): 8 digits. CC (Colombia): 3 to 10 digits. CE: 3 to 12 letters or digits.
  PAS: 5 to 20 letters or digits.

``validar(tipo, numero)`` returns the number as stored (digits only; NIT as ``base-dv``) or
raises ``IdentidadInvalida`` with a Spanish message.
"""
import re

from reglas.errores import ReglaInvalida

PESOS_NIT = (3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71)
PESOS_RUC = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
PREFIJOS_RUC = ('10', '15', '16', '17', '20')

# The rules a type of the identity catalog (catalogos.identidad) is checked with.
REGLAS = ('cc', 'ce', 'nit', 'dni', 'ruc', 'pas', 'libre')


class IdentidadInvalida(ReglaInvalida):
    """The number does not fit its document type."""


def digito_nit(base):
    suma = sum(int(d) * p for d, p in zip(reversed(base), PESOS_NIT, strict=False))
    resto = suma % 11
    return resto if resto in (0, 1) else 11 - resto


def digito_ruc(primeros):
    resto = 11 - sum(int(d) * p for d, p in zip(primeros, PESOS_RUC, strict=True)) % 11
    return {10: 0, 11: 1}.get(resto, resto)


def _digitos(numero):
    return re.sub(r'[\s.]', '', str(numero or ''))


def validar(regla, numero):
    """The normalised number, or IdentidadInvalida naming what is wrong."""
    limpio = _digitos(numero)
    if not limpio:
        raise IdentidadInvalida('Escriba el número de documento.')
    if regla == 'nit':
        return _nit(limpio)
    if regla == 'ruc':
        return _ruc(limpio)
    if regla == 'dni':
        if not re.fullmatch(r'\d{8}', limpio):
            raise IdentidadInvalida(f'El DNI tiene 8 dígitos (se recibió «{limpio[:20]}»).')
        return limpio
    if regla == 'cc':
        if not re.fullmatch(r'\d{3,10}', limpio):
            raise IdentidadInvalida('La cédula de ciudadanía tiene de 3 a 10 dígitos '
                                    f'(se recibió «{limpio[:20]}»).')
        return limpio
    if regla == 'ce':
        if not re.fullmatch(r'[A-Za-z0-9]{3,12}', limpio):
            raise IdentidadInvalida('El documento de extranjería tiene de 3 a 12 letras o '
                                    f'dígitos (se recibió «{limpio[:20]}»).')
        return limpio.upper()
    if regla == 'pas':
        if not re.fullmatch(r'[A-Za-z0-9]{5,20}', limpio):
            raise IdentidadInvalida('El pasaporte tiene de 5 a 20 letras o dígitos '
                                    f'(se recibió «{limpio[:20]}»).')
        return limpio.upper()
    if len(limpio) > 30:
        raise IdentidadInvalida('El número de documento admite hasta 30 caracteres.')
    return limpio


def _nit(limpio):
    encontrado = re.fullmatch(r'(\d{5,15})-?(\d)', limpio)
    if not encontrado:
        raise IdentidadInvalida('Escriba el NIT con su dígito de verificación, por ejemplo '
                                f'900123456-8 (se recibió «{limpio[:20]}»).')
    base, digito = encontrado.groups()
    esperado = digito_nit(base)
    if int(digito) != esperado:
        raise IdentidadInvalida(f'El dígito de verificación del NIT {base} es {esperado}, '
                                f'no {digito}.')
    return f'{base}-{digito}'


def _ruc(limpio):
    if not re.fullmatch(r'\d{11}', limpio):
        raise IdentidadInvalida(f'El RUC tiene 11 dígitos (se recibió «{limpio[:20]}»).')
    if not limpio.startswith(PREFIJOS_RUC):
        raise IdentidadInvalida('El RUC empieza por 10, 15, 16, 17 o 20 '
                                f'(se recibió «{limpio}»).')
    esperado = digito_ruc(limpio[:10])
    if int(limpio[10]) != esperado:
        raise IdentidadInvalida(f'El dígito de verificación del RUC {limpio[:10]} es {esperado}, '
                                f'no {limpio[10]}.')
    return limpio


def tributaria(pais):
    """The rule of a company's tax id in ``pais``: NIT in Colombia, RUC in Peru."""
    return {'CO': 'nit', 'PE': 'ruc'}.get(pais, 'libre')
