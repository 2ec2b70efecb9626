"""The customer portal under /portal, no login: file a case (also the Peruvian virtual Libro de
Reclamaciones), follow it by number + document or by a signed link, rate it.

Every rule lives in the services (reclamos.portal.solicitudes, reclamos.portal.encuesta); these
views collect the form, apply the per-IP limits (Flask-Limiter, RECLAMOS_LIMITE_PORTAL) and
answer in Spanish. The layout is its own (templates/portal), small and mobile-first."""
from flask import (Blueprint, abort, current_app, jsonify, redirect, render_template, request,
                   url_for)
from flask_login import current_user
from flask_wtf import FlaskForm

from bd.recordadas import Recordada
from vistas.limites import limitador
from catalogos.servicios import Motivo, Servicio
from reclamos.portal import (adjuntos_pendientes as pendientes, consentimiento, conversacion,
                             encuesta, enlaces, seguimiento as vista, solicitudes as portal)
from reclamos.portal.hoja import BIENES, TIPOS_LIBRO
from catalogos.empresa import tipos_identidad
from reclamos.errores import ErrorPermiso, ErrorValidacion
from vistas.registro import PREFIJO_CAMPO, dependientes

bp = Blueprint('portal', __name__, url_prefix='/portal')
HONEYPOT = 'sitio_web'  # hidden from people by CSS; a bot that fills it files nothing
GUARDADO = 'adjunto_guardado'  # signed references to files set aside (adjuntos_pendientes)
# The public form is opened from every link to it: its list kept per process (bd.recordadas).
_SERVICIOS = Recordada(lambda: Servicio.activos().order_by(Servicio.nombre))
# A reply posted without the form token of its own link (a forged or pasted form).
FORMULARIO_AJENO = ('No pudimos recibir el mensaje: vuelva a abrir el enlace de su caso y '
                    'escríbalo de nuevo.')
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
    from catalogos.empresa import dato

    config = current_app.config
    return render_template(f'portal/{plantilla}', libro=dato('libro_reclamaciones', config),
                           empresa=dato('nombre', config), **contexto), estado


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


def _archivos(campo='adjuntos'):
    return [(a.filename, a.stream) for a in request.files.getlist(campo) if a and a.filename]


@bp.route('/', methods=('GET', 'POST'))
@limitador.limit(_limite, methods=['POST'])
def registro():
    formulario = FormularioPortal()
    valores = request.form if request.method == 'POST' else {}
    errores, guardados = {}, []
    if request.method == 'POST':
        if request.form.get(HONEYPOT):
            errores['datos'] = 'No se pudo registrar el caso. Inténtelo de nuevo.'
        elif not formulario.validate_on_submit():
            errores['datos'] = 'La sesión del formulario expiró: vuelva a enviarlo.'
        else:
            campos = {k[len(PREFIJO_CAMPO):]: v for k, v in request.form.items()
                      if k.startswith(PREFIJO_CAMPO)}
            previos = request.form.getlist(GUARDADO)
            nuevos = _archivos()
            archivos = [(n, f) for _, n, f in pendientes.recuperar(previos, current_app.config)
                        ] + nuevos
            try:
                reclamo = portal.registrar_web(request.form, campos, archivos,
                                               request.remote_addr, current_app.config)
            except ErrorValidacion as error:
                errores = dict(error.errores)
                guardados, rechazados = _apartar(previos, nuevos, errores)
                if rechazados:
                    errores['adjuntos'] = ' '.join(rechazados) + ' Elíjalos de nuevo.'
            else:
                pendientes.descartar(previos, current_app.config)
                return redirect(url_for('.caso', token=enlaces.firmar(
                    enlaces.SEGUIMIENTO, {'r': reclamo.id}), registrado=1))
    productos, motivos, campos = dependientes(_ident(Servicio, valores.get('servicio')),
                                              _ident(Motivo, valores.get('motivo')))
    version, aviso = consentimiento.aviso(current_app.config)
    return _pagina('registro.html', 400 if errores else 200, formulario=formulario,
                   valores=valores, errores=errores, productos=productos, motivos=motivos,
                   campos=campos, prefijo=PREFIJO_CAMPO, honeypot=HONEYPOT,
                   servicios=_SERVICIOS.filas(),
                   tipos_documento=tipos_identidad(), bienes=BIENES,
                   tipos_libro=TIPOS_LIBRO, guardados=guardados, guardado=GUARDADO,
                   aviso=aviso, aviso_version=version, consentimiento=portal.CONSENTIMIENTO)


