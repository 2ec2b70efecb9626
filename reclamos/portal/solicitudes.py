"""The customer side of a case: filing on the public page (also the Peruvian virtual Libro de
Reclamaciones), the customer's view of the case, and where the customer's e-mails go.

The portal never edits a known customer's contact data: anyone may type someone else's
document number, so what was given on the page is kept with the case (SolicitudPortal) and
the portal's e-mails go to that address.
"""
import datetime
import io
from decimal import Decimal, InvalidOperation

from peewee import (BooleanField, CharField, DateTimeField, DecimalField, ForeignKeyField,
                    TextField)

from bd import BaseModel
from reclamos.portal import enlaces, pdf
from reclamos.caso.acciones import TIPOS_ACCION, Accion
from reclamos.caso.almacen import de_config
from reclamos.caso.modelo import Reclamo
from reclamos.clientes.modelo import Cliente, errores_cliente, normalizar_numero
from reclamos.correo.salida import Correo, direccion_valida, encolar
from reclamos.caso.documentos import GENERADO, adjuntar
from reclamos.errores import ErrorValidacion
from reclamos.caso.nucleo import transaccion
from reclamos.plazos.ciclo import calendario_de
from reclamos.caso.registro import registrar
from reclamos.plazos.modelo import ACTIVIDAD, LEGAL, TerminoCaso
from reclamos.tiempo import a_bd, ahora_utc, aware
from catalogos.empresa import dato
from catalogos.servicios import TIPOS_CASO
from reglas.transiciones import ETIQUETAS

BIENES = [('producto', 'Producto'), ('servicio', 'Servicio')]
# Ley 29571 / D.S. 011-2011-PCM: the hoja distinguishes these two.
TIPOS_LIBRO = [('reclamo', 'Reclamo: disconformidad con los productos o servicios'),
               ('queja', 'Queja: malestar por la atención recibida, no relacionado con el '
                         'producto o servicio')]
MAXIMOS = {'cliente_nombre': 200, 'cliente_email': 254, 'cliente_telefono': 40,
           'cliente_direccion': 300, 'cliente_numero_documento': 20,
           'bien_descripcion': 300, 'pedido': 3000, 'monto': 20}
ADJUNTOS_MAX = 3
MONTO_MAX = Decimal('999999999999.99')
FORMATO_FECHA = '%d/%m/%Y %H:%M'


class SolicitudPortal(BaseModel):
    """What the customer gave on the public page; for a hoja de reclamación, its fields."""

    reclamo = ForeignKeyField(Reclamo, unique=True, on_delete='RESTRICT')
    nombre = CharField(max_length=200)
    email = CharField(max_length=254)
    telefono = CharField(max_length=40, default='')
    libro = BooleanField(default=False)
    bien = CharField(max_length=10, default='', choices=BIENES)
    bien_descripcion = CharField(max_length=300, default='')
    monto = DecimalField(max_digits=14, decimal_places=2, null=True)
    pedido = TextField(default='')
    creado_en = DateTimeField(default=datetime.datetime.utcnow)


# -- filing ------------------------------------------------------------------------------
def _validar_contacto(f, libro, errores):
    """Checks the service does not make: e-mail required and deliverable-looking, lengths."""
    for clave, maximo in MAXIMOS.items():
        if len(f.get(clave) or '') > maximo:
            errores[clave] = f'Este campo admite hasta {maximo} caracteres.'
    propios = errores_cliente((f.get('cliente_tipo_documento_identidad') or '').upper(),
                              f.get('cliente_numero_documento'), f.get('cliente_nombre'),
                              '', f.get('cliente_telefono') or '', f.get('cliente_direccion'))
    for campo, mensaje in propios.items():
        errores.setdefault('cliente_' + campo, mensaje)
    if not (f.get('cliente_numero_documento') or '').strip():
        errores['cliente_numero_documento'] = 'Indique su número de documento.'
    email = (f.get('cliente_email') or '').strip()
    if not email:
        errores['cliente_email'] = 'Indique su correo: allí le enviaremos la respuesta.'
    elif 'cliente_email' not in errores and direccion_valida(email) is None:
        errores['cliente_email'] = f'Correo inválido: «{email}».'
    if libro:
        _validar_libro(f, errores)


