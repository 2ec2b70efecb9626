"""Values of a motive's custom fields: checked by type and required-ness, normalised for JSON.

The service passes the field definitions as plain values, so the same rule serves the agent
form, the JSON API and the public portal.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

TEXTO_MAX = 2000
_SI = {'si', 'sí', 'true', '1', 'on', 'yes', 's'}
_NO = {'no', 'false', '0', 'off', 'n'}


@dataclass(frozen=True)
class DefinicionCampo:
    codigo: str
    nombre: str
    tipo: str  # texto, numero, fecha, opcion, booleano
    requerido: bool = False
    opciones: tuple = field(default=())


def validar_campos(definiciones, valores) -> tuple[dict, dict]:
    """(clean values, errors) for the custom fields of one case.

    Errors are keyed ``campos.<codigo>`` (or ``campos`` for the whole set) with a Spanish
    message. Clean values: text stripped, numbers as int or float, dates as 'YYYY-MM-DD',
    options as the configured spelling, booleans as bool; blanks are left out.
    """
    if valores is None:
        valores = {}
    if not isinstance(valores, dict):
        return {}, {'campos': 'Los campos personalizados deben venir como un objeto '
                              '{nombre: valor}.'}
    definiciones = list(definiciones)
    conocidos = {d.codigo for d in definiciones}
    errores = {}
    sobran = sorted(set(valores) - conocidos)
    if sobran:
        errores['campos'] = (f'Campo desconocido para este motivo: «{sobran[0]}». Campos: '
                             f'{", ".join(sorted(conocidos)) or "ninguno"}.')
    limpios = {}
    for definicion in definiciones:
        valor = valores.get(definicion.codigo)
        if _vacio(valor):
            if definicion.requerido:
                errores['campos.' + definicion.codigo] = f'«{definicion.nombre}» es obligatorio.'
            continue
        try:
            limpios[definicion.codigo] = _convertir(definicion, valor)
        except ValueError as error:
            errores['campos.' + definicion.codigo] = f'«{definicion.nombre}»: {error}'
    return limpios, errores


def _vacio(valor):
    return valor is None or (isinstance(valor, str) and not valor.strip())


def _convertir(definicion, valor):
    if isinstance(valor, str) and len(valor) > TEXTO_MAX:
        # Before any parsing: int() of a few thousand digits is refused by Python itself.
        raise ValueError(f'el valor supera {TEXTO_MAX} caracteres.')
    tipo = definicion.tipo
    if tipo == 'texto':
        if not isinstance(valor, (str, int, float)) or isinstance(valor, bool):
            raise ValueError('se esperaba un texto.')
        texto = str(valor).strip()
        if len(texto) > TEXTO_MAX:
            raise ValueError(f'el texto supera {TEXTO_MAX} caracteres.')
        return texto
    if tipo == 'numero':
        return _numero(valor)
    if tipo == 'fecha':
        return _fecha(valor)
    if tipo == 'opcion':
        texto = str(valor).strip()
        for opcion in definicion.opciones:
            if opcion.casefold() == texto.casefold():
                return opcion
        raise ValueError(f'«{texto}» no es una de las opciones: '
                         f'{", ".join(definicion.opciones)}.')
    if tipo == 'booleano':
        if isinstance(valor, bool):
            return valor
        texto = str(valor).strip().casefold()
        if texto in _SI:
            return True
        if texto in _NO:
            return False
        raise ValueError(f'se esperaba sí o no; se recibió «{valor}».')
    raise ValueError(f'tipo de campo desconocido «{tipo}».')


def _numero(valor):
    if isinstance(valor, bool):
        raise ValueError('se esperaba un número.')
    if isinstance(valor, (int, float)):
        numero = Decimal(str(valor))
    else:
        texto = str(valor).strip().replace(' ', '')
        if ',' in texto and '.' not in texto:
            texto = texto.replace(',', '.')  # decimal comma, as typed in Peru and Colombia
        try:
            numero = Decimal(texto)
        except InvalidOperation:
            raise ValueError(f'«{valor}» no es un número.') from None
    if not numero.is_finite():
        raise ValueError(f'«{valor}» no es un número.')
    return int(numero) if numero == numero.to_integral_value() else float(numero)


def _fecha(valor):
    if isinstance(valor, datetime):
        return valor.date().isoformat()
    if isinstance(valor, date):
        return valor.isoformat()
    from reglas.fechas import leer_fecha

    return leer_fecha(valor).isoformat()  # dd/mm/aaaa or ISO; FechaInvalida is a ValueError
