"""Messages to customers (acknowledgment, case resolved) and the wording every message uses.

Each message is queued in the outbox inside the transaction of the event it announces, with
an idempotency key, and logged in the case's actions.
"""
from zoneinfo import ZoneInfo

from bd.recordadas import Recordada
from catalogos.alertas import PREDETERMINADAS, PlantillaCorreo
from reclamos.caso.acciones import anotar, fila_accion
from reclamos.caso.contacto import destinatario_de, enmascarar, nombre_de
from reclamos.correo.salida import encolar, fila_correo
from reglas.plantillas import ErrorPlantilla, renderizar
from reclamos.plazos.modelo import NOTIFICACION, PRIMERA_RESPUESTA
from reclamos.tiempo import aware

DIAS = ('lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo')
MESES = ('enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto',
         'septiembre', 'octubre', 'noviembre', 'diciembre')


def fecha_es(instante, zona):
    """'miércoles 15 de abril de 2026, 23:59' in ``zona`` (no locale: the sweep has none)."""
    local = aware(instante).astimezone(ZoneInfo(zona))
    return (f'{DIAS[local.weekday()]} {local.day} de {MESES[local.month - 1]} de '
            f'{local.year}, {local:%H:%M}')


def componer(codigo, valores, memoria=None):
    """(subject, body) of template ``codigo``; the shipped wording when the catalog's is
    missing, inactive or no longer renders (an alert is never lost to a bad template).

    ``memoria``: a dict kept by the caller (the sweep) so the template is read once.
    """
    if memoria is not None and codigo in memoria:
        fila = memoria[codigo]
    else:
        fila = _plantilla.primera(codigo)
        if memoria is not None:
            memoria[codigo] = fila
    if fila is not None:
        try:
            return renderizar(fila.asunto, valores).strip(), renderizar(fila.cuerpo, valores)
        except ErrorPlantilla:
            pass
    _, asunto, cuerpo = PREDETERMINADAS[codigo]
    return renderizar(asunto, valores).strip(), renderizar(cuerpo, valores)


@Recordada  # every acknowledgment: kept per process (bd.recordadas)
def _plantilla(codigo):
    return (PlantillaCorreo.select(PlantillaCorreo.asunto, PlantillaCorreo.cuerpo)
            .where(PlantillaCorreo.codigo == codigo, PlantillaCorreo.activo == True)  # noqa: E712
            .limit(1))


def _enlace(reclamo):
    """The signed tracking link of the customer portal, when the app can sign one."""
    from reclamos.portal import enlaces

    return enlaces.enlace_seguimiento(reclamo) if enlaces.disponible() else ''


def acuse(reclamo, calendario, contacto, legal, ctx):
    """The acknowledgment of a case being registered, when the customer gave an e-mail:
    (outbox row, log line) as values, written by the registration with its other rows
    (reclamos.caso.alta); None otherwise.

    ``contacto``: the case's contact details (a ContactoCaso, not necessarily saved);
    ``legal``: the values of its legal term. The message carries the date by which the
    customer will be answered: the due instant of the legal term, in the case's calendar zone.
    With that date it is the first answer a virtual channel promises; it meets that term when
    the SMTP server accepts it, not when queued (an address refused or never reachable leaves
    the term running).
    """
    destino = contacto.email if reclamo.origen == 'externo' and contacto is not None else ''
    if not destino or legal is None or legal['vence_en'] is None:
        return None
    fecha = fecha_es(legal['vence_en'], calendario.zona)
    nombre = contacto.nombre or (reclamo.cliente.nombre if reclamo.cliente_id else '')
    valores = {'numero': reclamo.numero, 'cliente': nombre,
               'fecha_respuesta': fecha, 'motivo': reclamo.motivo.nombre,
               'canal': reclamo.canal.nombre, 'plazo': legal['nombre'],
               'enlace': _enlace(reclamo)}
    asunto, cuerpo = componer('ACUSE_RECIBO', valores)
    con_fecha = fecha in cuerpo
    correo = fila_correo(destino, asunto, cuerpo, reclamo=reclamo.id, clave=f'acuse:{reclamo.id}',
                         cumple=PRIMERA_RESPUESTA if con_fecha else None)
    linea = fila_accion(reclamo, ctx, 'notificacion', 'correo', None, correo['destinatario'],
                        f'Acuse de recibo por correo a {enmascarar(correo["destinatario"])}'
                        + (f'; respuesta a más tardar el {fecha}.' if con_fecha else '.'),
                        visible_cliente=True)
    return correo, linea


def avisar_resuelto(reclamo, calendario, ctx):
    """Queue the one message of a resolution: the answer, its outcome (when the case type
    has one) and the one-time survey link.

    Externo: the address the case was filed with; interno: the requesting area's mailbox.
    A catalog template that leaves out {{ encuesta }} still gets the link appended: the
    survey is how the case closes.
    """
    from reclamos.portal.encuesta import crear_enlace  # the survey closes through flujo

    destino = destinatario_de(reclamo)
    if not destino:
        return None
    encuesta = crear_enlace(reclamo, destino, ctx)
    valores = {'numero': reclamo.numero, 'cliente': nombre_de(reclamo),
               'respuesta': reclamo.respuesta, 'motivo': reclamo.motivo.nombre,
               'fecha': fecha_es(ctx.ahora, calendario.zona), 'enlace': _enlace(reclamo),
               'encuesta': encuesta,
               'resultado': reclamo.resultado.nombre if reclamo.resultado_id else ''}
    asunto, cuerpo = componer('CASO_RESUELTO', valores)
    if valores['resultado'] and valores['resultado'] not in cuerpo:
        cuerpo += f"\nResultado de su caso: {valores['resultado']}.\n"
    if encuesta and encuesta not in cuerpo:
        cuerpo += ('\n¿Cómo le atendimos? Califique de 1 a 5 (el enlace se usa una vez):\n'
                   f'{encuesta}\n')
    # One per resolution: a case reopened and resolved again gets a new message.
    fila = encolar(destino, asunto, cuerpo, reclamo=reclamo,
                   clave=f'resuelto:{reclamo.id}:{reclamo.version}', cumple=NOTIFICACION)
    if fila is not None:
        anotar(reclamo, ctx, 'notificacion', 'correo', None, fila.destinatario,
               f'Respuesta y encuesta enviadas por correo a {enmascarar(fila.destinatario)}.',
               visible_cliente=True)
    return fila
