"""Registration form for agents, generated from the catalogs.

The form only collects: every rule (codes, product of the service, custom fields by type,
dates, origin) is checked by ``reclamos.caso.registro.registrar``, whose field errors are shown
next to the fields. Custom fields come as ``campo.<codigo>`` inputs.
"""
import datetime
from zoneinfo import ZoneInfo

from flask import abort, current_app, flash, jsonify, redirect, request, url_for
from flask_admin import expose
from flask_login import current_user
from flask_wtf import FlaskForm

from catalogos.atencion import TIPOS_SOLICITANTE, Canal, PuntoRecepcion, TipoDocumento
from catalogos.organizacion import Area
from catalogos.plazos import Prioridad
from catalogos.servicios import TIPOS_CASO, Motivo, Producto, Servicio
from reclamos.caso import ficha
from reclamos.caso.modelo import ORIGENES, Reclamo
from catalogos.empresa import tipos_identidad
from reclamos.clientes.modelo import Cliente
from reclamos.caso.duplicados import posibles_duplicados
from reclamos.caso.gestion import comentar
from reclamos.errores import ErrorPermiso, ErrorValidacion
from reclamos.caso.registro import registrar
from reclamos.caso.validacion import definiciones
from reglas.transiciones import ETIQUETAS, puede_registrar
from reglas.validacion import UNIDADES

PREFIJO_CAMPO = 'campo.'


class FormularioRegistro(FlaskForm):
    """Carries only the CSRF token: the fields are drawn from the catalogs by the template."""


def datos_del_formulario(formulario):
    """The registration dict of the service, from the posted form."""
    def texto(nombre):
        return (formulario.get(nombre) or '').strip()

    datos = {clave: texto(clave) or None for clave in
             ('tipo', 'origen', 'canal', 'servicio', 'producto', 'motivo', 'prioridad',
              'area_solicitante', 'documento_tipo', 'documento_numero', 'recibido_en',
              'tipo_solicitante', 'entidad_remitente', 'expediente_entidad',
              'punto_recepcion')}
    datos['descripcion'] = formulario.get('descripcion', '')
    datos['recibido_en'] = _con_zona(datos['recibido_en'])
    if texto('plazo_entidad_cantidad'):
        datos['plazo_entidad'] = {'cantidad': texto('plazo_entidad_cantidad'),
                                  'unidad': texto('plazo_entidad_unidad')}
    for clave in ('canal', 'servicio', 'producto', 'motivo', 'prioridad', 'area_solicitante',
                  'documento_tipo', 'punto_recepcion'):
        if datos[clave] and datos[clave].isdigit():
            datos[clave] = int(datos[clave])
    if datos['origen'] != 'interno' or texto('cliente_numero_documento'):
        datos['cliente'] = {c: texto('cliente_' + c) for c in (
            'tipo_documento_identidad', 'numero_documento', 'nombre', 'email', 'telefono',
            'direccion')}
    datos['campos'] = {clave[len(PREFIJO_CAMPO):]: valor for clave, valor in formulario.items()
                       if clave.startswith(PREFIJO_CAMPO)}
    return {k: v for k, v in datos.items() if v not in (None, '')}


def _con_zona(texto):
    """A datetime-local input has no zone: it is the desk's local time, not UTC."""
    if not texto:
        return None
    try:
        instante = datetime.datetime.fromisoformat(texto)
    except ValueError:
        return texto  # the service names the bad value
    if instante.tzinfo is None:
        instante = instante.replace(tzinfo=ZoneInfo(current_app.config['BABEL_DEFAULT_TIMEZONE']))
    return instante.isoformat()


def opciones_registro():
    """Active catalog rows for the selects (each a small query)."""
    return {
        'servicio': list(Servicio.activos().order_by(Servicio.nombre)),
        'canal': list(Canal.activos().order_by(Canal.nombre)),
        'prioridad': list(Prioridad.activos().order_by(Prioridad.orden)),
        'area_solicitante': list(Area.activos().where(Area.registra == True)  # noqa: E712
                                 .order_by(Area.nombre)),
        'documento_tipo': list(TipoDocumento.activos().order_by(TipoDocumento.nombre)),
        'punto_recepcion': list(PuntoRecepcion.activos().order_by(PuntoRecepcion.nombre)),
        'tipo_solicitante': TIPOS_SOLICITANTE, 'unidades': UNIDADES,
        'tipo': TIPOS_CASO, 'origen': ORIGENES,
        'tipo_documento': tipos_identidad(),
    }


def dependientes(servicio_id, motivo_id):
    """Products and motives of the chosen service, custom fields of the chosen motive."""
    productos = motivos = campos = []
    if servicio_id:
        productos = list(Producto.activos().where(Producto.servicio == servicio_id)
                         .order_by(Producto.nombre))
        motivos = list(Motivo.activos().where(Motivo.servicio == servicio_id)
                       .order_by(Motivo.nombre))
    if motivo_id:
        campos = definiciones(motivo_id)
    return productos, motivos, campos