def _apartar(previos, nuevos, errores):
    """Keep the files of a refused form: the ones already set aside and the new acceptable
    ones (the refused file named in 'adjuntos' must be chosen again)."""
    config = current_app.config
    ya = [(t, n) for t, n, _ in pendientes.recuperar(previos, config)]
    for _, flujo in nuevos:
        flujo.seek(0)
    if 'adjuntos' in errores and len(ya) + len(nuevos) > portal.ADJUNTOS_MAX:
        return ya, []
    guardados, rechazados = pendientes.apartar(nuevos, config)
    return (ya + guardados)[:portal.ADJUNTOS_MAX], rechazados


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
            reclamo = vista.buscar(request.form.get('numero'), request.form.get('documento'))
            if reclamo is not None:
                return redirect(url_for('.caso', token=enlaces.firmar(
                    enlaces.SEGUIMIENTO, {'r': reclamo.id})))
            error = NO_ENCONTRADO
    return _pagina('seguimiento.html', 400 if error else 200, formulario=formulario,
                   error=error, numero=request.form.get('numero', '')[:20])


def _caso_del_enlace(token):
    datos = enlaces.leer(enlaces.SEGUIMIENTO, token)
    return vista.caso(datos['r']) \
        if isinstance(datos, dict) and isinstance(datos.get('r'), int) else None


def _enlace_no_valido():
    return _pagina('mensaje.html', 404, titulo='Enlace no válido',
                   mensaje='El enlace no es válido o venció. Consulte su caso con el '
                           'número y su documento.', seguimiento=True)


@bp.route('/caso/<token>', methods=('GET', 'POST'))
@limitador.limit(_limite, methods=['POST'])
def caso(token):
    """The case, its conversation and the reply form (the signed link is the key).

    No session: the reply form carries the link's own form token (enlaces.clave_formulario)
    instead of the session's CSRF token, so opening the page reads and writes no cookie."""
    reclamo = _caso_del_enlace(token)
    if reclamo is None:
        return _enlace_no_valido()
    errores = {}
    if request.method == 'POST':
        if not enlaces.formulario_valido(token, request.form.get('csrf_token')):
            errores['datos'] = FORMULARIO_AJENO
        else:
            try:
                conversacion.responder(reclamo, request.form.get('texto'), _archivos(),
                                       request.remote_addr, current_app.config)
            except ErrorValidacion as error:
                errores = error.errores
            except ErrorPermiso as error:
                errores['datos'] = str(error)
            else:
                return redirect(url_for('.caso', token=token, enviado=1) + '#conversacion')
    solicitud = reclamo.solicitud_portal
    version, aviso = consentimiento.aviso(current_app.config)
    return _pagina('caso.html', 400 if errores else 200, caso=vista.vista_cliente(reclamo),
                   registrado=request.args.get('registrado') == '1',
                   enviado=request.args.get('enviado') == '1',
                   clave_formulario=enlaces.clave_formulario(token), errores=errores,
                   valores=request.form, aviso=aviso,
                   aviso_version=(solicitud.aviso_version if solicitud
                                  and solicitud.aviso_version else version))


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


@bp.get('/logo')
def logo():
    """The company logo of the profile (Organización > Empresa), for the portal and letters."""
    from catalogos.empresa import TIPOS_LOGO, Empresa

    empresa = Empresa.actual()
    if not empresa.logo or empresa.logo_tipo not in TIPOS_LOGO:
        abort(404)
    return current_app.response_class(bytes(empresa.logo), mimetype=empresa.logo_tipo,
                                      headers={'Cache-Control': 'public, max-age=300'})
