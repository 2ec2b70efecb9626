"""A catalog is a model plus ONE declaration; ``vistas`` turns each into an admin screen.

``declarar()`` records the declaration in ``REGISTRO`` in the order catalogs are declared,
which is also the order the configuration export writes them (parents before children).
"""
from dataclasses import dataclass, field

from reglas.permisos import roles_de


@dataclass(frozen=True)
class Hijo:
    """Rows edited inline in their parent's form and exported nested in it."""

    modelo: type
    campo_padre: str
    clave: str  # name of the nested list in the JSON export
    columnas: tuple = ()
    titulo: str = ''


@dataclass(frozen=True)
class Declaracion:
    modelo: type
    titulo: str
    categoria: str
    clave: str  # stable key of the catalog in the JSON export
    columnas: tuple
    busqueda: tuple = ('codigo', 'nombre')
    filtros: tuple = ('activo',)
    # Actions of reglas.permisos whose roles read and write this catalog's screen.
    lectura: str = 'catalogos.leer'
    escritura: str = 'catalogos.editar'
    hijos: tuple = ()
    ajax: tuple = ()  # foreign keys looked up by typing (lists that can be long)
    orden: tuple = ('codigo', False)
    formulario: tuple = field(default=())  # explicit form field order; empty = all fields
    # Text fields that are configuration written in codes (a layout's column map): shown as
    # code on the detail page, not as prose.
    como_codigo: tuple = ()

    def __post_init__(self):
        for accion in (self.lectura, self.escritura):
            roles_de(accion)  # an action missing from the policy fails at import, not later


REGISTRO = []


def declarar(modelo, **opciones):
    declaracion = Declaracion(modelo=modelo, **opciones)
    REGISTRO[:] = [d for d in REGISTRO if d.clave != declaracion.clave] + [declaracion]
    return declaracion
