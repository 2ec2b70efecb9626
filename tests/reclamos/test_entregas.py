"""Delivery meets terms: the notification term starts when the answer is issued and is met
when the answer reaches the customer (e-mail accepted by the SMTP server, a letter delivered,
a personal notification); a phone acknowledgment meets the first answer at its instant."""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from reclamos.caso.acciones import Accion
from reclamos.caso.flujo import transicionar
from reclamos.caso.modelo import Reclamo
from reclamos.correo.salida import Correo, enviar_pendientes
from reclamos.errores import ErrorPermiso, ErrorValidacion
from reclamos.plazos.ciclo import calendario_de
from reclamos.plazos.entrega import registrar_entrega
from reclamos.plazos.modelo import TerminoCaso
from reclamos.tiempo import aware
from tests.reclamos.conftest import IP, LUNES

LIMA = ZoneInfo('America/Lima')
RESPONDIDO = datetime(2026, 3, 4, 10, tzinfo=LIMA)  # Wednesday
SIN_CORREO = {'tipo_documento_identidad': 'DNI', 'numero_documento': '45781236',
              'nombre': 'Rosa Quispe'}


def _termino(caso, tipo):
    return TerminoCaso.get_or_none(TerminoCaso.reclamo == caso.id, TerminoCaso.tipo == tipo)


def _respondido(registrar_caso, actores, **cambios):
    """SIN_SERVICIO (OSIPTEL_3: answer in 3 business days, +5 to notify; Lima)."""
    caso = registrar_caso(**cambios)
    caso = transicionar(caso, 'tomar', actores.agente, IP, caso.version, LUNES)
    return transicionar(caso, 'terminar', actores.agente, IP, caso.version, RESPONDIDO,
                        respuesta='Se reemplazó el módem.', resultado='fundado')


def test_el_plazo_de_notificacion_empieza_con_la_respuesta(registrar_caso, actores):
    caso = _respondido(registrar_caso, actores)
    notificacion = _termino(caso, 'notificacion')
    # Answered Wednesday 4 March: Thu 5 (1), Fri 6 (2), Mon 9 (3), Tue 10 (4), Wed 11 (5),
    # due 23:59:59 Lima = 04:59:59 UTC on the 12th.
    assert aware(notificacion.inicio) == RESPONDIDO
    assert aware(notificacion.vence_en) == datetime(2026, 3, 12, 4, 59, 59, tzinfo=timezone.utc)
    assert notificacion.estado(RESPONDIDO + timedelta(hours=1), calendario_de(caso)) == \
        'a_tiempo'
    assert notificacion.estado(datetime(2026, 3, 12, 6, tzinfo=timezone.utc),
                               calendario_de(caso)) == 'vencido'
    # The legal term was met by the answer; the case now waits for the notification.
    assert _termino(caso, 'legal').cumplido_en is not None
    caso = Reclamo.get_by_id(caso.id)
    assert caso.notificado_en is None and aware(caso.vence_en) == aware(notificacion.vence_en)


def test_sin_plazo_de_notificacion_en_la_regla_no_hay_termino(registrar_caso, actores):
    caso = registrar_caso(motivo='PETICION_INFORMACION', servicio='ENERGIA', canal='ESCRITO',
                          campos={}, cliente={'tipo_documento_identidad': 'CC',
                                              'numero_documento': '1020304050',
                                              'nombre': 'Andrea Gómez'})
    caso = transicionar(caso, 'tomar', actores.agente, IP, caso.version, LUNES)
    caso = transicionar(caso, 'terminar', actores.agente, IP, caso.version, RESPONDIDO,
                        respuesta='Adjuntamos la información.', resultado='fundado')
    assert _termino(caso, 'notificacion') is None


def test_el_correo_aceptado_por_el_servidor_notifica(app, registrar_caso, actores,
                                                     servidor_smtp):
    caso = _respondido(registrar_caso, actores)
    # No server configured: the outbox waits and nothing counts as notified.
    enviar_pendientes({})
    assert _termino(caso, 'notificacion').cumplido_en is None
    enviar_pendientes(app.config)
    aviso = Correo.get(Correo.reclamo == caso.id, Correo.asunto.contains('resuelto'))
    assert aviso.enviado_en is not None
    assert _termino(caso, 'notificacion').cumplido_en == aviso.enviado_en
    caso = Reclamo.get_by_id(caso.id)
    assert (caso.notificado_en, caso.notificado_medio) == (aviso.enviado_en, 'correo')


def test_carta_entregada_con_su_fecha(registrar_caso, actores):
    caso = _respondido(registrar_caso, actores, cliente=SIN_CORREO)
    ahora = datetime(2026, 3, 9, 9, tzinfo=LIMA)
    caso = registrar_entrega(caso, 'notificacion', 'carta', '2026-03-06T15:00',
                             'Guía 123, recibió el titular.', actores.registrador, IP,
                             caso.version, ahora)
    entregada = datetime(2026, 3, 6, 20, tzinfo=timezone.utc)  # 15:00 Lima
    assert aware(_termino(caso, 'notificacion').cumplido_en) == entregada
    caso = Reclamo.get_by_id(caso.id)
    assert (aware(caso.notificado_en), caso.notificado_medio) == (entregada, 'carta')
    ultima = list(Accion.de(caso))[-1]
    assert ultima.texto == ('Notificación de la respuesta: carta entregada. Guía 123, recibió '
                            'el titular.')


@pytest.mark.parametrize('tipo, medio, instante, campo', [
    ('notificacion', 'carta', '2026-03-20T10:00', 'instante'),   # in the future
    ('notificacion', 'carta', '2026-03-03T10:00', 'instante'),   # before the answer
    ('notificacion', 'carta', 'ayer', 'instante'),
    ('notificacion', 'telefono', '2026-03-05T10:00', 'medio'),
    ('primera_respuesta', 'carta', '2026-03-02T11:00', 'medio'),
    ('legal', 'carta', '2026-03-05T10:00', 'tipo'),
])
def test_entregas_malas_se_rechazan(registrar_caso, actores, tipo, medio, instante, campo):
    caso = _respondido(registrar_caso, actores, cliente=SIN_CORREO)
    with pytest.raises(ErrorValidacion) as error:
        registrar_entrega(caso, tipo, medio, instante, '', actores.registrador, IP,
                          caso.version, datetime(2026, 3, 9, 9, tzinfo=LIMA))
    assert campo in error.value.errores
    assert Reclamo.get_by_id(caso.id).notificado_en is None


def test_el_gerente_no_registra_entregas(registrar_caso, actores):
    caso = _respondido(registrar_caso, actores, cliente=SIN_CORREO)
    with pytest.raises(ErrorPermiso):
        registrar_entrega(caso, 'notificacion', 'personal', '2026-03-05T10:00', '',
                          actores.gerente, IP, caso.version, datetime(2026, 3, 9, tzinfo=LIMA))


def test_acuse_por_telefono_cumple_la_primera_respuesta(registrar_caso, actores):
    caso = registrar_caso(cliente=SIN_CORREO)  # no e-mail: no acknowledgment queued
    assert _termino(caso, 'primera_respuesta').cumplido_en is None
    registrar_entrega(caso, 'primera_respuesta', 'telefono', '2026-03-02T12:30',
                      'Se le dio el número por teléfono.', actores.registrador, IP,
                      caso.version, LUNES + timedelta(hours=3))
    assert aware(_termino(caso, 'primera_respuesta').cumplido_en) == \
        datetime(2026, 3, 2, 17, 30, tzinfo=timezone.utc)
