"""Issue 19's proof on paper, in real Chromium on 390x844: a case without e-mail is answered
by a printed letter whose recorded delivery date is the notification; the Libro de
Reclamaciones hoja promises the date its own text's term gives, and staff see its fields."""
import datetime
import io
import re
from zoneinfo import ZoneInfo

import pypdf

from catalogos.servicios import Motivo, Servicio
from reclamos.caso.acciones import Accion
from reclamos.caso.documentos import Documento
from reclamos.caso.modelo import Reclamo
from reclamos.correo.salida import Correo
from reclamos.plazos.ciclo import calendario_de
from reclamos.portal.entregas import EntregaCarta
from reclamos.portal.seguimiento import vista_cliente
from reclamos.tiempo import aware
from reglas import vencimiento
from tests.apoyo.casos import crear_caso
from tests.apoyo.navegador import captura, entrar
from tests.apoyo.portal import nuevo_dni

MOVIL = {'width': 390, 'height': 844}


def _texto_pdf(contenido):
    return '\n'.join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(contenido)).pages)


def test_caso_sin_correo_se_responde_con_carta_impresa(app, demo, servidor_vivo, pagina,
                                                      crear_usuario):
    admin = crear_usuario('admin')
    with app.app_context():
        reclamo = crear_caso(admin, cliente={
            'tipo_documento_identidad': 'DNI', 'numero_documento': nuevo_dni(),
            'nombre': 'Teodoro Huamán', 'direccion': 'Jr. Ayacucho 742, Huancayo'})
    agente = crear_usuario('agente', area=reclamo.area_id)
    pagina.set_viewport_size(MOVIL)
    entrar(pagina, servidor_vivo, agente.email)
    pagina.goto(f'{servidor_vivo}/casos/{reclamo.numero}/carta')
    assert 'no tiene correo' in pagina.inner_text('#sin-correo')
    assert 'correo' not in pagina.eval_on_selector_all('#medio option',
                                                       'os => os.map(o => o.value)')
    pagina.select_option('#medio', 'postal')
    pagina.fill('#asunto', f'Respuesta a su caso {reclamo.numero}')
    pagina.fill('#texto', 'Revisamos su línea y normalizamos la velocidad contratada.')
    pagina.click('#enviar-carta')
    pagina.wait_for_selector('#entregas')
    entrega = EntregaCarta.get(EntregaCarta.reclamo == reclamo.id)
    pdf = Documento.get_by_id(entrega.documento_id)
    with pagina.expect_download() as descarga:
        pagina.click('#entregas a')
    texto = _texto_pdf(open(descarga.value.path(), 'rb').read())
    for esperado in ('Teodoro Huamán', 'Jr. Ayacucho 742, Huancayo', reclamo.numero,
                     'normalizamos la velocidad'):
        assert esperado in texto, esperado
    assert pdf.tipo == 'generado'
    assert not Correo.select().where(Correo.reclamo == reclamo.id,
                                     Correo.clave.startswith('carta:')).exists()

    # Delivery: the typed date (the desk's calendar zone) becomes the notification.
    zona = ZoneInfo(calendario_de(reclamo).zona)
    entregada = datetime.datetime.now(zona).replace(second=0, microsecond=0)
    pagina.fill('.form-entrega [name=entregada_en]', f'{entregada:%Y-%m-%dT%H:%M}')
    pagina.fill('.form-entrega [name=guia]', 'OLVA-778812')
    pagina.fill('.form-entrega [name=recibio]', 'Teodoro Huamán, DNI en mano')
    captura(pagina, 'caso-390-entrega-carta')
    pagina.click('.form-entrega button')
    pagina.wait_for_selector('#entregas .badge-success')
    registrada = EntregaCarta.get_by_id(entrega.id)
    assert aware(registrada.entregada_en) == entregada.astimezone(datetime.timezone.utc)
    assert (registrada.guia, registrada.registrada_por_id) == ('OLVA-778812', agente.id)
    nota = Accion.get(Accion.reclamo == reclamo.id, Accion.campo == 'entrega')
    assert nota.visible_cliente and f'{entregada:%d/%m/%Y %H:%M}' in nota.texto
    with app.app_context():
        cliente = vista_cliente(Reclamo.get_by_id(reclamo.id))
    assert any(f'Carta entregada el {entregada:%d/%m/%Y %H:%M}' in e['texto']
               for e in cliente['eventos'])


def test_la_hoja_promete_la_fecha_de_su_propio_plazo(app, demo, servidor_vivo, pagina,
                                                    crear_usuario):
    app.config.update(RECLAMOS_LIBRO_RECLAMACIONES=True, RECLAMOS_EMPRESA='Telecom Andina SAC')
    pagina.set_viewport_size(MOVIL)
    motivo = Motivo.get(Motivo.codigo == 'SIN_SERVICIO')
    pagina.goto(f'{servidor_vivo}/portal/')
    pagina.select_option('#cliente_tipo_documento_identidad', 'DNI')
    pagina.fill('#cliente_numero_documento', nuevo_dni())
    pagina.fill('#cliente_nombre', 'Luis Ñahui')
    pagina.fill('#cliente_email', 'luis@correo.pe')
    pagina.fill('#cliente_direccion', 'Jr. Puno 456, Cusco')
    pagina.check('input[name=bien][value=servicio]')
    pagina.fill('#monto', '89.90')
    pagina.select_option('#servicio', str(Servicio.get(Servicio.codigo == 'INTERNET').id))
    pagina.wait_for_selector(f'#motivo option[value="{motivo.id}"]', state='attached')
    pagina.select_option('#motivo', str(motivo.id))
    pagina.fill('[id="campos.codigo_abonado"]', 'AB-0002')
    pagina.check('input[name=tipo][value=reclamo]')
    pagina.fill('#descripcion', 'Me cobraron un mes sin servicio.')
    pagina.fill('#pedido', 'Devolución de S/ 89.90.')
    assert 'Ley 29733' in pagina.inner_text('#aviso-datos')
    pagina.check('#acepto_datos')
    pagina.click('#enviar')
    pagina.wait_for_selector('#numero-caso')
    reclamo = Reclamo.get(Reclamo.numero == pagina.inner_text('#numero-caso'))
    hoja = Documento.get(Documento.reclamo == reclamo.id, Documento.tipo == 'generado')
    with app.app_context():
        from reclamos.caso.almacen import de_config
        texto = ' '.join(_texto_pdf(de_config(app.config).leer(hoja.sha256)).split())
    plazo = re.search(r'plazo no mayor a [a-zéíóú ]+ \((\d+)\) (días hábiles)', texto)
    prometida = re.search(r'a más tardar el (\d\d/\d\d/\d{4} \d\d:\d\d)', texto).group(1)
    calendario = calendario_de(reclamo)
    esperado = calendario.local(vencimiento(aware(reclamo.recibido_en), int(plazo.group(1)),
                                            'dias_habiles', calendario))
    assert prometida == f'{esperado:%d/%m/%Y %H:%M}' == pagina.inner_text('#fecha-respuesta')

    # Staff read the hoja's fields on the case page.
    agente = crear_usuario('agente', area=reclamo.area_id)
    entrar(pagina, servidor_vivo, agente.email)
    pagina.goto(f'{servidor_vivo}/casos/{reclamo.numero}')
    assert pagina.inner_text('#hoja-pedido') == 'Devolución de S/ 89.90.'
    assert pagina.inner_text('#hoja-monto') == '89.90'
    captura(pagina, 'caso-390-hoja-para-el-personal')
