"""A term rule as a value: amount, unit, extension policy and the optional term to notify."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import datetime

from reglas.calendario import Calendario
from reglas.errores import ReglaInvalida
from reglas.plazos import vencimiento
from reglas.suspension import vencimiento_con_pausas
from reglas.validacion import exigir_entero, exigir_unidad


@dataclass(frozen=True)
class ReglaPlazo:
    codigo: str
    nombre: str
    cantidad: int
    unidad: str
    prorrogable: bool = False
    prorroga_max: int | None = None  # None: at most the original term again
    notificacion_cantidad: int | None = None
    notificacion_unidad: str | None = None
    norma: str = ''

    def __post_init__(self):
        if not isinstance(self.codigo, str) or not self.codigo.strip():
            raise ReglaInvalida(f'Código de regla inválido: {self.codigo!r}. Debe ser un texto')
        try:
            self._validar()
        except ReglaInvalida as error:
            raise ReglaInvalida(f'Regla {self.codigo!r}: {error}') from None

    def _validar(self) -> None:
        if not isinstance(self.nombre, str) or not isinstance(self.norma, str):
            raise ReglaInvalida(f'nombre y norma deben ser texto; se recibió {self.nombre!r}')
        exigir_entero(self.cantidad, 'cantidad', minimo=1)
        exigir_unidad(self.unidad)
        if not isinstance(self.prorrogable, bool):
            raise ReglaInvalida(f'prorrogable debe ser True o False; se recibió '
                                f'{self.prorrogable!r}')
        if self.prorroga_max is not None:
            if not self.prorrogable:
                raise ReglaInvalida(f'prorroga_max={self.prorroga_max!r} exige prorrogable=True')
            exigir_entero(self.prorroga_max, 'prorroga_max', minimo=1)
        con_cantidad = self.notificacion_cantidad is not None
        if con_cantidad != (self.notificacion_unidad is not None):
            raise ReglaInvalida(
                f'Indique juntos notificacion_cantidad y notificacion_unidad; se recibió '
                f'{self.notificacion_cantidad!r} y {self.notificacion_unidad!r}')
        if con_cantidad:
            exigir_entero(self.notificacion_cantidad, 'notificacion_cantidad', minimo=1)
            exigir_unidad(self.notificacion_unidad, 'notificacion_unidad')

    @property
    def prorroga_limite(self) -> int:
        """Total extension allowed, in the rule's unit (0 when not extensible)."""
        if not self.prorrogable:
            return 0
        return self.cantidad if self.prorroga_max is None else self.prorroga_max

    def vence(self, inicio: datetime, calendario: Calendario, pausas=()) -> datetime | None:
        """Due instant of this term received at inicio; None while a pause is open."""
        return vencimiento_con_pausas(inicio, self.cantidad, self.unidad, calendario, pausas)

    def vence_notificacion(self, respondido: datetime,
                           calendario: Calendario) -> datetime | None:
        """Due instant to notify an answer given at `respondido`; None without such a term."""
        if self.notificacion_cantidad is None:
            return None
        return vencimiento(respondido, self.notificacion_cantidad, self.notificacion_unidad,
                           calendario)

    def como_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def desde_dict(cls, datos: dict) -> ReglaPlazo:
        """From a catalog row or an imported configuration; unknown keys are an error."""
        conocidos = {f.name for f in fields(cls)}
        sobran = sorted(set(datos) - conocidos)
        if sobran:
            raise ReglaInvalida(
                f"Campos desconocidos en la regla: {', '.join(sobran)}. Use: "
                f"{', '.join(sorted(conocidos))}")
        return cls(**datos)
