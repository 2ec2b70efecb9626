"""What the case services raise; the views turn each into a Spanish message or a 4xx answer."""


class ErrorReclamo(Exception):
    """Base of the case domain errors."""


class ErrorValidacion(ErrorReclamo):
    """Bad input: ``errores`` maps each field name to a Spanish message (400/422)."""

    def __init__(self, errores):
        self.errores = dict(errores)
        super().__init__(' '.join(f'{c}: {m}' for c, m in self.errores.items()))


class ErrorPermiso(ErrorReclamo):
    """The actor may not do this to this case (403); the message says why."""


class ConflictoVersion(ErrorReclamo):
    """The case changed since the actor read it (409).

    ``cambios``: what changed since, oldest first, each a dict with tipo, campo, anterior,
    nuevo, usuario and instante (from the action log), so the screen can show it.
    """

    def __init__(self, cambios, version_leida, version_actual):
        self.cambios = list(cambios)
        self.version_leida = version_leida
        self.version_actual = version_actual
        resumen = '; '.join(
            f"{c['campo'] or c['tipo']}: {c['anterior'] or '—'} → {c['nuevo'] or '—'}"
            f" ({c['usuario'] or 'sistema'})" for c in self.cambios[-5:])
        super().__init__(f'El caso cambió desde que lo abrió (versión {version_leida}, ahora '
                         f'{version_actual}). {resumen or "Recargue la página."} Recargue y '
                         'vuelva a intentarlo.')


class AccionInmutable(ErrorReclamo):
    """An attempt to edit or delete a line of the append-only action log."""
