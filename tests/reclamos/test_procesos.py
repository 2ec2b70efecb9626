"""Processes of activities: the catalog's validation, and cases moving through them."""
import pytest

from catalogos.organizacion import Area
from catalogos.procesos import Actividad, Proceso
from catalogos.servicios import Motivo
from reclamos.caso.acciones import Accion
from reclamos.errores import ErrorPermiso, ErrorValidacion
from reclamos.caso.gestion import completar_actividad, modificar, tomar
from reclamos.plazos.modelo import TerminoCaso
from tests.reclamos.conftest import IP, LUNES

AGUA = {'motivo': 'CONSUMO_EXCESIVO_AGUA', 'servicio': 'AGUA'}


def _campos(**cambios):
    return {'numero_suministro': 'S-1', 'tipo_predio': 'Doméstico', **cambios}


def _actividad(**cambios):
    proceso = Proceso.get(Proceso.codigo == 'SIN_SERVICIO_ATENCION')
    datos = {'proceso': proceso, 'orden': 9, 'nombre': 'Auditoría',
             'area': Area.get(Area.codigo == 'MONITOREO'), 'plazo_cantidad': 1,
             'plazo_unidad': 'dias', 'condicion': ''}
    datos.update(cambios)
    return Actividad(**datos)


@pytest.mark.parametrize('cambios, campo, mensaje', [
    ({'condicion': "__import__('os').system('ls')"}, 'condicion', 'llamadas a funciones'),
    ({'condicion': 'gravedad == 3'}, 'condicion', 'Campo desconocido en la condición'),
    ({'condicion': 'campo.tipo_predio == 1'}, 'condicion', 'Campos del motivo: codigo_abonado'),
    ({'condicion': "prioridad = 'ALTO'"}, 'condicion', 'no se entiende'),
    ({'plazo_cantidad': 0}, 'plazo_cantidad', 'mayor que cero'),
    ({'plazo_unidad': 'semanas'}, 'plazo_unidad', 'Unidad desconocida'),
    ({'orden': 1}, 'orden', 'Ya hay una actividad con el orden 1'),
    ({'orden': 0}, 'orden', 'desde 1'),
    ({'nombre': ' '}, 'nombre', 'obligatorio'),
])
def test_actividad_invalida(config, cambios, campo, mensaje):
    errores = _actividad(**cambios).errores()
    assert mensaje in errores.get(campo, ''), errores


def test_actividad_valida_y_un_solo_proceso_activo(config):
    assert _actividad(condicion="prioridad == 'ALTO' and campo.codigo_abonado != ''"
                      ).errores() == {}
    nuevo = Proceso(codigo='OTRO', nombre='Otro', motivo=Motivo.get(
        Motivo.codigo == 'SIN_SERVICIO'))
    assert 'ya tiene un proceso activo' in nuevo.errores()['motivo']
    nuevo.activo = False
    assert nuevo.errores() == {}


def test_la_actividad_pasa_de_area_al_completarse(registrar_caso, actores):
    caso = registrar_caso()
    assert caso.actividad_actual().nombre == 'Diagnóstico remoto'
    with pytest.raises(ErrorValidacion, match='Pendiente'):
        completar_actividad(caso, actores.agente, IP, caso.version, ahora=LUNES)
    caso = tomar(caso, actores.agente, IP, caso.version, LUNES)
    caso = completar_actividad(caso, actores.agente, IP, caso.version, 'Sin señal en la OLT.',
                               LUNES)
    assert caso.actividad_actual().nombre == 'Visita técnica'
    assert (caso.area.codigo, caso.usuario_id, caso.estado) == (
        'SOPORTE_TECNICO', actores.agente_soporte.id, 'PENDIENTE')
    terminos = {t.codigo: t for t in TerminoCaso.select().where(
        TerminoCaso.reclamo == caso.id, TerminoCaso.tipo == 'actividad')}
    assert terminos['ACT-1'].cumplido_en is not None and terminos['ACT-2'].cumplido_en is None
    tipos = [a.tipo for a in Accion.de(caso)][-4:]
    assert tipos == ['actividad', 'derivacion', 'asignacion', 'transicion']


@pytest.mark.parametrize('campos, siguiente', [
    (_campos(), 'Resolución y notificación'),
    (_campos(solicita_inspeccion=True), 'Inspección del predio'),
    (_campos(tipo_predio='Comercial'), 'Inspección del predio'),
])
def test_la_condicion_decide_la_siguiente_actividad(registrar_caso, actores, campos,
                                                    siguiente):
    caso = registrar_caso(**AGUA, campos=campos)
    caso = tomar(caso, actores.agente, IP, caso.version, LUNES)
    caso = completar_actividad(caso, actores.agente, IP, caso.version, ahora=LUNES)
    assert caso.actividad_actual().nombre == siguiente


def test_la_primera_actividad_tambien_puede_ser_condicional(registrar_caso):
    Actividad.update(condicion="prioridad == 'BAJO'").where(Actividad.orden == 1).execute()
    caso = registrar_caso()  # ALTO: skips the remote diagnosis
    assert caso.actividad_actual().nombre == 'Visita técnica'


def test_modificar_registra_cada_cambio(registrar_caso, actores):
    caso = registrar_caso()
    ahora = LUNES.replace(minute=10)
    with pytest.raises(ErrorPermiso):
        modificar(caso, {'descripcion': 'x'}, actores.agente_soporte, IP, caso.version, ahora)
    with pytest.raises(ErrorValidacion) as error:
        modificar(caso, {'motivo': 'LENTITUD'}, actores.agente, IP, caso.version, ahora)
    assert 'no editable' in error.value.errores['datos']
    caso = modificar(caso, {'descripcion': 'Sin internet y sin teléfono.', 'prioridad': 'BAJO',
                            'campos': {'codigo_abonado': 'AB-9'}}, actores.agente, IP,
                     caso.version, ahora)
    cambios = [(a.campo, a.valor_anterior, a.valor_nuevo) for a in
               Accion.de(caso).where(Accion.tipo == 'cambio')]
    assert cambios == [
        ('descripcion', 'No tengo internet desde ayer; el módem muestra la luz roja.',
         'Sin internet y sin teléfono.'),
        ('prioridad', 'ALTO', 'BAJO'),
        ('campos', '{"codigo_abonado": "AB-0001"}', '{"codigo_abonado": "AB-9"}')]
    prioridad = TerminoCaso.get(TerminoCaso.reclamo == caso.id, TerminoCaso.tipo == 'prioridad',
                                TerminoCaso.cancelado == False)  # noqa: E712
    assert prioridad.codigo == 'BAJO'
    assert caso.vence_en > LUNES.replace(tzinfo=None).replace(hour=16)  # ALTO's 30 min gone
