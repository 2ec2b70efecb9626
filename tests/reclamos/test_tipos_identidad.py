"""The identity document catalog decides which types a customer may have and how each number
is checked: the rule table over generated numbers, inactive types, the country's order."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogos.empresa import Empresa, tipos_identidad
from catalogos.identidad import TipoIdentidad
from reclamos.clientes.importacion import leer
from reclamos.clientes.modelo import Cliente, errores_cliente
from reglas.identidad import digito_nit, digito_ruc

SIN_FIXTURE = settings(max_examples=40, deadline=None,
                       suppress_health_check=[HealthCheck.function_scoped_fixture])
PREFIJOS = st.sampled_from(['10', '15', '16', '17', '20'])
OCHO = st.text(alphabet='0123456789', min_size=8, max_size=8)


def _numero(tipo, numero):
    return errores_cliente(tipo, numero, 'Ana').get('numero_documento')


@SIN_FIXTURE
@given(PREFIJOS, OCHO, st.integers(1, 9))
def test_ruc_del_catalogo_acepta_su_digito_y_rechaza_otro(app, prefijo, resto, salto):
    primeros = prefijo + resto
    bueno = digito_ruc(primeros)
    assert _numero('RUC', primeros + str(bueno)) is None
    mensaje = _numero('RUC', primeros + str((bueno + salto) % 10))
    assert mensaje.startswith('Número de documento (RUC (Perú)):')
    assert f'dígito de verificación del RUC {primeros} es {bueno}' in mensaje


@SIN_FIXTURE
@given(st.text(alphabet='0123456789', min_size=5, max_size=15), st.integers(1, 9))
def test_nit_del_catalogo_acepta_su_digito_y_rechaza_otro(app, base, salto):
    bueno = digito_nit(base)
    assert _numero('NIT', f'{base}-{bueno}') is None
    assert _numero('NIT', f'{base}{bueno}') is None
    assert 'dígito de verificación del NIT' in _numero('NIT', f'{base}{(bueno + salto) % 10}')


@SIN_FIXTURE
@given(st.text(alphabet='0123456789', min_size=1, max_size=12))
def test_dni_solo_con_ocho_digitos(app, numero):
    assert (_numero('DNI', numero) is None) == (len(numero) == 8)


@pytest.mark.parametrize('tipo, numero, bien', [
    ('CC', '1020304050', True), ('CC', '12', False), ('CC', '12345678901', False),
    ('CE', 'x1234567', True), ('CE', 'ab', False), ('PAS', 'AB123456', True),
    ('PAS', '1234', False), ('DNI', '4578 1236', True), ('NIT', '900.123.456-8', True),
])
def test_tabla_de_formatos(app, tipo, numero, bien):
    assert (_numero(tipo, numero) is None) == bien


def test_tipo_inactivo_o_desconocido_se_rechaza(app):
    TipoIdentidad.update(activo=False).where(TipoIdentidad.codigo == 'PAS').execute()
    for tipo in ('PAS', 'XX', ''):
        errores = errores_cliente(tipo, 'AB123456', 'Ana')
        assert 'tipo_documento_identidad' in errores
        assert 'PAS' not in errores['tipo_documento_identidad'].split('Use uno de:')[1]
    assert ('PAS', 'Pasaporte') not in tipos_identidad()


def test_un_tipo_nuevo_del_catalogo_valida_con_su_regla(app):
    TipoIdentidad.create(codigo='CD', nombre='Carné diplomático', pais='PE', regla='pas',
                         orden=9)
    assert errores_cliente('CD', 'D12345', 'Ana') == {}
    assert 'Carné diplomático' in errores_cliente('CD', '12', 'Ana')['numero_documento']


def test_el_pais_de_la_empresa_va_primero(app):
    Empresa.create(nombre='Acueducto', pais='CO')
    codigos = [c for c, _ in tipos_identidad()]
    assert codigos[:2] == ['CC', 'NIT'] and codigos[-2:] == ['DNI', 'RUC']
    Empresa.update(pais='PE').execute()
    assert [c for c, _ in tipos_identidad()][:2] == ['DNI', 'RUC']


def test_el_catalogo_rechaza_codigo_largo_y_regla_desconocida(app):
    errores = TipoIdentidad(codigo='LARGO', nombre='X', pais='XX', regla='magia').errores()
    assert set(errores) == {'codigo', 'pais', 'regla'}


def test_importacion_csv_con_ruc_de_digito_malo_no_guarda_nada(app):
    texto = ('tipo_documento_identidad;numero_documento;nombre\n'
             'RUC;20123456786;Andina SAC\nRUC;20123456789;Otra SAC\n')
    antes = Cliente.select().count()
    _, errores = leer(texto.encode())
    assert any(e[1] == 'numero_documento' and 'RUC' in e[2] for e in errores), errores
    assert Cliente.select().count() == antes


def test_la_configuracion_exporta_e_importa_los_tipos(app):
    from catalogos.configuracion import exportar, importar

    datos = exportar()
    filas = {f['codigo']: f for f in datos['catalogos']['tipos_identidad']}
    assert filas['RUC']['regla'] == 'ruc' and filas['CC']['pais'] == 'CO'
    filas['PAS']['activo'] = False
    filas['CD'] = {**filas['PAS'], 'codigo': 'CD', 'nombre': 'Carné diplomático'}
    datos['catalogos']['tipos_identidad'] = list(filas.values())
    importar(datos)
    assert not TipoIdentidad.get(TipoIdentidad.codigo == 'PAS').activo
    assert TipoIdentidad.get(TipoIdentidad.codigo == 'CD').regla == 'pas'
