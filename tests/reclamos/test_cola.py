"""The queue's traffic light: the binding term's SLA state with that term's own threshold."""
from datetime import timedelta

from reclamos.caso.modelo import Reclamo
from reclamos.cola import SUSPENDIDO, semaforos
from reclamos.plazos.modelo import TerminoCaso
from reclamos.tiempo import aware
from reglas.sla import UMBRAL_POR_VENCER


def _vinculante(caso):
    return (TerminoCaso.select().where(TerminoCaso.reclamo == caso.id)
            .order_by(TerminoCaso.vence_en, TerminoCaso.id).first())


def test_el_semaforo_usa_el_umbral_de_su_termino(registrar_caso):
    caso = Reclamo.get_by_id(registrar_caso().id)  # priority ALTO: due in 30 minutes
    termino = _vinculante(caso)
    inicio, vence = aware(termino.inicio), aware(caso.vence_en)
    assert aware(termino.vence_en) == vence and termino.umbral == UMBRAL_POR_VENCER
    seis_decimos = inicio + (vence - inicio) * 0.6
    assert semaforos([caso], seis_decimos) == {caso.id: 'a_tiempo'}
    assert semaforos([caso], inicio + (vence - inicio) * 0.85) == {caso.id: 'por_vencer'}
    # A term whose rule warns at half its time is "por vencer" at six tenths already.
    TerminoCaso.update(umbral=0.5).where(TerminoCaso.id == termino.id).execute()
    assert semaforos([caso], seis_decimos) == {caso.id: 'por_vencer'}
    assert semaforos([caso], vence + timedelta(seconds=1)) == {caso.id: 'vencido'}


def test_sin_vencimiento_esta_suspendido(registrar_caso):
    casos = [Reclamo.get_by_id(registrar_caso().id) for _ in range(3)]
    casos[0].vence_en = None  # as while suspended
    ahora = aware(casos[1].recibido_en)
    luces = semaforos(casos, ahora)
    assert luces == {casos[0].id: SUSPENDIDO, casos[1].id: 'a_tiempo',
                     casos[2].id: 'a_tiempo'}
