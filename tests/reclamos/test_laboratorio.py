"""The sandbox on the database: drafts never touch live data; runs are bounded, deterministic
and refuse bad input with a message; publishing and rolling back are one transaction each."""
import json
from datetime import timedelta

import pytest

from catalogos.configuracion import exportar
from catalogos.enrutamiento import ReglaEnrutamiento
from catalogos.procesos import Actividad, Proceso
from reclamos.laboratorio import ensayo
from reclamos.caso.acciones import Accion
from reclamos.caso.modelo import Reclamo
from reclamos.errores import ErrorValidacion
from reclamos.caso.flujo import transicionar
from reclamos.laboratorio.borradores import (BitacoraAdmin, BorradorConfiguracion,
                                             VersionConfiguracion, copiar, editar, publicar,
                                             restaurar)
from reclamos.plazos.modelo import TerminoCaso
from tests.reclamos.conftest import IP, LUNES

DIA = LUNES.date().isoformat()


def _formulario(borrador, **cambios):
    """The edit form as the page sends it unchanged, plus ``cambios``."""
    datos = borrador.configuracion()
    valores = borrador.valores()
    formulario = {f'personal-{a}': n for a, n in valores['personal'].items()}
    formulario.update({f'atencion-{a}': m for a, m in valores['atencion'].items()})
    for p in datos['catalogos']['procesos']:
        for a in p['actividades']:
            formulario[f'area-{p["codigo"]}-{a["orden"]}'] = a['area']
            formulario[f'plazo-{p["codigo"]}-{a["orden"]}'] = a['plazo_cantidad']
    formulario.update(semilla=valores['semilla'], variabilidad=valores['variabilidad'])
    formulario.update(cambios)
    return {k: str(v) for k, v in formulario.items()}


def _foto_viva():
    return (json.dumps(exportar(), sort_keys=True), Reclamo.select().count(),
            Accion.select().count(), TerminoCaso.select().count())


@pytest.fixture
def historia(registrar_caso, actores):
    """Three cases received on Monday morning; two resolved an hour later."""
    casos = [registrar_caso(ahora=LUNES + timedelta(minutes=10 * i)) for i in range(3)]
    for caso in casos[:2]:
        caso = transicionar(caso, 'tomar', actores.agente, IP, caso.version, LUNES)
        transicionar(caso, 'terminar', actores.agente, IP, caso.version,
                     LUNES + timedelta(hours=1), respuesta='Resuelto',
                     resultado='fundado')
    return casos


def test_copiar_editar_y_ensayar_no_tocan_lo_vivo(historia, actores):
    antes = _foto_viva()
    borrador = copiar('Más gente', actores.admin)
    editar(borrador, _formulario(
        borrador, **{'personal-MONITOREO': 3, 'area-SIN_SERVICIO_ATENCION-1': 'SOPORTE_TECNICO',
                     'duracion-SIN_SERVICIO_ATENCION-1': 15,
                     'reglas': 'R9: si canal es WEB entonces prioridad BAJO'}))
    informe = ensayo.ensayar(BorradorConfiguracion.get_by_id(borrador.id), DIA, DIA)
    assert _foto_viva() == antes
    assert not ReglaEnrutamiento.select().exists()
    assert informe['real']['indicadores']['casos'] == 3
    assert informe['real']['indicadores']['terminados'] == 2
    assert informe['borrador']['indicadores']['terminados'] == 3
    # The draft's rule lowers the priority: its SLA (BAJO, 3 days) is always met.
    assert informe['borrador']['indicadores']['cumplimiento_sla'] == 100.0
    assert 'SOPORTE_TECNICO' in informe['borrador']['pendientes']


def test_misma_semilla_mismo_informe(historia, actores):
    borrador = copiar('B', actores.admin)
    a = ensayo.ensayar(borrador, DIA, DIA)
    b = ensayo.ensayar(borrador, DIA, DIA)
    assert a == b
    editar(borrador, _formulario(borrador, semilla=99))
    c = ensayo.ensayar(BorradorConfiguracion.get_by_id(borrador.id), DIA, DIA)
    assert c['borrador']['indicadores'] != a['borrador']['indicadores'] or \
        c['borrador']['pendientes'] != a['borrador']['pendientes']


@pytest.mark.parametrize('desde, hasta, campo, mensaje', [
    ('2020-01-01', '2020-01-31', 'desde', 'No hay casos recibidos en ese período'),
    ('ayer', DIA, 'desde', 'Indique la fecha desde'),
    (DIA, '2020-01-01', 'hasta', 'La fecha final es anterior'),
    ('2020-01-01', DIA, 'hasta', 'no puede pasar de 1096 días'),
])
def test_periodo_malo(historia, actores, desde, hasta, campo, mensaje):
    borrador = copiar('B', actores.admin)
    with pytest.raises(ErrorValidacion) as error:
        ensayo.ensayar(borrador, desde, hasta)
    assert mensaje in error.value.errores[campo]


