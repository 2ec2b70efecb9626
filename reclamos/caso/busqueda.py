"""What the queue's search box finds: a case number (whole, or its suffix: "42" is
2026-000042), a customer's document number, or any words of the customer's name or of the
description. Every branch goes through an index (unique number, document, the full-text
indexes of migrations 0013 and 0021); none scans the case table.
"""
import re

from peewee import SQL, Column, Expression, Table, fn

from bd import es_postgres
from reclamos.caso.modelo import ContadorReclamo, Reclamo
from reclamos.clientes.modelo import Cliente
from reglas.busqueda import plano

# Customers a name may match, cases a description may match: a search that matches more is
# too vague to read anyway, and the bound keeps it fast at a million cases.
CLIENTES_MAX = 200
CASOS_MAX = 2000
_SIN_TILDE = ('ÁÉÍÓÚÜÑáéíóúüñ', 'AEIOUUNaeiouun')
_NUMERO = re.compile(r'^(\d{4})-(\d{1,9})$')
_PALABRA = re.compile(r'[^\W_]+', re.UNICODE)


def palabras(texto):
    """The words of the query, without accents, lower case (safe in any query syntax)."""
    return _PALABRA.findall(plano(texto))[:8]


def por_numero(texto):
    """The case numbers ``texto`` may name: itself, or a suffix in each numbering year."""
    completo = _NUMERO.match(texto)
    if completo:
        return [f'{completo.group(1)}-{int(completo.group(2)):06d}']
    if texto.isdigit() and len(texto) <= 9 and int(texto) > 0:
        anios = [a for (a,) in ContadorReclamo.select(ContadorReclamo.anio).tuples()]
        return [f'{anio}-{int(texto):06d}' for anio in anios]
    return []


def clientes_por_nombre(terminos):
    """Ids of customers whose name has every word (a prefix each: "Quis" finds Quispe)."""
    if es_postgres():
        # Literals, not parameters: the planner matches the index expression only then.
        expresion = fn.to_tsvector(SQL("'simple'"), fn.translate(
            Cliente.nombre, *(SQL(f"'{letras}'") for letras in _SIN_TILDE)))
        consulta = fn.to_tsquery(SQL("'simple'"), ' & '.join(f'{t}:*' for t in terminos))
        filas = (Cliente.select(Cliente.id).where(Expression(expresion, '@@', consulta))
                 .limit(CLIENTES_MAX).tuples())
        return [i for (i,) in filas]
    indice = Table('cliente_texto')
    coincide = ' AND '.join(f'"{t}"*' for t in terminos)
    filas = (indice.select(Column(indice, 'rowid'))
             .where(SQL('cliente_texto MATCH ?', [coincide])).limit(CLIENTES_MAX)
             .tuples().execute(Reclamo._meta.database))
    return [i for (i,) in filas]


def casos_por_descripcion(terminos):
    """Ids of the latest cases whose description (or motive) has every word: Spanish
    stemming on PostgreSQL, word prefixes on SQLite."""
    indice = Table('reclamo_texto')
    if es_postgres():
        consulta = fn.to_tsquery('spanish', ' & '.join(f'{t}:*' for t in terminos))
        filas = (indice.select(Column(indice, 'reclamo_id'))
                 .where(Expression(Column(indice, 'documento'), '@@', consulta))
                 .order_by(Column(indice, 'reclamo_id').desc()).limit(CASOS_MAX))
    else:
        coincide = ' AND '.join(f'"{t}"*' for t in terminos)
        filas = (indice.select(Column(indice, 'rowid'))
                 .where(SQL('reclamo_texto MATCH ?', [coincide]))
                 .order_by(Column(indice, 'rowid').desc()).limit(CASOS_MAX))
    return [i for (i,) in filas.tuples().execute(Reclamo._meta.database)]


def candidatos(texto, limite=CASOS_MAX):
    """Ids of the cases ``texto`` finds, at most ``limite`` (the queue filters and sorts
    them)."""
    texto = (texto or '').strip()
    if not texto:
        return []
    ids = []
    numeros = por_numero(texto)
    if numeros:
        ids += [i for (i,) in Reclamo.select(Reclamo.id).where(Reclamo.numero.in_(numeros))
                .tuples()]
    if any(c.isdigit() for c in texto) and texto.replace('-', '').isalnum():
        ids += [i for (i,) in Reclamo.select(Reclamo.id).where(Reclamo.cliente.in_(
            Cliente.select(Cliente.id).where(Cliente.numero_documento == texto.upper())))
            .limit(limite).tuples()]
    terminos = palabras(texto)
    if terminos and not numeros:
        clientes = clientes_por_nombre(terminos)
        if clientes:
            ids += [i for (i,) in Reclamo.select(Reclamo.id)
                    .where(Reclamo.cliente.in_(clientes)).limit(limite).tuples()]
        ids += casos_por_descripcion(terminos)
    return list(dict.fromkeys(ids))[:limite]