def _validar_libro(f, errores):
    if f.get('tipo') not in dict(TIPOS_LIBRO):
        errores['tipo'] = 'Indique si es un reclamo o una queja.'
    if f.get('bien') not in dict(BIENES):
        errores['bien'] = 'Indique si contrató un producto o un servicio.'
    if not (f.get('pedido') or '').strip():
        errores['pedido'] = 'Indique qué solicita a la empresa (su pedido).'
    if not (f.get('cliente_direccion') or '').strip():
        errores.setdefault('cliente_direccion', 'Indique su domicilio.')
    _monto(f.get('monto'), errores)


def _monto(texto, errores):
    texto = (texto or '').strip().replace(',', '.')
    if not texto:
        return None
    try:
        monto = Decimal(texto)
    except InvalidOperation:
        monto = None
    if monto is None or not monto.is_finite() or monto < 0 or monto > MONTO_MAX:
        errores['monto'] = f'Monto inválido: «{texto[:20]}» (use números, p. ej. 150.50).'
        return None
    return monto.quantize(Decimal('0.01'))


def _cliente(f):
    """A known customer by id (contact data untouched), else the data to create one."""
    tipo = (f.get('cliente_tipo_documento_identidad') or '').upper()
    existente = Cliente.por_documento(tipo, f.get('cliente_numero_documento'))
    if existente is not None:
        return existente.id
    return {'tipo_documento_identidad': tipo,
            'numero_documento': f.get('cliente_numero_documento'),
            'nombre': f.get('cliente_nombre'), 'email': f.get('cliente_email'),
            'telefono': f.get('cliente_telefono'), 'direccion': f.get('cliente_direccion')}


def registrar_web(f, campos, archivos, ip, config, ahora=None):
    """File a case from the public page in one transaction: the case, what the customer gave,
    the attachments, the hoja (Libro de Reclamaciones) and the e-mails.

    ``f``: the form's text fields; ``campos``: the motive's custom fields; ``archivos``:
    [(file name, stream)]. Raises ErrorValidacion keyed by form field; nothing is kept then.
    """
    libro = bool(dato('libro_reclamaciones', config))
    errores = {}
    _validar_contacto(f, libro, errores)
    if len(archivos) > ADJUNTOS_MAX:
        errores['adjuntos'] = f'Adjunte como máximo {ADJUNTOS_MAX} archivos.'
    if errores:
        raise ErrorValidacion(errores)
    datos = {'canal': config.get('RECLAMOS_PORTAL_CANAL') or 'WEB', 'origen': 'externo',
             'descripcion': f.get('descripcion') or '', 'campos': campos}
    for clave in ('servicio', 'producto', 'motivo'):
        valor = (f.get(clave) or '').strip()
        if valor:
            datos[clave] = int(valor) if valor.isdigit() else valor
    if libro:
        datos['tipo'] = f.get('tipo')
    with transaccion():
        datos['cliente'] = _cliente(f)
        try:
            reclamo = registrar(datos, None, ip, ahora)
        except ErrorValidacion as error:
            raise ErrorValidacion({_clave_formulario(k): m
                                   for k, m in error.errores.items()}) from None
        solicitud = SolicitudPortal.create(
            reclamo=reclamo.id, nombre=f.get('cliente_nombre').strip(),
            email=direccion_valida(f.get('cliente_email').strip()),
            telefono=(f.get('cliente_telefono') or '').strip(), libro=libro,
            bien=f.get('bien') or '' if libro else '',
            bien_descripcion=(f.get('bien_descripcion') or '').strip() if libro else '',
            monto=_monto(f.get('monto'), {}) if libro else None,
            pedido=(f.get('pedido') or '').strip() if libro else '',
            creado_en=a_bd(ahora or ahora_utc()))
        for nombre, flujo in archivos:
            try:
                adjuntar(reclamo, 'recibido', None, ip, de_config(config),
                         config['RECLAMOS_ADJUNTO_MAX'], flujo=flujo, nombre=nombre,
                         descripcion='Adjuntado por el cliente en el portal', ahora=ahora)
            except ErrorValidacion as error:
                raise ErrorValidacion({'adjuntos': f'«{nombre[:80]}»: '
                                                   + ' '.join(error.errores.values())}) from None
        _correos_registro(reclamo, solicitud, config, ip, ahora)
    return reclamo


