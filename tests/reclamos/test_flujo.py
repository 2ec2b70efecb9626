"""A case walked through every state by service calls; who is refused; the log of it all."""
from datetime import datetime, timedelta

import pytest

from reclamos.caso.acciones import Accion
from reclamos.errores import ConflictoVersion, ErrorPermiso, ErrorValidacion
from reclamos.caso.flujo import transicionar
from reclamos.caso.gestion import comentar, derivar, reasignar, tomar
from reclamos.plazos.modelo import TerminoCaso
from reglas.transiciones import TRANSICIONES
from tests.reclamos.conftest import IP, LUNES

T = [LUNES + timedelta(minutes=10 * i) for i in range(1, 20)]


def _hacer(caso, accion, quien, i, **datos):
    return transicionar(caso, accion, quien, IP, caso.version, T[i], **datos)


def test_recorrido_completo(registrar_caso, actores):
    caso = registrar_caso()
    caso = tomar(caso, actores.agente, IP, caso.version, T[0])
    assert (caso.estado, caso.usuario_id, caso.version) == ('EN_CURSO', actores.agente.id, 2)
    caso = _hacer(caso, 'suspender', actores.agente, 1, motivo='Esperamos la foto del módem.')
    assert caso.estado == 'SUSPENDIDO' and caso.vence_en is None
    caso = _hacer(caso, 'reanudar', actores.agente, 2)
    assert caso.estado == 'EN_CURSO' and caso.vence_en is not None
    caso = _hacer(caso, 'terminar', actores.agente, 3, respuesta='Se cambió el módem.',
                 resultado='fundado')
    assert caso.estado == 'TERMINADO' and caso.respuesta == 'Se cambió el módem.'
    # Every term was met by the answer; the one to notify it starts (OSIPTEL_3: +5 business
    # days from Monday 2 March: Tue 3 .. Mon 9 March, 23:59:59 Lima).
    assert caso.vence_en == datetime(2026, 3, 10, 4, 59, 59)
    assert [t.tipo for t in TerminoCaso.select().where(
        TerminoCaso.reclamo == caso.id, TerminoCaso.cumplido_en.is_null())] == ['notificacion']
    # The satisfaction call is made by customer service (seed 003), not the resolving area.
    caso = _hacer(caso, 'cerrar', actores.registrador, 4, calificacion=5)
    assert (caso.estado, caso.calificacion) == ('CERRADO', 5)
    assert caso.calificado_por == f'cliente (registrada por {actores.registrador.email})'
    assert caso.version == 6
    pasos = [(a.tipo, a.campo, a.valor_anterior, a.valor_nuevo) for a in Accion.de(caso)]
    assert pasos == [
        ('creacion', 'numero', None, caso.numero),
        ('asignacion', 'usuario', None, actores.agente.email),
        ('notificacion', 'correo', None, 'rosa@correo.pe'),  # acknowledgment e-mail
        ('transicion', 'estado', 'PENDIENTE', 'EN_CURSO'),
        ('suspension', 'estado', 'EN_CURSO', 'SUSPENDIDO'),
        ('reanudacion', 'estado', 'SUSPENDIDO', 'EN_CURSO'),
        ('transicion', 'estado', 'EN_CURSO', 'TERMINADO'),
        ('cambio', 'respuesta', '', 'Se cambió el módem.'),
        ('cambio', 'terminado_en', None, T[3].isoformat()),
        ('cambio', 'resultado', None, 'OSIPTEL_FUNDADO'),
        ('notificacion', 'correo', None, 'rosa@correo.pe'),  # "case resolved" e-mail
        ('transicion', 'estado', 'TERMINADO', 'CERRADO'),
        ('calificacion', 'calificacion', None, '5'),
        ('cambio', 'calificado_por', '', caso.calificado_por),
        ('cambio', 'cerrado_en', None, T[4].isoformat()),
    ]
    acciones = list(Accion.de(caso))
    assert all(a.ip == IP for a in acciones)
    assert acciones[4].texto == 'Esperamos la foto del módem.' and acciones[4].visible_cliente
    assert [a.version for a in acciones] == [1, 1, 1, 2, 3, 4, 5, 5, 5, 5, 5, 6, 6, 6, 6]


