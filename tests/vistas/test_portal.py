"""Public filing and case tracking on /portal, by HTTP, with the hostile inputs."""
import io
import re
from decimal import Decimal

from reclamos.caso.acciones import Accion
from reclamos.caso.modelo import Reclamo
from reclamos.correo.salida import Correo, enviar_pendientes
from reclamos.caso.documentos import Documento
from reclamos.portal.solicitudes import SolicitudPortal
from tests.conftest import token_csrf
from tests.apoyo.portal import datos_validos, enlace_de, nuevo_dni, presentar


def _ultimo():
    return Reclamo.select().order_by(Reclamo.id.desc()).first()


def _consultar(client, numero, documento):
    html = client.get('/portal/seguimiento').get_data(as_text=True)
    return client.post('/portal/seguimiento', data={
        'csrf_token': token_csrf(html), 'numero': numero, 'documento': documento})


def test_el_cliente_registra_y_ve_numero_y_fecha_de_respuesta(app, client, demo,
                                                              servidor_smtp):
    antes = Reclamo.select().count()
    dni = nuevo_dni()
    respuesta = presentar(client, cliente_numero_documento=dni)
    assert respuesta.status_code == 302
    pagina = client.get(respuesta.headers['Location'])
    html = pagina.get_data(as_text=True)
    reclamo = _ultimo()
    assert Reclamo.select().count() == antes + 1
    assert (reclamo.canal.codigo, reclamo.origen, reclamo.registrado_por_id) == ('WEB',
                                                                                 'externo', None)
    assert reclamo.cliente.numero_documento == dni
    assert f'id="numero-caso">{reclamo.numero}<' in html
    assert 'id="fecha-respuesta"' in html
    assert reclamo.valores_campos() == {'codigo_abonado': 'AB-0001'}
    # The acknowledgment reaches a real SMTP server with the signed tracking link.
    with app.app_context():
        assert enviar_pendientes(app.config)['enviados'] >= 1
    mensaje = next(m for m in servidor_smtp.mensajes if reclamo.numero in m['Subject'])
    assert mensaje['To'] == 'rosa@correo.pe'
    cuerpo = mensaje.get_content()
    assert 'a más tardar el' in cuerpo
    enlace = enlace_de(cuerpo, '/portal/caso/')
    seguir = client.get(enlace[enlace.index('/portal/'):])
    assert seguir.status_code == 200 and reclamo.numero in seguir.get_data(as_text=True)


def test_adjuntos_del_cliente_con_tipo_y_tamano_controlados(app, client, demo):
    pdf = b'%PDF-1.4\n%prueba\n' + b'0' * 100
    respuesta = presentar(client, adjuntos=[(io.BytesIO(pdf), 'factura.pdf')])
    assert respuesta.status_code == 302
    documento = Documento.get(Documento.reclamo == _ultimo().id)
    assert (documento.nombre, documento.mime, documento.tipo) == ('factura.pdf',
                                                                  'application/pdf', 'recibido')
    antes = Reclamo.select().count()
    ejecutable = presentar(client, adjuntos=[(io.BytesIO(b'MZ\x90\x00' + b'\x00' * 64),
                                              'factura.pdf')])
    assert ejecutable.status_code == 400
    assert 'data-campo="adjuntos"' in ejecutable.get_data(as_text=True)
    app.config['RECLAMOS_ADJUNTO_MAX'] = 1024
    grande = presentar(client, adjuntos=[(io.BytesIO(b'%PDF-1.4\n' + b'0' * 4096), 'a.pdf')])
    assert grande.status_code == 400
    assert Reclamo.select().count() == antes  # nothing half-saved


def test_datos_malos_dan_mensajes_junto_al_campo_y_nada_se_guarda(client, demo):
    antes = (Reclamo.select().count(), Correo.select().count())
    casos = [
        ({'cliente_numero_documento': ''}, 'cliente_numero_documento', 'documento'),
        ({'cliente_numero_documento': '12AB'}, 'cliente_numero_documento', 'El DNI tiene 8'),
        ({'cliente_email': ''}, 'cliente_email', 'Indique su correo'),
        ({'cliente_email': 'rosa@@correo'}, 'cliente_email', 'Correo inválido'),
        ({'descripcion': 'x' * 100_000}, 'descripcion', 'supera 10000 caracteres'),
        ({'cliente_nombre': 'N' * 300}, 'cliente_nombre', 'hasta 200 caracteres'),
        ({'motivo': ''}, 'motivo', 'Indique el motivo'),
        ({'campo.codigo_abonado': ''}, 'campos.codigo_abonado', 'obligatorio'),
    ]
    for cambios, campo, texto in casos:
        respuesta = presentar(client, **cambios)
        html = respuesta.get_data(as_text=True)
        assert respuesta.status_code == 400, cambios
        assert f'data-campo="{campo}"' in html, (cambios, html[:2000])
        assert texto in html, (cambios, texto)
    assert (Reclamo.select().count(), Correo.select().count()) == antes


