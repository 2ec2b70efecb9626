"""The agent queues: who sees which cases, filters, search, key paging."""
import html as texto_html
import re

from catalogos.organizacion import Area
from reclamos.caso.modelo import Reclamo
from reglas.transiciones import ABIERTOS
from tests.apoyo.casos import crear_caso


def _numeros(html):
    return re.findall(r'/casos/(\d{4}-\d{6})"', html)


def test_anonimo_al_login(client):
    respuesta = client.get('/casos/')
    assert respuesta.status_code == 302 and '/login' in respuesta.headers['Location']


def test_agente_ve_su_area_y_no_otras(client, como, demo, crear_usuario):
    monitoreo = Area.get(Area.codigo == 'MONITOREO')
    soporte = Area.get(Area.codigo == 'SOPORTE_TECNICO')
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    de_monitoreo = crear_caso(registrador, motivo='SIN_SERVICIO')
    de_soporte = crear_caso(registrador, motivo='LENTITUD')
    assert (de_monitoreo.area_id, de_soporte.area_id) == (monitoreo.id, soporte.id)
    como('agente', area=monitoreo)
    html = client.get('/casos/?vista=todos').get_data(as_text=True)
    assert de_monitoreo.numero in _numeros(html)
    assert de_soporte.numero not in _numeros(html)
    # A hand-written filter on another area does not widen what the agent sees.
    html = client.get(f'/casos/?vista=todos&area={soporte.id}').get_data(as_text=True)
    assert _numeros(html) == []


def test_gerente_ve_todo_y_filtra(client, como, demo, crear_usuario):
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    casos = [crear_caso(registrador, motivo=m) for m in ('SIN_SERVICIO', 'LENTITUD',
                                                          'CAMBIO_PLAN')]
    como('gerente')
    abiertos = Reclamo.select().where(Reclamo.estado.in_(ABIERTOS))
    html = client.get('/casos/?vista=todos').get_data(as_text=True)
    assert set(_numeros(html)) == {r.numero for r in abiertos.limit(50)} >= {
        c.numero for c in casos}
    motivo = casos[1].motivo_id
    html = client.get(f'/casos/?vista=todos&motivo={motivo}').get_data(as_text=True)
    assert casos[1].numero in _numeros(html)
    assert set(_numeros(html)) == {r.numero for r in abiertos.where(Reclamo.motivo == motivo)}
    html = client.get(f'/casos/?vista=todos&q={casos[2].numero}').get_data(as_text=True)
    assert _numeros(html) == [casos[2].numero]
    documento = casos[0].cliente.numero_documento
    html = client.get(f'/casos/?vista=todos&q={documento}').get_data(as_text=True)
    assert _numeros(html) == [casos[0].numero]


def test_orden_por_vencimiento_y_paginas(client, como, demo, crear_usuario, monkeypatch):
    import reclamos.cola.paginas
    monkeypatch.setattr(reclamos.cola.paginas, 'POR_PAGINA', 2)  # several pages
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    for motivo in ('CAMBIO_PLAN', 'SIN_SERVICIO', 'LENTITUD', 'FACTURACION_INTERNET',
                   'CORTE_ENERGIA'):
        crear_caso(registrador, motivo=motivo)
    esperado = [r.numero for r in Reclamo.select().where(Reclamo.estado.in_(ABIERTOS))
                .order_by(Reclamo.vence_en.asc(nulls='LAST'), Reclamo.id)]
    assert len(esperado) > 2  # so the list takes more than one page
    como('gerente')
    vistos, url = [], '/casos/?vista=todos'
    for _ in range(20):
        html = client.get(url).get_data(as_text=True)
        vistos += _numeros(html)
        siguiente = re.search(r'id="siguiente" href="([^"]+)"', html)
        if not siguiente:
            break
        url = '/casos/' + texto_html.unescape(siguiente.group(1))
    assert vistos == esperado


def test_filtros_malformados_no_rompen(client, como, demo):
    como('gerente')
    for consulta in ('estado=XX', 'area=abc', 'vence=ayer', 'despues=basura|x',
                     'despues=2026-13-45|3', 'q=' + 'x' * 500, 'vista=otra'):
        assert client.get('/casos/?' + consulta).status_code == 200, consulta
