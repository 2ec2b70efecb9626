"""Filing on the public page (also the Peruvian virtual Libro de Reclamaciones).

Privacy: the portal never reads a known customer's stored contact data and never changes
it. Anyone may type someone else's document number, so what was typed is the case's own
contact (reclamos.caso.contacto) and every message of the case goes to the address typed
here; the confirmation page shows only what the filer typed.
"""
import datetime
from decimal import Decimal, InvalidOperation

from peewee import (BooleanField, CharField, DateTimeField, DecimalField, ForeignKeyField,
                    TextField)

from bd import BaseModel
from bd.compiladas import Compilada
from catalogos.empresa import dato
from reclamos.caso.modelo import Reclamo
from reclamos.caso.registro import registrar, validar
from reclamos.clientes.modelo import Cliente, errores_cliente
from reclamos.correo.salida import direccion_valida, encolar
from reclamos.errores import ErrorValidacion
from reclamos.caso.nucleo import transaccion
from reclamos.portal import consentimiento, enlaces, hoja
from reclamos.portal.adjuntos_pendientes import guardar_adjuntos
from reclamos.portal.hoja import BIENES, TIPOS_LIBRO
from reclamos.tiempo import a_bd, ahora_utc

MAXIMOS = {'cliente_nombre': 200, 'cliente_email': 254, 'cliente_telefono': 40,
           'cliente_direccion': 300, 'cliente_numero_documento': 20,
           'bien_descripcion': 300, 'pedido': 3000, 'monto': 20}
ADJUNTOS_MAX = 3
MONTO_MAX = Decimal('999999999999.99')
CONSENTIMIENTO = 'acepto_datos'


class SolicitudPortal(BaseModel):
    """What the customer gave on the public page, the consent to the personal-data notice,
    and for a hoja de reclamación its fields."""

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
    aviso_version = CharField(max_length=40, default='')
    consentido_en = DateTimeField(null=True)
    consentido_ip = CharField(max_length=45, default='')


_DE = Compilada(lambda ident: SolicitudPortal.select()
                .where(SolicitudPortal.reclamo == ident).limit(1))


def de(reclamo):
    return _DE.primera(reclamo.id)


# -- validation ----------------------------------------------------------------------------
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
    if not consentimiento.aceptado(f.get(CONSENTIMIENTO)):
        errores[CONSENTIMIENTO] = consentimiento.NO_ACEPTADO
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
    """A known customer by id (their record is neither read nor touched), else the data
    to create one."""
    tipo = (f.get('cliente_tipo_documento_identidad') or '').upper()
    existente = Cliente.por_documento(tipo, f.get('cliente_numero_documento'))
    if existente is not None:
        return existente.id
    return {'tipo_documento_identidad': tipo,
            'numero_documento': f.get('cliente_numero_documento'),
            'nombre': f.get('cliente_nombre'), 'email': f.get('cliente_email'),
            'telefono': f.get('cliente_telefono'), 'direccion': f.get('cliente_direccion')}


def contacto_tecleado(f):
    """The contact details exactly as typed on the page (never completed from storage)."""
    return {'nombre': (f.get('cliente_nombre') or '').strip(),
            'email': direccion_valida((f.get('cliente_email') or '').strip()) or '',
            'telefono': (f.get('cliente_telefono') or '').strip(),
            'direccion': (f.get('cliente_direccion') or '').strip()}


def _clave_formulario(clave):
    """The service names customer fields 'cliente.x'; the page's inputs are 'cliente_x'."""
    return clave.replace('cliente.', 'cliente_', 1) if clave.startswith('cliente.') else clave


def _datos_caso(f, campos, config, libro):
    datos = {'canal': config.get('RECLAMOS_PORTAL_CANAL') or 'WEB', 'origen': 'externo',
             'descripcion': f.get('descripcion') or '', 'campos': campos}
    for clave in ('servicio', 'producto', 'motivo'):
        valor = (f.get(clave) or '').strip()
        if valor:
            datos[clave] = int(valor) if valor.isdigit() else valor
    if libro:
        datos['tipo'] = f.get('tipo')
    return datos


# -- filing --------------------------------------------------------------------------------
def registrar_web(f, campos, archivos, ip, config, ahora=None):
    """File a case from the public page in one transaction: the case with its contact, the
    consent, the attachments, the hoja (Libro de Reclamaciones) and the e-mails.

    ``f``: the form's text fields; ``campos``: the motive's custom fields; ``archivos``:
    [(file name, stream)]. Raises ErrorValidacion keyed by form field with every error at
    once (the filer's data and the case's alike); nothing is kept then.
    """
    libro = bool(dato('libro_reclamaciones', config))
    errores = {}
    _validar_contacto(f, libro, errores)
    if len(archivos) > ADJUNTOS_MAX:
        errores['adjuntos'] = f'Adjunte como máximo {ADJUNTOS_MAX} archivos.'
    datos = _datos_caso(f, campos, config, libro)
    ahora = ahora or ahora_utc()
    if errores:
        # The case's own fields are checked too, so one round shows every error.
        try:
            validar(datos, None, ip, ahora, cliente_opcional=True)
        except ErrorValidacion as error:
            errores.update({_clave_formulario(k): m for k, m in error.errores.items()
                            if k not in errores})
        raise ErrorValidacion(errores)
    contacto = contacto_tecleado(f)
    version, _ = consentimiento.aviso(config)
    with transaccion():
        datos['cliente'] = _cliente(f)
        try:
            reclamo = registrar(datos, None, ip, ahora, contacto=contacto)
        except ErrorValidacion as error:
            raise ErrorValidacion({_clave_formulario(k): m
                                   for k, m in error.errores.items()}) from None
        solicitud = SolicitudPortal.create(
            reclamo=reclamo.id, nombre=contacto['nombre'], email=contacto['email'],
            telefono=contacto['telefono'], libro=libro,
            bien=f.get('bien') or '' if libro else '',
            bien_descripcion=(f.get('bien_descripcion') or '').strip() if libro else '',
            monto=_monto(f.get('monto'), {}) if libro else None,
            pedido=(f.get('pedido') or '').strip() if libro else '',
            creado_en=a_bd(ahora), aviso_version=version, consentido_en=a_bd(ahora),
            consentido_ip=(ip or '')[:45])
        guardar_adjuntos(reclamo, archivos, ip, config, ahora)
        if libro:
            _enviar_hoja(reclamo, solicitud, contacto, config, ip, ahora)
    return reclamo


def _enviar_hoja(reclamo, solicitud, contacto, config, ip, ahora):
    documento, contenido = hoja.emitir(reclamo, solicitud, contacto, config, ip, ahora)
    enlace = enlaces.enlace_seguimiento(reclamo) if enlaces.disponible() else ''
    encolar(contacto['email'], f'Hoja de reclamación N.° {reclamo.numero}',
            f'Estimado(a) {contacto["nombre"]}:\n\nAdjuntamos la copia de su hoja de '
            f'reclamación N.° {reclamo.numero}.\n'
            + (f'\nSiga su caso aquí: {enlace}\n' if enlace else ''),
            reclamo=reclamo.id, clave=f'hoja:{reclamo.id}',
            adjuntos=[(documento.nombre, 'application/pdf', contenido)])
