"""POST endpoints of the case page: each form maps to one service call (one transaction).

Errors come back as the case page with a Spanish message and the matching status: 400 bad
input, 403 not allowed, 409 the case changed since it was read (with what changed).
"""
from flask import current_app, flash, redirect, request, url_for
from flask_admin import expose
from flask_login import current_user

from bd.compiladas import Compilada
from bd.recordadas import Recordada
from catalogos.organizacion import Area
from catalogos.usuarios import Usuario
from reclamos.caso import ficha, gestion, lineas
from reclamos.clientes.buscador import ErrorBuscadorClientes, lineas_documento
from reclamos.caso.modelo import Reclamo
from reclamos.errores import ConflictoVersion, ErrorPermiso, ErrorValidacion
from reclamos.caso.flujo import transicionar
from reclamos.plazos.ciclo import prorrogar
from reclamos.plazos.entrega import registrar_entrega
from reglas.enteros import entero
from reglas.transiciones import TRANSICIONES
from vistas import acciones_resultado
from vistas.perezosa import Perezosa

# Form fields each transition takes (the service validates their values).
DATOS_TRANSICION = {'terminar': ('respuesta', 'resultado', 'resultado_motivo'),
                    'cerrar': ('calificacion', 'sin_contacto', 'nota'),
                    'suspender': ('motivo',), 'anular': ('motivo', 'duplicado_de')}
MENSAJES = {'tomar': 'Caso tomado.', 'terminar': 'Caso terminado.', 'cerrar': 'Caso cerrado.',
            'suspender': 'Plazos suspendidos.', 'reanudar': 'Plazos reanudados.',
            'anular': 'Caso anulado.', 'derivar': 'Caso derivado.', 'comentar': 'Comentario '
            'agregado.', 'completar_actividad': 'Actividad completada.',
            'reasignar': 'Caso reasignado.', 'prorrogar': 'Plazo prorrogado.',
            'agregar_linea': 'Línea agregada.',
            'copiar_lineas': 'Líneas copiadas del documento.',
            'enviar_linea': 'Línea enviada a aprobación.',
            'aprobar_linea': 'Línea aprobada.', 'rechazar_linea': 'Línea rechazada.',
            'devolver_linea': 'Línea devuelta para corregir.',
            'cancelar_linea': 'Línea cancelada.', 'registrar_entrega': 'Entrega registrada.',
            **acciones_resultado.MENSAJES}


def _datos_transicion(accion, formulario):
    datos = {}
    for clave in DATOS_TRANSICION.get(accion, ()):
        valor = formulario.get(clave, '')
        if clave == 'calificacion':
            valor = entero(valor) if valor else None
        elif clave == 'sin_contacto':
            valor = valor in ('1', 'on', 'si', 'y')
        if valor not in (None, '', False):
            datos[clave] = valor
    return datos


def ejecutar(accion, reclamo, formulario, usuario, ip):
    """Call the service for ``accion`` with the posted values."""
    version = formulario.get('version')
    if accion in TRANSICIONES:
        return transicionar(reclamo, accion, usuario, ip, version,
                            **_datos_transicion(accion, formulario))
    if accion == 'derivar':
        return gestion.derivar(reclamo, entero(formulario.get('area')),
                               formulario.get('motivo', ''), usuario, ip, version)
    if accion == 'completar_actividad':
        return gestion.completar_actividad(reclamo, usuario, ip, version,
                                           nota=formulario.get('nota', ''))
    if accion == 'reasignar':
        return gestion.reasignar(reclamo, entero(formulario.get('usuario')), usuario, ip,
                                 version)
    if accion == 'comentar':
        return gestion.comentar(reclamo, formulario.get('texto', ''), usuario, ip,
                                visible_cliente=formulario.get('visible_cliente') == '1')
    if accion in ACCIONES_LINEA:
        return _linea(accion, formulario, usuario, ip, version)
    if accion == 'registrar_entrega':
        tipo, _, medio = formulario.get('entrega', '').partition(':')
        return registrar_entrega(reclamo, tipo, medio, formulario.get('instante', ''),
                                 formulario.get('nota', ''), usuario, ip, version)
    if accion == 'prorrogar':
        return prorrogar(reclamo, entero(formulario.get('termino')),
                         entero(formulario.get('cantidad')), formulario.get('motivo', ''),
                         usuario, ip, version)
    if accion in acciones_resultado.ACCIONES:  # issue 17: reclassify, decide the claim
        return acciones_resultado.ACCIONES[accion](reclamo, formulario, usuario, ip, version)
    raise ErrorValidacion({'accion': f'Acción desconocida: «{accion}».'})


ACCIONES_LINEA = ('agregar_linea', 'copiar_lineas', 'enviar_linea', 'aprobar_linea',
                  'rechazar_linea', 'devolver_linea', 'cancelar_linea')


