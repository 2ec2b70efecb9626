"""The agents' desk under /casos: queues, case page, registration and actions."""
from vistas.acciones_caso import AccionesCaso
from vistas.bandeja import Bandeja
from vistas.cartas import CartasCaso
from vistas.acceso import VistaProtegida
from vistas.caso import FichaCaso
from vistas.documentos_caso import DocumentosCaso
from vistas.registro import Registro

class VistaCasos(Bandeja, Registro, FichaCaso, AccionesCaso, DocumentosCaso, CartasCaso,
                 VistaProtegida):
    """Staff only; which cases each one sees is decided per case (reglas.visibilidad), what
    each one may do on it by the services (reglas.transiciones)."""

    permiso = 'casos.leer'
