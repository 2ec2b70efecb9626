"""A catalog is a model plus ONE declaration; ``vistas`` turns each into an admin screen.

``declarar()`` records the declaration in ``REGISTRO`` in the order catalogs are declared,
which is also the order the configuration export writes them (parents before children).
"""
from dataclasses import dataclass, field

TODOS = ('admin', 'supervisor', 'agente', 'gerente')
SOLO_ADMIN = ('admin',)


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
    lectura: tuple = TODOS
    escritura: tuple = SOLO_ADMIN
    hijos: tuple = ()
    ajax: tuple = ()  # foreign keys looked up by typing (lists that can be long)
    orden: tuple = ('codigo', False)
    formulario: tuple = field(default=())  # explicit form field order; empty = all fields

    def puede_leer(self, roles):
        return bool(set(roles) & set(self.lectura))

    def puede_escribir(self, roles):
        return bool(set(roles) & set(self.escritura))


REGISTRO = []


def declarar(modelo, **opciones):
    declaracion = Declaracion(modelo=modelo, **opciones)
    REGISTRO[:] = [d for d in REGISTRO if d.clave != declaracion.clave] + [declaracion]
    return declaracion