def _clave_formulario(clave):
    """The service names customer fields 'cliente.x'; the page's inputs are 'cliente_x'."""
    return clave.replace('cliente.', 'cliente_', 1) if clave.startswith('cliente.') else clave


def vencimiento_legal(reclamo):
    """The instant the answer is due (legal term) in the case calendar's zone, or None."""
    termino = (TerminoCaso.select().where(TerminoCaso.reclamo == reclamo.id,
                                          TerminoCaso.tipo == LEGAL).first())
    if termino is None or termino.vence_en is None:
        return None
    return calendario_de(reclamo).local(aware(termino.vence_en))


def _correos_registro(reclamo, solicitud, config, ip, ahora):
    vence = vencimiento_legal(reclamo)
    recibido = calendario_de(reclamo).local(aware(reclamo.recibido_en))
    enlace = enlaces.enlace_seguimiento(reclamo) if enlaces.disponible() else ''
    tipo = dict(TIPOS_CASO).get(reclamo.tipo, reclamo.tipo).lower()
    cuerpo = (f'Estimado(a) {solicitud.nombre}:\n\n'
              f'Registramos su {tipo} con el número {reclamo.numero} el '
              f'{recibido:{FORMATO_FECHA}}.\n'
              + (f'Le responderemos a más tardar el {vence:{FORMATO_FECHA}}.\n' if vence else '')
              + (f'\nPuede seguir su caso aquí, sin escribir ningún dato:\n{enlace}\n'
                 if enlace else '')
              + '\nAtención al cliente\n')
    # The registration service acknowledges to the customer's stored address; a known
    # customer's address is never changed from the portal, so when the one typed here differs
    # (or none is stored) it gets this message too.
    acuse = Correo.get_or_none(Correo.clave == f'acuse:{reclamo.id}')
    if acuse is None or acuse.destinatario.lower() != solicitud.email.lower():
        encolar(solicitud.email, f'Caso {reclamo.numero} registrado', cuerpo,
                reclamo=reclamo.id, clave=f'acuse-portal:{reclamo.id}')
    if solicitud.libro:
        contenido = hoja_pdf(reclamo, solicitud, config)
        documento = adjuntar(reclamo, GENERADO, None, ip, de_config(config),
                             config['RECLAMOS_ADJUNTO_MAX'], flujo=io.BytesIO(contenido),
                             nombre=f'hoja-reclamacion-{reclamo.numero}.pdf',
                             descripcion='Hoja de reclamación (Libro de Reclamaciones virtual)',
                             ahora=ahora)
        encolar(solicitud.email, f'Hoja de reclamación N.° {reclamo.numero}',
                f'Estimado(a) {solicitud.nombre}:\n\nAdjuntamos la copia de su hoja de '
                f'reclamación N.° {reclamo.numero}.\n'
                + (f'\nSiga su caso aquí: {enlace}\n' if enlace else ''),
                reclamo=reclamo.id, clave=f'hoja:{reclamo.id}',
                adjuntos=[(documento.nombre, 'application/pdf', contenido)])


