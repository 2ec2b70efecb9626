"""Evaluating parsed routing rules (``reglas.enrutamiento``) on a case's plain values.

Keys are normalised field names (``clave()``); values are text, numbers, or a tuple of
aliases for catalog values (code and name), compared without case or accents.
"""
import unicodedata


def normalizar(valor):
    """Text compared without case, accents or surrounding spaces; numbers as they are."""
    if isinstance(valor, (int, float)) and not isinstance(valor, bool):
        return valor
    texto = unicodedata.normalize('NFKD', str(valor))
    texto = ''.join(c for c in texto if not unicodedata.combining(c))
    return ' '.join(texto.casefold().split())


def clave(nombre):
    """The key of a field name: 'Monto reclamado' -> 'monto_reclamado', 'área' -> 'area'."""
    return normalizar(nombre).replace(' ', '_').replace('-', '_')


def _numero(valor):
    if isinstance(valor, bool):
        return None
    if isinstance(valor, (int, float)):
        return valor
    try:
        return float(str(valor).strip().replace(',', '.'))
    except (TypeError, ValueError):
        return None


def _alias(valor):
    if valor is None:
        return ()
    if isinstance(valor, (tuple, list, set, frozenset)):
        return tuple(v for v in valor if v is not None)
    return (valor,)


def _igual(actual, esperado):
    """A number in the rule compares as a number; text compares normalised."""
    numerico = isinstance(esperado, (int, float))
    for alias in _alias(actual):
        if numerico and _numero(alias) == esperado:
            return True
        if normalizar(alias) == normalizar(esperado):
            return True
    return False


def _comparar(operador, actual, valores):
    if operador == 'es':
        return _igual(actual, valores[0])
    if operador == 'no_es':
        return not _igual(actual, valores[0])
    if operador == 'esta_en':
        return any(_igual(actual, v) for v in valores)
    if operador == 'contiene':
        buscado = normalizar(valores[0])
        return any(buscado in normalizar(a) for a in _alias(actual))
    numeros = [_numero(a) for a in _alias(actual)]
    numeros = [n for n in numeros if n is not None]
    limites = [_numero(v) for v in valores]
    if not numeros or None in limites:
        return False
    x = numeros[0]
    if operador == 'mayor':
        return x > limites[0]
    if operador == 'menor':
        return x < limites[0]
    bajo, alto = sorted(limites)
    return bajo <= x <= alto  # entre: both ends included


def cumple(nodo, valores):
    """Whether the condition ``nodo`` holds for ``valores`` (keys as ``clave()`` gives)."""
    if nodo[0] == 'o':
        return any(cumple(h, valores) for h in nodo[1])
    if nodo[0] == 'y':
        return all(cumple(h, valores) for h in nodo[1])
    return _comparar(nodo[2], valores.get(nodo[1]), nodo[3])


def aplicar(reglas, valores):
    """Rules in order -> [(index, actions)] of those that matched.

    Each rule sees the values earlier rules set (prioridad, área, proceso), so the later
    of two rules setting the same thing wins.
    """
    actuales = dict(valores)
    aplicadas = []
    for indice, regla in enumerate(reglas):
        if cumple(regla.condicion, actuales):
            aplicadas.append((indice, regla.acciones))
            for tipo, valor in regla.acciones:
                if tipo in ('prioridad', 'area', 'proceso'):
                    actuales[tipo] = (valor,)
    return aplicadas


def resultado(reglas, valores):
    """What the rules decide in the end: {tipo: valor} (etiqueta: list of every tag)."""
    final = {}
    for _, acciones in aplicar(reglas, valores):
        for tipo, valor in acciones:
            if tipo == 'etiqueta':
                final.setdefault('etiqueta', [])
                if valor not in final['etiqueta']:
                    final['etiqueta'].append(valor)
            else:
                final[tipo] = valor
    return final


def contradicciones(reglas, valor_canonico=None):
    """Pairs of rules with the same condition that set one thing to different values.

    ``reglas``: [(nombre, Regla)] in application order; ``valor_canonico(campo, valor)``
    maps a catalog name to its code (so "Web" and WEB compare equal). Returns
    [(tipo, perdedora, ganadora, valor_perdedor, valor_ganador)]: the later rule wins.
    """
    canonico = valor_canonico or (lambda campo, valor: valor)
    encontradas = []
    for i, (nombre_a, a) in enumerate(reglas):
        for nombre_b, b in reglas[i + 1:]:
            if a.clave_condicion(canonico) != b.clave_condicion(canonico):
                continue
            fijadas_b = {t: v for t, v in b.acciones if t != 'etiqueta'}
            for tipo, valor in a.acciones:
                if tipo in fijadas_b and normalizar(canonico(tipo, fijadas_b[tipo])) \
                        != normalizar(canonico(tipo, valor)):
                    encontradas.append((tipo, nombre_a, nombre_b, valor, fijadas_b[tipo]))
    return encontradas


def describir_acciones(acciones):
    etiquetas = {'prioridad': 'prioridad', 'area': 'área', 'asignar': 'asignar a',
                 'proceso': 'proceso', 'etiqueta': 'etiqueta'}
    return ', '.join(f'{etiquetas[t]} {v}' for t, v in acciones)