def test_html_y_script_se_muestran_como_texto(client, demo):
    ataque = '<script>alert("x")</script><b>negrita</b>'
    respuesta = presentar(client, descripcion=ataque, cliente_nombre='<img src=x onerror=1>')
    assert respuesta.status_code == 302
    html = client.get(respuesta.headers['Location']).get_data(as_text=True)
    assert '<script>alert' not in html and '<b>negrita' not in html
    assert '&lt;script&gt;alert' in html
    reclamo = _ultimo()
    assert reclamo.descripcion == ataque  # kept as typed, only shown escaped
    # Also on the form sent back with an error.
    error = presentar(client, cliente_email='no-es-correo', descripcion=ataque)
    assert '<script>alert' not in error.get_data(as_text=True)


def test_honeypot_lleno_no_registra(client, demo):
    antes = Reclamo.select().count()
    respuesta = presentar(client, sitio_web='http://spam.example')
    assert respuesta.status_code == 400
    assert Reclamo.select().count() == antes


def test_cliente_conocido_no_cambia_sus_datos_de_contacto(client, demo):
    dni = nuevo_dni()
    assert presentar(client, cliente_numero_documento=dni).status_code == 302
    cliente = _ultimo().cliente
    assert presentar(client, cliente_numero_documento=dni,
                     cliente_email='intruso@malo.pe').status_code == 302
    segundo = _ultimo()
    assert segundo.cliente_id == cliente.id
    assert segundo.cliente.email == 'rosa@correo.pe'
    assert SolicitudPortal.get(SolicitudPortal.reclamo == segundo.id).email == 'intruso@malo.pe'


def test_consulta_por_numero_y_documento_sin_fugas(app, client, demo, crear_usuario):
    from reclamos.caso.gestion import comentar

    dni = nuevo_dni()
    assert presentar(client, cliente_numero_documento=dni).status_code == 302
    mio = _ultimo()
    otro_dni = nuevo_dni()
    assert presentar(client, cliente_numero_documento=otro_dni,
                     descripcion='Caso de otra persona con secreto ajeno').status_code == 302
    ajeno = _ultimo()
    agente = crear_usuario('agente', nombre='Agente Secreto', area=mio.area_id)
    comentar(mio, 'Nota interna: cliente difícil', agente, '10.0.0.1')
    comentar(mio, 'Estamos revisando su conexión.', agente, '10.0.0.1', visible_cliente=True)

    respuesta = _consultar(client, mio.numero, dni)
    assert respuesta.status_code == 302
    html = client.get(respuesta.headers['Location']).get_data(as_text=True)
    assert 'Estamos revisando su conexión.' in html
    for prohibido in ('Nota interna', agente.email, 'Agente Secreto', ajeno.numero,
                      'secreto ajeno'):
        assert prohibido not in html, prohibido
    # Wrong number and wrong document: the same answer, nothing revealed.
    sin_numero = _consultar(client, '2099-999999', dni)
    documento_ajeno = _consultar(client, mio.numero, otro_dni)
    assert sin_numero.status_code == documento_ajeno.status_code == 400

    def quitar(html):
        # The number typed, and the form's CSRF token (it carries the second it was made).
        html = re.sub(r'(csrf_token"[^>]*value=")[^"]*', r'\1', html)
        return html.replace('2099-999999', '').replace(mio.numero, '')

    assert quitar(sin_numero.get_data(as_text=True)) == \
        quitar(documento_ajeno.get_data(as_text=True))
    assert 'No encontramos un caso' in sin_numero.get_data(as_text=True)
    # A forged or altered link opens nothing.
    assert client.get('/portal/caso/inventado.xyz').status_code == 404
    enlace = respuesta.headers['Location']
    assert client.get(enlace[:-3] + 'AAA').status_code == 404


