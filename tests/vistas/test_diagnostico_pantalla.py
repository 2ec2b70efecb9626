"""The case page lists the resolved cases most like it, with their solution, and only those the
reader may see."""
import html

from catalogos.organizacion import Area
from reclamos.caso.modelo import Reclamo
from reclamos.caso.flujo import transicionar
from tests.apoyo.casos import crear_caso


def test_la_ficha_muestra_resueltos_parecidos_visibles(client, como, auth, demo,
                                                      crear_usuario):
    monitoreo = Area.get(Area.codigo == 'MONITOREO')
    soporte = Area.get(Area.codigo == 'SOPORTE_TECNICO')
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    agente = crear_usuario('agente', area=monitoreo)
    resuelto = crear_caso(registrador, motivo='CORTE_ENERGIA',
                          descripcion='Transformador quemado en el poste de la esquina.')
    for accion, datos in [('tomar', {}), ('terminar', {'respuesta': 'Cuadrilla cambió el '
                                                                    'transformador.',
                                                        'resultado': 'fundado'})]:
        resuelto = transicionar(resuelto, accion, agente, '127.0.0.1', resuelto.version,
                                **datos)
    ajeno = crear_caso(registrador, motivo='CORTE_ENERGIA',
                       descripcion='Transformador quemado, poste caído en la esquina.')
    Reclamo.update(area=soporte, estado='TERMINADO', respuesta='Otra área lo resolvió.').where(
        Reclamo.id == ajeno.id).execute()
    nuevo = crear_caso(registrador, motivo='CORTE_ENERGIA',
                       descripcion='Se quemó el transformador del poste.')

    como('agente', area=monitoreo)
    pagina = client.get(f'/casos/{nuevo.numero}').get_data(as_text=True)
    # The page shows at once; the panel fills from its own URL (similares.js).
    assert 'Casos resueltos parecidos' in pagina
    assert f'data-url="/casos/{nuevo.numero}/similares"' in pagina
    assert 'similares.js' in pagina
    panel = html.unescape(client.get(f'/casos/{nuevo.numero}/similares').get_data(as_text=True))
    assert resuelto.numero in panel and 'Cuadrilla cambió el transformador.' in panel
    assert ajeno.numero not in panel  # another area's case: this agent may not see it
    # Nor may the agent ask for the panel of a case it may not see.
    assert client.get(f'/casos/{ajeno.numero}/similares').status_code == 404

    auth.logout()
    como('admin')
    panel = html.unescape(client.get(f'/casos/{nuevo.numero}/similares').get_data(as_text=True))
    assert ajeno.numero in panel and resuelto.numero in panel


def test_chromium_llena_el_panel_despues_de_mostrar_la_ficha(demo, crear_usuario,
                                                             servidor_vivo, pagina):
    from tests.apoyo.navegador import entrar

    admin = crear_usuario('admin')
    numero = Reclamo.select(Reclamo.numero).order_by(Reclamo.id.desc()).scalar()
    entrar(pagina, servidor_vivo, admin.email)
    pagina.goto(f'{servidor_vivo}/casos/{numero}')
    pagina.wait_for_selector('#similares, #similares-vacio')
    assert 'Buscando casos parecidos' not in pagina.inner_text('#panel-similares')
