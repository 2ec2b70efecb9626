"""The agents' desk under /casos: queues, case page, registration and actions."""
from flask_admin import BaseView

from vistas.acciones_caso import AccionesCaso
from vistas.bandeja import Bandeja
from vistas.cartas import CartasCaso
from vistas.base import rechazar, roles_actuales
from vistas.caso import FichaCaso
from vistas.documentos_caso import DocumentosCaso
from vistas.registro import Registro

PERSONAL = {'admin', 'supervisor', 'agente', 'gerente'}


class VistaCasos(Bandeja, Registro, FichaCaso, AccionesCaso, DocumentosCaso, CartasCaso,
                 BaseView):
    """Staff only; which cases each one sees is decided per case (reglas.visibilidad)."""

    def is_accessible(self):
        return bool(roles_actuales() & PERSONAL)

    def inaccessible_callback(self, name, **kwargs):
        return rechazar()