def test_la_consulta_ve_casos_de_cualquier_canal(app, client, demo):
    from catalogos.atencion import Canal

    reclamo = (Reclamo.select().join(Canal, on=(Reclamo.canal == Canal.id))
               .where(Reclamo.cliente.is_null(False), Canal.codigo != 'WEB').first())
    respuesta = _consultar(client, reclamo.numero, reclamo.cliente.numero_documento)
    assert respuesta.status_code == 302
    html = client.get(respuesta.headers['Location']).get_data(as_text=True)
    assert f'Caso {reclamo.numero}' in html
    visibles = Accion.de(reclamo.id, solo_cliente=True).count()
    assert html.count('<li class="evento') == visibles


def test_limite_por_ip_responde_429_en_espanol(app, client, demo):
    app.config['RECLAMOS_LIMITE_PORTAL'] = '3/minute'
    codigos = [_consultar(client, '2026-000001', '00000000').status_code for _ in range(3)]
    assert codigos == [400, 400, 400]
    bloqueado = client.post('/portal/seguimiento', data={'numero': 'x', 'documento': 'y'})
    assert bloqueado.status_code == 429
    assert 'Demasiadas solicitudes' in bloqueado.get_data(as_text=True)
    antes = Reclamo.select().count()
    for _ in range(3):
        presentar(client)
    assert presentar(client).status_code == 429
    assert Reclamo.select().count() == antes + 3


def test_libro_de_reclamaciones_hoja_por_correo_en_pdf(app, client, demo, servidor_smtp):
    import pypdf

    app.config.update(RECLAMOS_LIBRO_RECLAMACIONES=True, RECLAMOS_EMPRESA='Telecom Andina SAC',
                      RECLAMOS_EMPRESA_RUC='20123456786')
    html = client.get('/portal/').get_data(as_text=True)
    assert 'Libro de Reclamaciones' in html and 'name="pedido"' in html
    falta = presentar(client)
    assert falta.status_code == 400
    for campo in ('tipo', 'bien', 'pedido'):
        assert f'data-campo="{campo}"' in falta.get_data(as_text=True)
    respuesta = presentar(client, tipo='queja', bien='servicio', monto='150.50',
                          bien_descripcion='Plan Fibra 100', pedido='Que me devuelvan el cobro')
    assert respuesta.status_code == 302
    reclamo = _ultimo()
    assert reclamo.tipo == 'queja'
    hoja = SolicitudPortal.get(SolicitudPortal.reclamo == reclamo.id)
    assert (hoja.libro, hoja.monto, hoja.pedido) == (True, Decimal('150.50'),
                                                     'Que me devuelvan el cobro')
    assert Documento.get(Documento.reclamo == reclamo.id).tipo == 'generado'
    with app.app_context():
        enviar_pendientes(app.config)
    mensaje = next(m for m in servidor_smtp.mensajes if 'Hoja de reclamación' in m['Subject'])
    adjunto = next(mensaje.iter_attachments())
    texto = pypdf.PdfReader(io.BytesIO(adjunto.get_content())).pages[0].extract_text()
    for esperado in (reclamo.numero, 'Rosa Quispe Mamani', 'HOJA DE RECLAMACIÓN', '150.50',
                     'Que me devuelvan el cobro', 'Telecom Andina SAC'):
        assert esperado in texto, esperado


def test_formulario_envia_datos_del_catalogo(client, demo):
    datos = client.get('/portal/catalogo?servicio=1').get_json()
    assert 'motivos' in datos and 'productos' in datos
    assert datos_validos()['servicio'] == 'INTERNET'


def test_envio_demasiado_grande_responde_en_espanol(app, client, demo):
    app.config['MAX_CONTENT_LENGTH'] = 50_000
    antes = Reclamo.select().count()
    respuesta = presentar(client, adjuntos=[(io.BytesIO(b'%PDF-1.4\n' + b'0' * 80_000),
                                             'grande.pdf')])
    assert respuesta.status_code == 413
    assert 'superan el tamaño permitido' in respuesta.get_data(as_text=True)
    assert Reclamo.select().count() == antes


def test_demasiados_adjuntos(client, demo):
    pdf = b'%PDF-1.4\n%prueba\n'
    respuesta = presentar(client, adjuntos=[(io.BytesIO(pdf), f'{n}.pdf') for n in range(4)])
    assert respuesta.status_code == 400
    assert 'como máximo 3 archivos' in respuesta.get_data(as_text=True)
