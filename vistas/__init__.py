"""Everything a person or a client sees over HTTP."""

from flask import abort, redirect, request, url_for


def registrar_vistas(app):
    """A fresh Admin per app (a shared one breaks on duplicate blueprints in tests)."""
    from flask_admin import Admin
    from flask_admin.theme import Bootstrap4Theme

    from catalogos import REGISTRO
    from vistas import comprimido, filtros, paginas_error
    from vistas.api import api
    from vistas.portal import bp as portal
    from reclamos.portal.cartas import PlantillaCarta
    from vistas.cartas import VistaPlantillasCarta
    from vistas.casos import VistaCasos
    from vistas.confirmacion import VistaConfirmacion
    from vistas.clientes import VistaClientes
    from vistas.informes import VistaInformes
    from vistas.mejora import VistaActas, VistaMejora
    from vistas.correo_entrante import VistaCorreoEntrante
    from vistas.laboratorio import VistaLaboratorio, VistaPruebaRegla
    from vistas.plazos import VistaRecalculo, VistaSimulador
    from vistas.tablero import VistaTablero
    from vistas.base import Inicio
    from vistas.catalogos import vista_de
    from vistas.notificaciones import (VistaCorreos, VistaMisNotificaciones,
                                       VistaNotificacionesEnviadas)
    from vistas.notificaciones import registrar as registrar_campana
    from vistas.usuarios import VistaAccesos, VistaUsuarios
    from vistas.empresa import VistaEmpresa
    from vistas.primer_uso import VistaPrimerosPasos
    from vistas.primer_uso import bp as primer_uso
    from vistas.invitacion import bp as invitacion
    from vistas.configuracion import VistaConfiguracion

    from vistas import traducciones
    from vistas.csp import nonce
    from vistas.menu import menu_principal

    traducciones.preferir()
    admin = Admin(app, name='Reclamos', url='/admin', translations_path=traducciones.CARPETA,
                  index_view=Inicio(name='Inicio', url='/admin'), csp_nonce_generator=nonce,
                  theme=Bootstrap4Theme(swatch=app.config['FLASK_ADMIN_SWATCH'],
                                        base_template='admin/base_reclamos.html', fluid=True))
    app.jinja_env.globals['menu_principal'] = menu_principal
    filtros.registrar(app)
    comprimido.registrar(app)
    paginas_error.registrar(app)
    registrar_campana(app)
    app.register_blueprint(api)
    app.register_blueprint(portal)
    app.register_blueprint(primer_uso)
    app.register_blueprint(invitacion)
    admin.add_view(VistaCasos(name='Bandeja', category='Casos', endpoint='casos', url='/casos'))
    admin.add_view(VistaConfirmacion(name='Llamadas de satisfacción', category='Casos',
                                     endpoint='confirmacion', url='/confirmacion'))
    for declaracion in REGISTRO:
        admin.add_view(vista_de(declaracion))
    admin.add_view(VistaPruebaRegla(name='Probar una regla', category='Servicios',
                                    endpoint='prueba_regla', url='/admin/reglas/prueba'))
    admin.add_view(VistaLaboratorio(name='Laboratorio de procesos', category='Servicios',
                                    endpoint='laboratorio', url='/admin/laboratorio'))
    admin.add_view(VistaUsuarios())
    admin.add_view(VistaEmpresa())
    admin.add_view(VistaConfiguracion(name='Configuración', category='Organización',
                                      endpoint='configuracion', url='/admin/configuracion'))
    admin.add_view(VistaPrimerosPasos(name='Primeros pasos', category='Organización',
                                      endpoint='primeros_pasos', url='/admin/primeros-pasos'))
    admin.add_view(VistaAccesos())
    admin.add_view(VistaClientes())
    admin.add_view(VistaPlantillasCarta(PlantillaCarta, name='Plantillas de carta',
                                        category='Casos', endpoint='plantillas_carta'))
    admin.add_view(VistaCorreoEntrante())
    admin.add_view(VistaSimulador(name='Simulador de plazos', category='Plazos',
                                  endpoint='simulador', url='/admin/simulador'))
    admin.add_view(VistaRecalculo(name='Recalcular vencimientos', category='Plazos',
                                  endpoint='recalculo', url='/admin/recalculo'))
    admin.add_view(VistaInformes(name='Informe mensual y regulador', category='Informes',
                                 endpoint='informes', url='/admin/informes'))
    admin.add_view(VistaMejora(name='Acciones de mejora', category='Informes',
                               endpoint='mejora', url='/admin/mejora'))
    admin.add_view(VistaActas(name='Actas de comité', category='Informes', endpoint='actas',
                              url='/admin/actas'))
    admin.add_view(VistaTablero(name='Tablero', endpoint='tablero', url='/admin/tablero'))
    admin.add_view(VistaMisNotificaciones(name='Mis notificaciones', category='Alertas',
                                          endpoint='notificaciones', url='/notificaciones'))
    admin.add_view(VistaCorreos())
    admin.add_view(VistaNotificacionesEnviadas())

    @app.before_request
    def _sin_nulos():
        # A NUL character is never valid text, and PostgreSQL refuses it with an error:
        # reject it at the door for every form and query string (the API names the field
        # itself, in JSON).
        if request.blueprint != 'api' and any('\x00' in v for v in request.values.values()):
            abort(400, description='El texto enviado contiene caracteres no válidos (NUL).')

    @app.route('/')
    def raiz():
        return redirect(url_for('admin.index'))

    return admin
