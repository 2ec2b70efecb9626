"""The case domain: case, customer, terms, action log, claim lines, and their services.

Services take plain values plus the acting ``Usuario`` (None = the customer or the system)
and the client's IP; each runs in one transaction and raises ``reclamos.errores``
(ErrorValidacion, ErrorPermiso, ConflictoVersion).
"""


def modelos():
    """Tables of the case domain, parents first."""
    from reclamos.caso.acciones import Accion
    from reclamos.caso.almacen import ArchivoAdjunto
    from reclamos.caso.asignacion import CargaAgente
    from reclamos.portal.cartas import PlantillaCarta
    from reclamos.caso.modelo import ContadorReclamo, Reclamo
    from reclamos.clientes.modelo import Cliente
    from reclamos.correo.salida import AdjuntoCorreo, Correo
    from reclamos.correo.recibido import CorreoEntrante
    from reclamos.laboratorio.corridas import CorridaEnsayo
    from reclamos.caso.documentos import Documento
    from reclamos.caso.idempotencia import ClaveIdempotencia
    from reclamos.portal.encuesta import Encuesta
    from reclamos.laboratorio.enrutamiento import EtiquetaCaso
    from reclamos.laboratorio.borradores import (BitacoraAdmin, BorradorConfiguracion,
                                                 VersionConfiguracion)
    from reclamos.caso.lineas import LineaReclamo, VersionLinea
    from reclamos.caso.decision import DecisionReclamo
    from reclamos.mejora.modelo import MODELOS as MEJORA
    from reclamos.alertas.notificaciones import AlertaTermino, Notificacion
    from reclamos.alertas.avisos_personal import PreferenciaAviso
    from reclamos.portal.solicitudes import SolicitudPortal
    from reclamos.caso.contacto import ContactoCaso
    from reclamos.portal.entregas import EntregaCarta
    from reclamos.plazos.modelo import Suspension, TerminoCaso
    import reclamos.alertas.barrido  # noqa: F401  (registers the rescheduling when levels change)

    return [Cliente, ContadorReclamo, Reclamo, CargaAgente, TerminoCaso, Suspension, Accion,
            LineaReclamo, VersionLinea, DecisionReclamo, Documento, ArchivoAdjunto, Correo,
            AdjuntoCorreo, SolicitudPortal,
            Encuesta, PlantillaCarta, CorreoEntrante, EtiquetaCaso, BorradorConfiguracion,
            VersionConfiguracion, BitacoraAdmin, CorridaEnsayo, AlertaTermino,
            Notificacion, PreferenciaAviso, ContactoCaso, EntregaCarta,
            ClaveIdempotencia] + MEJORA