def test_suspendido_desde_pendiente_vuelve_a_pendiente(registrar_caso, actores):
    caso = _hacer(registrar_caso(), 'suspender', actores.agente, 0, motivo='Falta el DNI.')
    assert _hacer(caso, 'reanudar', actores.agente, 1).estado == 'PENDIENTE'


def test_cerrar_sin_contacto(registrar_caso, actores):
    caso = tomar(registrar_caso(), actores.agente, IP, 1, T[0])
    caso = _hacer(caso, 'terminar', actores.agente, 1, respuesta='Listo.',
                 resultado='fundado')
    with pytest.raises(ErrorValidacion) as error:
        _hacer(caso, 'cerrar', actores.agente, 2, sin_contacto=True)
    assert 'intentos de contacto' in error.value.errores['nota']
    caso = _hacer(caso, 'cerrar', actores.agente, 2, sin_contacto=True, nota='3 llamadas.')
    assert (caso.estado, caso.sin_contacto, caso.calificacion) == ('CERRADO', True, None)


@pytest.mark.parametrize('datos, campo', [
    ({}, 'calificacion'), ({'calificacion': 0}, 'calificacion'),
    ({'calificacion': 6}, 'calificacion'), ({'calificacion': '5'}, 'calificacion'),
    ({'calificacion': 4, 'sin_contacto': True, 'nota': 'x'}, 'calificacion'),
    ({'calificacion': 4, 'color': 'rojo'}, 'color'),
])
def test_cerrar_exige_calificacion_valida(registrar_caso, actores, datos, campo):
    caso = tomar(registrar_caso(), actores.agente, IP, 1, T[0])
    caso = _hacer(caso, 'terminar', actores.agente, 1, respuesta='Listo.',
                 resultado='fundado')
    with pytest.raises(ErrorValidacion) as error:
        _hacer(caso, 'cerrar', actores.agente, 2, **datos)
    assert campo in error.value.errores


def test_el_cliente_califica_su_caso(registrar_caso, actores):
    caso = tomar(registrar_caso(), actores.agente, IP, 1, T[0])
    caso = _hacer(caso, 'terminar', actores.agente, 1, respuesta='Listo.',
                 resultado='fundado')
    caso = transicionar(caso, 'cerrar', None, '200.1.2.3', caso.version, T[2], calificacion=2)
    assert (caso.calificacion, caso.calificado_por) == (2, 'cliente')
    assert Accion.de(caso).where(Accion.tipo == 'calificacion').get().usuario is None


def test_caso_interno_lo_califica_el_area_solicitante(registrar_caso, actores):
    caso = registrar_caso(cliente=None, origen='interno', area_solicitante='VENTAS')
    caso = tomar(caso, actores.agente, IP, 1, T[0])
    caso = _hacer(caso, 'terminar', actores.agente, 1, respuesta='Listo.',
                 resultado='fundado')
    with pytest.raises(ErrorPermiso, match='área solicitante «Ventas»'):
        _hacer(caso, 'cerrar', actores.registrador, 2, calificacion=4)
    with pytest.raises(ErrorPermiso, match='lo califica el área que lo solicitó'):
        _hacer(caso, 'cerrar', None, 2, calificacion=4)
    caso = _hacer(caso, 'cerrar', actores.ventas, 2, calificacion=4)
    assert (caso.estado, caso.calificado_por) == ('CERRADO', 'área VENTAS')


