"""Real Chromium on a phone-sized screen: file a case on the public page, follow it, rate it."""
import re

from catalogos.servicios import Motivo, Servicio
from reclamos.caso.modelo import Reclamo
from reclamos.correo.salida import Correo
from reclamos.caso.flujo import transicionar
from tests.apoyo.navegador import captura
from tests.apoyo.portal import nuevo_dni


def test_cliente_presenta_sigue_y_califica_en_chromium(app, demo, servidor_vivo, pagina,
                                                       crear_usuario, tmp_path):
    app.config['RECLAMOS_URL_PUBLICA'] = servidor_vivo
    pagina.set_viewport_size({'width': 390, 'height': 844})
    dni = nuevo_dni()
    servicio = Servicio.get(Servicio.codigo == 'INTERNET')
    motivo = Motivo.get(Motivo.codigo == 'SIN_SERVICIO')
    foto = tmp_path / 'modem.png'
    foto.write_bytes(b'\x89PNG\r\n\x1a\n' + b'\x00' * 200)

    pagina.goto(f'{servidor_vivo}/portal/')
    pagina.select_option('#cliente_tipo_documento_identidad', 'DNI')
    pagina.fill('#cliente_numero_documento', dni)
    pagina.fill('#cliente_nombre', 'Rosa Quispe <b>Mamani</b>')
    pagina.fill('#cliente_email', 'rosa@correo.pe')
    pagina.select_option('#servicio', str(servicio.id))
    pagina.wait_for_selector(f'#motivo option[value="{motivo.id}"]', state='attached')
    pagina.select_option('#motivo', str(motivo.id))
    pagina.fill('[id="campos.codigo_abonado"]', 'AB-0001')
    pagina.fill('#descripcion', 'Sin internet desde ayer. <script>alert(1)</script>')
    pagina.set_input_files('#adjuntos', str(foto))
    pagina.check('#acepto_datos')
    captura(pagina, 'portal-formulario')
    pagina.click('#enviar')
    pagina.wait_for_selector('#numero-caso')
    numero = pagina.inner_text('#numero-caso')
    assert re.fullmatch(r'\d{4}-\d{6}', numero)
    assert pagina.inner_text('#fecha-respuesta')
    assert '<script>alert(1)</script>' in pagina.inner_text('#descripcion')  # text, not run
    captura(pagina, 'portal-registrado')

    pagina.goto(f'{servidor_vivo}/portal/seguimiento')
    pagina.fill('#numero', numero)
    pagina.fill('#documento', dni)
    pagina.click('#consultar')
    pagina.wait_for_selector('#estado')
    assert pagina.inner_text('#estado') == 'Pendiente'
    captura(pagina, 'portal-seguimiento')

    reclamo = Reclamo.get(Reclamo.numero == numero)
    admin = crear_usuario('admin')
    with app.test_request_context():
        r = transicionar(reclamo, 'tomar', admin, '10.0.0.1', reclamo.version)
        transicionar(r, 'terminar', admin, '10.0.0.1', r.version,
                     respuesta='Cambiamos su módem; el servicio volvió.',
                     resultado='fundado')
    cuerpo = Correo.get(Correo.reclamo == reclamo.id, Correo.clave.startswith('resuelto:')).cuerpo
    enlace = re.search(r'https?://\S+/portal/encuesta/\S+', cuerpo).group(0)
    pagina.goto(enlace)
    pagina.check('#calificacion-5')
    pagina.fill('#comentario', 'Muy rápido, gracias.')
    captura(pagina, 'portal-encuesta')
    pagina.click('#calificar')
    pagina.wait_for_selector('#mensaje')
    assert 'Registramos su calificación' in pagina.inner_text('#mensaje')
    cerrado = Reclamo.get_by_id(reclamo.id)
    assert (cerrado.estado, cerrado.calificacion) == ('CERRADO', 5)
    pagina.goto(enlace)
    assert 'ya fue respondida' in pagina.inner_text('#mensaje')
    captura(pagina, 'portal-encuesta-usada')


def test_libro_de_reclamaciones_en_chromium(app, demo, servidor_vivo, pagina):
    from reclamos.portal.solicitudes import SolicitudPortal

    app.config.update(RECLAMOS_LIBRO_RECLAMACIONES=True, RECLAMOS_EMPRESA='Telecom Andina SAC')
    pagina.set_viewport_size({'width': 390, 'height': 844})
    servicio = Servicio.get(Servicio.codigo == 'INTERNET')
    motivo = Motivo.get(Motivo.codigo == 'SIN_SERVICIO')
    pagina.goto(f'{servidor_vivo}/portal/')
    assert 'Libro de Reclamaciones virtual' in pagina.inner_text('h1')
    pagina.select_option('#cliente_tipo_documento_identidad', 'DNI')
    pagina.fill('#cliente_numero_documento', nuevo_dni())
    pagina.fill('#cliente_nombre', 'Luis Ñahui')
    pagina.fill('#cliente_email', 'luis@correo.pe')
    pagina.fill('#cliente_direccion', 'Jr. Puno 456, Cusco')
    pagina.check('input[name=bien][value=servicio]')
    pagina.fill('#monto', '89.90')
    pagina.select_option('#servicio', str(servicio.id))
    pagina.wait_for_selector(f'#motivo option[value="{motivo.id}"]', state='attached')
    pagina.select_option('#motivo', str(motivo.id))
    pagina.fill('[id="campos.codigo_abonado"]', 'AB-0002')
    pagina.check('input[name=tipo][value=reclamo]')
    pagina.fill('#descripcion', 'Me cobraron un mes sin servicio.')
    pagina.fill('#pedido', 'Devolución de S/ 89.90.')
    pagina.check('#acepto_datos')
    captura(pagina, 'portal-libro-reclamaciones')
    pagina.click('#enviar')
    pagina.wait_for_selector('#numero-caso')
    reclamo = Reclamo.get(Reclamo.numero == pagina.inner_text('#numero-caso'))
    hoja = SolicitudPortal.get(SolicitudPortal.reclamo == reclamo.id)
    assert (reclamo.tipo, hoja.libro, hoja.pedido) == ('reclamo', True, 'Devolución de S/ 89.90.')
