"""Routing rules on the database: checks against the catalogs, application at registration
(with the action log), contradictions, and the preview over past cases."""
import pytest

from catalogos.enrutamiento import ReglaEnrutamiento, error_regla
from reclamos.caso.acciones import Accion
from reclamos.caso.modelo import Reclamo
from reclamos.laboratorio.enrutamiento import EtiquetaCaso, vista_previa
from reclamos.errores import ErrorValidacion
from reclamos.plazos.modelo import TerminoCaso
from tests.reclamos.conftest import LUNES


def regla(texto, orden=10, codigo=None, activo=True):
    fila = ReglaEnrutamiento(codigo=codigo or f'R{orden}', nombre=f'Regla {orden}', orden=orden,
                             texto=texto, activo=activo)
    assert fila.errores() == {}, fila.errores()
    fila.save()
    return fila


@pytest.mark.parametrize('texto, mensaje', [
    ('si color es rojo entonces prioridad ALTO', 'El campo «color» no existe'),
    ('si motivo es "No existe" entonces prioridad ALTO', '«No existe» no es un valor de motivo'),
    ('si canal está en (Web, Paloma) entonces prioridad ALTO', '«Paloma» no es un valor de canal'),
    ('si tipo es denuncia entonces prioridad ALTO', '«denuncia» no es un valor de tipo'),
    ('si canal es WEB entonces prioridad URGENTISIMO', '«URGENTISIMO» no es prioridad'),
    ('si canal es WEB entonces área LOGISTICA', '«LOGISTICA» no es área'),
    ('si canal es WEB entonces asignar a nadie@x.pe', 'No hay un usuario activo «nadie@x.pe»'),
    ('si canal es WEB entonces proceso NINGUNO', '«NINGUNO» no es proceso'),
    ('si canal es WEB entonces', 'La regla termina antes de tiempo'),
    ('si canal WEB entonces prioridad ALTO', 'columna 14: no se entiende «entonces»'),
])
def test_reglas_rechazadas_nombran_lo_que_falta(config, texto, mensaje):
    assert mensaje in error_regla(texto)


@pytest.mark.parametrize('texto', [
    'si canal es "Entidad de control" entonces prioridad ALTO',
    'si motivo es SIN_SERVICIO y código de abonado contiene "AB" entonces etiqueta abonado',
    'si velocidad medida (Mbps) menor que 5 entonces área SOPORTE_TECNICO'.replace(' (Mbps)', ''),
    'si tipo es Reclamo y origen es externo entonces proceso SIN_SERVICIO_ATENCION',
])
def test_reglas_aceptadas(config, texto):
    assert error_regla(texto) is None


def test_reglas_se_aplican_al_registrar_en_orden_y_quedan_en_la_bitacora(
        config, actores, registrar_caso):
    regla('si canal es "Centro de atención virtual" entonces prioridad BAJO y etiqueta web', 10)
    regla('si motivo es "Sin servicio de internet" y código de abonado contiene "AB" entonces '
          f'área VENTAS y asignar a {actores.ventas.email} y etiqueta abonado', 20)
    regla('si canal es TELEFONO entonces prioridad MEDIO', 30)  # does not match
    regla('si canal es WEB entonces prioridad ALTO', 40, activo=False)  # inactive
    caso = registrar_caso()
    assert caso.prioridad.codigo == 'BAJO'  # the motive says ALTO; the rule changes it
    assert (caso.area.codigo, caso.usuario_id) == ('VENTAS', actores.ventas.id)
    assert EtiquetaCaso.de(caso) == ['abonado', 'web']
    reglas = [(a.valor_nuevo, a.texto) for a in Accion.de(caso) if a.tipo == 'regla']
    assert reglas == [
        ('R10', 'Regla «Regla 10» (orden 10): prioridad BAJO, etiqueta web.'),
        ('R20', f'Regla «Regla 20» (orden 20): área VENTAS, asignar a {actores.ventas.email}, '
                'etiqueta abonado.')]
    # The priority's SLA term follows the priority the rule set (BAJO: 3 days).
    sla = TerminoCaso.get(TerminoCaso.reclamo == caso.id, TerminoCaso.tipo == 'prioridad')
    assert (sla.codigo, sla.vence_en) == ('BAJO', LUNES.replace(tzinfo=None, day=5))


def test_sin_reglas_el_registro_no_cambia(config, registrar_caso):
    caso = registrar_caso()
    assert caso.area.codigo == 'MONITOREO' and caso.prioridad.codigo == 'ALTO'
    assert not [a for a in Accion.de(caso) if a.tipo == 'regla']


def test_contradiccion_gana_la_posterior(config, registrar_caso):
    regla('si canal es WEB entonces prioridad MEDIO', 10)
    segunda = regla('si canal es "web" entonces prioridad BAJO', 20)
    avisos = segunda.avisos()
    assert len(avisos) == 1 and 'gana «Regla 20», que se aplica después' in avisos[0]
    assert registrar_caso().prioridad.codigo == 'BAJO'


def test_una_regla_que_falla_no_deja_nada_a_medias(config, registrar_caso):
    regla('si canal es WEB entonces etiqueta x', 10)
    antes = Reclamo.select().count()
    with pytest.raises(ErrorValidacion):
        registrar_caso(descripcion='')
    assert Reclamo.select().count() == antes and EtiquetaCaso.select().count() == 0


def test_vista_previa_en_casos_pasados(config, registrar_caso):
    registrar_caso()
    registrar_caso(canal='TELEFONO')
    registrar_caso(campos={'codigo_abonado': 'ZZ-9'})
    coincidencias, leidos = vista_previa(
        'si canal es WEB y código de abonado contiene "ab" entonces prioridad BAJO')
    assert leidos == 3
    assert [c.numero for c, _ in coincidencias] == ['2026-000001']
    assert coincidencias[0][1] == 'prioridad BAJO'
    # Bounded: only the last case is read.
    assert vista_previa('si canal es WEB entonces etiqueta x', limite=1)[1] == 1
    # A date range with no cases.
    assert vista_previa('si canal es WEB entonces etiqueta x', desde='2020-01-01',
                        hasta='2020-12-31') == ([], 0)


@pytest.mark.parametrize('cambios, campo', [
    ({'texto': 'si nada es 1 entonces etiqueta x'}, 'texto'),
    ({'limite': 5000}, 'limite'), ({'limite': 'mucho'}, 'limite'),
    ({'desde': '2026-13-01'}, 'desde'), ({'desde': '2026-05-01', 'hasta': '2026-04-01'}, 'hasta'),
])
def test_vista_previa_rechaza_entradas_malas(config, cambios, campo):
    datos = {'texto': 'si canal es WEB entonces etiqueta x', **cambios}
    with pytest.raises(ErrorValidacion) as error:
        vista_previa(**datos)
    assert campo in error.value.errores
