"""Custom field values by type and required-ness; the duplicate text similarity."""
import pytest

from reglas.campos import DefinicionCampo, validar_campos
from reglas.duplicados import es_similar, normalizar, similitud

DEFINICIONES = [
    DefinicionCampo('suministro', 'Número de suministro', 'texto', True),
    DefinicionCampo('lectura', 'Lectura', 'numero'),
    DefinicionCampo('fecha', 'Fecha de lectura', 'fecha'),
    DefinicionCampo('predio', 'Tipo de predio', 'opcion', True, ('Doméstico', 'Comercial')),
    DefinicionCampo('inspeccion', 'Solicita inspección', 'booleano'),
]


@pytest.mark.parametrize('valores, limpios', [
    ({'suministro': ' S-1 ', 'predio': 'comercial'}, {'suministro': 'S-1',
                                                      'predio': 'Comercial'}),
    ({'suministro': 123, 'predio': 'Doméstico', 'lectura': '12,5', 'fecha': '2026-02-01',
      'inspeccion': 'sí'}, {'suministro': '123', 'predio': 'Doméstico', 'lectura': 12.5,
                            'fecha': '2026-02-01', 'inspeccion': True}),
    ({'suministro': 'S', 'predio': 'Comercial', 'lectura': 7, 'inspeccion': False,
      'fecha': ''}, {'suministro': 'S', 'predio': 'Comercial', 'lectura': 7,
                     'inspeccion': False}),
])
def test_valores_validos(valores, limpios):
    assert validar_campos(DEFINICIONES, valores) == (limpios, {})


@pytest.mark.parametrize('valores, clave, mensaje', [
    ({'predio': 'Comercial'}, 'campos.suministro', '«Número de suministro» es obligatorio.'),
    ({'suministro': '  ', 'predio': 'Comercial'}, 'campos.suministro', 'obligatorio'),
    ({'suministro': 'S', 'predio': 'Rural'}, 'campos.predio', 'no es una de las opciones'),
    ({'suministro': 'S', 'predio': 'Comercial', 'lectura': 'mucho'}, 'campos.lectura',
     'no es un número'),
    ({'suministro': 'S', 'predio': 'Comercial', 'lectura': True}, 'campos.lectura',
     'se esperaba un número'),
    ({'suministro': 'S', 'predio': 'Comercial', 'lectura': 'nan'}, 'campos.lectura',
     'no es un número'),
    ({'suministro': 'S', 'predio': 'Comercial', 'fecha': '31/02/2026'}, 'campos.fecha',
     'no existe'),
    ({'suministro': 'S', 'predio': 'Comercial', 'inspeccion': 'quizás'}, 'campos.inspeccion',
     'se esperaba sí o no'),
    ({'suministro': ['S'], 'predio': 'Comercial'}, 'campos.suministro', 'se esperaba un texto'),
    ({'suministro': 'S', 'predio': 'Comercial', 'otro': 1}, 'campos', 'Campo desconocido'),
    (['S'], 'campos', 'objeto'),
])
def test_valores_malos(valores, clave, mensaje):
    _, errores = validar_campos(DEFINICIONES, valores)
    assert mensaje in errores[clave]


def test_similitud():
    assert normalizar('  Sin  SERVICIO  desde Ayer ') == 'sin servicio desde ayer'
    assert es_similar('No tengo internet desde ayer', 'no tengo Internet desde ayer.')
    assert not es_similar('No tengo internet desde ayer', 'Quiero cambiar de plan')
    assert similitud('', 'algo') == 0.0 and not es_similar('', '')