def hoja_pdf(reclamo, solicitud, config):
    """The hoja de reclamación as the consumer filed it (Ley 29571, virtual book)."""
    cliente = reclamo.cliente
    recibido = calendario_de(reclamo).local(aware(reclamo.recibido_en))
    vence = vencimiento_legal(reclamo)
    doc = pdf.Documento(f'Hoja de reclamación {reclamo.numero}')
    doc.titulo('LIBRO DE RECLAMACIONES - HOJA DE RECLAMACIÓN')
    doc.fila('N.°', reclamo.numero)
    doc.fila('Fecha', f'{recibido:{FORMATO_FECHA}}')
    doc.fila('Proveedor', dato('nombre', config) or '')
    doc.fila('RUC', dato('identificacion', config) or '')
    doc.fila('Dirección', dato('direccion', config) or '')
    doc.subtitulo('1. Identificación del consumidor reclamante')
    doc.fila('Nombre', solicitud.nombre)
    doc.fila('Documento', f'{cliente.tipo_documento_identidad} {cliente.numero_documento}')
    doc.fila('Domicilio', cliente.direccion)
    doc.fila('Teléfono', solicitud.telefono)
    doc.fila('Correo', solicitud.email)
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
    doc.parrafo('La formulación del reclamo no impide acudir a otras vías de solución de '
                'controversias ni es requisito previo para interponer una denuncia ante el '
                'INDECOPI. El proveedor deberá dar respuesta al reclamo en un plazo no mayor '
                'a quince (15) días hábiles.', 9)
    return doc.bytes()


# -- where the customer's e-mails go ------------------------------------------------------
def destinatario_de(reclamo):
    """Externo: the address given on the portal, else the customer's; interno: the
    requesting area's mailbox. '' when nobody can be written to."""
    if reclamo.origen == 'interno':
        return reclamo.area_solicitante.correo if reclamo.area_solicitante_id else ''
    solicitud = SolicitudPortal.get_or_none(SolicitudPortal.reclamo == reclamo.id)
    if solicitud is not None:
        return solicitud.email
    return reclamo.cliente.email if reclamo.cliente_id else ''


# -- the customer's view -------------------------------------------------------------------
def buscar(numero, documento):
    """The case with this number whose customer has this document number, else None.

    A wrong number and a wrong document give the same None (no enumeration)."""
    numero = str(numero or '').strip()[:20]
    documento = normalizar_numero(documento)[:20]
    if not numero or not documento:
        return None
    return (Reclamo.select().join(Cliente, on=(Reclamo.cliente == Cliente.id))
            .where(Reclamo.numero == numero, Cliente.numero_documento == documento).first())


def vista_cliente(reclamo):
    """What the customer may see: never user names, internal notes or other cases."""
    calendario = calendario_de(reclamo)
    tipos = dict(TIPOS_ACCION)
    eventos = []
    for accion in Accion.de(reclamo.id, solo_cliente=True):
        texto = accion.texto
        if accion.tipo == 'transicion' and accion.campo == 'estado':
            estado = ETIQUETAS.get(accion.valor_nuevo, '')
            texto = f'Estado: {estado}.' + (f' {texto}' if texto else '')
        eventos.append({'instante': calendario.local(aware(accion.instante)),
                        'tipo': tipos.get(accion.tipo, accion.tipo), 'texto': texto})
    actividades = [{'nombre': t.nombre, 'cumplido': calendario.local(aware(t.cumplido_en))}
                   for t in TerminoCaso.select().where(
                       TerminoCaso.reclamo == reclamo.id, TerminoCaso.tipo == ACTIVIDAD,
                       TerminoCaso.cumplido_en.is_null(False)).order_by(TerminoCaso.cumplido_en)]
    return {'numero': reclamo.numero, 'estado': ETIQUETAS.get(reclamo.estado, reclamo.estado),
            'tipo': dict(TIPOS_CASO).get(reclamo.tipo, reclamo.tipo),
            'servicio': reclamo.servicio.nombre, 'motivo': reclamo.motivo.nombre,
            'recibido': calendario.local(aware(reclamo.recibido_en)),
            'vence': vencimiento_legal(reclamo), 'descripcion': reclamo.descripcion,
            'respuesta': reclamo.respuesta, 'calificacion': reclamo.calificacion,
            'resultado': reclamo.resultado.nombre if reclamo.resultado_id else None,
            'actividades': actividades, 'eventos': eventos}
