"""Routing-rule grammar and evaluation: tables of valid and invalid rules, and properties."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reglas.enrutamiento import (ReglaMalEscrita, analizar, aplicar, clave, contradicciones,
                                 cumple, resultado)

CASO = {'motivo': ('FACT_EXC', 'Facturación excesiva'), 'canal': ('ENTIDAD_CONTROL',
        'Entidad de control'), 'prioridad': ('BAJO', 'Bajo'), 'monto_reclamado': 750,
        'descripcion': 'Me cobraron el CORTE dos veces', 'tipo_de_predio': 'Comercial'}


@pytest.mark.parametrize('texto, cumple_caso, acciones', [
    ('si motivo es "Facturación excesiva" y monto reclamado mayor que 500 entonces prioridad '
     'ALTO y área COBRANZAS', True, (('prioridad', 'ALTO'), ('area', 'COBRANZAS'))),
    ('si canal es "entidad de control" entonces prioridad ALTO', True, (('prioridad', 'ALTO'),)),
    ('SI motivo es FACT_EXC ENTONCES etiqueta urgente.', True, (('etiqueta', 'urgente'),)),
    ('si motivo no es FACT_EXC entonces prioridad ALTO', False, (('prioridad', 'ALTO'),)),
    ('si monto reclamado menor que 500 entonces prioridad ALTO', False, (('prioridad', 'ALTO'),)),
    ('si monto reclamado entre 700 y 800 entonces asignar a ana@empresa.pe', True,
     (('asignar', 'ana@empresa.pe'),)),
    ('si monto reclamado entre 800 y 900 entonces proceso P1', False, (('proceso', 'P1'),)),
    ('si descripción contiene "corte" entonces área SOPORTE', True, (('area', 'SOPORTE'),)),
    ('si canal está en ("Web", "Entidad de control") entonces prioridad ALTO', True,
     (('prioridad', 'ALTO'),)),
    ('si canal esta en Web, Chat entonces prioridad ALTO', False, (('prioridad', 'ALTO'),)),
    ('si tipo de predio es comercial o monto reclamado mayor que 1000 entonces etiqueta X, '
     'etiqueta Z', True, (('etiqueta', 'X'), ('etiqueta', 'Z'))),
    ('si (canal es Web o canal es Chat) y prioridad es BAJO entonces prioridad MEDIO', False,
     (('prioridad', 'MEDIO'),)),
    ('si campo inexistente es 3 entonces prioridad ALTO', False, (('prioridad', 'ALTO'),)),
    ('si campo inexistente no es 3 entonces prioridad ALTO', True, (('prioridad', 'ALTO'),)),
])
def test_reglas_validas(texto, cumple_caso, acciones):
    regla = analizar(texto)
    assert regla.acciones == acciones
    assert cumple(regla.condicion, CASO) is cumple_caso


@pytest.mark.parametrize('texto, linea, columna, palabra, esperado', [
    ('si motivo es entonces prioridad ALTO', 1, 14, 'entonces', 'un texto entre comillas'),
    ('si motivo es X entonces color rojo', 1, 25, 'color', 'prioridad'),
    ('motivo es X entonces prioridad ALTO', 1, 1, 'motivo', 'si'),
    ('si motivo = X entonces prioridad ALTO', 1, 11, '=', 'es'),
    ('si motivo es X\ny canal es\nentonces área A', 3, 1, 'entonces', 'un nombre'),
    ('si monto mayor 5 entonces prioridad ALTO', 1, 16, '5', 'que'),
    ('si monto entre 1 entonces prioridad ALTO', 1, 18, 'entonces', 'y'),
])
def test_reglas_mal_escritas_senalan_la_palabra(texto, linea, columna, palabra, esperado):
    with pytest.raises(ReglaMalEscrita) as error:
        analizar(texto)
    assert (error.value.linea, error.value.columna, error.value.palabra) == (linea, columna,
                                                                             palabra)
    assert esperado in error.value.esperados
    assert f'«{palabra}»' in str(error.value) and f'columna {columna}' in str(error.value)


@pytest.mark.parametrize('texto', ['si motivo es X', 'si motivo es X entonces prioridad', '',
                                   '   ', 'si ' + 'a es b y ' * 200 + 'c es d entonces etiqueta x'])
def test_reglas_incompletas_o_enormes(texto):
    with pytest.raises(ReglaMalEscrita) as error:
        analizar(texto)
    assert str(error.value)


def test_la_regla_posterior_ve_lo_que_fijo_la_anterior_y_gana():
    reglas = [analizar('si canal es "entidad de control" entonces prioridad ALTO'),
              analizar('si prioridad es ALTO entonces área COBRANZAS'),
              analizar('si canal es ENTIDAD_CONTROL entonces prioridad MEDIO y etiqueta x')]
    assert [i for i, _ in aplicar(reglas, CASO)] == [0, 1, 2]
    assert resultado(reglas, CASO) == {'prioridad': 'MEDIO', 'area': 'COBRANZAS',
                                       'etiqueta': ['x']}


def test_contradicciones_dicen_cual_gana():
    a = analizar('si canal es "Entidad de control" entonces prioridad ALTO')
    b = analizar('SI canal ES "entidad de   control" ENTONCES prioridad BAJO y etiqueta z')
    c = analizar('si canal es Web entonces prioridad BAJO')
    assert contradicciones([('a', a), ('b', b), ('c', c)]) == [
        ('prioridad', 'a', 'b', 'ALTO', 'BAJO')]


palabras = st.text(alphabet='abcdefghijklmnñopqrstuvwxyzáé', min_size=1, max_size=8).filter(
    lambda p: p not in {'si', 'entonces', 'y', 'o', 'es', 'no', 'contiene', 'mayor', 'menor',
                        'entre', 'esta', 'está', 'en'})


@given(campo=palabras, valor=st.text(alphabet='abcXYZ 123áñ-', min_size=1, max_size=20)
       .filter(lambda v: v.strip()), numero=st.integers(-10**6, 10**6))
def test_texto_entre_comillas_y_numeros_se_leen_tal_cual(campo, valor, numero):
    regla = analizar(f'si {campo} es "{valor}" o {campo} mayor que {numero} entonces '
                     f'etiqueta "{valor}"')
    assert regla.acciones == (('etiqueta', valor),)
    assert cumple(regla.condicion, {clave(campo): valor.upper()})
    assert cumple(regla.condicion, {clave(campo): numero + 1})
    assert not cumple(regla.condicion, {clave(campo): numero}) or str(numero) == valor.strip()


@given(st.text(max_size=80))
def test_cualquier_texto_o_se_entiende_o_da_un_mensaje(texto):
    try:
        analizar(texto)
    except ReglaMalEscrita as error:
        assert str(error)
