"""Activity conditions over a case's fields, evaluated safely.

An administrator writes the condition in the plain Spanish of routing rules
(``prioridad es ALTO y tipo predio es Comercial``, ``canal no es WEB``, ``monto mayor que
500``), parsed by the same grammar (``reglas.enrutamiento``) with the same messages; the
activity applies to a case only when its condition holds. A custom field is named by its
internal name, spaces or underscores alike.

Conditions written before in the older expression form (``prioridad == 'ALTO'``,
``campo.tipo_predio == 'Comercial' and canal != 'WEB'``) still work: text that is not plain
Spanish but uses that form's signs is parsed with ``ast`` and interpreted node by node from a short
allow-list: comparisons, ``and``/``or``/``not``, field names, ``campo.<custom field>``, and
literal text, numbers, booleans and lists. Anything else (calls, subscripts, attributes other
than ``campo.x``, names starting with ``_``) is refused with a Spanish message; nothing ever
reaches ``eval``.
"""
from __future__ import annotations

import ast

from reglas.errores import ReglaInvalida

VARIABLES = ('tipo', 'origen', 'canal', 'servicio', 'producto', 'motivo', 'prioridad')
LITERALES = {'true': True, 'false': False, 'True': True, 'False': False, 'None': None,
             'verdadero': True, 'falso': False}
LARGO_MAX = 500

_OPERADORES = {
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}
_PROHIBIDOS = {
    ast.Call: 'llamadas a funciones', ast.Subscript: 'índices o cortes',
    ast.Lambda: 'funciones lambda', ast.BinOp: 'operaciones aritméticas',
    ast.Dict: 'diccionarios', ast.IfExp: 'expresiones condicionales',
    ast.ListComp: 'comprensiones', ast.GeneratorExp: 'comprensiones',
    ast.NamedExpr: 'asignaciones', ast.Starred: 'desempaquetado', ast.Await: 'await',
    ast.JoinedStr: 'cadenas con formato (f-strings)',
}


class CondicionInvalida(ReglaInvalida):
    """The condition text is not valid; the message (Spanish) says why."""


SIGNOS_ANTIGUOS = ('==', '!=', '<', '>', "'", 'campo.')


def _espanol(texto):
    """The parsed condition node of a plain-Spanish condition; CondicionInvalida carrying
    the routing grammar's message (positions as typed) otherwise."""
    from reglas.enrutamiento import ReglaMalEscrita, analizar

    try:
        return analizar(f'si {texto.strip()} entonces etiqueta x').condicion
    except ReglaMalEscrita as error:
        if error.palabra is None or error.linea is None:
            raise CondicionInvalida(str(error).replace('la regla', 'la condición')) from None
        esperados = ' o '.join(f'«{e}»' for e in error.esperados)
        if normalizar_palabra(error.palabra) == 'entonces':
            raise CondicionInvalida(f'La condición termina antes de tiempo; se esperaba '
                                    f'{esperados}.') from None
        columna = error.columna - 3 if error.linea == 1 else error.columna
        raise CondicionInvalida(f'Línea {error.linea}, columna {columna}: no se entiende '
                                f'«{error.palabra}»; se esperaba {esperados}.') from None


def normalizar_palabra(palabra):
    return str(palabra).strip().casefold()


def _elegir(texto):
    """('es', node) for plain Spanish, ('ast', tree) for the older form, None when empty."""
    if not _con_texto(texto):
        return None
    try:
        return 'es', _espanol(texto)
    except CondicionInvalida:
        if not any(s in texto for s in SIGNOS_ANTIGUOS):
            raise
        return 'ast', _parsear(texto)


def _campos_es(nodo, campos):
    """Check the fields a Spanish condition reads: case fields or the motive's own."""
    from reglas.enrutamiento import clave

    conocidos = {clave(v) for v in VARIABLES} | {'area'}
    propios = None if campos is None else {clave(c) for c in campos}
    pendientes = [nodo]
    while pendientes:
        actual = pendientes.pop()
        if actual[0] != 'cmp':
            pendientes.extend(actual[1])
            continue
        campo = actual[1]
        if campo in conocidos or propios is None or campo in propios:
            continue
        raise CondicionInvalida(
            f'El campo «{campo.replace("_", " ")}» no existe: use un campo del caso '
            f'({", ".join(VARIABLES)}) o un campo personalizado del motivo ('
            + (', '.join(sorted(campos)) or 'no tiene') + ').')


def _valores_es(contexto):
    from reglas.enrutamiento import clave

    valores = {clave(k): contexto.get(k) for k in VARIABLES}
    valores.update({clave(k): v for k, v in (contexto.get('campo') or {}).items()})
    return valores


def validar(texto: str, campos=None) -> None:
    """Raise CondicionInvalida unless ``texto`` parses and names only known fields.

    ``campos``: codes of the motive's custom fields; None skips that check (the motive is not
    known yet).
    """
    elegido = _elegir(texto)
    if elegido is None:
        return
    forma, arbol = elegido
    if forma == 'es':
        _campos_es(arbol, campos)
        return
    if arbol is not None:
        _Interprete(None, None if campos is None else set(campos)).visitar(arbol.body)


