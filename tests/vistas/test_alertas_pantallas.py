"""Over HTTP: the bell's count on every page, mark as read (only one's own), the admins'
screen of e-mail with its retry, and the level and template forms refusing bad input."""
import re

import pytest

from bd import db
from reclamos.correo.salida import FALLIDO, PENDIENTE, Correo, encolar
from reclamos.alertas.notificaciones import Notificacion, notificar
from tests.conftest import token_csrf


def _contador(html):
    encontrado = re.search(r'id="campana-contador">([^<]*)<', html)
    assert encontrado, 'la página no muestra la campana'
    return encontrado.group(1)


def _avisar(usuario, n=1, reclamo=None):
    with db.atomic():
        for i in range(n):
            notificar(usuario, f'Aviso {i}', 'Texto del aviso', reclamo)


def test_campana_cuenta_y_marcar_leida(client, como, crear_usuario):
    yo = como('agente')
    otro = crear_usuario('agente')
    _avisar(yo, 2)
    _avisar(otro, 1)
    assert _contador(client.get('/admin/').get_data(as_text=True)) == '2'
    pagina = client.get('/notificaciones/').get_data(as_text=True)
    assert pagina.count('class="btn btn-sm btn-outline-secondary marcar-leida"') == 2
    mia = Notificacion.select().where(Notificacion.usuario == yo.id).first()
    ajena = Notificacion.get(Notificacion.usuario == otro.id)
    token = token_csrf(client.get('/admin/').get_data(as_text=True), 'csrf_salir')
    assert client.post('/notificaciones/leidas', data={'id': mia.id, 'csrf_token': token}
                       ).status_code == 302
    assert _contador(client.get('/casos/').get_data(as_text=True)) == '1'
    # Someone else's notification: 404, and it stays unread.
    assert client.post('/notificaciones/leidas', data={'id': ajena.id, 'csrf_token': token}
                       ).status_code == 404
    assert Notificacion.get_by_id(ajena.id).leida_en is None
    assert client.post('/notificaciones/leidas', data={'id': 'x', 'csrf_token': token}
                       ).status_code == 400
    # Without the form's token nothing changes.
    client.post('/notificaciones/leidas', data={})
    assert _contador(client.get('/admin/').get_data(as_text=True)) == '1'
    client.post('/notificaciones/leidas', data={'csrf_token': token})
    assert _contador(client.get('/admin/').get_data(as_text=True)) == '0'
    assert Notificacion.get_by_id(ajena.id).leida_en is None


def test_campana_tope_y_enlace_al_caso(client, como, demo):
    from reclamos.caso.modelo import Reclamo

    yo = como('gerente')
    caso = Reclamo.select().first()
    _avisar(yo, 101, reclamo=caso)
    assert _contador(client.get('/admin/').get_data(as_text=True)) == '99+'
    pagina = client.get('/notificaciones/').get_data(as_text=True)
    assert f'value="/casos/{caso.numero}"' in pagina
    token = token_csrf(pagina, 'csrf_salir')
    mia = Notificacion.select().where(Notificacion.usuario == yo.id).first()
    respuesta = client.post('/notificaciones/leidas', data={
        'id': mia.id, 'ir_a': f'/casos/{caso.numero}', 'csrf_token': token})
    assert respuesta.headers['Location'].endswith(f'/casos/{caso.numero}')
    # An outside address is never followed.
    otra = Notificacion.select().where(Notificacion.usuario == yo.id,
                                       Notificacion.leida_en.is_null()).first()
    respuesta = client.post('/notificaciones/leidas', data={
        'id': otra.id, 'ir_a': '//malo.example/casos/x', 'csrf_token': token})
    assert respuesta.headers['Location'].endswith('/notificaciones/')


def test_anonimo_no_ve_notificaciones(client):
    assert '/login' in client.get('/notificaciones/').headers['Location']


@pytest.mark.parametrize('url', ['/admin/correos/', '/admin/notificaciones-enviadas/'])
@pytest.mark.parametrize('rol', ['supervisor', 'agente', 'gerente'])
def test_pantalla_de_envios_solo_admin(client, como, url, rol):
    como(rol)
    assert client.get(url).status_code == 403


