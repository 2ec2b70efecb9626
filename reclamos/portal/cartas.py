"""Response letters: templates per motive and outcome (admin-written, sandboxed Jinja2),
rendered to PDF, stored as a generated document of the case and e-mailed to the customer.

The agent edits the rendered text before sending; that text is sent as written (it is not a
template again), so nothing an agent types is evaluated.
"""
import io

from peewee import BooleanField, CharField, ForeignKeyField, TextField

from bd import BaseModel
from catalogos import secciones
from catalogos.base import PATRON_CODIGO
from catalogos.servicios import TIPOS_CASO, Motivo
from reclamos.portal import enlaces, pdf
from reclamos.portal.entregas import CORREO, MEDIOS, pendiente
from reclamos.caso.almacen import de_config
from reclamos.caso.acciones import anotar
from reclamos.correo.salida import encolar
from reclamos.caso.documentos import GENERADO, adjuntar
from reclamos.errores import ErrorPermiso, ErrorValidacion
from reclamos.caso.nucleo import bloquear_sin_version, contexto, es_responsable, transaccion
from reglas.cabeceras import error_cabecera
from reglas.plantillas import ErrorPlantilla, renderizar, validar
from reclamos.plazos.ciclo import calendario_de
from reclamos.caso.contacto import de as contacto_de, destinatario_de, nombre_de
from reclamos.portal.hoja import vencimiento_legal
from reclamos.tiempo import ahora_utc, aware
from reglas.permisos import puede
from reglas.transiciones import ETIQUETAS

RESULTADOS = [('favorable', 'Favorable al cliente'), ('parcial', 'Parcialmente favorable'),
              ('desfavorable', 'Desfavorable'), ('informativa', 'Informativa')]
TEXTO_MAX = 20_000
ASUNTO_MAX = 300
# The placeholders a template may use, with the values the admin screen validates against.
VALORES_EJEMPLO = {
    'numero': '2026-000123', 'fecha': '02/03/2026', 'cliente_nombre': 'Rosa Quispe',
    'cliente_documento': 'DNI 45781236', 'cliente_direccion': 'Av. Arequipa 123, Lima',
    'tipo': 'Reclamo', 'servicio': 'Internet', 'producto': 'Fibra 100 Mbps',
    'motivo': 'Sin servicio', 'descripcion': 'No tengo internet desde ayer.',
    'respuesta': 'Se restableció el servicio y se abonó un día.', 'estado': 'Terminado',
    'recibido': '01/03/2026 10:00', 'vence': '20/03/2026 23:59', 'area': 'Monitoreo',
    'empresa': 'Empresa S.A.', 'resultado': 'Fundado',
    'resultado_justificacion': 'Se acreditó la falta de servicio.',
}
# The letter template's kind that fits each outcome sense (issue 17): offered first.
_CARTA_DE_SENTIDO = {'fundado': 'favorable', 'fundado_parcial': 'parcial',
                     'acuerdo': 'favorable'}


