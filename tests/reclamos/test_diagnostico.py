"""Diagnosis: the resolved cases most like a new one, by the database's full-text index, on a
fixed corpus (SQLite FTS5 bm25 and PostgreSQL ts_rank give the same top results)."""
from datetime import timedelta

from reclamos.laboratorio.diagnostico import similares_resueltos
from reclamos.caso.duplicados import posibles_duplicados
from reclamos.caso.flujo import transicionar
from reglas.busqueda import terminos_busqueda
from tests.reclamos.conftest import IP, LUNES

CORPUS = [  # (description, resolution or None = still open, motive)
    ('El módem muestra la luz roja y no hay internet en toda la casa.',
     'Se reinició el puerto de la OLT; el módem volvió a verde.', 'SIN_SERVICIO'),
    ('Luz roja en el router, me quedé sin conexión desde anoche.',
     'Técnico cambió el conector de fibra.', 'SIN_SERVICIO'),
    ('La fibra fue cortada por obras municipales en la avenida.',
     'Se empalmó la fibra.', 'SIN_SERVICIO'),
    ('Me cobraron dos veces el recibo de octubre.', 'Se anuló el cobro duplicado.',
     'SIN_SERVICIO'),
    ('El módem muestra luz roja parpadeante, nada funciona.', None, 'SIN_SERVICIO'),
    ('La velocidad es muy lenta por las noches.', 'Se cambió el plan de canales Wi-Fi.',
     'LENTITUD'),
]


def _resolver(caso, agente, respuesta):
    caso = transicionar(caso, 'tomar', agente, IP, caso.version, LUNES)
    return transicionar(caso, 'terminar', agente, IP, caso.version, LUNES,
                        respuesta=respuesta, resultado='fundado')


def _corpus(registrar_caso, actores):
    casos = []
    for descripcion, respuesta, motivo in CORPUS:
        extra = {'motivo': motivo, 'campos': {'velocidad_medida': 3}} \
            if motivo == 'LENTITUD' else {}
        caso = registrar_caso(descripcion=descripcion, **extra)
        if respuesta:
            agente = actores.agente_soporte if motivo == 'LENTITUD' else actores.agente
            caso = _resolver(caso, agente, respuesta)
        casos.append(caso)
    return casos


def test_terminos_de_busqueda():
    assert terminos_busqueda('El MÓDEM muestra la luz roja, desde ayer: 123') == [
        'muestra', 'modem', 'roja', 'luz']
    assert terminos_busqueda('de la el y o 12') == []
    assert terminos_busqueda("x\" OR 1=1; DROP TABLE -- ") == ['table', 'drop']


def test_cinco_resueltos_mas_parecidos(registrar_caso, actores):
    casos = _corpus(registrar_caso, actores)
    nuevo = registrar_caso(descripcion='Mi módem tiene la luz roja encendida.')
    similares = similares_resueltos(nuevo)
    numeros = [c.numero for c in similares]
    # Open cases and the case itself never appear; the closest texts come first.
    assert numeros[:2] == [casos[0].numero, casos[1].numero]
    assert set(numeros[2:]) == {casos[2].numero, casos[3].numero}  # share only the motive
    assert casos[4].numero not in numeros and nuevo.numero not in numeros
    assert similares[0].respuesta.startswith('Se reinició el puerto')


def test_el_indice_sigue_los_cambios_y_respeta_el_limite(registrar_caso, actores):
    casos = _corpus(registrar_caso, actores)
    nuevo = registrar_caso(descripcion='La velocidad baja mucho por las noches.',
                           motivo='LENTITUD', campos={'velocidad_medida': 2})
    assert similares_resueltos(nuevo, limite=1) == [casos[5]]
    assert similares_resueltos(nuevo, visible=lambda caso: False) == []
    # Nothing in common: empty, not an error.
    solo_vacias = registrar_caso(descripcion='de la el y o por para')
    assert [c.numero for c in similares_resueltos(solo_vacias)] == [
        c.numero for c in similares_resueltos(solo_vacias)]


def test_duplicados_usan_el_indice(registrar_caso, actores):
    casos = _corpus(registrar_caso, actores)
    parecido = 'El modem muestra la luz roja y no hay internet en toda la casa'
    hallados = posibles_duplicados(None, casos[0].motivo, parecido, LUNES + timedelta(days=1))
    assert [(d.reclamo.numero, d.razon) for d in hallados] == [
        (casos[0].numero, 'descripcion_similar')]
