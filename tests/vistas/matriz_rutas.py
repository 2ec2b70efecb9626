"""The route x role matrix of test_acceso_matriz: which roles each endpoint lets in.

Each row names the action of reglas.permisos that the route enforces, so the screens, the API
and this matrix read one table (tests/reglas/test_permisos.py pins that table to README's
"Who may do what"). ``PUBLICO``: anyone, signed in or not. A row is a set of roles, or
``{'GET': roles, 'POST': roles}`` when the two differ. The customer portal is ``CUALQUIERA``:
anonymous included, and unlike ``PUBLICO`` a refusal there is a failure.
"""
from catalogos import REGISTRO
from reglas.permisos import ROLES, roles_de

PUBLICO = 'publico'
CUALQUIERA = {None, *ROLES}  # the customer portal: no account, nobody sent to /login
ENLACES = ('portal.caso', 'portal.encuesta_')  # opened by a signed token in the URL


def p(accion):
    return set(roles_de(accion))


# Catalog screens generated from the declarations, each with the actions it declares.
CATALOGOS = ('areas', 'calendarios', 'canales', 'entidades_reguladoras', 'motivos',
             'plazos_legales', 'prioridades', 'procesos', 'productos', 'servicios',
             'tipos_documento', 'puntos_recepcion', 'niveles_escalamiento', 'plantillas_correo',
             'plantillas_informe', 'reglas_enrutamiento', 'resultados', 'formatos_regulador',
             'tipos_identidad')
LECTURA_ADMIN = ('index_view', 'details_view', 'export', 'ajax_lookup')
ESCRITURA_ADMIN = ('create_view', 'edit_view', 'delete_view', 'action_view', 'ajax_update')


def _pantallas_admin(nombre, lectura, escritura):
    return {**{f'{nombre}.{v}': p(lectura) for v in LECTURA_ADMIN},
            **{f'{nombre}.{v}': p(escritura) for v in ESCRITURA_ADMIN}}


def _catalogos():
    declaraciones = {d.clave: d for d in REGISTRO}
    return {k: v for c in CATALOGOS for k, v in _pantallas_admin(
        c, declaraciones[c].lectura, declaraciones[c].escritura).items()}


