"""The case page of issue 17: reclassify by form (terms move, history shows the reason),
resolve with the outcome the page proposes, and the customer sees it on the portal."""
import re
from urllib.parse import urlparse

import pytest

from catalogos.organizacion import Area
from reclamos.caso.acciones import Accion
from reclamos.caso.modelo import Reclamo
from reclamos.clientes.modelo import Cliente
from reclamos.plazos.modelo import LEGAL, TerminoCaso
from tests.vistas.test_caso_pantalla import actuar, area, caso, fresco  # noqa: F401


def _legal(reclamo):
    return TerminoCaso.get(TerminoCaso.reclamo == reclamo.id, TerminoCaso.tipo == LEGAL)


def test_reclasificar_y_resolver_por_formulario(app, client, como, area, caso):  # noqa: F811
    como('agente', area=area)
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert 'form-reclasificar' in html and 'Sin resultado aún' in html
    antes = _legal(caso)
    assert antes.codigo == 'CO_142_SERVICIOS_PUBLICOS'
    motivo = re.search(r'<option value="(\d+)" >Petición de información', html).group(1)
    sin_razon = actuar(client, caso, 'reclasificar', motivo_caso=motivo, justificacion=' ')
    assert sin_razon.status_code == 400 and 'Indique el motivo' in sin_razon.get_data(
        as_text=True)
    assert actuar(client, caso, 'reclasificar', motivo_caso=motivo,
                  justificacion='Pide información, no reclama.').status_code == 302
    despues = _legal(caso)
    assert (despues.codigo, despues.inicio) == ('CO_1755_INFORMACION', antes.inicio)
    assert despues.vence_en < antes.vence_en  # 10 business days instead of 15
    reclamo = fresco(caso)
    assert (reclamo.tipo, reclamo.reclasificaciones) == ('peticion', 1)
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert 'Pide información, no reclama.' in html and 'id="reclasificaciones"' in html
    assert 'Motivo: Petición de información' in html
    actuar(client, caso, 'tomar')
    assert actuar(client, caso, 'terminar', respuesta='Le enviamos la información.',
                  resultado='SSPD_FUNDADO').status_code == 302
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert '<dd class="col-sm-8" id="resultado-nombre">Accede' in html
    # The customer sees it on the tracking page, and the letter may say it.
    from reclamos.portal.cartas import valores
    from reclamos.portal.enlaces import enlace_seguimiento

    reclamo = fresco(caso)
    with app.test_request_context():
        assert valores(reclamo)['resultado'] == 'Accede'
        enlace = urlparse(enlace_seguimiento(reclamo)).path
    client.get('/logout')
    portal = client.get(enlace).get_data(as_text=True)
    assert 'Resultado: <strong>Accede</strong>' in portal


def test_el_rol_equivocado_no_ve_ni_puede_reclasificar(client, como, caso):  # noqa: F811
    como('gerente', area=Area.get(Area.codigo == 'ADMINISTRACION'))
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert 'form-reclasificar' not in html
    respuesta = actuar(client, caso, 'reclasificar', version=caso.version, tipo='queja',
                       justificacion='x')
    assert respuesta.status_code == 403
    assert Reclamo.get_by_id(caso.id).tipo == 'reclamo'
    otro = Cliente.create(tipo_documento_identidad='DNI', numero_documento='44556677',
                          nombre='Ana Torres')
    respuesta = actuar(client, caso, 'reclasificar', version=caso.version,
                       cliente_tipo_documento_identidad='DNI',
                       cliente_numero_documento='44556677', justificacion='x')
    assert respuesta.status_code == 403 and fresco(caso).cliente_id != otro.id


def _reclasificaciones(reclamo):
    return list(Accion.de(reclamo).where(Accion.tipo == 'reclasificacion'))


def test_el_formulario_cambia_el_cliente_por_su_documento(
        client, como, area, caso):  # noqa: F811
    como('agente', area=area)
    ana = Cliente.create(tipo_documento_identidad='DNI', numero_documento='44556677',
                         nombre='Ana Torres')
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert 'id="re-cliente-numero"' in html and '(hoy Cliente de prueba)' in html
    antes = _legal(caso)
    sin_razon = actuar(client, caso, 'reclasificar', cliente_tipo_documento_identidad='DNI',
                       cliente_numero_documento='44556677', justificacion='')
    assert sin_razon.status_code == 400 and fresco(caso).cliente_id != ana.id
    # Typed as on the ID card, with dots: the look-up normalizes like registration does.
    assert actuar(client, caso, 'reclasificar', cliente_tipo_documento_identidad='DNI',
                  cliente_numero_documento='44.556.677',
                  justificacion='La titular del servicio es Ana.').status_code == 302
    reclamo = fresco(caso)
    assert (reclamo.cliente_id, reclamo.reclasificaciones) == (ana.id, 1)
    despues = _legal(caso)  # same motive: the legal term stays from the original receipt
    assert (despues.inicio, despues.vence_en) == (antes.inicio, antes.vence_en)
    [linea] = _reclasificaciones(caso)
    assert (linea.valor_anterior, linea.valor_nuevo, linea.texto) == (
        'Cliente: Cliente de prueba', 'Cliente: Ana Torres', 'La titular del servicio es Ana.')
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    assert 'Cliente: Cliente de prueba → <strong>Cliente: Ana Torres</strong>' in html


@pytest.mark.parametrize('tipo, numero, mensaje', [
    ('DNI', '99887766', 'No hay ningún cliente con DNI 99887766 en la tabla de clientes'),
    ('XX', '99887766', 'Tipo de documento desconocido o inactivo: «XX»'),
    ('DNI', '123', 'El DNI tiene 8 dígitos'),
])
def test_un_documento_desconocido_no_cambia_nada(client, como, area, caso, tipo,  # noqa: F811
                                                 numero, mensaje):
    como('agente', area=area)
    filas = (Cliente.select().count(), Accion.select().count(), TerminoCaso.select().count())
    respuesta = actuar(client, caso, 'reclasificar', cliente_tipo_documento_identidad=tipo,
                       cliente_numero_documento=numero, tipo='queja',
                       justificacion='Otro titular.')
    html = respuesta.get_data(as_text=True)
    assert respuesta.status_code == 400
    campo = re.search(r'data-campo="cliente">([^<]+)<', html).group(1)
    assert mensaje in campo and '<details class="mb-2" open>' in html
    assert f'value="{numero}"' in html  # what the desk typed stays to be corrected
    assert (Cliente.select().count(), Accion.select().count(),
            TerminoCaso.select().count()) == filas
    reclamo = fresco(caso)
    assert (reclamo.cliente_id, reclamo.tipo, reclamo.version) == (
        caso.cliente_id, caso.tipo, caso.version)
    assert not _reclasificaciones(caso)
