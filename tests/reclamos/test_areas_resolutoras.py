"""Only a resolving area (or the area at the process activity that gives the answer) may
resolve a case: refused on the server in Spanish, and the action is not offered elsewhere."""
from datetime import timedelta

import pytest

from catalogos.organizacion import Area
from catalogos.procesos import Actividad, Proceso
from catalogos.servicios import Motivo
from reclamos.caso.ficha import acciones_permitidas
from reclamos.caso.flujo import transicionar
from reclamos.caso.gestion import derivar, tomar
from reclamos.errores import ErrorPermiso
from tests.reclamos.conftest import IP, LUNES

T = [LUNES + timedelta(minutes=10 * i) for i in range(1, 10)]


def _en_ventas(registrar_caso, actores):
    """A SIN_SERVICIO case (MONITOREO) handed over to VENTAS and taken there."""
    caso = tomar(registrar_caso(), actores.agente, IP, 1, T[0])
    caso = derivar(caso, 'VENTAS', 'Consulta comercial del cliente.', actores.agente, IP,
                   caso.version, T[1])
    return tomar(caso, actores.ventas, IP, caso.version, T[2])


def test_un_area_que_no_resuelve_no_puede_terminar(registrar_caso, actores):
    caso = _en_ventas(registrar_caso, actores)
    assert 'terminar' not in acciones_permitidas(caso, actores.ventas)
    assert 'derivar' in acciones_permitidas(caso, actores.ventas)
    for quien in (actores.ventas, actores.admin):
        with pytest.raises(ErrorPermiso, match='El área «Ventas» no resuelve casos'):
            transicionar(caso, 'terminar', quien, IP, caso.version, T[3], respuesta='Listo.',
                         resultado='fundado')
    # Handed back to a resolving area, it can be answered there.
    caso = derivar(caso, 'SOPORTE_TECNICO', 'Requiere visita.', actores.ventas, IP,
                   caso.version, T[4])
    caso = tomar(caso, actores.agente_soporte, IP, caso.version, T[5])
    assert 'terminar' in acciones_permitidas(caso, actores.agente_soporte)
    caso = transicionar(caso, 'terminar', actores.agente_soporte, IP, caso.version, T[6],
                        respuesta='Se reparó la línea.', resultado='fundado')
    assert caso.estado == 'TERMINADO'


def test_la_actividad_que_da_la_respuesta_habilita_a_su_area(registrar_caso, actores):
    proceso = Proceso.activo_de(Motivo.get(Motivo.codigo == 'SIN_SERVICIO').id)
    (Actividad.update(area=Area.get(Area.codigo == 'VENTAS'), resuelve=True)
     .where(Actividad.proceso == proceso.id, Actividad.orden == 1).execute())
    caso = _en_ventas(registrar_caso, actores)
    assert caso.actividad_orden == 1
    assert 'terminar' in acciones_permitidas(caso, actores.ventas)
    caso = transicionar(caso, 'terminar', actores.ventas, IP, caso.version, T[3],
                        respuesta='Se ofreció el plan adecuado.', resultado='fundado')
    assert caso.estado == 'TERMINADO'


def test_un_motivo_no_puede_ir_por_defecto_a_un_area_que_no_resuelve(config):
    motivo = Motivo.get(Motivo.codigo == 'LENTITUD')
    motivo.area = Area.get(Area.codigo == 'VENTAS')
    assert 'Ventas» no resuelve casos' in motivo.errores()['area']
    # With an active process whose activity gives the answer, it is accepted.
    motivo.area = Area.get(Area.codigo == 'MONITOREO')
    motivo.save()
    proceso = Proceso.create(codigo='LENTITUD_AC', nombre='Lentitud por atención',
                             motivo=motivo, activo=True)
    Actividad.create(proceso=proceso, orden=1, nombre='Respuesta al cliente',
                     area=Area.get(Area.codigo == 'ATENCION_CLIENTE'), plazo_cantidad=1,
                     plazo_unidad='dias_habiles', resuelve=True)
    motivo.area = Area.get(Area.codigo == 'ATENCION_CLIENTE')
    assert 'area' not in motivo.errores()


def test_los_motivos_de_la_demo_son_validos(config):
    for motivo in Motivo.select():
        assert 'area' not in motivo.errores(), motivo.codigo
