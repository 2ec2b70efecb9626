"""The customer portal under /portal, no login: file a case (also the Peruvian virtual Libro de
Reclamaciones), follow it by number + document or by a signed link, rate it.

Every rule lives in the services (reclamos.portal.solicitudes, reclamos.portal.encuesta); these
views collect the form, apply the per-IP limits (Flask-Limiter, RECLAMOS_LIMITE_PORTAL) and
answer in Spanish. The layout is its own (templates/portal), small and mobile-first."""
from flask import (Blueprint, current_app, jsonify, redirect, render_template, request,
                   url_for)
from flask_login import current_user
from flask_wtf import FlaskForm

from vistas.limites import limitador
from catalogos.servicios import Motivo, Servicio
from reclamos.portal import encuesta, enlaces, solicitudes as portal
from reclamos.caso.modelo import Reclamo
from reclamos.clientes.modelo import TIPOS_DOCUMENTO_IDENTIDAD
from reclamos.errores import ErrorPermiso, ErrorValidacion
from vistas.registro import PREFIJO_CAMPO, dependientes

bp = Blueprint('portal', __name__, url_prefix='/portal')
HONEYPOT = 'sitio_web'  # hidden from people by CSS; a bot that fills it files nothing
NO_ENCONTRADO = ('No encontramos un caso con ese número y ese documento. Revise ambos datos '
                 'tal como figuran en el correo que recibió.')


def _limite():
    return current_app.config['RECLAMOS_LIMITE_PORTAL']


class FormularioPortal(FlaskForm):
    """Only the CSRF token: the fields come from the catalogs."""


def _entero(valor):
    texto = str(valor or '').strip()
    return int(texto) if texto.isdigit() and len(texto) < 10 else None


def _ident(modelo, valor):
    """The id of a catalog row posted as id or codigo (the form sends ids)."""
    ident = _entero(valor)
    if ident is None and valor:
        ident = modelo.select(modelo.id).where(modelo.codigo == str(valor)[:40]).scalar()
    return ident


def _pagina(plantilla, estado=200, **contexto):
    return render_template(f'portal/{plantilla}', libro=current_app.config.get(
        'RECLAMOS_LIBRO_RECLAMACIONES'), empresa=current_app.config.get('RECLAMOS_EMPRESA'),
        **contexto), estado


@bp.errorhandler(429)
def _demasiadas(error):
    return _pagina('mensaje.html', 429, titulo='Demasiadas solicitudes',
                   mensaje='Ha enviado demasiadas solicitudes seguidas desde su conexión. '
                           'Espere unos minutos e inténtelo de nuevo.')


@bp.errorhandler(413)
def _muy_grande(error):
    return _pagina('mensaje.html', 413, titulo='Archivos demasiado grandes',
                   mensaje='Los archivos adjuntos superan el tamaño permitido. Vuelva al '
                           'formulario y adjunte archivos más pequeños.')


@bp.route('/', methods=('GET', 'POST'))
@limitador.limit(_limite, methods=['POST'])
def registro():
    formulario = FormularioPortal()
    valores = request.form if request.method == 'POST' else {}
    errores = {}
    if request.method == 'POST':
        if request.form.get(HONEYPOT):
            errores['datos'] = 'No se pudo registrar el caso. Inténtelo de nuevo.'
        elif not formulario.validate_on_submit():
            errores['datos'] = 'La sesión del formulario expiró: vuelva a enviarlo.'
        else:
            campos = {k[len(PREFIJO_CAMPO):]: v for k, v in request.form.items()
                      if k.startswith(PREFIJO_CAMPO)}
            archivos = [(a.filename, a.stream) for a in request.files.getlist('adjuntos')
                        if a and a.filename]
            try:
                reclamo = portal.registrar_web(request.form, campos, archivos,
                                               request.remote_addr, current_app.config)
            except ErrorValidacion as error:
                errores = error.errores
            else:
                return redirect(url_for('.caso', token=enlaces.firmar(
                    enlaces.SEGUIMIENTO, {'r': reclamo.id}), registrado=1))
    productos, motivos, campos = dependientes(_ident(Servicio, valores.get('servicio')),
                                              _ident(Motivo, valores.get('motivo')))
    return _pagina('registro.html', 400 if errores else 200, formulario=formulario,
                   valores=valores, errores=errores, productos=productos, motivos=motivos,
                   campos=campos, prefijo=PREFIJO_CAMPO, honeypot=HONEYPOT,
                   servicios=list(Servicio.activos().order_by(Servicio.nombre)),
                   tipos_documento=TIPOS_DOCUMENTO_IDENTIDAD, bienes=portal.BIENES,
                   tipos_libro=portal.TIPOS_LIBRO)


