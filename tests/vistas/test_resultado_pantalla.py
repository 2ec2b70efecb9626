"""The case page of issue 17: reclassify by form (terms move, history shows the reason),
resolve with the outcome the page proposes, and the customer sees it on the portal."""
import re
from urllib.parse import urlparse

from catalogos.organizacion import Area
from reclamos.caso.modelo import Reclamo
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
