"""Requester type, the sending entity with its file number and imposed term (binds when it is
shorter than the legal one), and the reception point: stored, validated, routed on."""
from datetime import datetime, timezone

import pytest

from catalogos.atencion import PuntoRecepcion
from reclamos.caso.modelo import Reclamo
from reclamos.errores import ErrorValidacion
from reclamos.laboratorio.enrutamiento import ReglaEnrutamiento
from reclamos.plazos.modelo import TerminoCaso
from reclamos.tiempo import aware

JUZGADO = {'tipo_solicitante': 'autoridad_judicial',
           'entidad_remitente': 'Juzgado 3 Civil de Lima', 'expediente_entidad': '2026-00123',
           'punto_recepcion': 'LIMA_CENTRO'}


def _terminos(caso):
    return {t.tipo: aware(t.vence_en) for t in
            TerminoCaso.select().where(TerminoCaso.reclamo == caso.id)}


def test_tutela_con_plazo_en_horas_manda_sobre_el_legal(registrar_caso):
    # Received Monday 2 March 10:00 Lima; the judge gives 48 hours: Wednesday 4 March 10:00
    # (15:00 UTC), before the legal OSIPTEL_3 term (Thursday 5 March 23:59:59 Lima).
    caso = registrar_caso(**JUZGADO, plazo_entidad={'cantidad': 48, 'unidad': 'horas'})
    caso = Reclamo.get_by_id(caso.id)
    assert (caso.tipo_solicitante, caso.entidad_remitente, caso.expediente_entidad) == (
        'autoridad_judicial', 'Juzgado 3 Civil de Lima', '2026-00123')
    assert caso.punto_recepcion.codigo == 'LIMA_CENTRO'
    vence = _terminos(caso)
    assert vence['entidad'] == datetime(2026, 3, 4, 15, tzinfo=timezone.utc)
    assert vence['entidad'] < vence['legal'] == datetime(2026, 3, 6, 4, 59, 59,
                                                        tzinfo=timezone.utc)
    termino = TerminoCaso.get(TerminoCaso.reclamo == caso.id, TerminoCaso.tipo == 'entidad')
    assert termino.nombre == 'Plazo de Juzgado 3 Civil de Lima (expediente 2026-00123)'


def test_un_plazo_de_la_entidad_mas_largo_no_adelanta_nada(registrar_caso):
    caso = registrar_caso(**JUZGADO, plazo_entidad={'cantidad': 30, 'unidad': 'dias_habiles'})
    vence = _terminos(caso)
    assert vence['legal'] < vence['entidad']
    assert aware(caso.vence_en) == min(vence.values())


@pytest.mark.parametrize('cambios, campo', [
    ({'tipo_solicitante': 'marciano'}, 'tipo_solicitante'),
    ({'tipo_solicitante': 'ente_control'}, 'entidad_remitente'),
    ({**JUZGADO, 'plazo_entidad': {'cantidad': 0, 'unidad': 'horas'}}, 'plazo_entidad'),
    ({**JUZGADO, 'plazo_entidad': {'cantidad': 2, 'unidad': 'semanas'}}, 'plazo_entidad'),
    ({**JUZGADO, 'plazo_entidad': '48 horas'}, 'plazo_entidad'),
    ({'expediente_entidad': 'X-1'}, 'tipo_solicitante'),  # a customer has no file number
    ({'punto_recepcion': 'NO_EXISTE'}, 'punto_recepcion'),
    ({'entidad_remitente': 'x' * 201, 'tipo_solicitante': 'ente_control'},
     'entidad_remitente'),
])
def test_datos_malos_del_solicitante(registrar_caso, cambios, campo):
    with pytest.raises(ErrorValidacion) as error:
        registrar_caso(**cambios)
    assert campo in error.value.errores
    assert not Reclamo.select().exists()


def test_punto_de_recepcion_fuera_de_uso(registrar_caso):
    PuntoRecepcion.update(activo=False).where(PuntoRecepcion.codigo == 'MIRAFLORES').execute()
    with pytest.raises(ErrorValidacion, match='fuera de uso'):
        registrar_caso(punto_recepcion='MIRAFLORES')


def test_una_regla_de_enrutamiento_lee_el_punto_y_el_solicitante(registrar_caso):
    for orden, texto in ((1, 'si punto de recepcion es "Sucursal Miraflores" entonces '
                             'etiqueta "presencial"'),
                         (2, 'si solicitante es "Autoridad judicial" entonces prioridad BAJO')):
        fila = ReglaEnrutamiento(codigo=f'R{orden}', nombre=f'Regla {orden}', orden=orden,
                                 texto=texto, activo=True)
        assert fila.errores() == {}, fila.errores()
        fila.save()
    caso = registrar_caso(**{**JUZGADO, 'punto_recepcion': 'MIRAFLORES'})
    assert caso.prioridad.codigo == 'BAJO'
    from reclamos.laboratorio.enrutamiento import EtiquetaCaso
    assert 'presencial' in EtiquetaCaso.de(caso.id)
    otro = registrar_caso(descripcion='Sin internet desde el lunes en todo el edificio.')
    assert otro.prioridad.codigo == 'ALTO'
