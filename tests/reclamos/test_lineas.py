"""Claim lines (seed 004): draft, submitted (a frozen version), approved, rejected for good."""
from decimal import Decimal

import pytest

from reclamos.caso.acciones import Accion
from reclamos.errores import ErrorPermiso, ErrorValidacion
from reclamos.caso.lineas import (LineaReclamo, VersionLinea, agregar_linea, aprobar, cancelar,
                             devolver, enviar_a_aprobacion, modificar_linea, rechazar,
                             total_aprobado)
from reclamos.caso.modelo import Reclamo
from tests.reclamos.conftest import IP, LUNES


@pytest.fixture
def caso(registrar_caso):
    return registrar_caso(motivo='FACTURACION_INTERNET', campos={}, documento_tipo='FACTURA',
                          documento_numero='F001-000123')


def _v(caso):
    return Reclamo.get_by_id(caso.id).version


def test_ciclo_de_una_linea(caso, actores):
    a, s = actores.agente, actores.supervisor
    linea = agregar_linea(caso, 'Cargo por instalación', '120.50', a, IP, _v(caso), LUNES)
    assert (linea.numero, linea.estado, linea.monto_reclamado) == (1, 'BORRADOR',
                                                                   Decimal('120.50'))
    linea = modificar_linea(linea, 'Cargo por instalación no solicitada', '150', a, IP,
                            _v(caso), LUNES)
    linea = enviar_a_aprobacion(linea, a, IP, _v(caso), LUNES)
    assert (linea.estado, linea.envios) == ('APROBACION_PENDIENTE', 1)
    with pytest.raises(ErrorValidacion, match='aprobación pendiente'):
        modificar_linea(linea, 'Otro', '10', a, IP, _v(caso), LUNES)
    with pytest.raises(ErrorPermiso, match='no permite aprobar'):
        aprobar(linea, a, IP, _v(caso), ahora=LUNES)
    linea = devolver(linea, 'Adjunte el detalle del cargo.', s, IP, _v(caso), LUNES)
    linea = modificar_linea(linea, 'Cargo por instalación no solicitada', '140', a, IP,
                            _v(caso), LUNES)
    linea = enviar_a_aprobacion(linea, a, IP, _v(caso), LUNES)
    with pytest.raises(ErrorValidacion, match='más de lo reclamado'):
        aprobar(linea, s, IP, _v(caso), monto_aprobado='200', ahora=LUNES)
    linea = aprobar(linea, s, IP, _v(caso), monto_aprobado='100.00', ahora=LUNES)
    assert (linea.estado, linea.monto_aprobado) == ('APROBADO', Decimal('100.00'))
    # Each submission froze what was sent; later edits did not touch version 1.
    versiones = [(v.numero, v.monto_reclamado) for v in
                 VersionLinea.select().where(VersionLinea.linea == linea.id)
                 .order_by(VersionLinea.numero)]
    assert versiones == [(1, Decimal('150.00')), (2, Decimal('140.00'))]
    assert total_aprobado(caso) == Decimal('100.00')
    with pytest.raises(ErrorValidacion):
        cancelar(linea, a, IP, _v(caso), LUNES)
    pasos = [(x.valor_anterior, x.valor_nuevo) for x in
             Accion.de(caso).where(Accion.tipo == 'linea')][1:]
    assert pasos == [('BORRADOR', 'BORRADOR'), ('BORRADOR', 'APROBACION_PENDIENTE'),
                     ('APROBACION_PENDIENTE', 'BORRADOR'), ('BORRADOR', 'BORRADOR'),
                     ('BORRADOR', 'APROBACION_PENDIENTE'), ('APROBACION_PENDIENTE', 'APROBADO')]


def test_una_linea_rechazada_no_se_reenvia(caso, actores):
    a, s = actores.agente, actores.supervisor
    linea = agregar_linea(caso, 'Mensualidad duplicada', '89.90', a, IP, _v(caso), LUNES)
    linea = enviar_a_aprobacion(linea, a, IP, _v(caso), LUNES)
    with pytest.raises(ErrorValidacion, match='Indique el motivo'):
        rechazar(linea, '', s, IP, _v(caso), LUNES)
    linea = rechazar(linea, 'El cobro es correcto según contrato.', s, IP, _v(caso), LUNES)
    assert (linea.estado, linea.observacion) == ('RECHAZADO',
                                                 'El cobro es correcto según contrato.')
    with pytest.raises(ErrorValidacion, match='rechazada no puede volver a enviarse'):
        enviar_a_aprobacion(linea, a, IP, _v(caso), LUNES)
    with pytest.raises(ErrorValidacion, match='rechazada no puede volver a enviarse'):
        modificar_linea(linea, 'Otro', '1', a, IP, _v(caso), LUNES)
    assert VersionLinea.select().count() == 1


def test_cancelar_borrador(caso, actores):
    linea = agregar_linea(caso, 'Recargo', '5', actores.agente, IP, _v(caso), LUNES)
    linea = cancelar(linea, actores.agente, IP, _v(caso), LUNES)
    assert linea.estado == 'CANCELADO'
    with pytest.raises(ErrorValidacion):
        enviar_a_aprobacion(linea, actores.agente, IP, _v(caso), LUNES)


@pytest.mark.parametrize('concepto, monto, campo', [
    ('', '10', 'concepto'), ('Cargo', '0', 'monto_reclamado'),
    ('Cargo', '-5', 'monto_reclamado'), ('Cargo', 'diez', 'monto_reclamado'),
    ('Cargo', '10.005', 'monto_reclamado'), ('Cargo', 10.5, 'monto_reclamado'),
])
def test_lineas_malas(caso, actores, concepto, monto, campo):
    with pytest.raises(ErrorValidacion) as error:
        agregar_linea(caso, concepto, monto, actores.agente, IP, _v(caso), LUNES)
    assert campo in error.value.errores
    assert LineaReclamo.select().count() == 0


def test_solo_casos_con_documento_de_lineas(registrar_caso, actores):
    caso = registrar_caso()
    with pytest.raises(ErrorValidacion) as error:
        agregar_linea(caso, 'Cargo', '10', actores.agente, IP, caso.version, LUNES)
    assert 'líneas reclamables' in error.value.errores['documento_tipo']


def test_version_vieja_en_lineas(caso, actores):
    linea = agregar_linea(caso, 'Cargo', '10', actores.agente, IP, _v(caso), LUNES)
    from reclamos.errores import ConflictoVersion
    with pytest.raises(ConflictoVersion):
        enviar_a_aprobacion(linea, actores.agente, IP, caso.version, LUNES)
