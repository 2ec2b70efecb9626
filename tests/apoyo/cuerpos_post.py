"""The body each POST route of the screens needs to change something real, for the CSRF
walk (tests/vistas/test_csrf.py): posted without the token it must change nothing, with it
it must change something. A new POST route needs its entry in ``cuerpo()``."""
import io

from flask import url_for
from werkzeug.datastructures import MultiDict

from tests.apoyo.formularios import valores_formulario
from tests.apoyo.portal import datos_validos

PDF = b'%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'
ADMIN_MODELO = ('create_view', 'edit_view', 'delete_view', 'action_view', 'ajax_update')
MEJORA = {'tipo': 'correctiva', 'descripcion': 'Revisar la red del sector norte.',
          'vence_el': '2099-12-31'}


def _vista(app, nombre):
    admin = app.extensions['admin'][0]
    return next(v for v in admin._views if v.endpoint == nombre)


def cuerpo(app, client, endpoint, caso, filas):
    """(url, body) of a request that changes data when it carries the token."""
    nombre, _, vista = endpoint.partition('.')
    if vista in ADMIN_MODELO:
        modelo = _vista(app, nombre).model
        fila = modelo.select().order_by(modelo._meta.primary_key.desc()).first()
        if vista == 'action_view':  # the screen's own list action (e.g. retry), else delete
            propias = [a for a, _ in _vista(app, nombre)._actions
                       if a not in ('delete', 'desactivar')]  # the two every screen has
            accion = propias[0] if propias else 'delete'
            return url_for(endpoint), MultiDict([('action', accion), ('rowid', fila.id)])
        edicion = url_for(f'{nombre}.edit_view', id=fila.id)
        valores = valores_formulario(client.get(edicion).get_data(as_text=True))
        valores.pop('csrf_token', None)
        if not valores:  # a read-only screen (403 for everybody): any body will do
            return (edicion if vista == 'edit_view' else url_for(endpoint)), {'id': fila.id}
        if vista == 'edit_view':
            campo = 'nombre' if 'nombre' in valores else next(iter(valores))
            valores[campo] = 'CAMBIADO'
            return edicion, valores
        if vista == 'create_view':
            for campo in ('codigo', 'email', 'numero_documento'):
                if campo in valores:
                    valores[campo] = {'email': 'nuevo@prueba.pe'}.get(campo, '99887766')
            return url_for(endpoint), valores
        if vista == 'delete_view':
            return url_for(endpoint), {'id': fila.id}
        return url_for(endpoint), {'list_form_pk': fila.id, 'activo': ''}
    propios = {
        'casos.accion': lambda: (url_for(endpoint, numero=caso.numero), {
            'accion': 'comentar', 'texto': 'Hola', 'version': caso.version}),
        'casos.adjuntar': lambda: (url_for(endpoint, numero=caso.numero), {
            'tipo': 'recibido', 'descripcion': 'Factura', 'archivo': (io.BytesIO(PDF), 'f.pdf')}),
        'casos.nuevo': lambda: (url_for(endpoint), _registro()),
        'clientes.importar_csv': lambda: (url_for(endpoint), {'archivo': (io.BytesIO(
            b'tipo_documento_identidad;numero_documento;nombre\nDNI;45678912;Rosa\n'), 'c.csv')}),
        'recalculo.recalcular': lambda: (url_for(endpoint), {'calendario': ''}),
        'casos.carta': lambda: (url_for(endpoint, numero=caso.numero), {
            'asunto': 'Respuesta a su reclamo', 'texto': 'Se restableció el servicio.'}),
        'casos.entrega': lambda: (url_for(endpoint, numero=caso.numero, ident=filas.entrega),
                                  {'entregada_en': _ahora_local(caso), 'recibio': 'Rosa'}),
        'casos.contacto_cliente': lambda: (url_for(endpoint, numero=filas.distinto.numero), {}),
        'portal.caso': lambda: (url_for(endpoint, token=filas.seguimiento), {
            'texto': 'Adjunto lo que me pidieron.'}),
        'mejora.nueva': lambda: (url_for(endpoint), {**MEJORA, 'responsable': filas.admin.id}),
        'mejora.detalle': lambda: (url_for(endpoint, ident=filas.accion.id), {
            **MEJORA, 'descripcion': 'CAMBIADO', 'responsable': filas.admin.id,
            'estado': 'en_curso'}),
        'actas.nueva': lambda: (url_for(endpoint), {
            'fecha': '2026-01-15', 'asistentes': 'Gerencia y supervisores',
            f'decision_{filas.accion.id}': 'Sigue en curso.'}),
        'laboratorio.copiar': lambda: (url_for(endpoint), {'nombre': 'Otro borrador'}),
        'laboratorio.borrador': lambda: _borrador(client, url_for(endpoint,
                                                                  ident=filas.borrador.id)),
        'laboratorio.publicar': lambda: (url_for(endpoint, ident=filas.borrador.id), {}),
        'laboratorio.ensayo': lambda: (url_for(endpoint, ident=filas.borrador.id), {
            'desde': filas.caso.recibido_en.date().isoformat(),
            'hasta': filas.caso.recibido_en.date().isoformat()}),
        'laboratorio.cancelar': lambda: (url_for(endpoint, ident=filas.corrida.id), {}),
        'laboratorio.restaurar': lambda: (url_for(endpoint, ident=filas.version.id), {}),
        'notificaciones.leidas': lambda: (url_for(endpoint), {}),  # marks every one read
        # Turns every event off for the admin: a change of their preferences.
        'notificaciones.preferencias': lambda: (url_for(endpoint), {}),
        # An unanswered satisfaction call, logged on the case.
        'confirmacion.registrar': lambda: (url_for(endpoint, numero=caso.numero), {
            'resultado': 'sin_respuesta', 'nota': 'No contesta.', 'version': str(caso.version)}),
        'portal.registro': lambda: (url_for(endpoint), datos_validos()),
        # A look-up: it changes nothing either way, but refuses without the token.
        'portal.seguimiento': lambda: (url_for(endpoint), {
            'numero': caso.numero, 'documento': caso.cliente.numero_documento}),
        'portal.encuesta_': lambda: (url_for(endpoint, token=filas.encuesta), {
            'calificacion': '5', 'comentario': 'Muy bien.'}),
        'security.login': lambda: (url_for(endpoint), {}),
        'configuracion.vista_previa': lambda: (url_for(endpoint), {'archivo': (
            io.BytesIO(b'{"formato": "reclamos-configuracion", "version": 1, "catalogos": {}}'),
            'c.json')}),
        'configuracion.aplicar': lambda: (url_for(endpoint), {'datos': (
            '{"formato": "reclamos-configuracion", "version": 1, "catalogos": {"areas": '
            '[{"codigo": "NUEVA_AREA", "nombre": "Nueva"}]}}')}),
        'invitacion.definir': lambda: (url_for(endpoint, token=_invitacion(filas.admin)), {
            'contrasena': 'otra-clave-larga-9', 'contrasena2': 'otra-clave-larga-9'}),
        'primer_uso.instalar': lambda: (url_for(endpoint), {
            'codigo': 'X', 'email': 'otro@prueba.pe', 'contrasena': 'una-clave-larga-1',
            'contrasena2': 'una-clave-larga-1'}),
        'security.logout': lambda: (url_for(endpoint), {}),
        'security.verify': lambda: (url_for(endpoint), {'password': 'x'}),
    }
    return propios[endpoint]()


