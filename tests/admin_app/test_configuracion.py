"""Configuration export -> import -> export, and hostile import files."""
import copy
import json

import pytest

from catalogos.configuracion import ErrorImportacion, exportar, importar
from tests.conftest import _vaciar


def test_ida_y_vuelta_identica(app, demo):
    primera = exportar()
    assert len(primera['catalogos']['motivos']) == 8
    _vaciar()
    assert exportar()['catalogos']['motivos'] == []
    importar(primera)
    assert exportar() == primera


def test_importar_dos_veces_no_duplica(app, demo):
    from catalogos.servicios import CampoPersonalizado, Motivo

    antes = (Motivo.select().count(), CampoPersonalizado.select().count())
    importar(exportar())
    assert (Motivo.select().count(), CampoPersonalizado.select().count()) == antes


def test_importar_actualiza_por_codigo(app, demo):
    from catalogos.organizacion import Area

    datos = exportar()
    datos['catalogos']['areas'][0]['nombre'] = 'Nombre nuevo'
    codigo = datos['catalogos']['areas'][0]['codigo']
    importar(datos)
    assert Area.get(Area.codigo == codigo).nombre == 'Nombre nuevo'


def _romper(datos, clave, indice, **cambios):
    roto = copy.deepcopy(datos)
    roto['catalogos'][clave][indice].update(cambios)
    return roto


@pytest.mark.parametrize('clave, cambios, mensaje', [
    ('prioridades', {'cantidad': 0}, 'debe ser mayor que cero'),
    ('prioridades', {'unidad': 'semanas'}, 'Unidad desconocida: «semanas»'),
    ('calendarios', {'zona': 'America/Atlantida'}, 'no existe'),
    ('areas', {'nombre': ''}, 'El nombre es obligatorio'),
    ('motivos', {'servicio': 'NO_EXISTE'}, 'hace referencia al código «NO_EXISTE»'),
    ('motivos', {'producto': 'LINEA_FIJA'}, 'no pertenece al servicio'),
    ('motivos', {'cantidad': 3}, 'campo desconocido «cantidad»'),
    ('prioridades', {'cantidad': 'diez'}, "valor inválido para «cantidad»: 'diez'"),
])
def test_archivo_malo_no_importa_nada(app, demo, clave, cambios, mensaje):
    datos = _romper(exportar(), clave, -1, **cambios)
    datos['catalogos']['servicios'].append({'codigo': 'NUEVO', 'nombre': 'Nuevo', 'activo': True,
                                            'descripcion': ''})
    antes = exportar()
    with pytest.raises(ErrorImportacion) as error:
        importar(datos)
    assert mensaje in str(error.value)
    assert f'{clave} #' in str(error.value)  # the offending entry is named
    assert exportar() == antes  # nothing imported, not even the valid new service


def test_campo_opcion_sin_opciones_en_importacion(app, demo):
    datos = exportar()
    motivo = next(m for m in datos['catalogos']['motivos']
                  if m['codigo'] == 'CONSUMO_EXCESIVO_AGUA')
    next(c for c in motivo['campos'] if c['tipo'] == 'opcion')['opciones'] = ''
    with pytest.raises(ErrorImportacion, match='necesita al menos una opción'):
        importar(datos)


@pytest.mark.parametrize('datos', [
    [], {'formato': 'otro'}, {'formato': 'reclamos-configuracion', 'version': 99},
    {'formato': 'reclamos-configuracion', 'version': 1, 'catalogos': {'planetas': []}},
    {'formato': 'reclamos-configuracion', 'version': 1, 'catalogos': {'areas': {}}},
    {'formato': 'reclamos-configuracion', 'version': 1, 'catalogos': {'areas': ['texto']}},
])
def test_estructura_invalida(app, datos):
    with pytest.raises(ErrorImportacion):
        importar(datos)


def test_comandos_exportar_e_importar(app, demo, runner, tmp_path):
    archivo = tmp_path / 'config.json'
    resultado = runner.invoke(args=['exportar-config', str(archivo)])
    assert resultado.exit_code == 0, resultado.output
    exportado = json.loads(archivo.read_text(encoding='utf-8'))
    _vaciar()
    resultado = runner.invoke(args=['importar-config', str(archivo)])
    assert resultado.exit_code == 0, resultado.output
    assert 'Importados' in resultado.output
    assert 'Usuarios nuevos, sin contraseña' in resultado.output  # users travel, passwords not
    assert exportar(completa=True) == exportado


def test_comando_importar_rechaza_archivo_malo(app, runner, tmp_path):
    archivo = tmp_path / 'malo.json'
    archivo.write_text('{"formato": "reclamos-configuracion", "version": 1, "catalogos": '
                       '{"areas": [{"codigo": "A", "nombre": ""}]}}', encoding='utf-8')
    resultado = runner.invoke(args=['importar-config', str(archivo)])
    assert resultado.exit_code == 2
    assert "areas #1 (código 'A')" in resultado.output
    assert 'No se importó nada' in resultado.output
    archivo.write_text('{ no es json', encoding='utf-8')
    resultado = runner.invoke(args=['importar-config', str(archivo)])
    assert resultado.exit_code == 2 and 'no es JSON válido' in resultado.output
