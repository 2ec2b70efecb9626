"""The preferences screen and the bell after a hand-over, through the pages."""
import re

from catalogos.organizacion import Area
from reclamos.alertas import avisos_personal as avisos
from tests.apoyo.casos import crear_caso
from tests.vistas.test_caso_pantalla import _csrf, actuar


def test_derivar_enciende_la_campana(client, como, auth, demo, crear_usuario):
    monitoreo, soporte = (Area.get(Area.codigo == c) for c in ('MONITOREO', 'SOPORTE_TECNICO'))
    tecnico = crear_usuario('agente', area=soporte, email='tecnico@prueba.pe')
    caso = crear_caso(crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE')),
                      motivo='CORTE_ENERGIA')
    como('supervisor', area=monitoreo)
    assert actuar(client, caso, 'derivar', area=str(soporte.id),
                  motivo='Requiere visita').status_code == 302
    auth.logout()
    auth.login(tecnico.email)
    html = client.get('/notificaciones/').get_data(as_text=True)
    assert re.search(r'id="campana-contador">1<', html)
    assert f'Caso {caso.numero} asignado a usted' in html


def test_preferencias_se_guardan(client, como):
    usuario = como('agente')
    html = client.get('/notificaciones/preferencias').get_data(as_text=True)
    assert html.count('checked') == 5  # assignments: bell only until the user asks
    respuesta = client.post('/notificaciones/preferencias', data={
        'csrf_token': _csrf(html), 'asignacion-campana': '1', 'mencion-correo': '1'})
    assert respuesta.status_code == 302
    assert avisos.preferencias(usuario.id) == {'asignacion': (True, False),
                                               'respuesta': (False, False),
                                               'mencion': (False, True)}
    # Without the form's token nothing changes.
    client.post('/notificaciones/preferencias', data={'respuesta-correo': '1'})
    assert avisos.preferencias(usuario.id)['respuesta'] == (False, False)


def test_anonimo_no_entra(client):
    assert client.get('/notificaciones/preferencias').status_code == 302
