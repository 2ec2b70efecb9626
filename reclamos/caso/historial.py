"""The action log in words: field names, states, catalog rows and instants as people read
them. The log stores codes and ISO instants (stable, exportable); this turns them into the
catalogs' names when shown, with one query per catalog for the whole log (no N+1)."""
import datetime
import re
from collections import defaultdict

from peewee import ForeignKeyField

from catalogos.base import OPCIONES_UNIDAD
from catalogos.plazos import PlazoLegal, Prioridad
from catalogos.usuarios import Usuario
from reclamos.caso.modelo import ORIGENES, TIPOS_CASO, Reclamo
from reglas.transiciones import ETIQUETAS, ETIQUETAS_LINEA

_ISO = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}')
_OPCIONES = {'tipo': dict(TIPOS_CASO), 'origen': dict(ORIGENES), 'estado': ETIQUETAS}
# Fields the log names that are not case columns.
_OTROS = {'correo': 'Correo', 'carta': 'Carta', 'documento': 'Documento',
          'sin_contacto': 'Sin contacto'}
UNIDADES = dict(OPCIONES_UNIDAD)


def _relaciones():
    """{case field: related model} for the foreign keys whose log value is a code or e-mail."""
    return {nombre: campo.rel_model for nombre, campo in Reclamo._meta.fields.items()
            if isinstance(campo, ForeignKeyField) and campo.rel_model is not Reclamo}


def _clave(modelo):
    return modelo.email if modelo is Usuario else getattr(modelo, 'codigo', None)


def _nombres(acciones):
    """{(field, stored value): name} for every catalog row the log mentions."""
    relaciones = _relaciones()
    pedidos = defaultdict(set)
    reglas = set()
    for a in acciones:
        if a.campo in relaciones:
            pedidos[a.campo].update(v for v in (a.valor_anterior, a.valor_nuevo) if v)
        elif a.campo.startswith('plazo '):
            reglas.add(a.campo[6:])
    nombres = {}
    for campo, valores in pedidos.items():
        modelo = relaciones[campo]
        clave = _clave(modelo)
        if clave is None:
            continue
        for fila in modelo.select().where(clave.in_(list(valores))):
            nombres[(campo, getattr(fila, clave.name))] = getattr(fila, 'nombre', '') or str(fila)
    for modelo in (PlazoLegal, Prioridad) if reglas else ():
        for fila in modelo.select(modelo.codigo, modelo.nombre).where(
                modelo.codigo.in_(list(reglas))):
            nombres[('plazo', fila.codigo)] = fila.nombre
    return nombres


def etiqueta_campo(campo, nombres):
    if campo in Reclamo._meta.fields:
        return Reclamo._meta.fields[campo].verbose_name or campo.replace('_', ' ')
    if campo.startswith('plazo '):
        codigo = campo[6:]
        return f'Plazo «{nombres.get(("plazo", codigo), codigo.replace("_", " ").lower())}»'
    if campo.startswith('linea '):
        return f'Línea {campo[6:]}'
    return _OTROS.get(campo, campo.replace('_', ' ').capitalize())


def valor(campo, texto, nombres, instante_local):
    """One old or new value as read: '—' for none, names for codes, local time for ISO."""
    if texto in (None, ''):
        return '—'
    if (campo, texto) in nombres:
        return nombres[(campo, texto)]
    if campo in _OPCIONES:
        return _OPCIONES[campo].get(texto, texto)
    if campo.startswith('linea '):
        return ETIQUETAS_LINEA.get(texto, texto)
    if _ISO.match(texto):
        try:
            return instante_local(datetime.datetime.fromisoformat(texto))
        except ValueError:
            return texto
    if texto in ('True', 'False'):
        return 'sí' if texto == 'True' else 'no'
    return texto


def en_palabras(acciones, instante_local):
    """[(accion, campo, anterior, nuevo)] with names in place of codes; ``instante_local``
    formats a datetime for the reader (the view's zone and locale)."""
    nombres = _nombres(acciones)
    return [(a, etiqueta_campo(a.campo, nombres) if a.campo else '',
             valor(a.campo, a.valor_anterior, nombres, instante_local),
             valor(a.campo, a.valor_nuevo, nombres, instante_local)) for a in acciones]
