"""The duplicate warning before registering."""
from datetime import timedelta

from reclamos.caso.duplicados import posibles_duplicados
from reclamos.caso.flujo import transicionar
from tests.reclamos.conftest import IP, LUNES

TEXTO = 'No tengo internet desde ayer; el módem muestra la luz roja.'
OTRA_PERSONA = {'tipo_documento_identidad': 'DNI', 'numero_documento': '40112233',
                'nombre': 'Jorge Mamani'}


def test_mismo_cliente_y_motivo_abierto(registrar_caso):
    caso = registrar_caso()
    hallados = posibles_duplicados(caso.cliente, caso.motivo, 'Otro texto cualquiera', LUNES)
    assert [(d.reclamo, d.razon) for d in hallados] == [(caso, 'mismo_cliente_y_motivo')]


def test_descripcion_parecida_de_otro_cliente(registrar_caso):
    caso = registrar_caso(cliente=OTRA_PERSONA)
    parecido = 'no tengo Internet desde ayer, el modem muestra la luz roja'
    hallados = posibles_duplicados(None, caso.motivo, parecido, LUNES + timedelta(days=2))
    assert [(d.reclamo, d.razon) for d in hallados] == [(caso, 'descripcion_similar')]
    assert hallados[0].similitud >= 0.85
    assert posibles_duplicados(None, caso.motivo, 'Quiero cambiar de plan a uno mayor.',
                               LUNES) == []


def test_fuera_de_ventana_o_anulado_no_cuenta(registrar_caso, actores):
    caso = registrar_caso(cliente=OTRA_PERSONA)
    assert posibles_duplicados(None, caso.motivo, TEXTO, LUNES + timedelta(days=31)) == []
    transicionar(caso, 'anular', actores.supervisor, IP, 1, LUNES, motivo='Error de registro')
    assert posibles_duplicados(caso.cliente, caso.motivo, TEXTO, LUNES) == []


def test_cerrado_no_es_duplicado_del_mismo_motivo(registrar_caso, actores):
    caso = registrar_caso()
    for accion, datos in [('tomar', {}),
                          ('terminar', {'respuesta': 'Listo', 'resultado': 'fundado'}),
                          ('cerrar', {'calificacion': 5})]:
        caso = transicionar(caso, accion, actores.agente, IP, caso.version, LUNES, **datos)
    hallados = posibles_duplicados(caso.cliente, caso.motivo, 'Texto distinto', LUNES)
    assert hallados == []