MATRIZ = {
    # Public: the entrance, static files, language, the OpenAPI document, asking for a token.
    'raiz': PUBLICO, 'static': PUBLICO, 'admin.static': PUBLICO, 'security.static': PUBLICO,
    'cambiar_idioma': PUBLICO, 'security.login': PUBLICO, 'security.logout': PUBLICO,
    'api.openapi': PUBLICO, 'api.token': PUBLICO,
    'security.verify': p('inicio'),
    'admin.index': p('inicio'),
    # Cases (/casos): staff reads; registering and acting is for who works cases.
    **{f'casos.{v}': p('casos.leer') for v in ('index', 'detalle', 'similares', 'documento',
                                               'catalogo', 'cliente')},
    **{f'casos.{v}': p('casos.trabajar') for v in ('nuevo', 'accion', 'adjuntar', 'carta',
                                                   'entrega')},
    # The case's own contact copied onto the customer: who may edit customers.
    'casos.contacto_cliente': p('clientes.editar'),
    # Deadlines: the simulator for staff, recomputing for admins.
    'simulador.index': p('plazos.simular'), 'simulador.json': p('plazos.simular'),
    'recalculo.index': p('plazos.recalcular'), 'recalculo.recalcular': p('plazos.recalcular'),
    # JSON API: same roles as the screens.
    **{f'api.{v}': p('casos.leer') for v in ('casos', 'caso', 'catalogos', 'revocar_tokens')},
    **{f'api.{v}': p('casos.trabajar') for v in ('crear_caso', 'transicion', 'derivacion',
                                                 'comentario', 'calificacion',
                                                 'documento_nuevo', 'reclasificacion')},
    'api.decision': p('casos.supervisar'),
    'api.entrega': p('casos.trabajar'),
    # Customers: staff reads, admin and supervisor edit and import.
    **_pantallas_admin('clientes', 'clientes.leer', 'clientes.editar'),
    'clientes.importar_csv': p('clientes.editar'),
    # Users and their sign-in log: admin only; nobody writes the log.
    **_pantallas_admin('usuarios', 'usuarios.administrar', 'usuarios.administrar'),
    **_pantallas_admin('accesos', 'registros.leer', 'registros.editar'),
    # Company profile and the first steps: admin only; the first-run page opens only on an
    # empty database (here it sends everyone on), the logo is public.
    **_pantallas_admin('empresa', 'configuracion.administrar', 'configuracion.administrar'),
    'primeros_pasos.index': p('configuracion.administrar'),
    'primer_uso.instalar': PUBLICO, 'portal.logo': CUALQUIERA,
    # Configuration file in the panel: admins; an invitation opens by its signed link only.
    **{f'configuracion.{v}': p('configuracion.administrar')
       for v in ('index', 'exportar', 'vista_previa', 'aplicar')},
    'invitacion.definir': PUBLICO,
    'api.borrar_fila': p('catalogos.editar'),
    **_catalogos(),
    # The bell: every staff member, each their own notifications.
    'notificaciones.index': p('notificaciones.propias'),
    'notificaciones.leidas': p('notificaciones.propias'),
    'notificaciones.preferencias': p('notificaciones.propias'),
    # Satisfaction calls: the confirming area (customer service; here nobody of it but the
    # admin), tests/vistas/test_confirmacion.py proves its agents get in.
    'confirmacion.index': {'admin'}, 'confirmacion.registrar': {'admin'},
    # A customer's page: any staff member, showing only the cases they may see.
    'clientes.ficha': p('clientes.leer'),
    # Letter templates: written by admins and read by supervisors too.
    **_pantallas_admin('plantillas_carta', 'plantillas_carta.leer', 'plantillas_carta.editar'),
    'plantillas_carta.vista_previa': p('plantillas_carta.leer'),
    # The customer portal: public (signed links checked in test_matriz_de_acceso).
    'portal.registro': CUALQUIERA, 'portal.catalogo': CUALQUIERA,
    'portal.seguimiento': CUALQUIERA, 'portal.caso': CUALQUIERA,
    'portal.encuesta_': CUALQUIERA,
    # Records of what happened, admins only: mail taken in (nobody writes it), mail sent and
    # in-app notifications (create and edit are switched off: an admin is sent back to the
    # list; the list action retries failed mail).
    **_pantallas_admin('correo_entrante', 'registros.leer', 'registros.editar'),
    **_pantallas_admin('correos', 'registros.leer', 'correo.reintentar'),
    **_pantallas_admin('notificaciones_enviadas', 'registros.leer', 'correo.reintentar'),
    # Dashboard and reports: managers, admins, supervisors (their area); agents refused.
    **{f'tablero.{v}': p('tablero.ver') for v in ('index', 'exportar', 'plotly_js')},
    'informes.index': p('informes.ver'), 'informes.regulador': p('informes.regulador'),
    # Improvement actions and committee minutes: gerente and admin write, supervisors read.
    'mejora.index': p('mejora.leer'), 'mejora.vencidas': p('mejora.leer'),
    'mejora.nueva': p('mejora.editar'),
    'mejora.detalle': {'GET': p('mejora.leer'), 'POST': p('mejora.editar')},
    'actas.index': p('mejora.leer'), 'actas.detalle': p('mejora.leer'),
    'actas.nueva': p('mejora.editar'),
    # Process lab: trying a rule and the sandbox are for admins.
    'prueba_regla.index': p('laboratorio.usar'),
    **{f'laboratorio.{v}': p('laboratorio.usar')
       for v in ('index', 'copiar', 'borrador', 'ensayo', 'publicar', 'restaurar',
                 'plotly_js', 'corrida', 'corrida_estado', 'cancelar')},
}


def resultado(respuesta):
    """What a person would notice: let in, sent to the login page, 401, 403 or 5xx."""
    codigo = respuesta.status_code
    if codigo >= 500:
        return f'error {codigo}'
    if codigo in (301, 302, 303) and '/login' in (respuesta.location or ''):
        return 'login'
    return {401: 'no_autenticado', 403: 'prohibido'}.get(codigo, 'permitido')


def esperado(endpoint, rol, metodo='GET'):
    permitidos = MATRIZ[endpoint]
    if isinstance(permitidos, dict):
        permitidos = permitidos[metodo]
    if permitidos == PUBLICO or rol in permitidos:
        return 'permitido'
    if rol is None:
        return 'no_autenticado' if endpoint.startswith('api.') else 'login'
    return 'prohibido'
