"""Issue 15, F1/F3: every id a form or the API takes is looked up inside the case of the URL.

A supervisor of SOPORTE_TECNICO works case A (their area) and posts, for every operation that
takes an id, first an id of case B (MONITOREO, which they may not open) and then an id that
does not exist: both answers must be the same (status and visible text) and name nothing of B.
"""
import io
import re

import pytest

from catalogos.organizacion import Area
from reclamos.caso.documentos import Documento, adjuntar
from reclamos.caso.lineas import LineaReclamo, agregar_linea
from reclamos.caso.almacen import de_config
from reclamos.caso.modelo import Reclamo
from reclamos.plazos.modelo import TerminoCaso
from tests.apoyo.api import ClienteApi, pedir_token
from tests.apoyo.casos import crear_caso

NO_EXISTE = '987654'


def _csrf(html):
    return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html).group(1)


def _visible(html):
    """The page without what changes per request (tokens, nonces)."""
    html = re.sub(r'value="[^"]{40,}"', 'value=""', html)
    return re.sub(r'nonce="[^"]*"', '', html)


@pytest.fixture
def escena(app, demo, crear_usuario):
    soporte = Area.get(Area.codigo == 'SOPORTE_TECNICO')
    monitoreo = Area.get(Area.codigo == 'MONITOREO')
    ajeno = crear_usuario('agente', area=monitoreo, nombre='Agente Ajeno')
    propio = crear_caso(crear_usuario('agente', area=soporte), motivo='LENTITUD')
    otro = crear_caso(ajeno, motivo='CORTE_ENERGIA', documento_tipo='FACTURA',
                      documento_numero='F001-000999',
                      cliente={'tipo_documento_identidad': 'DNI', 'numero_documento': '70707070',
                               'nombre': 'Cliente Secreto', 'email': 'secreto@correo.pe'})
    linea = agregar_linea(otro, 'Cargo secreto', '10', ajeno, '127.0.0.1', otro.version)
    otro = Reclamo.get_by_id(otro.id)
    documento = adjuntar(otro, 'recibido', ajeno, '127.0.0.1', de_config(app.config), 10_000,
                         flujo=io.BytesIO(b'%PDF-1.4 secreto'), nombre='secreto.pdf')
    return {'propio': propio, 'otro': Reclamo.get_by_id(otro.id), 'ajeno': ajeno,
            'linea': linea, 'documento': documento, 'soporte': soporte,
            'termino': TerminoCaso.select().where(TerminoCaso.reclamo == otro.id).first()}


def _formularios(e):
    """(acción, campo, id of case B or of its scope, extra fields) for every id-taking form."""
    extra_linea = {'motivo': 'x', 'monto_aprobado': '1'}
    filas = [('prorrogar', 'termino', e['termino'].id, {'cantidad': '1', 'motivo': 'x'}),
             ('reasignar', 'usuario', e['ajeno'].id, {}),
             ('anular', 'duplicado_de', e['otro'].numero, {'motivo': 'Duplicado'})]
    filas += [(a, 'linea', e['linea'].id, extra_linea)
              for a in ('enviar_linea', 'aprobar_linea', 'rechazar_linea', 'devolver_linea',
                        'cancelar_linea')]
    return filas


def _secretos(e):
    return (e['otro'].numero, 'secreto@correo.pe', 'Cliente Secreto', 'Agente Ajeno',
            'Cargo secreto', 'secreto.pdf')


def _postear(client, reclamo, accion, datos, version=None):
    html = client.get(f'/casos/{reclamo.numero}').get_data(as_text=True)
    version = version or re.search(r'name="version" value="(\d+)"', html).group(1)
    return client.post(f'/casos/{reclamo.numero}/accion', data={
        'accion': accion, 'version': version, 'csrf_token': _csrf(html), **datos})


