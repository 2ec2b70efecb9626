"""The queue screen's rows: only what vistas/templates/casos/bandeja.html and the traffic
light read, as plain values. Why not peewee models: building fifty rows of six models each
cost more than the rest of the page; the names come from the same joins (base_lista)."""
import datetime
from dataclasses import dataclass

from bd.compiladas import Compilada, Lista
from catalogos.organizacion import Area
from catalogos.plazos import Prioridad
from catalogos.servicios import Motivo
from catalogos.usuarios import Usuario
from reclamos.caso.modelo import Reclamo
from reclamos.clientes.modelo import Cliente
from reclamos.cola.paginas import base_lista


@dataclass(frozen=True, slots=True)
class Nombre:
    nombre: str


@dataclass(frozen=True, slots=True)
class ClienteFila:
    nombre: str
    numero_documento: str


@dataclass(frozen=True, slots=True)
class FilaCola:
    """A queue row: the case's columns the screen shows; None where the case has none."""

    id: int
    numero: str
    estado: str
    vence_en: datetime.datetime | None
    recibido_en: datetime.datetime
    prioridad: Nombre | None
    motivo: Nombre
    cliente: ClienteFila | None
    area: Nombre
    usuario: Nombre | None


_FILAS = Compilada(lambda ids: base_lista(
    Reclamo.id, Reclamo.numero, Reclamo.estado, Reclamo.vence_en, Reclamo.recibido_en,
    Reclamo.prioridad, Prioridad.nombre, Motivo.nombre, Reclamo.cliente, Cliente.nombre,
    Cliente.numero_documento, Area.nombre, Reclamo.usuario, Usuario.nombre,
).where(Reclamo.id.in_(Lista(ids))).tuples())


class _Pantalla:
    """Pass as ``base`` to reclamos.cola.pagina_cola: it reads the page's rows by id."""

    @staticmethod
    def filas(ids):
        return [FilaCola(ident, numero, estado, vence, recibido,
                         Nombre(prioridad) if prioridad_id is not None else None,
                         Nombre(motivo),
                         ClienteFila(cliente, documento) if cliente_id is not None else None,
                         Nombre(area), Nombre(usuario) if usuario_id is not None else None)
                for (ident, numero, estado, vence, recibido, prioridad_id, prioridad, motivo,
                     cliente_id, cliente, documento, area, usuario_id, usuario)
                in _FILAS.filas(ids)]


PANTALLA = _Pantalla()
