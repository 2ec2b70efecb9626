"""Shipped default term rules, as plain data a catalog seeder can load and admins can edit.

REGLAS_POR_DEFECTO holds plain dicts (the keys are the ReglaPlazo fields); REGLAS holds the
same rules as ReglaPlazo values, validated at import time.
"""
from __future__ import annotations

from reglas.errores import ReglaInvalida
from reglas.regla_plazo import ReglaPlazo

_LEY_1755 = 'Ley 1755 de 2015, art. 14 (Colombia)'
_OSIPTEL = 'Reglamento de reclamos de usuarios de telecomunicaciones, OSIPTEL (Perú)'
_EMPRESA = 'Política de la empresa'


def _regla(codigo, nombre, cantidad, unidad, norma, prorrogable=False, notificar=None):
    return {
        'codigo': codigo, 'nombre': nombre, 'cantidad': cantidad, 'unidad': unidad,
        'prorrogable': prorrogable, 'prorroga_max': None,
        'notificacion_cantidad': notificar,
        'notificacion_unidad': 'dias_habiles' if notificar else None,
        'norma': norma,
    }


REGLAS_POR_DEFECTO: tuple[dict, ...] = (
    # Colombia: extensible up to the original term again, notifying before the term ends.
    _regla('CO_1755_PETICION', 'Derecho de petición', 15, 'dias_habiles', _LEY_1755,
           prorrogable=True),
    _regla('CO_1755_INFORMACION', 'Petición de información o documentos', 10, 'dias_habiles',
           _LEY_1755, prorrogable=True),
    _regla('CO_1755_CONSULTA', 'Consulta', 30, 'dias_habiles', _LEY_1755, prorrogable=True),
    # Art. 158: past the term the answer is deemed favourable to the user, so no extension.
    _regla('CO_142_SERVICIOS_PUBLICOS', 'Petición, queja o recurso en servicios públicos', 15,
           'dias_habiles', 'Ley 142 de 1994, art. 158 (Colombia)'),
    # Perú: the Libro de Reclamaciones term is "improrrogable".
    _regla('PE_31435_LIBRO', 'Reclamo del Libro de Reclamaciones', 15, 'dias_habiles',
           'Ley 31435, modifica el art. 24 del Código de Protección al Consumidor (Perú)'),
    _regla('OSIPTEL_3', 'Reclamo OSIPTEL de 3 días hábiles', 3, 'dias_habiles', _OSIPTEL,
           notificar=5),
    _regla('OSIPTEL_15', 'Reclamo OSIPTEL de 15 días hábiles', 15, 'dias_habiles', _OSIPTEL,
           notificar=5),
    _regla('OSIPTEL_20', 'Reclamo OSIPTEL de 20 días hábiles', 20, 'dias_habiles', _OSIPTEL,
           notificar=5),
    _regla('SUNASS_30', 'Reclamo de saneamiento SUNASS', 30, 'dias_habiles',
           'Reglamento de reclamos de usuarios de servicios de saneamiento, SUNASS (Perú)',
           notificar=5),
    _regla('CANAL_VIRTUAL_24H', 'Primera respuesta en el canal virtual', 24, 'horas',
           _EMPRESA),
    _regla('PRIORIDAD_ALTO', 'Prioridad alta', 30, 'minutos', _EMPRESA),
    _regla('PRIORIDAD_MEDIO', 'Prioridad media', 1, 'dias', _EMPRESA),
    _regla('PRIORIDAD_BAJO', 'Prioridad baja', 3, 'dias', _EMPRESA),
)

REGLAS: tuple[ReglaPlazo, ...] = tuple(ReglaPlazo.desde_dict(d) for d in REGLAS_POR_DEFECTO)
_POR_CODIGO = {regla.codigo: regla for regla in REGLAS}


def regla_por_codigo(codigo: str) -> ReglaPlazo:
    try:
        return _POR_CODIGO[codigo]
    except KeyError:
        raise ReglaInvalida(
            f"Regla por defecto desconocida: {codigo!r}. Use una de: "
            f"{', '.join(_POR_CODIGO)}") from None
