"""The case domain: case, customer, terms, action log, claim lines, and their services.

Services take plain values plus the acting ``Usuario`` (None = the customer or the system)
and the client's IP; each runs in one transaction and raises ``reclamos.errores``
(ErrorValidacion, ErrorPermiso, ConflictoVersion).
"""


def modelos():
    """Tables of the case domain, parents first."""
    from reclamos.acciones import Accion
    from reclamos.almacen import ArchivoAdjunto
    from reclamos.cartas import PlantillaCarta
    from reclamos.caso import ContadorReclamo, Reclamo
    from reclamos.clientes import Cliente
    from reclamos.correo import AdjuntoCorreo, Correo
    from reclamos.correo_recibido import CorreoEntrante
    from reclamos.corridas import CorridaEnsayo
    from reclamos.documentos import Documento
    from reclamos.encuesta import Encuesta
    from reclamos.enrutamiento import EtiquetaCaso
    from reclamos.laboratorio import BitacoraAdmin, BorradorConfiguracion, VersionConfiguracion
    from reclamos.lineas import LineaReclamo, VersionLinea
    from reclamos.mejora import MODELOS as MEJORA
    from reclamos.notificaciones import AlertaTermino, Notificacion
    from reclamos.portal import SolicitudPortal
    from reclamos.terminos import Suspension, TerminoCaso
    import reclamos.alertas  # noqa: F401  (registers the rescheduling when levels change)

    return [Cliente, ContadorReclamo, Reclamo, TerminoCaso, Suspension, Accion, LineaReclamo,
            VersionLinea, Documento, ArchivoAdjunto, Correo, AdjuntoCorreo, SolicitudPortal,
            Encuesta, PlantillaCarta, CorreoEntrante, EtiquetaCaso, BorradorConfiguracion,
            VersionConfiguracion, BitacoraAdmin, CorridaEnsayo, AlertaTermino,
            Notificacion] + MEJORA
