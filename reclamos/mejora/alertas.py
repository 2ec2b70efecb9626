"""Owners' alerts for improvement actions: due within a week, then overdue.

Each (action, due date, state) is notified once, in the bell and by e-mail, under an
idempotency key: two sweeps at once notify once, and moving the due date re-arms both alerts.
Improvement actions are few (tens or hundreds), so the sweep reads the open ones directly.
"""
from reclamos.correo.salida import encolar
from reclamos.mejora.modelo import AccionMejora
from reclamos.alertas.notificaciones import notificar

DIAS_AVISO = 7


def _avisar(accion, clave, titulo, texto, ahora):
    if notificar(accion.responsable, titulo, texto, clave=clave, ahora=ahora) is None:
        return 0  # already told
    if accion.responsable.email:
        encolar(accion.responsable.email, titulo, texto, clave=clave)
    return 1


def avisar_mejoras(ahora, zona):
    """Notify owners of actions due soon or overdue; returns how many notices were new."""
    from bd import db

    nuevas = 0
    with db.atomic():
        for accion in AccionMejora.con_responsable(AccionMejora.vencidas(ahora, zona)):
            nuevas += _avisar(
                accion, f'mejora:{accion.id}:vencida:{accion.vence_el}',
                f'Acción de mejora {accion} vencida',
                f'La acción de mejora {accion} ({accion.etiqueta("tipo")}) venció el '
                f'{accion.vence_el:%d/%m/%Y} y sigue {accion.etiqueta("estado").lower()}:\n\n'
                f'{accion.descripcion}\n', ahora)
        for accion in AccionMejora.con_responsable(
                AccionMejora.por_vencer(ahora, DIAS_AVISO, zona)):
            nuevas += _avisar(
                accion, f'mejora:{accion.id}:por_vencer:{accion.vence_el}',
                f'Acción de mejora {accion} vence el {accion.vence_el:%d/%m/%Y}',
                f'La acción de mejora {accion} ({accion.etiqueta("tipo")}) vence el '
                f'{accion.vence_el:%d/%m/%Y}:\n\n{accion.descripcion}\n', ahora)
    return nuevas