def test_anular_como_duplicado(registrar_caso, actores):
    original = registrar_caso()
    copia = registrar_caso(descripcion='Sin internet desde ayer, luz roja en el módem.')
    with pytest.raises(ErrorValidacion) as error:
        _hacer(copia, 'anular', actores.supervisor, 0)
    assert 'por qué se anula' in error.value.errores['motivo']
    with pytest.raises(ErrorValidacion) as error:
        _hacer(copia, 'anular', actores.supervisor, 0, motivo='Duplicado', duplicado_de='2026-9')
    assert 'No existe el caso 2026-9' in error.value.errores['duplicado_de']
    copia = _hacer(copia, 'anular', actores.supervisor, 0, motivo='Registrado dos veces.',
                   duplicado_de=original.numero)
    assert (copia.estado, copia.duplicado_de_id, copia.vence_en) == ('ANULADO', original.id,
                                                                      None)
    # Every term still running is cancelled (the first answer was met by the acknowledgment).
    assert all(t.cancelado or t.cumplido_en for t in
               TerminoCaso.select().where(TerminoCaso.reclamo == copia.id))
    with pytest.raises(ErrorValidacion, match='Anulado'):
        _hacer(copia, 'tomar', actores.supervisor, 1)


def _en_estado(registrar_caso, actores, estado):
    caso = registrar_caso()
    pasos = {'PENDIENTE': [], 'EN_CURSO': [('tomar', {})],
             'SUSPENDIDO': [('suspender', {'motivo': 'x'})],
             'TERMINADO': [('tomar', {}),
                           ('terminar', {'respuesta': 'x', 'resultado': 'fundado'})]}[estado]
    for i, (accion, datos) in enumerate(pasos):
        caso = _hacer(caso, accion, actores.admin, i, **datos)
    return caso


DESDE = {'tomar': 'PENDIENTE', 'terminar': 'EN_CURSO', 'cerrar': 'TERMINADO',
         'suspender': 'EN_CURSO', 'reanudar': 'SUSPENDIDO', 'anular': 'EN_CURSO'}


@pytest.mark.parametrize('accion', TRANSICIONES)
def test_rol_equivocado_rechazado(registrar_caso, actores, accion):
    caso = _en_estado(registrar_caso, actores, DESDE[accion])
    datos = {'terminar': {'respuesta': 'x', 'resultado': 'fundado'}, 'cerrar': {'calificacion': 3},
             'suspender': {'motivo': 'x'}, 'anular': {'motivo': 'x'}}.get(accion, {})
    # gerente only reads; an agent of another area is not responsible; annulment is for
    # supervisors.
    rechazados = [actores.gerente]
    if accion != 'cerrar':
        rechazados.append(actores.agente_soporte)
    if accion == 'anular':
        rechazados.append(actores.agente)
    for quien in rechazados:
        with pytest.raises(ErrorPermiso):
            _hacer(caso, accion, quien, 5, **datos)
    if accion != 'cerrar':
        with pytest.raises(ErrorPermiso):
            _hacer(caso, accion, None, 5, **datos)  # the customer
    version = caso.version
    caso = _hacer(caso, accion, actores.supervisor, 5, **datos)
    assert caso.version == version + 1


def test_estado_equivocado(registrar_caso, actores):
    caso = registrar_caso()
    with pytest.raises(ErrorValidacion) as error:
        _hacer(caso, 'terminar', actores.agente, 0, respuesta='x')
    assert 'No se puede terminar un caso en estado Pendiente' in error.value.errores['estado']
    with pytest.raises(ErrorValidacion) as error:
        _hacer(caso, 'volar', actores.agente, 0)
    assert 'Acción desconocida' in error.value.errores['accion']


def test_version_vieja_es_conflicto(registrar_caso, actores):
    caso = registrar_caso()
    visto = caso.version
    tomar(caso, actores.agente, IP, visto, T[0])
    with pytest.raises(ConflictoVersion) as error:
        transicionar(caso, 'suspender', actores.supervisor, IP, visto, T[1], motivo='x')
    conflicto = error.value
    assert (conflicto.version_leida, conflicto.version_actual) == (1, 2)
    assert [(c['campo'], c['anterior'], c['nuevo'], c['usuario']) for c in conflicto.cambios] \
        == [('estado', 'PENDIENTE', 'EN_CURSO', actores.agente.email)]
    assert 'estado: PENDIENTE → EN_CURSO' in str(conflicto)
    with pytest.raises(ErrorValidacion, match='versión'):
        transicionar(caso, 'suspender', actores.supervisor, IP, None, T[1], motivo='x')


