"""First run: the setup page (one-time code from the server log, only while no user exists)
and the checklist of what is left."""
import logging

import pytest

from tests.conftest import token_csrf


def codigo_del_registro(caplog):
    registros = [r for r in caplog.records if r.name == 'reclamos.instalacion']
    assert registros, 'el servidor no escribió el código en su registro'
    return registros[-1].args[0]


def _datos(codigo, **cambios):
    return {'codigo': codigo, 'nombre': 'Ana Admin', 'email': 'ana@empresa.pe',
            'contrasena': 'una-clave-larga-1', 'contrasena2': 'una-clave-larga-1', **cambios}


def test_base_vacia_lleva_a_instalar(client):
    for ruta in ('/', '/admin/'):
        respuesta = client.get(ruta)
        assert respuesta.status_code == 302 and respuesta.location.endswith('/instalar'), ruta


def test_crea_el_primer_admin_solo_con_el_codigo(client, caplog):
    from catalogos.usuarios import Usuario

    caplog.set_level(logging.WARNING, logger='reclamos.instalacion')
    pagina = client.get('/instalar').get_data(as_text=True)
    codigo = codigo_del_registro(caplog)
    csrf = token_csrf(pagina)
    malo = client.post('/instalar', data={**_datos('00000000'), 'csrf_token': csrf})
    assert malo.status_code == 400
    assert 'El código no coincide' in malo.get_data(as_text=True)
    corta = client.post('/instalar', data={**_datos(codigo, contrasena='corta',
                                                    contrasena2='corta'), 'csrf_token': csrf})
    assert corta.status_code == 400 and not Usuario.select().exists()
    distinta = client.post('/instalar', data={**_datos(codigo, contrasena2='otra-clave-larga'),
                                              'csrf_token': csrf})
    assert 'no coinciden' in distinta.get_data(as_text=True)
    assert not Usuario.select().exists()
    bien = client.post('/instalar', data={**_datos(codigo.lower()), 'csrf_token': csrf})
    assert bien.status_code == 302 and bien.location.endswith('/admin/primeros-pasos/')
    admin = Usuario.get()
    assert admin.email == 'ana@empresa.pe' and admin.nombres_roles() == {'admin'}
    pasos = client.get('/admin/primeros-pasos/').get_data(as_text=True)
    assert '0 de 6 listos' in pasos and pasos.count('Pendiente') == 6


def test_con_usuarios_instalar_ya_no_existe(client, crear_usuario, caplog):
    from catalogos.usuarios import Usuario

    crear_usuario('agente')
    caplog.set_level(logging.WARNING, logger='reclamos.instalacion')
    respuesta = client.get('/instalar')
    assert respuesta.status_code == 302 and '/instalar' not in respuesta.location
    assert not [r for r in caplog.records if r.name == 'reclamos.instalacion']
    client.post('/instalar', data=_datos('X'))
    assert Usuario.select().count() == 1


@pytest.mark.parametrize('rol', ['supervisor', 'agente', 'gerente'])
def test_primeros_pasos_solo_admin(client, como, rol):
    como(rol)
    assert client.get('/admin/primeros-pasos/').status_code == 403
    assert client.get('/admin/empresa/').status_code == 403
