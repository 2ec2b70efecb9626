"""The case domain: case, customer, terms, action log, claim lines, and their services.

Services take plain values plus the acting ``Usuario`` (None = the customer or the system)
and the client's IP; each runs in one transaction and raises ``reclamos.errores``
(ErrorValidacion, ErrorPermiso, ConflictoVersion).
"""


def modelos():
    """Tables of the case domain, parents first."""
    from reclamos.acciones import Accion
    from reclamos.caso import ContadorReclamo, Reclamo
    from reclamos.clientes import Cliente
    from reclamos.correo import AdjuntoCorreo, Correo
    from reclamos.documentos import Documento
    from reclamos.lineas import LineaReclamo, VersionLinea
    from reclamos.notificaciones import AlertaTermino, Notificacion
    from reclamos.terminos import Suspension, TerminoCaso
    import reclamos.alertas  # noqa: F401  (registers the rescheduling when levels change)

    return [Cliente, ContadorReclamo, Reclamo, TerminoCaso, Suspension, Accion, LineaReclamo,
            VersionLinea, Documento, Correo, AdjuntoCorreo, AlertaTermino, Notificacion]
