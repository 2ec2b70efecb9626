"""Issue 19's proof in real Chromium on a 390x844 phone screen, with a real SMTP server on
loopback: filing with another person's document shows and mails nothing stored; the filer
replies with a file through the signed link and the agent sees it."""
import re

from catalogos.servicios import Motivo, Servicio
from reclamos.alertas.notificaciones import Notificacion
from reclamos.caso.contacto import de as contacto_de
from reclamos.caso.modelo import Reclamo
from reclamos.clientes.modelo import Cliente
from reclamos.correo.salida import ENVIADO, Correo, enviar_pendientes
from reclamos.portal.solicitudes import SolicitudPortal
from tests.apoyo.navegador import captura, entrar

TELEFONO = '999 111 222'
ESCRITO = 'Copia del recibo que me pidieron: el cobro del 3 de noviembre es doble.'


def _llenar(pagina, base, cliente):
    servicio = Servicio.get(Servicio.codigo == 'INTERNET')
    motivo = Motivo.get(Motivo.codigo == 'SIN_SERVICIO')
    pagina.goto(f'{base}/portal/')
    pagina.select_option('#cliente_tipo_documento_identidad', cliente.tipo_documento_identidad)
    pagina.fill('#cliente_numero_documento', cliente.numero_documento)
    pagina.fill('#cliente_nombre', 'Persona Distinta')
    pagina.fill('#cliente_email', 'distinta@otro.pe')
    pagina.fill('#cliente_telefono', TELEFONO)
    pagina.select_option('#servicio', str(servicio.id))
    pagina.wait_for_selector(f'#motivo option[value="{motivo.id}"]', state='attached')
    pagina.select_option('#motivo', str(motivo.id))


def _sin_datos_guardados(texto, cliente):
    for guardado in (cliente.email, cliente.nombre, cliente.telefono, cliente.direccion):
        if guardado:
            assert guardado not in texto, guardado


def test_documento_ajeno_no_revela_ni_escribe_al_cliente_guardado(
        app, demo, servidor_smtp, servidor_vivo, pagina, crear_usuario, tmp_path):
    app.config['RECLAMOS_URL_PUBLICA'] = servidor_vivo
    pagina.set_viewport_size({'width': 390, 'height': 844})
    cliente = Cliente.select().where(Cliente.email != '', Cliente.telefono != '').first()
    antes = Cliente.select().where(Cliente.id == cliente.id).dicts().get()
    recibo = tmp_path / 'recibo.pdf'
    recibo.write_bytes(b'%PDF-1.4\n%recibo\n' + b'0' * 300)
    # The demo's own queued mail is out of the way: what reaches the server is this filing's.
    Correo.update(estado=ENVIADO).execute()

    # 1. A first submission with errors everywhere reports them all in one round and keeps
    #    the chosen file.
    _llenar(pagina, servidor_vivo, cliente)
    pagina.select_option('#motivo', '')
    pagina.set_input_files('#adjuntos', str(recibo))
    pagina.click('#enviar')
    pagina.wait_for_selector('#errores')
    campos = set(pagina.eval_on_selector_all('.error', 'es => es.map(e => e.dataset.campo)'))
    assert {'motivo', 'descripcion', 'acepto_datos'} <= campos, campos
    assert pagina.inner_text('#adjuntos-guardados').strip() == 'recibo.pdf'
    captura(pagina, 'portal-390-errores-a-la-vez')

    # 2. Corrected: the file is not chosen again; the page shows nothing stored.
    motivo = Motivo.get(Motivo.codigo == 'SIN_SERVICIO')
    pagina.select_option('#motivo', str(motivo.id))
    pagina.wait_for_selector('[id="campos.codigo_abonado"]')
    pagina.fill('[id="campos.codigo_abonado"]', 'AB-0009')
    pagina.fill('#descripcion', 'Sin internet desde el lunes.')
    pagina.check('#acepto_datos')
    pagina.click('#enviar')
    pagina.wait_for_selector('#numero-caso')
    captura(pagina, 'portal-390-registrado-documento-ajeno')
    _sin_datos_guardados(pagina.content(), cliente)
    reclamo = Reclamo.get(Reclamo.numero == pagina.inner_text('#numero-caso'))
    assert reclamo.cliente_id == cliente.id
    assert [d.nombre for d in reclamo.documentos] == ['recibo.pdf']
    assert Cliente.select().where(Cliente.id == cliente.id).dicts().get() == antes
    contacto = contacto_de(reclamo)
    assert (contacto.nombre, contacto.email, contacto.telefono) == (
        'Persona Distinta', 'distinta@otro.pe', TELEFONO)
    solicitud = SolicitudPortal.get(SolicitudPortal.reclamo == reclamo.id)
    assert solicitud.aviso_version and solicitud.consentido_en and solicitud.consentido_ip

    # 3. The mail goes out over real SMTP: only to the address typed, never the stored one.
    with app.app_context():
        enviar_pendientes(app.config)
    sobres = [d for m in servidor_smtp.mensajes for d in m.sobre]
    assert 'distinta@otro.pe' in sobres
    assert cliente.email not in sobres
    acuse = next(m for m in servidor_smtp.mensajes if reclamo.numero in m['Subject'])
    _sin_datos_guardados(acuse.get_content(), cliente)
    enlace = re.search(r'https?://\S+/portal/caso/\S+', acuse.get_content()).group(0)

    # 4. The filer replies with a file through the signed link; whoever works the case (its
    #    responsible, or the area's staff when nobody is assigned) hears of it in the bell.
    agente = crear_usuario('agente', area=reclamo.area_id)
    pagina.goto(enlace)
    _sin_datos_guardados(pagina.content(), cliente)
    assert 'Ley 1581' in pagina.inner_text('#uso-datos')
    pagina.fill('#texto', ESCRITO)
    pagina.set_input_files('#adjuntos', str(recibo))
    pagina.click('#responder')
    pagina.wait_for_selector('#enviado')
    assert ESCRITO in pagina.inner_text('#eventos')
    captura(pagina, 'portal-390-respuesta-del-cliente')
    responsable = type(reclamo).get_by_id(reclamo.id).usuario_id or agente.id
    aviso = Notificacion.get(Notificacion.reclamo == reclamo.id,
                             Notificacion.usuario == responsable,
                             Notificacion.titulo.startswith('El cliente respondió'))
    assert f'El cliente respondió en el caso {reclamo.numero}' == aviso.titulo

    # 5. The agent of the case sees the reply, the file and both contacts.
    entrar(pagina, servidor_vivo, agente.email)
    pagina.goto(f'{servidor_vivo}/casos/{reclamo.numero}')
    assert ESCRITO in pagina.inner_text('#historial')
    assert pagina.locator('#documentos a', has_text='recibo.pdf').count() == 2
    assert 'distinta@otro.pe' in pagina.inner_text('#contacto-email')
    assert 'Difieren de la ficha' in pagina.inner_text('#diferencias-contacto')
    assert pagina.locator('#actualizar-cliente').count() == 0  # agents do not edit customers
    captura(pagina, 'caso-390-agente-ve-respuesta')
