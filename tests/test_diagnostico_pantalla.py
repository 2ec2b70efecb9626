"""The case page lists the resolved cases most like it, with their solution, and only those the
reader may see."""
import html

from catalogos.organizacion import Area
from reclamos.caso import Reclamo
from reclamos.flujo import transicionar
from tests.casos import crear_caso


def test_la_ficha_muestra_resueltos_parecidos_visibles(client, como, auth, demo,
                                                      crear_usuario):
    monitoreo = Area.get(Area.codigo == 'MONITOREO')
    soporte = Area.get(Area.codigo == 'SOPORTE_TECNICO')
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    agente = crear_usuario('agente', area=monitoreo)
    resuelto = crear_caso(registrador, motivo='CORTE_ENERGIA',
                          descripcion='Transformador quemado en el poste de la esquina.')
    for accion, datos in [('tomar', {}), ('terminar', {'respuesta': 'Cuadrilla cambió el '
                                                                    'transformador.'})]:
        resuelto = transicionar(resuelto, accion, agente, '127.0.0.1', resuelto.version,
                                **datos)
    ajeno = crear_caso(registrador, motivo='CORTE_ENERGIA',
                       descripcion='Transformador quemado, poste caído en la esquina.')
    Reclamo.update(area=soporte, estado='TERMINADO', respuesta='Otra área lo resolvió.').where(
        Reclamo.id == ajeno.id).execute()
    nuevo = crear_caso(registrador, motivo='CORTE_ENERGIA',
                       descripcion='Se quemó el transformador del poste.')

    como('agente', area=monitoreo)
    pagina = html.unescape(client.get(f'/casos/{nuevo.numero}').get_data(as_text=True))
    assert 'Casos resueltos parecidos' in pagina
    assert resuelto.numero in pagina and 'Cuadrilla cambió el transformador.' in pagina
    assert ajeno.numero not in pagina  # another area's case: this agent may not see it

    auth.logout()
    como('admin')
    pagina = html.unescape(client.get(f'/casos/{nuevo.numero}').get_data(as_text=True))
    assert ajeno.numero in pagina and resuelto.numero in pagina
