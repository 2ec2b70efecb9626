"""The hoja de reclamación of the Peruvian virtual Libro de Reclamaciones (Ley 29571,
D.S. 011-2011-PCM): its PDF and the term it promises.

The promised date and the sentence about the term come from the same legal term of the case
(the motive's rule: 15 días hábiles for the Libro, 3/15/20 for OSIPTEL motives...), so the
sheet can never say fifteen days next to a twenty-day date.
"""
import io

from catalogos.empresa import dato
from reclamos.caso.almacen import de_config
from reclamos.caso.documentos import GENERADO, adjuntar
from reclamos.plazos.ciclo import calendario_de
from reclamos.plazos.modelo import LEGAL, TerminoCaso
from reclamos.tiempo import aware
from reclamos.portal import pdf

BIENES = [('producto', 'Producto'), ('servicio', 'Servicio')]
# Ley 29571 / D.S. 011-2011-PCM: the hoja distinguishes these two.
TIPOS_LIBRO = [('reclamo', 'Reclamo: disconformidad con los productos o servicios'),
               ('queja', 'Queja: malestar por la atención recibida, no relacionado con el '
                         'producto o servicio')]
FORMATO_FECHA = '%d/%m/%Y %H:%M'
_UNIDADES = ('cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece '
             'catorce quince dieciséis diecisiete dieciocho diecinueve veinte veintiuno '
             'veintidós veintitrés veinticuatro veinticinco veintiséis veintisiete '
             'veintiocho veintinueve').split()
_DECENAS = {3: 'treinta', 4: 'cuarenta', 5: 'cincuenta', 6: 'sesenta', 7: 'setenta',
            8: 'ochenta', 9: 'noventa'}
UNIDADES_PLAZO = {'dias_habiles': 'días hábiles', 'dias': 'días calendario',
                  'horas_habiles': 'horas hábiles', 'horas': 'horas', 'minutos': 'minutos'}


def en_letras(numero):
    """0-99 in Spanish words as a legal text writes them ('veinte'); digits beyond."""
    if 0 <= numero < 30:
        return _UNIDADES[numero]
    if numero < 100:
        decena, unidad = divmod(numero, 10)
        return _DECENAS[decena] + (f' y {_UNIDADES[unidad]}' if unidad else '')
    return str(numero)


def termino_legal(reclamo):
    return (TerminoCaso.select().where(TerminoCaso.reclamo == reclamo.id,
                                       TerminoCaso.tipo == LEGAL).first())


def vencimiento_legal(reclamo):
    """The instant the answer is due (legal term) in the case calendar's zone, or None."""
    termino = termino_legal(reclamo)
    if termino is None or termino.vence_en is None:
        return None
    return calendario_de(reclamo).local(aware(termino.vence_en))


def texto_plazo(termino):
    """'veinte (20) días hábiles': the term the case runs under, as the hoja states it."""
    if termino is None:
        return ''
    cantidad = termino.cantidad + (termino.prorrogado or 0)
    unidad = UNIDADES_PLAZO.get(termino.unidad, termino.unidad.replace('_', ' '))
    return f'{en_letras(cantidad)} ({cantidad}) {unidad}'


def hoja_pdf(reclamo, solicitud, contacto, config):
    """The hoja as the consumer filed it; the consumer's data is what they typed."""
    cliente = reclamo.cliente
    recibido = calendario_de(reclamo).local(aware(reclamo.recibido_en))
    termino = termino_legal(reclamo)
    vence = vencimiento_legal(reclamo)
    doc = pdf.Documento(f'Hoja de reclamación {reclamo.numero}')
    doc.titulo('LIBRO DE RECLAMACIONES - HOJA DE RECLAMACIÓN')
    doc.fila('N.°', reclamo.numero)
    doc.fila('Fecha', f'{recibido:{FORMATO_FECHA}}')
    doc.fila('Proveedor', dato('nombre', config) or '')
    doc.fila('RUC', dato('identificacion', config) or '')
    doc.fila('Dirección', dato('direccion', config) or '')
    doc.subtitulo('1. Identificación del consumidor reclamante')
    doc.fila('Nombre', contacto['nombre'])
    doc.fila('Documento', f'{cliente.tipo_documento_identidad} {cliente.numero_documento}')
    doc.fila('Domicilio', contacto['direccion'])
    doc.fila('Teléfono', contacto['telefono'])
    doc.fila('Correo', contacto['email'])
    doc.subtitulo('2. Identificación del bien contratado')
    doc.fila('Tipo', dict(BIENES).get(solicitud.bien, ''))
    doc.fila('Monto reclamado', f'{solicitud.monto:,.2f}' if solicitud.monto is not None
             else '')
    doc.fila('Descripción', solicitud.bien_descripcion or reclamo.servicio.nombre)
    doc.subtitulo('3. Detalle de la reclamación y pedido del consumidor')
    doc.fila('Tipo', dict(TIPOS_LIBRO).get(reclamo.tipo, reclamo.tipo))
    doc.fila('Detalle', reclamo.descripcion)
    doc.fila('Pedido', solicitud.pedido)
    doc.subtitulo('4. Observaciones y acciones adoptadas por el proveedor')
    doc.parrafo('La respuesta se enviará a su correo'
                + (f' a más tardar el {vence:{FORMATO_FECHA}}.' if vence else '.'), 10)
    plazo = texto_plazo(termino)
    doc.parrafo('La formulación del reclamo no impide acudir a otras vías de solución de '
                'controversias ni es requisito previo para interponer una denuncia ante el '
                'INDECOPI.'
                + (f' El proveedor deberá dar respuesta al reclamo en un plazo no mayor a '
                   f'{plazo}.' if plazo else ''), 9)
    return doc.bytes()


def emitir(reclamo, solicitud, contacto, config, ip, ahora):
    """Keep the hoja as a generated document of the case; returns (Documento, bytes)."""
    contenido = hoja_pdf(reclamo, solicitud, contacto, config)
    documento = adjuntar(reclamo, GENERADO, None, ip, de_config(config),
                         config['RECLAMOS_ADJUNTO_MAX'], flujo=io.BytesIO(contenido),
                         nombre=f'hoja-reclamacion-{reclamo.numero}.pdf',
                         descripcion='Hoja de reclamación (Libro de Reclamaciones virtual)',
                         ahora=ahora)
    return documento, contenido


def datos_hoja(solicitud):
    """The hoja's fields for staff (case page, API); None for a case not filed in the book."""
    if solicitud is None or not solicitud.libro:
        return None
    return {'bien': solicitud.bien, 'bien_etiqueta': dict(BIENES).get(solicitud.bien, ''),
            'bien_descripcion': solicitud.bien_descripcion or None,
            'monto_reclamado': (f'{solicitud.monto:.2f}' if solicitud.monto is not None
                                else None),
            'pedido': solicitud.pedido}