def candidatos(formulario):
    """Open cases this submission may repeat: same customer and motive, or a very similar
    description (reclamos.caso.duplicados)."""
    cliente = Cliente.por_documento(
        (formulario.get('cliente_tipo_documento_identidad') or '').upper(),
        formulario.get('cliente_numero_documento') or '')
    motivo = _entero(formulario.get('motivo'))
    if cliente is None and motivo is None:
        return []
    return posibles_duplicados(cliente, motivo, formulario.get('descripcion', ''),
                               usuario=current_user)


def vincular(reclamo, formulario):
    """Add the submission to an existing case as a note instead of opening a new one."""
    if not ficha.visible_para(reclamo, current_user):
        abort(404)
    texto = ('Nueva presentación del mismo asunto (vinculada en lugar de registrar un caso '
             'nuevo):\n' + (formulario.get('descripcion') or '').strip())
    try:
        comentar(reclamo, texto, current_user, request.remote_addr)
    except (ErrorValidacion, ErrorPermiso) as error:
        flash(str(error), 'error')
    else:
        flash(f'Se agregó al caso {reclamo.numero}; no se creó un caso nuevo.', 'success')
    return redirect(url_for('.detalle', numero=reclamo.numero))


def _entero(valor):
    return int(valor) if str(valor or '').isdigit() else None


class Registro:
    """Mixed into vistas.casos.VistaCasos, which checks that the user is staff."""

    @expose('/nuevo', methods=('GET', 'POST'))
    def nuevo(self):
        area = current_user.fila_area  # read once: the service checks it again
        if not puede_registrar(current_user.nombres_roles(), area.registra if area else None)[0]:
            abort(403)
        formulario = FormularioRegistro()
        valores = request.form if request.method == 'POST' else request.args
        errores = {}
        if request.method == 'POST':
            if not formulario.validate_on_submit():
                errores['datos'] = 'La sesión del formulario expiró: vuelva a enviarlo.'
            else:
                duplicados = [] if request.form.get('confirmar') else candidatos(request.form)
                vincular_a = request.form.get('vincular_a', '')[:20]
                vinculo = Reclamo.get_or_none(Reclamo.numero == vincular_a) if vincular_a \
                    else None
                if vinculo is not None and vinculo.id in {d.reclamo.id for d in
                                                          candidatos(request.form)}:
                    return vincular(vinculo, request.form)
                if duplicados:
                    return self._formulario(formulario, request.form, errores, duplicados)
                try:
                    reclamo = registrar(datos_del_formulario(request.form), current_user,
                                        request.remote_addr)
                except ErrorValidacion as error:
                    errores = error.errores
                except ErrorPermiso as error:
                    errores['datos'] = str(error)
                else:
                    flash(f'Caso {reclamo.numero} registrado.', 'success')
                    return redirect(url_for('.detalle', numero=reclamo.numero))
        return self._formulario(formulario, valores, errores)

    def _formulario(self, formulario, valores, errores, duplicados=()):
        productos, motivos, campos = dependientes(_entero(valores.get('servicio')),
                                                  _entero(valores.get('motivo')))
        return self.render('casos/registro.html', formulario=formulario, valores=valores,
                           errores=errores, opciones=opciones_registro(), productos=productos,
                           motivos=motivos, campos=campos, prefijo=PREFIJO_CAMPO,
                           duplicados=duplicados, estados_caso=ETIQUETAS)

    @expose('/cliente')
    def cliente(self):
        """Customer data by document, through the configured directory (local table or the
        company's HTTP service): fills the registration form."""
        from reclamos.clientes.buscador import ErrorBuscadorClientes, buscador_clientes

        tipo = (request.args.get('tipo') or '').strip().upper()[:3]
        numero = (request.args.get('numero') or '').strip()[:20]
        if not tipo or not numero:
            return jsonify(errores={'numero': 'Indique tipo y número de documento.'}), 422
        try:
            datos = buscador_clientes(current_app.config).buscar(tipo, numero)
        except ErrorBuscadorClientes as error:
            return jsonify(errores={'cliente': str(error)}), 502
        if datos is None:
            return jsonify(cliente=None), 404
        return jsonify(cliente={'nombre': datos.nombre, 'email': datos.email,
                                'telefono': datos.telefono, 'direccion': datos.direccion})

    @expose('/catalogo')
    def catalogo(self):
        """JSON for the form's dependent selects: ?servicio=ID and/or ?motivo=ID."""
        productos, motivos, campos = dependientes(_entero(request.args.get('servicio')),
                                                  _entero(request.args.get('motivo')))
        return jsonify(
            productos=[{'id': p.id, 'nombre': p.nombre} for p in productos],
            motivos=[{'id': m.id, 'nombre': m.nombre, 'producto': m.producto_id,
                      'prioridad': m.prioridad_id} for m in motivos],
            campos=[{'codigo': c.codigo, 'etiqueta': c.nombre, 'tipo': c.tipo,
                     'requerido': c.requerido, 'opciones': list(c.opciones)} for c in campos])
