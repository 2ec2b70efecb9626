"""Reclassifying an open case (issue 17): the terms are recomputed from the original receipt
(dates derived by hand below), one log line with before and after and the reason, refusals."""
from datetime import datetime, timedelta, timezone

import pytest

from reclamos.caso.acciones import Accion
from reclamos.caso.flujo import transicionar
from reclamos.caso.modelo import Reclamo
from reclamos.caso.reclasificacion import reclasificar
from reclamos.errores import ErrorPermiso, ErrorValidacion
from reclamos.plazos.modelo import LEGAL, PRIORIDAD, TerminoCaso
from tests.reclamos.conftest import IP, LUNES

UTC = timezone.utc
# Received Monday 2 March 2026, 10:00 Lima (UTC-5). Business days count from Tuesday 3.
# OSIPTEL_3 (SIN_SERVICIO): Tue 3, Wed 4, Thu 5 -> Thursday 5 March 23:59:59 Lima.
VENCE_3 = datetime(2026, 3, 6, 4, 59, 59, tzinfo=UTC)
# OSIPTEL_15 (LENTITUD): 3-6 March (4), 9-13 (9), 16-20 (14), Monday 23 (15), no holiday in
# Peru in March 2026 -> Monday 23 March 23:59:59 Lima. Restarted on Thursday 5 it would
# be Thursday 26 March.
VENCE_15 = datetime(2026, 3, 24, 4, 59, 59, tzinfo=UTC)
JUEVES = datetime(2026, 3, 5, 15, 0, tzinfo=UTC)


def _v(caso):
    return Reclamo.get_by_id(caso.id).version


def _legal(caso):
    return TerminoCaso.get(TerminoCaso.reclamo == caso.id, TerminoCaso.tipo == LEGAL)


def test_el_plazo_legal_se_recalcula_desde_la_recepcion(registrar_caso, actores):
    caso = registrar_caso()
    assert _legal(caso).vence_en.replace(tzinfo=UTC) == VENCE_3
    caso = reclasificar(caso, {'motivo': 'LENTITUD', 'campos': {'velocidad_medida': 12}},
                        'El cliente sí tiene servicio: reporta lentitud.', actores.agente, IP,
                        _v(caso), JUEVES)
    legal = _legal(caso)
    assert (legal.codigo, legal.cantidad) == ('OSIPTEL_15', 15)
    assert legal.vence_en.replace(tzinfo=UTC) == VENCE_15
    assert legal.inicio.replace(tzinfo=UTC) == LUNES  # never restarted
    fresco = Reclamo.get_by_id(caso.id)
    assert (fresco.motivo.codigo, fresco.reclasificaciones) == ('LENTITUD', 1)
    assert fresco.area.codigo == 'MONITOREO'  # the area stays: handing over is «derivar»
    linea = Accion.de(caso).where(Accion.tipo == 'reclasificacion').get()
    assert linea.valor_anterior == 'Motivo: Sin servicio de internet'
    assert linea.valor_nuevo == 'Motivo: Lentitud de la conexión'
    assert linea.texto == 'El cliente sí tiene servicio: reporta lentitud.'
    assert Accion.de(caso).where(Accion.tipo == 'reclasificacion').count() == 1


def test_la_pausa_se_respeta_y_la_prioridad_cuenta_desde_la_recepcion(registrar_caso,
                                                                      actores):
    caso = registrar_caso()
    # Suspended Tuesday 3 March 10:00 Lima, resumed Wednesday 4 at 10:00: one day paused.
    caso = transicionar(caso, 'suspender', actores.agente, IP, _v(caso),
                        datetime(2026, 3, 3, 15, tzinfo=UTC), motivo='Esperamos el recibo.')
    caso = transicionar(caso, 'reanudar', actores.agente, IP, _v(caso),
                        datetime(2026, 3, 4, 15, tzinfo=UTC))
    caso = reclasificar(caso, {'motivo': 'LENTITUD', 'campos': {'velocidad_medida': 12},
                               'prioridad': 'BAJO'}, 'Mal clasificado en ventanilla.',
                        actores.agente, IP, _v(caso), JUEVES)
    # A business day touched by a pause does not count (reglas.suspension): Tuesday 3 and
    # Wednesday 4 drop out, so the 15 days run 5-6 (2), 9-13 (7), 16-20 (12), 23-25 (15):
    # Wednesday 25 March 23:59:59 Lima.
    assert _legal(caso).vence_en.replace(tzinfo=UTC) == VENCE_15 + timedelta(days=2)
    sla = TerminoCaso.get(TerminoCaso.reclamo == caso.id, TerminoCaso.tipo == PRIORIDAD,
                          TerminoCaso.cancelado == False)  # noqa: E712
    assert (sla.codigo, sla.inicio.replace(tzinfo=UTC)) == ('BAJO', LUNES)
    linea = Accion.de(caso).where(Accion.tipo == 'reclasificacion').get()
    assert linea.valor_nuevo == 'Motivo: Lentitud de la conexión; Prioridad: Bajo'