def test_derivar_a_otra_area(registrar_caso, actores):
    caso = tomar(registrar_caso(), actores.agente, IP, 1, T[0])
    with pytest.raises(ErrorValidacion, match='Indique el motivo'):
        derivar(caso, 'SOPORTE_TECNICO', ' ', actores.agente, IP, caso.version, T[1])
    with pytest.raises(ErrorValidacion, match='ya está en esa área'):
        derivar(caso, 'MONITOREO', 'x', actores.agente, IP, caso.version, T[1])
    caso = derivar(caso, 'SOPORTE_TECNICO', 'Requiere visita técnica.', actores.agente, IP,
                   caso.version, T[1])
    assert (caso.area.codigo, caso.usuario_id, caso.estado) == (
        'SOPORTE_TECNICO', actores.agente_soporte.id, 'PENDIENTE')
    ultimos = list(Accion.de(caso))[-3:]
    assert [(a.tipo, a.campo, a.valor_nuevo) for a in ultimos] == [
        ('derivacion', 'area', 'SOPORTE_TECNICO'),
        ('asignacion', 'usuario', actores.agente_soporte.email),
        ('transicion', 'estado', 'PENDIENTE')]
    assert ultimos[0].texto == 'Requiere visita técnica.'
    # MONITOREO no longer works it.
    with pytest.raises(ErrorPermiso):
        derivar(caso, 'MONITOREO', 'x', actores.agente, IP, caso.version, T[2])


def test_reasignar_solo_supervisor(registrar_caso, actores, crear_usuario):
    otro = crear_usuario('agente', area=actores.agente.area)
    caso = registrar_caso()
    with pytest.raises(ErrorPermiso, match='no permite reasignar'):
        reasignar(caso, otro, actores.agente, IP, caso.version, T[0])
    with pytest.raises(ErrorValidacion, match='use «derivar»'):
        reasignar(caso, actores.agente_soporte, actores.supervisor, IP, caso.version, T[0])
    caso = reasignar(caso, otro, actores.supervisor, IP, caso.version, T[0])
    assert caso.usuario_id == otro.id
    assert Accion.de(caso).where(Accion.tipo == 'asignacion').count() == 2


def test_comentario_visible_es_la_primera_respuesta(registrar_caso, actores):
    # A customer without e-mail gets no acknowledgment: the first answer is still due.
    caso = registrar_caso(cliente={'tipo_documento_identidad': 'DNI',
                                   'numero_documento': '45781236', 'nombre': 'Rosa Quispe'})

    def primera():
        return TerminoCaso.get(TerminoCaso.reclamo == caso.id,
                               TerminoCaso.tipo == 'primera_respuesta')

    comentar(caso, 'Nota interna.', actores.registrador, IP, ahora=T[0])
    assert primera().cumplido_en is None
    with pytest.raises(ErrorValidacion):
        comentar(caso, '  ', actores.agente, IP, ahora=T[0])
    with pytest.raises(ErrorPermiso):
        comentar(caso, 'Hola', actores.gerente, IP, ahora=T[0])
    accion = comentar(caso, 'Estamos revisando su caso.', actores.agente, IP,
                      visible_cliente=True, ahora=T[1])
    assert accion.visible_cliente and accion.tipo == 'comentario'
    assert primera().cumplido_en == T[1].replace(tzinfo=None)
    # A comment needs no version and does not bump it: it never conflicts with an edit.
    assert caso.version == 1 and type(caso).get_by_id(caso.id).version == 1