def evaluar(texto: str, contexto: dict) -> bool:
    """True when the condition holds for a case described by ``contexto``.

    ``contexto`` maps each name of VARIABLES to a value (codes as text) and ``'campo'`` to a
    dict of custom field values. An empty condition always holds. A custom field the case
    lacks reads as None; ordering comparisons between values of different types (None < 3)
    are false rather than an error, so an optional field left blank skips the activity.
    """
    elegido = _elegir(texto)
    if elegido is None:
        return True
    forma, arbol = elegido
    if forma == 'es':
        from reglas.evaluacion_reglas import cumple

        return cumple(arbol, _valores_es(contexto))
    return bool(_Interprete(contexto, None).visitar(arbol.body))


def _con_texto(texto):
    """False for an empty condition; raises for one that is not text or is too long."""
    if texto is None or not str(texto).strip():
        return False
    if not isinstance(texto, str):
        raise CondicionInvalida(f'La condición debe ser un texto; se recibió {texto!r}.')
    if len(texto) > LARGO_MAX:
        raise CondicionInvalida(f'La condición es demasiado larga ({len(texto)} caracteres; '
                                f'máximo {LARGO_MAX}).')
    return True


def _parsear(texto):
    if not _con_texto(texto):
        return None
    try:
        return ast.parse(texto.strip(), mode='eval')
    except SyntaxError as error:
        raise CondicionInvalida(
            f'La condición no se entiende cerca de la columna {error.offset or 0}: «{texto}». '
            "Ejemplo válido: prioridad == 'ALTO' and campo.tipo_predio == 'Comercial'"
        ) from None
    except (ValueError, RecursionError, MemoryError):
        raise CondicionInvalida(f'La condición no se puede analizar: «{texto[:80]}».') from None


class _Interprete:
    """Walks the allow-listed nodes. Without a context it only validates (values are None)."""

    def __init__(self, contexto, campos):
        self.contexto = contexto
        self.campos = campos

    def visitar(self, nodo):
        if isinstance(nodo, ast.BoolOp):
            return self._logico(nodo)
        if isinstance(nodo, ast.UnaryOp):
            return self._unario(nodo)
        if isinstance(nodo, ast.Compare):
            return self._comparar(nodo)
        if isinstance(nodo, ast.Name):
            return self._nombre(nodo.id)
        if isinstance(nodo, ast.Attribute):
            return self._campo(nodo)
        if isinstance(nodo, ast.Constant):
            if not isinstance(nodo.value, (str, int, float, bool, type(None))):
                raise CondicionInvalida(f'Valor no permitido en la condición: {nodo.value!r}.')
            return nodo.value
        if isinstance(nodo, (ast.List, ast.Tuple, ast.Set)):
            return [self.visitar(e) for e in nodo.elts]
        que = _PROHIBIDOS.get(type(nodo), f'la construcción «{type(nodo).__name__}»')
        raise CondicionInvalida(f'La condición no admite {que}. Use comparaciones (==, !=, <, '
                                '>, in) unidas con and, or, not.')

    def _logico(self, nodo):
        if self.contexto is None:
            for valor in nodo.values:
                self.visitar(valor)
            return None
        if isinstance(nodo.op, ast.And):
            return all(self.visitar(v) for v in nodo.values)
        return any(self.visitar(v) for v in nodo.values)

    def _unario(self, nodo):
        if isinstance(nodo.op, ast.Not):
            valor = self.visitar(nodo.operand)
            return None if self.contexto is None else not valor
        if isinstance(nodo.op, ast.USub) and isinstance(nodo.operand, ast.Constant) \
                and type(nodo.operand.value) in (int, float):
            return -nodo.operand.value
        raise CondicionInvalida('La condición solo admite «not» y números negativos como '
                                'operadores de un término.')

    def _comparar(self, nodo):
        izquierda = self.visitar(nodo.left)
        resultado = True
        for operador, termino in zip(nodo.ops, nodo.comparators, strict=True):
            funcion = _OPERADORES.get(type(operador))
            if funcion is None:
                raise CondicionInvalida('Operador no permitido: use ==, !=, <, <=, >, >=, in, '
                                        'not in.')
            derecha = self.visitar(termino)
            if self.contexto is not None and resultado:
                try:
                    resultado = bool(funcion(izquierda, derecha))
                except TypeError:
                    resultado = False
            izquierda = derecha
        return None if self.contexto is None else resultado

    def _nombre(self, nombre):
        if nombre in LITERALES:
            return LITERALES[nombre]
        if nombre == 'campo':
            raise CondicionInvalida('Indique qué campo personalizado: campo.<nombre_interno>.')
        if nombre not in VARIABLES:
            raise CondicionInvalida(
                f'Campo desconocido en la condición: «{nombre}». Use uno de: '
                f'{", ".join(VARIABLES)}, o campo.<nombre_interno> para un campo '
                'personalizado.')
        return None if self.contexto is None else self.contexto.get(nombre)

    def _campo(self, nodo):
        if not (isinstance(nodo.value, ast.Name) and nodo.value.id == 'campo'):
            raise CondicionInvalida('Solo se admite «campo.<nombre_interno>» como atributo en '
                                    'la condición.')
        nombre = nodo.attr
        if nombre.startswith('_'):
            raise CondicionInvalida(f'Nombre de campo no permitido: «{nombre}».')
        if self.campos is not None and nombre not in self.campos:
            conocidos = ', '.join(sorted(self.campos)) or 'ninguno'
            raise CondicionInvalida(f'Campo personalizado desconocido en la condición: '
                                    f'«campo.{nombre}». Campos del motivo: {conocidos}.')
        if self.contexto is None:
            return None
        return (self.contexto.get('campo') or {}).get(nombre)