def test_formularios_con_ids_de_otro_caso_responden_como_inexistentes(client, como, escena):
    como('supervisor', area=escena['soporte'])
    propio = escena['propio']
    for accion, campo, ajeno, extra in _formularios(escena):
        version_antes = Reclamo.get_by_id(escena['otro'].id).version
        con_ajeno = _postear(client, propio, accion, {**extra, campo: str(ajeno)})
        nada = f'2026-{NO_EXISTE}' if campo == 'duplicado_de' else NO_EXISTE
        con_nada = _postear(client, propio, accion, {**extra, campo: nada})
        assert con_ajeno.status_code == con_nada.status_code, accion
        assert con_ajeno.status_code in (400, 404), (accion, con_ajeno.status_code)
        texto = con_ajeno.get_data(as_text=True).replace(escena['otro'].numero, nada)
        assert _visible(texto) == _visible(con_nada.get_data(as_text=True)), accion
        for secreto in _secretos(escena):
            assert secreto not in texto, (accion, secreto)
        # Nothing of case B moved.
        assert Reclamo.get_by_id(escena['otro'].id).version == version_antes, accion


def test_prorroga_con_version_vieja_no_muestra_el_otro_caso(client, como, escena):
    """The reported leak: a foreign term with a stale version answered 409 with B's log."""
    como('supervisor', area=escena['soporte'])
    respuesta = _postear(client, escena['propio'], 'prorrogar',
                         {'termino': str(escena['termino'].id), 'cantidad': '1',
                          'motivo': 'x'}, version='1')
    texto = respuesta.get_data(as_text=True)
    for secreto in _secretos(escena):
        assert secreto not in texto, secreto
    assert TerminoCaso.get_by_id(escena['termino'].id).prorrogado == 0


def test_documento_de_otro_caso_es_404_como_inexistente(client, como, escena):
    como('supervisor', area=escena['soporte'])
    base = f'/casos/{escena["propio"].numero}/documentos'
    ajeno = client.get(f'{base}/{escena["documento"].id}')
    nada = client.get(f'{base}/{NO_EXISTE}')
    assert ajeno.status_code == nada.status_code == 404
    assert ajeno.get_data() == nada.get_data()
    assert Documento.select().count() == 1 and LineaReclamo.select().count() == 1


def test_api_con_ids_de_otro_caso_responde_como_inexistente(client, escena, crear_usuario):
    supervisor = crear_usuario('supervisor', area=escena['soporte'])
    api = ClienteApi(client, pedir_token(client, supervisor.email))
    propio, otro = escena['propio'], escena['otro']
    # The case itself, its documents, transitions, hand-overs and comments.
    for metodo, ruta, cuerpo in (('get', '', None), ('post', '/comentarios', {'texto': 'x'}),
                                 ('post', '/transiciones', {'accion': 'tomar', 'version': 1})):
        ajeno = getattr(api, metodo)(f'/casos/{otro.numero}{ruta}', json=cuerpo)
        nada = getattr(api, metodo)(f'/casos/2026-{NO_EXISTE}{ruta}', json=cuerpo)
        assert ajeno.status_code == nada.status_code == 404, ruta
        assert (ajeno.get_data(as_text=True).replace(otro.numero, f'2026-{NO_EXISTE}')
                == nada.get_data(as_text=True)), ruta
    # A duplicate of an invisible case is refused like a missing one (F3).
    version = Reclamo.get_by_id(propio.id).version
    respuestas = [api.post(f'/casos/{propio.numero}/transiciones', json={
        'accion': 'anular', 'version': version, 'motivo': 'Duplicado', 'duplicado_de': numero})
        for numero in (otro.numero, f'2026-{NO_EXISTE}')]
    assert respuestas[0].status_code == respuestas[1].status_code == 422
    assert (respuestas[0].get_data(as_text=True).replace(otro.numero, f'2026-{NO_EXISTE}')
            == respuestas[1].get_data(as_text=True))
    assert Reclamo.get_by_id(propio.id).estado != 'ANULADO'


def test_aviso_de_duplicados_solo_lista_casos_visibles(escena, crear_usuario):
    from reclamos.caso.duplicados import posibles_duplicados

    otro = escena['otro']
    supervisor = crear_usuario('supervisor', area=escena['soporte'])
    todos = posibles_duplicados(otro.cliente_id, otro.motivo_id, otro.descripcion)
    assert otro.id in {d.reclamo.id for d in todos}
    assert posibles_duplicados(otro.cliente_id, otro.motivo_id, otro.descripcion,
                               usuario=supervisor) == []