def test_demasiados_casos(historia, actores, monkeypatch):
    monkeypatch.setattr(ensayo, 'MAX_CASOS', 2)
    with pytest.raises(ErrorValidacion) as error:
        ensayo.ensayar(copiar('B', actores.admin), DIA, DIA)
    assert 'tiene 3 casos y una simulación admite hasta 2' in error.value.errores['hasta']


def test_area_sin_personal(historia, actores):
    borrador = copiar('B', actores.admin)
    editar(borrador, _formulario(borrador, **{'personal-MONITOREO': 0}))
    with pytest.raises(ErrorValidacion) as error:
        ensayo.ensayar(BorradorConfiguracion.get_by_id(borrador.id), DIA, DIA)
    assert 'El área «MONITOREO» no tiene personal' in error.value.errores['personal']


@pytest.mark.parametrize('cambios, campo', [
    ({'personal-MONITOREO': '-1'}, 'personal-MONITOREO'),
    ({'atencion-VENTAS': 'rápido'}, 'atencion-VENTAS'),
    ({'area-SIN_SERVICIO_ATENCION-1': 'MARTE'}, 'area-SIN_SERVICIO_ATENCION-1'),
    ({'reglas': 'R1: si canal es WEB entonces\nR2: si x es 1 entonces etiqueta y'}, 'reglas'),
    ({'variabilidad': 'caótica'}, 'variabilidad'),
])
def test_edicion_mala_no_guarda_nada(config, actores, cambios, campo):
    borrador = copiar('B', actores.admin)
    guardado = (borrador.datos, borrador.parametros)
    with pytest.raises(ErrorValidacion) as error:
        editar(borrador, _formulario(borrador, **cambios))
    assert campo in error.value.errores
    fila = BorradorConfiguracion.get_by_id(borrador.id)
    assert (fila.datos, fila.parametros) == guardado


def _actividad_1():
    proceso = Proceso.get(Proceso.codigo == 'SIN_SERVICIO_ATENCION')
    return Actividad.get(Actividad.proceso == proceso, Actividad.orden == 1)


def test_publicar_y_volver_atras(config, actores):
    ReglaEnrutamiento.create(codigo='VIEJA', nombre='Vieja', orden=5,
                             texto='si canal es CHAT entonces etiqueta chat')
    original = json.dumps(exportar(), sort_keys=True)
    borrador = copiar('Soporte primero', actores.admin)
    editar(borrador, _formulario(borrador, **{
        'area-SIN_SERVICIO_ATENCION-1': 'SOPORTE_TECNICO',
        'reglas': 'NUEVA: si canal es WEB entonces prioridad BAJO'}))
    assert _actividad_1().area.codigo == 'MONITOREO'  # the draft is not live

    version = publicar(BorradorConfiguracion.get_by_id(borrador.id), actores.admin)
    assert _actividad_1().area.codigo == 'SOPORTE_TECNICO'
    assert [(r.codigo, r.activo) for r in ReglaEnrutamiento.select().order_by(
        ReglaEnrutamiento.codigo)] == [('NUEVA', True), ('VIEJA', False)]
    assert json.dumps(json.loads(version.datos), sort_keys=True) == original
    with pytest.raises(ErrorValidacion):
        publicar(BorradorConfiguracion.get_by_id(borrador.id), actores.admin)  # only once

    restaurar(version, actores.admin)
    assert _actividad_1().area.codigo == 'MONITOREO'
    assert ReglaEnrutamiento.get(ReglaEnrutamiento.codigo == 'VIEJA').activo
    assert not ReglaEnrutamiento.get(ReglaEnrutamiento.codigo == 'NUEVA').activo
    assert [b.accion for b in BitacoraAdmin.select().order_by(BitacoraAdmin.id)] == [
        'borrador_creado', 'borrador_publicado', 'version_restaurada']
    assert VersionConfiguracion.select().count() == 2


def test_publicar_un_borrador_que_no_importa_no_cambia_nada(config, actores):
    borrador = copiar('Roto', actores.admin)
    datos = borrador.configuracion()
    datos['catalogos']['procesos'][0]['actividades'][0]['area'] = 'NO_EXISTE'
    borrador.datos = json.dumps(datos)
    borrador.save()
    antes = json.dumps(exportar(), sort_keys=True)
    with pytest.raises(ErrorValidacion) as error:
        publicar(borrador, actores.admin)
    assert 'No se publicó nada' in error.value.errores['borrador']
    assert json.dumps(exportar(), sort_keys=True) == antes
    assert VersionConfiguracion.select().count() == 0
    assert BorradorConfiguracion.get_by_id(borrador.id).estado == 'borrador'
