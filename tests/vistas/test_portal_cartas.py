"""Response letters: templates validated in the panel, edited and sent from the case page as a
PDF stored with the case and e-mailed."""
import io

import pypdf

from reclamos.caso.acciones import Accion
from reclamos.caso.modelo import Reclamo
from reclamos.portal.cartas import PlantillaCarta
from reclamos.correo.salida import enviar_pendientes
from reclamos.caso.almacen import de_config
from reclamos.caso.documentos import Documento
from tests.conftest import token_csrf
from tests.apoyo.portal import presentar

TEXTO = ('Estimado(a) {{ cliente_nombre }}:\n\nSobre su caso {{ numero }} ({{ motivo }}): '
         '{{ respuesta }}\nAtentamente, el área {{ area }}.')


def _crear_plantilla(client, **cambios):
    html = client.get('/admin/plantillas_carta/new/').get_data(as_text=True)
    datos = {'csrf_token': token_csrf(html), 'codigo': 'FAVORABLE', 'nombre': 'Favorable',
             'resultado': 'favorable', 'asunto': 'Respuesta a su caso {{ numero }}',
             'texto': TEXTO, 'activo': 'y'}
    datos.update(cambios)
    return client.post('/admin/plantillas_carta/new/', data=datos)


def test_plantillas_malas_se_rechazan_al_guardar(client, como):
    como('admin')
    desconocido = _crear_plantilla(client, texto='Hola {{ nombre_cliente }}')
    assert 'Marcador desconocido: nombre_cliente' in desconocido.get_data(as_text=True)
    interno = _crear_plantilla(client, texto="{{ ''.__class__.__mro__[1].__subclasses__() }}")
    assert 'no permitido' in interno.get_data(as_text=True)
    sintaxis = _crear_plantilla(client, asunto='Caso {{ numero ')
    assert 'Error de sintaxis' in sintaxis.get_data(as_text=True)
    assert PlantillaCarta.select().count() == 0
    assert _crear_plantilla(client).status_code == 302
    plantilla = PlantillaCarta.get(PlantillaCarta.codigo == 'FAVORABLE')
    previa = client.get(f'/admin/plantillas_carta/vista-previa/{plantilla.id}')
    assert 'Estimado(a) Rosa Quispe:' in previa.get_data(as_text=True)


def test_solo_admin_escribe_plantillas(client, como):
    como('agente')
    assert client.get('/admin/plantillas_carta/').status_code == 403


def test_el_agente_edita_y_envia_la_carta_en_pdf(app, client, demo, como, servidor_smtp):
    assert presentar(client, cliente_nombre='José Ñúñez Peña').status_code == 302
    reclamo = Reclamo.select().order_by(Reclamo.id.desc()).first()
    PlantillaCarta.create(codigo='FAV', nombre='Favorable', resultado='favorable',
                          motivo=reclamo.motivo_id, asunto='Respuesta a su caso {{ numero }}',
                          texto=TEXTO)
    como('agente', area=reclamo.area_id)
    plantilla = PlantillaCarta.get(PlantillaCarta.codigo == 'FAV')
    pagina = client.get(f'/casos/{reclamo.numero}/carta?plantilla={plantilla.id}')
    html = pagina.get_data(as_text=True)
    assert pagina.status_code == 200
    assert 'Estimado(a) José Ñúñez Peña:' in html
    texto = 'Estimado(a) José Ñúñez Peña:\nLe devolveremos S/ 50 — corrección hecha a mano.'
    enviado = client.post(f'/casos/{reclamo.numero}/carta', data={
        'csrf_token': token_csrf(html), 'asunto': f'Respuesta a su caso {reclamo.numero}',
        'texto': texto})
    assert enviado.status_code == 302
    documento = Documento.get(Documento.reclamo == reclamo.id, Documento.tipo == 'generado')
    contenido = de_config(app.config).leer(documento.sha256)
    extraido = pypdf.PdfReader(io.BytesIO(contenido)).pages[0].extract_text()
    assert reclamo.numero in extraido and 'José Ñúñez Peña' in extraido
    assert 'corrección hecha a mano' in extraido
    assert Accion.select().where(Accion.reclamo == reclamo.id, Accion.tipo == 'notificacion',
                                 Accion.visible_cliente == True).exists()  # noqa: E712
    with app.app_context():
        enviar_pendientes(app.config)
    mensaje = next(m for m in servidor_smtp.mensajes if m['Subject'].startswith('Respuesta'))
    assert mensaje['To'] == 'rosa@correo.pe'
    assert '/portal/caso/' in mensaje.get_body(preferencelist=('plain',)).get_content()
    adjunto = next(mensaje.iter_attachments())
    assert adjunto.get_content_type() == 'application/pdf'
    assert reclamo.numero in pypdf.PdfReader(io.BytesIO(adjunto.get_content())).pages[0] \
        .extract_text()


def test_carta_vacia_o_de_otro_rol_se_rechaza(app, client, demo, como, auth, crear_usuario):
    assert presentar(client).status_code == 302
    reclamo = Reclamo.select().order_by(Reclamo.id.desc()).first()
    como('gerente')
    assert 'id="carta"' not in client.get(f'/casos/{reclamo.numero}').get_data(as_text=True)
    assert client.get(f'/casos/{reclamo.numero}/carta').status_code == 403
    auth.logout()
    otra_area = crear_usuario('agente', area=None)
    auth.login(otra_area.email)
    assert client.get(f'/casos/{reclamo.numero}/carta').status_code in (403, 404)
    auth.logout()
    como('agente', area=reclamo.area_id)
    assert 'id="carta"' in client.get(f'/casos/{reclamo.numero}').get_data(as_text=True)
    html = client.get(f'/casos/{reclamo.numero}/carta').get_data(as_text=True)
    vacia = client.post(f'/casos/{reclamo.numero}/carta', data={
        'csrf_token': token_csrf(html), 'asunto': 'Respuesta', 'texto': '  '})
    assert vacia.status_code == 400 and 'texto de la carta' in vacia.get_data(as_text=True)
    assert not Documento.select().where(Documento.reclamo == reclamo.id,
                                        Documento.tipo == 'generado').exists()