def test_pantalla_de_correos_filtra_y_reintenta(app, client, como):
    como('admin')
    with db.atomic():
        encolar('ana@cliente.pe', 'Acuse del caso 1', 'Texto')
        fallido = encolar('no es un correo', 'Alerta del caso 2', 'Texto')
    assert fallido.estado == FALLIDO
    lista = client.get('/admin/correos/').get_data(as_text=True)
    assert 'Acuse del caso 1' in lista and 'Alerta del caso 2' in lista
    assert 'Dirección de correo no válida' in lista
    assert '/admin/correos/new/' not in lista and '/admin/correos/edit/' not in lista
    # The filters offered: estado, date, recipient, case number.
    for filtro in ('Estado', 'Creado', 'Destinatario', 'Caso (número)'):
        assert f'class="dropdown-item filter">{filtro}</a>' in lista
    solo_fallidos = client.get('/admin/correos/?flt0_0=fallido').get_data(as_text=True)
    assert 'Alerta del caso 2' in solo_fallidos and 'Acuse del caso 1' not in solo_fallidos
    por_destinatario = client.get('/admin/correos/?search=ana%40cliente').get_data(as_text=True)
    assert 'Acuse del caso 1' in por_destinatario and 'Alerta del caso 2' not in por_destinatario
    respuesta = client.post('/admin/correos/action/', data={
        'action': 'reintentar', 'rowid': [str(fallido.id)], 'csrf_token': token_csrf(lista)})
    assert respuesta.status_code == 302
    fila = Correo.get_by_id(fallido.id)
    assert (fila.estado, fila.error) == (PENDIENTE, '')
    assert client.post('/admin/correos/delete/', data={
        'id': fila.id, 'csrf_token': token_csrf(lista)}).status_code in (302, 403)
    assert Correo.select().count() == 2


def test_pantalla_de_notificaciones_enviadas(client, como, crear_usuario):
    destinatario = crear_usuario('supervisor')
    _avisar(destinatario, 1)
    como('admin')
    lista = client.get('/admin/notificaciones-enviadas/').get_data(as_text=True)
    assert 'Aviso 0' in lista and destinatario.email in lista


def _enviar(client, url, datos):
    pagina = client.get(url)
    assert pagina.status_code == 200
    return client.post(url, data={**datos, 'csrf_token': token_csrf(
        pagina.get_data(as_text=True))})


def test_formulario_de_niveles_rechaza_duplicados_y_desorden(client, como, demo):
    from catalogos.alertas import NivelEscalamiento

    como('admin')
    base = {'codigo': 'NUEVO', 'nombre': 'Nuevo', 'al_responsable': 'y', 'en_app': 'y',
            'activo': 'y'}
    respuesta = _enviar(client, '/admin/niveles_escalamiento/new/',
                        {**base, 'orden': '4', 'porcentaje': '100'})
    assert respuesta.status_code == 200
    assert 'Ya hay un nivel al 100 % en el ámbito global' in respuesta.get_data(as_text=True)
    respuesta = _enviar(client, '/admin/niveles_escalamiento/new/',
                        {**base, 'orden': '4', 'porcentaje': '90'})
    assert 'fuera de orden' in respuesta.get_data(as_text=True)
    respuesta = _enviar(client, '/admin/niveles_escalamiento/new/',
                        {**base, 'orden': '4', 'porcentaje': '200', 'por_correo': 'y',
                         'correos': 'jefe@empresa.pe; jefe@'})
    assert 'Dirección de correo no válida: «jefe@»' in respuesta.get_data(as_text=True)
    assert not NivelEscalamiento.select().where(NivelEscalamiento.codigo == 'NUEVO').exists()
    respuesta = _enviar(client, '/admin/niveles_escalamiento/new/',
                        {**base, 'orden': '4', 'porcentaje': '200'})
    assert respuesta.status_code == 302
    assert NivelEscalamiento.get(NivelEscalamiento.codigo == 'NUEVO').porcentaje == 200


def test_formulario_de_plantilla_rechaza_marcador_desconocido(client, como, demo):
    from catalogos.alertas import PlantillaCorreo

    como('admin')
    plantilla = PlantillaCorreo.get(PlantillaCorreo.codigo == 'ALERTA')
    respuesta = _enviar(client, f'/admin/plantillas_correo/edit/?id={plantilla.id}', {
        'codigo': 'ALERTA', 'nombre': plantilla.nombre, 'activo': 'y',
        'asunto': 'Caso {{ numero }}', 'cuerpo': 'Vence {{ fecha_vencimiento }}'})
    html = respuesta.get_data(as_text=True)
    assert respuesta.status_code == 200
    assert 'Marcador desconocido: fecha_vencimiento' in html
    assert PlantillaCorreo.get_by_id(plantilla.id).cuerpo == plantilla.cuerpo


def test_filtro_por_caso(client, como, demo):
    from reclamos.caso.modelo import Reclamo

    como('admin')
    caso = Reclamo.select().first()
    with db.atomic():
        encolar('ana@cliente.pe', 'Con caso', 'Texto', reclamo=caso)
        encolar('ana@cliente.pe', 'Sin caso', 'Texto')
    lista = client.get('/admin/correos/').get_data(as_text=True)
    # The case column links to the case page.
    assert f'<a href="/casos/{caso.numero}">{caso.numero}</a>' in lista
    indice = re.search(r'Caso \(n\\u00famero\)": \[\{"arg": "(\d+)"', lista).group(1)
    filtrado = client.get(f'/admin/correos/?flt0_{indice}={caso.numero}').get_data(as_text=True)
    assert 'Con caso' in filtrado and 'Sin caso' not in filtrado
