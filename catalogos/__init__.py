"""Configuration models and one declaration per catalog (see ``declaracion``).

Importing this package imports every catalog module, so ``REGISTRO`` is complete.
"""
from catalogos import (accesos, atencion, identidad, informes, organizacion, plazos,  # noqa: F401
                       procesos, servicios, usuarios)
# Declared last: their checks read the catalogs above (areas, fields, values).
from catalogos import alertas, enrutamiento  # noqa: F401,E402,I001
from catalogos import formatos, resultados  # noqa: F401,E402,I001
from catalogos.empresa import Empresa  # noqa: E402
from catalogos.declaracion import REGISTRO


def modelos():
    """Every catalog table in creation order: parents first, then inline children, then users."""
    tablas = []
    for declaracion in REGISTRO:
        tablas.append(declaracion.modelo)
        tablas.extend(h.modelo for h in declaracion.hijos)
    return tablas + [usuarios.Rol, usuarios.Usuario, usuarios.UsuarioRol, accesos.EventoUsuario,
                     Empresa, accesos.BloqueoAcceso]
