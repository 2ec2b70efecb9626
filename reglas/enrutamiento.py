"""Routing rules in plain Spanish: a lark grammar, parsing and evaluation; pure functions.

    si motivo es "Facturación excesiva" y monto reclamado mayor que 500
        entonces prioridad ALTO y área COBRANZAS

A rule is parsed by a LALR grammar (never eval) into a ``Regla`` value; it is evaluated
against a dict of the case's values whose keys are normalised field names (``clave()``):
text, numbers, or a tuple of aliases for catalog values (code and name), compared without
case or accents. Rules apply in order and each sees what earlier ones set, so when two rules
with the same condition set the same thing differently, the LATER one (higher order) wins.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from reglas.errores import ReglaInvalida
from reglas.evaluacion_reglas import (aplicar, clave, contradicciones, cumple,
                                      describir_acciones, normalizar, resultado)

LARGO_MAX = 1000
ACCIONES = ('prioridad', 'area', 'asignar', 'proceso', 'etiqueta')

GRAMATICA = r'''
regla: _SI condicion _ENTONCES acciones "."?
?condicion: conjuncion (_O conjuncion)*  -> o
?conjuncion: atomo (_Y atomo)*  -> y
?atomo: comparacion | "(" condicion ")"
comparacion: campo operador
campo: PALABRA+
?operador: _ES valor            -> es
    | _NO _ES valor             -> no_es
    | _CONTIENE valor           -> contiene
    | _MAYOR _QUE valor         -> mayor
    | _MENOR _QUE valor         -> menor
    | _ENTRE valor _Y valor     -> entre
    | _ESTA _EN lista           -> esta_en
lista: valor ("," valor)* | "(" valor ("," valor)* ")"
acciones: accion ((_Y | ",") accion)*
?accion: _PRIORIDAD valor       -> prioridad
    | _AREA valor               -> area
    | _ASIGNAR _A valor         -> asignar
    | _PROCESO valor            -> proceso
    | _ETIQUETA valor           -> etiqueta
?valor: CADENA -> texto
    | NUMERO -> numero
    | PALABRA -> texto

_SI.3: /si\b/i
_ENTONCES.3: /entonces\b/i
_Y.3: /y\b/i
_O.3: /o\b/i
_ES.3: /es\b/i
_NO.3: /no\b/i
_CONTIENE.3: /contiene\b/i
_MAYOR.3: /mayor\b/i
_MENOR.3: /menor\b/i
_QUE.3: /que\b/i
_ENTRE.3: /entre\b/i
_ESTA.3: /est[aá]\b/i
_EN.3: /en\b/i
_PRIORIDAD.3: /prioridad\b/i
_AREA.3: /[aá]rea\b/i
_ASIGNAR.3: /asignar\b/i
_A.3: /a\b/i
_PROCESO.3: /proceso\b/i
_ETIQUETA.3: /etiqueta\b/i
CADENA: /"[^"\n]*"/ | /“[^”\n]*”/ | /'[^'\n]*'/
NUMERO: /-?\d+(\.\d+)?(?![\w])/
PALABRA: /(?!(RESERVADAS)\b)[^\W\d][\w\-\/@.]*(?<![.])/i

%import common.WS
%ignore WS
'''.replace('RESERVADAS', 'si|entonces|y|o|es|no|contiene|mayor|menor|entre|est[aá]|en')

# What the parser expected, in words an administrator understands.
NOMBRES = {
    '_SI': 'si', '_ENTONCES': 'entonces', '_Y': 'y', '_O': 'o', '_ES': 'es', '_NO': 'no es',
    '_CONTIENE': 'contiene', '_MAYOR': 'mayor que', '_MENOR': 'menor que', '_QUE': 'que',
    '_ENTRE': 'entre', '_ESTA': 'está en', '_EN': 'en', '_PRIORIDAD': 'prioridad',
    '_AREA': 'área', '_ASIGNAR': 'asignar a', '_A': 'a', '_PROCESO': 'proceso',
    '_ETIQUETA': 'etiqueta', 'CADENA': 'un texto entre comillas', 'NUMERO': 'un número',
    'PALABRA': 'un nombre', 'COMMA': 'una coma', 'LPAR': '(', 'RPAR': ')', 'DOT': 'un punto final',
    '$END': 'el final de la regla',
}


class ReglaMalEscrita(ReglaInvalida):
    """A rule that does not parse: where (line, column), the word at fault, what was expected."""

    def __init__(self, mensaje, linea=None, columna=None, palabra=None, esperados=()):
        super().__init__(mensaje)
        self.linea, self.columna, self.palabra = linea, columna, palabra
        self.esperados = tuple(esperados)


@dataclass(frozen=True)
class Regla:
    texto: str
    condicion: tuple  # ('o'|'y', (hijos...)) or ('cmp', campo, operador, (valores...))
    acciones: tuple  # ((tipo, valor), ...) with tipo in ACCIONES

    def campos(self):
        """Normalised names of the fields the condition reads, in order of appearance."""
        vistos = []
        for cmp in _comparaciones(self.condicion):
            if cmp[1] not in vistos:
                vistos.append(cmp[1])
        return vistos

    def comparaciones(self):
        return list(_comparaciones(self.condicion))

    def clave_condicion(self, valor_canonico=None):
        """Equal for two conditions written alike (case, accents, spacing aside);
        ``valor_canonico(campo, valor)`` may map names to codes first."""
        return _canonica(self.condicion, valor_canonico or (lambda campo, valor: valor))


def _comparaciones(nodo):
    if nodo[0] == 'cmp':
        yield nodo
    else:
        for hijo in nodo[1]:
            yield from _comparaciones(hijo)


def _canonica(nodo, canonico):
    if nodo[0] == 'cmp':
        return ('cmp', nodo[1], nodo[2],
                tuple(normalizar(canonico(nodo[1], v)) for v in nodo[3]))
    return (nodo[0], tuple(_canonica(h, canonico) for h in nodo[1]))


@functools.lru_cache(maxsize=1)
def _parser():
    """(parser, tree transformer), built on first use: importing lark and building the LALR
    tables costs a few hundred milliseconds that an app server should not pay at boot."""
    from lark import Lark, Transformer, v_args

    @v_args(inline=True)
    class _Arbol(Transformer):
        def texto(self, token):
            valor = str(token)
            if token.type == 'CADENA':
                valor = valor[1:-1]
            return valor

        def numero(self, token):
            return float(token) if '.' in token else int(token)

        def campo(self, *palabras):
            return clave(' '.join(palabras))

        def lista(self, *valores):
            return tuple(valores)

        def comparacion(self, campo, operador):
            return ('cmp', campo, operador[0], operador[1])

        def es(self, v):
            return ('es', (v,))

        def no_es(self, v):
            return ('no_es', (v,))

        def contiene(self, v):
            return ('contiene', (v,))

        def mayor(self, v):
            return ('mayor', (v,))

        def menor(self, v):
            return ('menor', (v,))

        def entre(self, a, b):
            return ('entre', (a, b))

        def esta_en(self, lista):
            return ('esta_en', lista)

        def o(self, *hijos):
            return hijos[0] if len(hijos) == 1 else ('o', hijos)

        def y(self, *hijos):
            return hijos[0] if len(hijos) == 1 else ('y', hijos)

        def prioridad(self, v):
            return ('prioridad', v)

        def area(self, v):
            return ('area', v)

        def asignar(self, v):
            return ('asignar', v)

        def proceso(self, v):
            return ('proceso', v)

        def etiqueta(self, v):
            return ('etiqueta', v)

        def acciones(self, *acciones):
            return tuple(acciones)

        def regla(self, condicion, acciones):
            return condicion, acciones

    parser = Lark(GRAMATICA, start='regla', parser='lalr', lexer='contextual',
                  maybe_placeholders=False)
    return parser, _Arbol()


def _esperados(nombres):
    palabras = []
    for n in sorted(nombres):
        palabra = NOMBRES.get(n, n.lower())
        if palabra not in palabras:
            palabras.append(palabra)
    return palabras


def _error(texto, error):
    from lark.exceptions import UnexpectedEOF, UnexpectedToken

    linea, columna = getattr(error, 'line', None), getattr(error, 'column', None)
    if isinstance(error, UnexpectedEOF) or (isinstance(error, UnexpectedToken)
                                            and error.token.type == '$END'):
        esperados = _esperados(error.expected)
        return ReglaMalEscrita('La regla termina antes de tiempo: se esperaba '
                               + ' o '.join(f'«{e}»' for e in esperados) + '.',
                               linea if linea and linea > 0 else None,
                               columna if columna and columna > 0 else None, None, esperados)
    if isinstance(error, UnexpectedToken):
        palabra = str(error.token)
        esperados = _esperados(error.expected)
    else:  # UnexpectedCharacters: a character no word may start with
        palabra = texto[error.pos_in_stream] if error.pos_in_stream < len(texto) else ''
        esperados = _esperados(error.allowed or ())
    return ReglaMalEscrita(
        f'Línea {linea}, columna {columna}: no se entiende «{palabra}»; se esperaba '
        + ' o '.join(f'«{e}»' for e in esperados) + '.', linea, columna, palabra, esperados)


@functools.lru_cache(maxsize=512)
def analizar(texto):
    """Parse one rule; raises ReglaMalEscrita with the position and the expected words."""
    if not isinstance(texto, str) or not texto.strip():
        raise ReglaMalEscrita('Escriba la regla, por ejemplo: si canal es "Web" entonces '
                              'prioridad ALTO.')
    if len(texto) > LARGO_MAX:
        raise ReglaMalEscrita(f'La regla es demasiado larga (máximo {LARGO_MAX} caracteres).')
    from lark.exceptions import UnexpectedInput

    parser, transformador = _parser()
    try:
        arbol = parser.parse(texto)
    except UnexpectedInput as error:
        raise _error(texto, error) from None
    condicion, acciones = transformador.transform(arbol)
    return Regla(texto.strip(), condicion, acciones)


__all__ = ['ACCIONES', 'Regla', 'ReglaMalEscrita', 'analizar', 'aplicar', 'clave', 'cumple',
           'contradicciones', 'describir_acciones', 'normalizar', 'resultado']