def _invitacion(usuario):
    from vistas.invitacion import enlace

    return enlace(type(usuario).get_by_id(usuario.id)).rsplit('/', 1)[1]
def _ahora_local(caso):
    """Now on the case calendar's clock, as a datetime-local input sends it."""
    import datetime
    from zoneinfo import ZoneInfo

    from reclamos.plazos.ciclo import calendario_de
    return f'{datetime.datetime.now(ZoneInfo(calendario_de(caso).zona)):%Y-%m-%dT%H:%M}'


def _borrador(client, url):
    """The draft's forms as the page fills them (its edit form has no action), another seed."""
    valores = valores_formulario(client.get(url).get_data(as_text=True), accion=None)
    valores.pop('csrf_token', None)
    valores['semilla'] = '4242'
    return url, valores


def _registro():
    from catalogos.atencion import Canal
    from catalogos.servicios import Motivo

    motivo = Motivo.get(Motivo.codigo == 'CONSUMO_EXCESIVO_AGUA')
    return {'origen': 'externo', 'canal': str(Canal.get(Canal.codigo == 'VENTANILLA').id),
            'cliente_tipo_documento_identidad': 'DNI', 'cliente_numero_documento': '41234567',
            'cliente_nombre': 'Rosa Quispe', 'servicio': str(motivo.servicio_id),
            'motivo': str(motivo.id), 'campo.numero_suministro': 'S-00991',
            'campo.tipo_predio': 'Comercial', 'campo.lectura_medidor': '1234.5',
            'descripcion': 'El recibo de octubre triplica el consumo habitual.',
            'confirmar': '1'}