def _linea(accion, formulario, usuario, ip, version):
    """Claim lines (seed 004): the line must belong to the case being shown."""
    if accion == 'agregar_linea':
        return lineas.agregar_linea(formulario['_reclamo'], formulario.get('concepto', ''),
                                    formulario.get('monto_reclamado', ''), usuario, ip, version)
    if accion == 'copiar_lineas':
        reclamo = formulario['_reclamo']
        return lineas.agregar_lineas(reclamo, _del_documento(reclamo), usuario, ip, version)
    linea = lineas.LineaReclamo.get_or_none(
        lineas.LineaReclamo.id == entero(formulario.get('linea')),
        lineas.LineaReclamo.reclamo == formulario['_reclamo'].id)
    if linea is None:
        raise ErrorValidacion({'linea': 'Esa línea no es de este caso.'})
    if accion == 'enviar_linea':
        return lineas.enviar_a_aprobacion(linea, usuario, ip, version)
    if accion == 'aprobar_linea':
        monto = formulario.get('monto_aprobado') or None
        return lineas.aprobar(linea, usuario, ip, version, monto_aprobado=monto)
    if accion == 'rechazar_linea':
        return lineas.rechazar(linea, formulario.get('motivo', ''), usuario, ip, version)
    if accion == 'devolver_linea':
        return lineas.devolver(linea, formulario.get('motivo', ''), usuario, ip, version)
    return lineas.cancelar(linea, usuario, ip, version)


def _del_documento(reclamo):
    """The source document's lines from the company's system (reclamos.clientes.buscador)."""
    if reclamo.documento_tipo is None or not reclamo.documento_numero:
        raise ErrorValidacion({'documento_tipo': 'El caso no indica su documento de origen.'})
    try:
        encontradas = lineas_documento(current_app.config, reclamo.documento_tipo.codigo,
                                       reclamo.documento_numero)
    except ErrorBuscadorClientes as error:
        raise ErrorValidacion({'lineas': str(error)}) from None
    if encontradas is None:
        raise ErrorValidacion({'lineas': 'No hay un sistema de documentos configurado '
                                         '(RECLAMOS_DOCUMENTOS_URL).'})
    if not encontradas:
        raise ErrorValidacion({'lineas': f'El sistema de documentos no conoce '
                                         f'{reclamo.documento_tipo.nombre} '
                                         f'{reclamo.documento_numero}.'})
    return encontradas


_AREAS = Recordada(lambda: Area.activos().order_by(Area.nombre))
_USUARIOS = Compilada(lambda area: Usuario.select().where(
    Usuario.area == area, Usuario.active == True).order_by(Usuario.nombre))  # noqa: E712
_USUARIOS_SIN_AREA = Compilada(lambda: Usuario.select().where(
    Usuario.area.is_null(), Usuario.active == True).order_by(Usuario.nombre))  # noqa: E712


def opciones_acciones(reclamo, lineas, tiempo):
    """Choices the action forms need: areas to hand over to, users of the case's area; and
    the outcome's (vistas.acciones_resultado), from the lines and log the page read."""
    areas = Perezosa(_AREAS.filas)
    return {
        **acciones_resultado.opciones(reclamo, lineas, tiempo, areas),
        'areas': Perezosa(lambda: [a for a in areas if a.id != reclamo.area_id]),
        'usuarios': Perezosa(lambda: _USUARIOS.filas(reclamo.area_id)
                             if reclamo.area_id is not None else _USUARIOS_SIN_AREA.filas()),
    }


class AccionesCaso:
    """Mixed into vistas.casos.VistaCasos after FichaCaso (uses caso_visible,
    caso_para_cambiar, render_ficha)."""

    @expose('/<numero>/accion', methods=('POST',))
    def accion(self, numero):
        reclamo = self.caso_para_cambiar(numero)
        accion = request.form.get('accion', '')
        try:
            formulario = {**request.form.to_dict(), '_reclamo': reclamo}
            ejecutar(accion, reclamo, formulario, current_user, request.remote_addr)
        except ErrorValidacion as error:
            return self.render_ficha(reclamo, ' '.join(error.errores.values()), 400,
                                     {accion: error.errores})
        except ErrorPermiso as error:
            return self.render_ficha(reclamo, str(error), 403)
        except ConflictoVersion as error:
            return self.render_ficha(reclamo, str(error), 409)
        flash(MENSAJES.get(accion, 'Listo.'), 'success')
        if not ficha.visible_para(Reclamo.get_by_id(reclamo.id), current_user):
            # Handed over to an area this user does not work in: back to the queue.
            flash(f'El caso {numero} ya no está en su bandeja ni en su área.', 'info')
            return redirect(url_for('.index'))
        return redirect(url_for('.detalle', numero=numero))