class PlantillaCarta(BaseModel):
    codigo = CharField(max_length=40, unique=True, verbose_name='Código')
    nombre = CharField(max_length=200, verbose_name='Nombre')
    activo = BooleanField(default=True, verbose_name='Activo')
    motivo = ForeignKeyField(Motivo, null=True, on_delete='RESTRICT', verbose_name='Motivo',
                             help_text='Vacío: sirve para todos los motivos.')
    resultado = CharField(max_length=20, choices=RESULTADOS, default='favorable',
                          verbose_name='Resultado')
    asunto = CharField(max_length=ASUNTO_MAX, verbose_name='Asunto',
                       help_text='Admite marcadores, p. ej. Respuesta a su caso {{ numero }}')
    texto = TextField(verbose_name='Texto',
                      help_text='Marcadores: ' + ', '.join('{{ %s }}' % k
                                                           for k in VALORES_EJEMPLO))

    def __str__(self):
        return self.nombre or self.codigo or ''

    def errores(self):
        """Checked on save in the panel: a bad placeholder is refused, never sent."""
        errores = {}
        codigo = (self.codigo or '').strip()
        if not PATRON_CODIGO.match(codigo):
            errores['codigo'] = ('El código admite solo letras sin tilde, números, guion, '
                                 'punto y guion bajo (máximo 40).')
        elif (PlantillaCarta.select().where(PlantillaCarta.codigo == codigo,
                                            PlantillaCarta.id != (self.id or 0)).exists()):
            errores['codigo'] = f'Ya existe una plantilla con el código «{codigo}».'
        if not (self.nombre or '').strip():
            errores['nombre'] = 'El nombre es obligatorio.'
        if self.resultado not in dict(RESULTADOS):
            errores['resultado'] = f'Resultado desconocido: «{self.resultado or ""}».'
        for campo in ('asunto', 'texto'):
            valor = getattr(self, campo) or ''
            if not valor.strip():
                errores[campo] = 'Este campo es obligatorio.'
            elif len(valor) > (ASUNTO_MAX if campo == 'asunto' else TEXTO_MAX):
                errores[campo] = 'El texto es demasiado largo.'
            elif campo == 'asunto' and error_cabecera(valor):
                errores[campo] = error_cabecera(valor)
            else:
                mensaje = validar(valor, VALORES_EJEMPLO)
                if mensaje:
                    errores[campo] = mensaje
        return errores


def valores(reclamo, empresa=''):
    """The plain values of one case that templates may show; the customer's name and
    address are those the case was filed with (reclamos.caso.contacto)."""
    calendario = calendario_de(reclamo)
    cliente = reclamo.cliente if reclamo.cliente_id else None
    contacto = contacto_de(reclamo)
    vence = vencimiento_legal(reclamo)
    return {
        'numero': reclamo.numero, 'fecha': f'{calendario.local(ahora_utc()):%d/%m/%Y}',
        'cliente_nombre': nombre_de(reclamo),
        'cliente_documento': (f'{cliente.tipo_documento_identidad} {cliente.numero_documento}'
                              if cliente else ''),
        'cliente_direccion': contacto.direccion if contacto else '',
        'tipo': dict(TIPOS_CASO).get(reclamo.tipo, reclamo.tipo),
        'servicio': reclamo.servicio.nombre,
        'producto': reclamo.producto.nombre if reclamo.producto_id else '',
        'motivo': reclamo.motivo.nombre, 'descripcion': reclamo.descripcion,
        'respuesta': reclamo.respuesta, 'estado': ETIQUETAS.get(reclamo.estado, ''),
        'recibido': f'{calendario.local(aware(reclamo.recibido_en)):%d/%m/%Y %H:%M}',
        'vence': f'{vence:%d/%m/%Y %H:%M}' if vence else '',
        'area': reclamo.area.nombre, 'empresa': empresa,
        'resultado': reclamo.resultado.nombre if reclamo.resultado_id else '',
        'resultado_justificacion': reclamo.resultado_motivo or '',
    }


def plantillas_de(reclamo):
    """Active templates for the case's motive first, then the general ones; within each,
    those whose kind fits the case's outcome first (a stable sort keeps the rest's order)."""
    filas = list(PlantillaCarta.select().where(
        PlantillaCarta.activo == True,  # noqa: E712
        (PlantillaCarta.motivo == reclamo.motivo_id) | PlantillaCarta.motivo.is_null())
        .order_by(PlantillaCarta.motivo.desc(nulls='LAST'), PlantillaCarta.resultado,
                  PlantillaCarta.nombre))
    if not reclamo.resultado_id:
        return filas
    clase = _CARTA_DE_SENTIDO.get(reclamo.resultado.sentido, 'desfavorable')
    return sorted(filas, key=lambda p: (p.motivo_id is None, p.resultado != clase))


def borrador(plantilla, reclamo, empresa=''):
    """(asunto, texto) of ``plantilla`` filled in with the case; ErrorValidacion if it fails."""
    datos = valores(reclamo, empresa)
    try:
        return renderizar(plantilla.asunto, datos), renderizar(plantilla.texto, datos)
    except ErrorPlantilla as error:
        raise ErrorValidacion({'plantilla': f'La plantilla «{plantilla}»: {error}'}) from None


