"""The routing-rule screens: the catalog form refuses bad rules with the position, warns about
contradictions, and the preview lists the past cases a rule matches; admins only."""
import html

import pytest

from catalogos.enrutamiento import ReglaEnrutamiento
from tests.vistas.test_formularios_catalogos import enviar, texto

NUEVA = '/admin/reglas_enrutamiento/new/'


def test_regla_mal_escrita_senala_la_palabra(client, como, demo):
    como('admin')
    respuesta = enviar(client, NUEVA, {'orden': '10', 'codigo': 'R1', 'nombre': 'Mala',
                                       'texto': 'si canal es WEB entonces color rojo',
                                       'activo': 'y'})
    pagina = html.unescape(texto(respuesta))
    assert respuesta.status_code == 200
    assert 'columna 26: no se entiende «color»' in pagina and '«prioridad»' in pagina
    assert not ReglaEnrutamiento.select().exists()


def test_regla_sobre_campo_inexistente_se_rechaza(client, como, demo):
    como('admin')
    respuesta = enviar(client, NUEVA, {'orden': '10', 'codigo': 'R1', 'nombre': 'Mala',
                                       'texto': 'si color es rojo entonces prioridad ALTO'})
    assert 'El campo «color» no existe' in html.unescape(texto(respuesta))
    assert not ReglaEnrutamiento.select().exists()


def test_regla_contradictoria_se_guarda_con_aviso(client, como, demo):
    como('admin')
    datos = {'orden': '10', 'codigo': 'R1', 'nombre': 'Primera', 'activo': 'y',
             'texto': 'si canal es "Entidad de control" entonces prioridad ALTO'}
    assert enviar(client, NUEVA, datos).status_code == 302
    datos.update(orden='20', codigo='R2', nombre='Segunda',
                 texto='si canal es ENTIDAD_CONTROL entonces prioridad BAJO')
    respuesta = enviar(client, NUEVA, datos)
    assert respuesta.status_code == 302
    pagina = html.unescape(texto(client.get(respuesta.headers['Location'])))
    assert 'gana «Segunda», que se aplica después' in pagina
    assert ReglaEnrutamiento.select().count() == 2


def test_vista_previa_lista_los_casos(client, como, demo):
    como('admin')
    respuesta = client.get('/admin/reglas/prueba/', query_string={
        'texto': 'si canal es "Centro de atención virtual" entonces etiqueta web',
        'limite': 500})
    pagina = html.unescape(texto(respuesta))
    assert respuesta.status_code == 200
    from catalogos.atencion import Canal
    from reclamos.caso.modelo import Reclamo
    web = Reclamo.select().join(Canal).where(Canal.codigo == 'WEB').count()
    assert web > 0
    assert f'{web} de 40 casos revisados cumplen la regla' in pagina


def test_vista_previa_de_una_regla_mal_escrita(client, como, demo):
    como('admin')
    respuesta = client.get('/admin/reglas/prueba/', query_string={
        'texto': 'si canal es entonces etiqueta web', 'limite': 'x'})
    pagina = html.unescape(texto(respuesta))
    assert respuesta.status_code == 200
    assert 'columna 13: no se entiende «entonces»' in pagina
    assert 'Revise entre 1 y 1000 casos' in pagina


@pytest.mark.parametrize('rol', ['supervisor', 'agente', 'gerente'])
def test_solo_admin_prueba_y_escribe_reglas(client, como, rol):
    como(rol)
    assert client.get('/admin/reglas/prueba/').status_code == 403
    assert client.get(NUEVA).status_code == 403


def test_la_ficha_muestra_etiquetas_y_la_regla_aplicada(client, como, demo, crear_usuario):
    from catalogos.organizacion import Area
    from tests.apoyo.casos import crear_caso

    ReglaEnrutamiento.create(codigo='CORTE', nombre='Cortes', orden=10,
                             texto='si motivo es CORTE_ENERGIA entonces etiqueta cuadrilla')
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    caso = crear_caso(registrador, motivo='CORTE_ENERGIA')
    como('admin')
    pagina = html.unescape(texto(client.get(f'/casos/{caso.numero}')))
    assert 'cuadrilla</span>' in pagina
    assert 'Regla de enrutamiento' in pagina and 'Regla «Cortes» (orden 10): etiqueta cuadrilla.' \
        in pagina
