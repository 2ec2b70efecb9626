"""Warning before registering a case that may already exist (seed 004)."""
import datetime
from dataclasses import dataclass

from reclamos.caso.ficha import visible_para
from reclamos.caso.modelo import Reclamo
from reclamos.laboratorio.diagnostico import ranking
from reclamos.tiempo import a_bd, ahora_utc, aware
from reglas.duplicados import DIAS_VENTANA, es_similar, similitud
from reglas.transiciones import ANULADO, EN_TRAMITE

LIMITE_CANDIDATOS = 200


@dataclass(frozen=True)
class PosibleDuplicado:
    reclamo: Reclamo
    razon: str  # 'mismo_cliente_y_motivo' or 'descripcion_similar'
    similitud: float


def _id(valor):
    return getattr(valor, 'id', valor)


def posibles_duplicados(cliente, motivo, descripcion, ahora=None, usuario=None):
    """Cases the new one may repeat, most likely first; with ``usuario``, only the ones that
    user may open (a warning must not reveal other areas' cases: issue 15, F3).

    - the same customer with the same motive, still in progress;
    - a description at least 85% similar among cases of the same customer or motive received
      in the last 30 days (the 200 closest by the full-text index, then difflib).
    """
    cliente, motivo = _id(cliente), _id(motivo)
    ahora = aware(ahora) if ahora is not None else ahora_utc()
    encontrados = {}
    if cliente is not None and motivo is not None:
        for r in (Reclamo.select().where(Reclamo.cliente == cliente, Reclamo.motivo == motivo,
                                         Reclamo.estado.in_(EN_TRAMITE))
                  .order_by(Reclamo.recibido_en.desc()).limit(LIMITE_CANDIDATOS)):
            encontrados[r.id] = PosibleDuplicado(r, 'mismo_cliente_y_motivo',
                                                 similitud(descripcion, r.descripcion))
    if (descripcion or '').strip() and (cliente is not None or motivo is not None):
        desde = a_bd(ahora - datetime.timedelta(days=DIAS_VENTANA))
        filtro = Reclamo.motivo == motivo if cliente is None else (
            Reclamo.cliente == cliente if motivo is None
            else (Reclamo.cliente == cliente) | (Reclamo.motivo == motivo))
        condiciones = (filtro, Reclamo.recibido_en >= desde, Reclamo.estado != ANULADO)
        # The full-text index ranks the closest texts first (reclamos.laboratorio.diagnostico), so a
        # busy motive's older look-alike is not lost behind 200 more recent cases.
        ids = ranking(descripcion, *condiciones, limite=LIMITE_CANDIDATOS)
        candidatos = (Reclamo.select().where(Reclamo.id.in_(ids)) if ids else
                      Reclamo.select().where(*condiciones)
                      .order_by(Reclamo.recibido_en.desc()).limit(LIMITE_CANDIDATOS))
        for r in candidatos:
            if r.id not in encontrados and es_similar(descripcion, r.descripcion):
                encontrados[r.id] = PosibleDuplicado(r, 'descripcion_similar',
                                                     similitud(descripcion, r.descripcion))
    if usuario is not None:
        encontrados = {k: d for k, d in encontrados.items() if visible_para(d.reclamo, usuario)}
    return sorted(encontrados.values(),
                  key=lambda d: (d.razon != 'mismo_cliente_y_motivo', -d.similitud))