def carta_pdf(reclamo, asunto, texto):
    doc = pdf.Documento(asunto)
    contacto = contacto_de(reclamo)
    # The address block first: a window envelope shows it for postal delivery.
    doc.fila('Señor(a)', nombre_de(reclamo))
    if contacto is not None and contacto.direccion:
        doc.fila('Dirección', contacto.direccion)
    doc.pdf.ln(4)
    doc.titulo(asunto)
    doc.fila('Caso', reclamo.numero)
    doc.pdf.ln(4)
    doc.parrafo(texto)
    return doc.bytes()


def puede_enviar(reclamo, usuario):
    """Staff who may work the case: its responsible users, their area's, or an admin."""
    roles = usuario.nombres_roles() if usuario is not None else set()
    if not puede(roles, 'casos.trabajar'):
        return False
    return 'admin' in roles or es_responsable(reclamo, usuario)


def medios_de(reclamo):
    """[(code, label)] of the ways this case's letter can go: e-mail only with an address."""
    return [(m, e) for m, e in MEDIOS if m != CORREO or destinatario_de(reclamo)]


def enviar_carta(reclamo, asunto, texto, usuario, ip, config, ahora=None, medio=CORREO):
    """Render the letter to PDF and keep it as a generated document of the case, in one
    transaction. By e-mail: logged for the customer and queued with the PDF. On paper
    (postal or in person): a pending delivery whose recorded date is the notification
    (reclamos.portal.entregas). Returns the Documento."""
    if not puede_enviar(reclamo, usuario):
        raise ErrorPermiso('Solo el responsable del caso, su área o un administrador envían '
                           'cartas de este caso.')
    asunto = asunto.strip() if isinstance(asunto, str) else ''
    texto = texto.strip() if isinstance(texto, str) else ''
    errores = {}
    if not asunto or len(asunto) > ASUNTO_MAX:
        errores['asunto'] = f'Escriba el asunto (hasta {ASUNTO_MAX} caracteres).'
    elif error_cabecera(asunto):
        errores['asunto'] = error_cabecera(asunto)
    if not texto or len(texto) > TEXTO_MAX:
        errores['texto'] = f'Escriba el texto de la carta (hasta {TEXTO_MAX} caracteres).'
    destinatario = destinatario_de(reclamo)
    if medio not in dict(MEDIOS):
        errores['medio'] = 'Elija cómo se entrega la carta: correo, envío postal o en persona.'
    elif medio == CORREO and not destinatario:
        errores['medio'] = ('El caso no tiene un correo: imprima la carta para envío postal '
                            'o entrega en persona.')
    if errores:
        raise ErrorValidacion(errores)
    contenido = carta_pdf(reclamo, asunto, texto)
    ctx = contexto(usuario, ip, ahora)
    with transaccion():
        documento = adjuntar(reclamo, GENERADO, usuario, ip, de_config(config),
                             config['RECLAMOS_ADJUNTO_MAX'], flujo=io.BytesIO(contenido),
                             nombre=f'carta-{reclamo.numero}-{ctx.ahora:%Y%m%d%H%M%S}.pdf',
                             descripcion=f'Carta de respuesta: {asunto}'[:300], ahora=ahora)
        r = bloquear_sin_version(reclamo, ctx)
        if medio != CORREO:
            pendiente(r, documento, medio, ctx)
            return documento
        anotar(r, ctx, 'notificacion', 'carta', None, documento.nombre,
               texto=f'Se envió por correo la carta «{asunto}».', visible_cliente=True)
        seguir = (f'\nSiga su caso aquí: {enlaces.enlace_seguimiento(r)}\n'
                  if enlaces.disponible() else '')
        encolar(destinatario, asunto,
                f'{texto}\n\n(Adjuntamos esta carta en PDF.)\n{seguir}', reclamo=r.id,
                clave=f'carta:{documento.id}',
                adjuntos=[(documento.nombre, 'application/pdf', contenido)])
    return documento


secciones.adicional('plantillas_carta', PlantillaCarta)  # in the configuration file
