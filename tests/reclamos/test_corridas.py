"""Sandbox runs in the background: queued -> finished with the same figures as the direct
run, cancellable mid-run without touching live data, a run whose process died shows as
failed, bounded with a message."""
import datetime
import json
import time
from datetime import timedelta

import pytest

from catalogos.configuracion import exportar
from reclamos.laboratorio import ensayo
from reclamos.caso.acciones import Accion
from reclamos.caso.modelo import Reclamo
from reclamos.laboratorio.corridas import (CANCELADA, EN_CURSO, FALLIDA, TERMINADA, CorridaEnsayo,
                               cancelar, iniciar, vigente)
from reclamos.errores import ErrorValidacion
from reclamos.caso.flujo import transicionar
from reclamos.laboratorio.borradores import copiar
from reclamos.plazos.modelo import TerminoCaso
from tests.reclamos.conftest import IP, LUNES

DIA = LUNES.date().isoformat()


@pytest.fixture
def contexto(app):
    with app.app_context():
        yield app


def _foto_viva():
    return (json.dumps(exportar(), sort_keys=True), Reclamo.select().count(),
            Accion.select().count(), TerminoCaso.select().count(),
            json.dumps(list(Reclamo.select().order_by(Reclamo.id).dicts()), default=str))


def _esperar(corrida, hasta=60, mientras=('en_cola', 'en_curso')):
    limite = time.monotonic() + hasta
    while time.monotonic() < limite:
        corrida = vigente(corrida)
        if corrida.estado not in mientras:
            return corrida
        time.sleep(0.05)
    raise AssertionError(f'la corrida sigue {corrida.estado}')


def _sinteticos(registrar_caso, cuantos, cada=timedelta(minutes=1)):
    """``cuantos`` copies of one registered case, arriving ``cada`` apart (bulk insert)."""
    modelo = registrar_caso().__data__
    filas = [{**{k: v for k, v in modelo.items() if k != 'id'},
              'numero': f'S-{i:06d}', 'recibido_en': LUNES.replace(tzinfo=None)
              + cada * i} for i in range(1, cuantos)]
    for i in range(0, len(filas), 500):
        Reclamo.insert_many(filas[i:i + 500]).execute()


def test_corrida_termina_con_las_mismas_cifras(contexto, registrar_caso, actores):
    casos = [registrar_caso(ahora=LUNES + timedelta(minutes=10 * i)) for i in range(3)]
    caso = transicionar(casos[0], 'tomar', actores.agente, IP, casos[0].version, LUNES)
    transicionar(caso, 'terminar', actores.agente, IP, caso.version, LUNES + timedelta(hours=1),
                 respuesta='Resuelto', resultado='fundado')
    # More than a slice (250 cases): the run goes in slices.
    _sinteticos(registrar_caso, 700, timedelta(seconds=30))
    borrador = copiar('En segundo plano', actores.admin)
    antes = _foto_viva()
    corrida = iniciar(borrador, DIA, DIA, actores.admin)
    assert corrida.estado == 'en_cola' and corrida.progreso == 0
    corrida = _esperar(corrida)
    assert corrida.estado == TERMINADA, corrida.error
    assert corrida.progreso == 100 and corrida.terminado_en is not None
    assert corrida.usuario_id == actores.admin.id and corrida.borrador_id == borrador.id
    directo = ensayo.ensayar(borrador, DIA, DIA)
    guardado = corrida.informe()
    assert guardado['periodo'] == directo['periodo']
    assert guardado['borrador']['indicadores']['casos'] == 3 + 700
    # Same seed, same figures: the run in slices with progress gives the direct result.
    assert json.loads(json.dumps({k: v for k, v in directo.items() if k != 'periodo'})) == \
        {k: v for k, v in guardado.items() if k != 'periodo'}
    assert _foto_viva() == antes


def test_cancelar_detiene_una_corrida_larga(contexto, registrar_caso, actores):
    _sinteticos(registrar_caso, 4000)
    borrador = copiar('Larga', actores.admin)
    antes = _foto_viva()
    corrida = iniciar(borrador, DIA, (LUNES + timedelta(days=3)).date().isoformat(),
                      actores.admin)
    # Wait until it is really running (progress reported), then cancel.
    limite = time.monotonic() + 60
    while not (vigente(corrida).estado == EN_CURSO and vigente(corrida).progreso > 0):
        assert time.monotonic() < limite and vigente(corrida).estado in ('en_cola', 'en_curso')
        time.sleep(0.01)
    assert cancelar(corrida)
    corrida = _esperar(corrida)
    assert corrida.estado == CANCELADA
    assert corrida.progreso < 100 and corrida.resultado is None
    assert _foto_viva() == antes
    assert not cancelar(corrida)  # nothing left to cancel


def test_corrida_sin_latido_se_muestra_fallida(contexto, actores, registrar_caso):
    borrador = copiar('Huérfana', actores.admin)
    viejo = datetime.datetime.utcnow() - timedelta(minutes=30)
    huerfana = CorridaEnsayo.create(borrador=borrador.id, desde=LUNES.date(),
                                    hasta=LUNES.date(), estado=EN_CURSO, progreso=40,
                                    latido_en=viejo)
    reciente = CorridaEnsayo.create(borrador=borrador.id, desde=LUNES.date(),
                                    hasta=LUNES.date(), estado=EN_CURSO, progreso=40)
    huerfana = vigente(huerfana)
    assert huerfana.estado == FALLIDA and 'se interrumpió' in huerfana.error
    assert vigente(reciente).estado == EN_CURSO
    # The stale one no longer counts against the limit of runs at once; the live one does.
    registrar_caso()
    CorridaEnsayo.create(borrador=borrador.id, desde=LUNES.date(), hasta=LUNES.date(),
                         estado=EN_CURSO)
    with pytest.raises(ErrorValidacion) as error:
        iniciar(borrador, DIA, DIA, actores.admin)
    assert 'Ya hay 2 simulaciones en curso' in error.value.errores['desde']


@pytest.mark.parametrize('desde, hasta, mensaje', [
    ('2020-01-01', '2020-01-31', 'No hay casos recibidos en ese período'),
    ('2020-01-01', DIA, 'no puede pasar de 1096 días'),
    ('x', DIA, 'Indique la fecha desde'),
])
def test_periodo_malo_no_crea_corrida(contexto, actores, registrar_caso, desde, hasta,
                                      mensaje):
    registrar_caso()
    with pytest.raises(ErrorValidacion) as error:
        iniciar(copiar('B', actores.admin), desde, hasta, actores.admin)
    assert mensaje in ' '.join(error.value.errores.values())
    assert not CorridaEnsayo.select().exists()


def test_demasiados_casos_es_un_mensaje(contexto, actores, registrar_caso, monkeypatch):
    _sinteticos(registrar_caso, 5)
    monkeypatch.setattr(ensayo, 'MAX_CASOS', 3)
    with pytest.raises(ErrorValidacion) as error:
        iniciar(copiar('B', actores.admin), DIA, DIA, actores.admin)
    assert 'El período tiene 5 casos y una simulación admite hasta 3' in \
        error.value.errores['hasta']
    assert not CorridaEnsayo.select().exists()