def test_cambio_de_tipo_y_origen(registrar_caso, actores):
    caso = registrar_caso()
    caso = reclasificar(caso, {'tipo': 'queja', 'origen': 'interno', 'cliente': None,
                               'area_solicitante': 'VENTAS'}, 'Lo pidió Ventas.',
                        actores.supervisor, IP, _v(caso), JUEVES)
    fresco = Reclamo.get_by_id(caso.id)
    assert (fresco.tipo, fresco.origen, fresco.area_solicitante.codigo) == (
        'queja', 'interno', 'VENTAS')


@pytest.mark.parametrize('datos, motivo, campo', [
    ({'motivo': 'LENTITUD'}, 'x', 'velocidad_medida'),  # the new motive's required field
    ({'motivo': 'CORTE_ENERGIA'}, 'x', 'numero_suministro'),
    ({'motivo': 'LENTITUD', 'servicio': 'AGUA', 'campos': {'velocidad_medida': 1}}, 'x',
     'motivo'),
    ({'motivo': 'NO_EXISTE'}, 'x', 'motivo'),
    ({'tipo': 'consulta'}, 'x', 'tipo'),
    ({'motivo': 'SIN_SERVICIO'}, 'x', 'datos'),  # nothing changes
    ({'canal': 'WEB'}, 'x', 'datos'),
    ({'prioridad': 'BAJO'}, '  ', 'motivo'),  # the reason is required
])
def test_rechazos_sin_guardar_nada(registrar_caso, actores, datos, motivo, campo):
    caso = registrar_caso()
    version = _v(caso)
    with pytest.raises(ErrorValidacion) as error:
        reclasificar(caso, datos, motivo, actores.agente, IP, version, JUEVES)
    assert any(k.startswith(campo) or campo in k for k in error.value.errores), \
        error.value.errores
    assert _v(caso) == version and _legal(caso).codigo == 'OSIPTEL_3'


def test_roles(registrar_caso, actores):
    caso = registrar_caso()
    for quien in (actores.gerente, actores.agente_soporte):  # reads only; another area
        with pytest.raises(ErrorPermiso):
            reclasificar(caso, {'prioridad': 'BAJO'}, 'x', quien, IP, _v(caso), JUEVES)
    caso = transicionar(caso, 'anular', actores.supervisor, IP, _v(caso), JUEVES, motivo='x')
    with pytest.raises(ErrorValidacion, match='No se puede reclasificar'):
        reclasificar(caso, {'prioridad': 'BAJO'}, 'x', actores.admin, IP, _v(caso), JUEVES)


def test_cliente_por_documento_solo_si_ya_existe(registrar_caso, actores):
    """The desk's way (type and number): looked up inside the service call, never created."""
    from reclamos.clientes.modelo import Cliente

    caso = registrar_caso()
    clientes = Cliente.select().count()
    with pytest.raises(ErrorValidacion, match='No hay ningún cliente con DNI 99887766'):
        reclasificar(caso, {}, 'Otro titular.', actores.agente, IP, _v(caso), JUEVES,
                     documento_cliente=('DNI', '99887766'))
    assert Cliente.select().count() == clientes
    ana = Cliente.create(tipo_documento_identidad='DNI', numero_documento='99887766',
                         nombre='Ana Torres')
    caso = reclasificar(caso, {}, 'Otro titular.', actores.agente, IP, _v(caso), JUEVES,
                        documento_cliente=('dni', '99.887.766'))
    assert caso.cliente_id == ana.id
    linea = Accion.de(caso).where(Accion.tipo == 'reclasificacion').get()
    assert linea.valor_nuevo == 'Cliente: Ana Torres'
    assert _legal(caso).vence_en.replace(tzinfo=UTC) == VENCE_3  # same motive, same term