@bp.route('/catalogo')
def catalogo():
    """Products and motives of a service, custom fields of a motive (dependent selects)."""
    productos, motivos, campos = dependientes(_entero(request.args.get('servicio')),
                                              _entero(request.args.get('motivo')))
    return jsonify(
        productos=[{'id': p.id, 'nombre': p.nombre} for p in productos],
        motivos=[{'id': m.id, 'nombre': m.nombre} for m in motivos],
        campos=[{'codigo': c.codigo, 'etiqueta': c.nombre, 'tipo': c.tipo,
                 'requerido': c.requerido, 'opciones': list(c.opciones)} for c in campos])


@bp.route('/seguimiento', methods=('GET', 'POST'))
@limitador.limit(_limite, methods=['POST'])
def seguimiento():
    formulario = FormularioPortal()
    error = None
    if request.method == 'POST':
        if not formulario.validate_on_submit():
            error = 'La sesión del formulario expiró: vuelva a enviarlo.'
        else:
            reclamo = portal.buscar(request.form.get('numero'), request.form.get('documento'))
            if reclamo is not None:
                return redirect(url_for('.caso', token=enlaces.firmar(
                    enlaces.SEGUIMIENTO, {'r': reclamo.id})))
            error = NO_ENCONTRADO
    return _pagina('seguimiento.html', 400 if error else 200, formulario=formulario,
                   error=error, numero=request.form.get('numero', '')[:20])


@bp.route('/caso/<token>')
@limitador.limit(_limite)
def caso(token):
    datos = enlaces.leer(enlaces.SEGUIMIENTO, token)
    reclamo = Reclamo.get_or_none(Reclamo.id == datos.get('r')) \
        if isinstance(datos, dict) and isinstance(datos.get('r'), int) else None
    if reclamo is None:
        return _pagina('mensaje.html', 404, titulo='Enlace no válido',
                       mensaje='El enlace no es válido o venció. Consulte su caso con el '
                               'número y su documento.', seguimiento=True)
    return _pagina('caso.html', caso=portal.vista_cliente(reclamo),
                   registrado=request.args.get('registrado') == '1')


@bp.route('/encuesta/<token>', methods=('GET', 'POST'))
@limitador.limit(_limite, methods=['POST'])
def encuesta_(token):
    formulario = FormularioPortal()
    errores = {}
    try:
        _, reclamo = encuesta.abrir(token)
    except ErrorValidacion as error:
        return _pagina('mensaje.html', 410 if error.errores['enlace'] == encuesta.ENLACE_USADO
                       else 404, titulo='Encuesta de satisfacción',
                       mensaje=error.errores['enlace'])
    if request.method == 'POST':
        if not formulario.validate_on_submit():
            errores['datos'] = 'La sesión del formulario expiró: vuelva a enviarlo.'
        else:
            usuario = current_user if current_user.is_authenticated else None
            try:
                encuesta.responder(token, request.form.get('calificacion'),
                                   request.form.get('comentario', ''), usuario,
                                   request.remote_addr)
            except ErrorValidacion as error:
                errores = error.errores
            except ErrorPermiso as error:
                errores['datos'] = (f'{error} Ingrese con un usuario de esa área y vuelva a '
                                    'abrir el enlace.')
            else:
                return _pagina('mensaje.html', titulo='¡Gracias!',
                               mensaje=f'Registramos su calificación del caso '
                                       f'{reclamo.numero}.')
    return _pagina('encuesta.html', 400 if errores else 200, formulario=formulario,
                   errores=errores, numero=reclamo.numero, interno=reclamo.origen == 'interno',
                   valores=request.form)
