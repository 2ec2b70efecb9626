"""Response letters: the admin screen of templates (validated on save, with a preview) and
the case page's letter form (agents edit the rendered text, then send it as a PDF)."""
from flask import abort, current_app, flash, redirect, request, url_for
from flask_admin import expose
from flask_login import current_user
from flask_wtf import FlaskForm
from markupsafe import Markup

from reclamos.portal import cartas
from reclamos.errores import ErrorPermiso, ErrorValidacion
from reglas.plantillas import ErrorPlantilla, renderizar
from vistas.base import VistaSegura


class VistaPlantillasCarta(VistaSegura):
    """Admins write the templates; supervisors read them. model.errores() (VistaSegura's
    on_model_change) renders each with sample values, so a bad placeholder is refused."""

    permiso, permiso_escritura = 'plantillas_carta.leer', 'plantillas_carta.editar'
    column_list = ('codigo', 'nombre', 'motivo', 'resultado', 'activo', 'vista_previa')
    column_labels = {'codigo': 'Código', 'nombre': 'Nombre', 'motivo': 'Motivo',
                     'resultado': 'Resultado', 'activo': 'Activo', 'asunto': 'Asunto',
                     'texto': 'Texto', 'vista_previa': 'Vista previa'}
    column_choices = {'resultado': cartas.RESULTADOS}
    column_searchable_list = ('codigo', 'nombre')
    column_sortable_list = ('codigo', 'nombre', 'resultado', 'activo')
    form_columns = ('codigo', 'nombre', 'motivo', 'resultado', 'asunto', 'texto', 'activo')
    form_widget_args = {'texto': {'rows': 14}}
    column_formatters = {'vista_previa': lambda v, c, m, n: Markup(
        '<a href="{}">Ver</a>').format(v.get_url('.vista_previa', ident=m.id))}

    @expose('/vista-previa/<int:ident>')
    def vista_previa(self, ident):
        plantilla = cartas.PlantillaCarta.get_or_none(cartas.PlantillaCarta.id == ident)
        if plantilla is None:
            abort(404)
        try:
            asunto = renderizar(plantilla.asunto, cartas.VALORES_EJEMPLO)
            texto = renderizar(plantilla.texto, cartas.VALORES_EJEMPLO)
            error = None
        except ErrorPlantilla as problema:
            asunto = texto = ''
            error = str(problema)
        return self.render('cartas/vista_previa.html', plantilla=plantilla, asunto=asunto,
                           texto=texto, error=error, ejemplo=cartas.VALORES_EJEMPLO)


class FormularioCarta(FlaskForm):
    """Only the CSRF token; subject and text are plain inputs."""


class CartasCaso:
    """Mixed into vistas.casos.VistaCasos after FichaCaso (uses caso_visible)."""

    @expose('/<numero>/carta', methods=('GET', 'POST'))
    def carta(self, numero):
        reclamo = self.caso_visible(numero)
        if not cartas.puede_enviar(reclamo, current_user):
            abort(403)
        formulario = FormularioCarta()
        plantillas = cartas.plantillas_de(reclamo)
        errores, asunto, texto = {}, '', ''
        if request.method == 'POST':
            asunto, texto = request.form.get('asunto', ''), request.form.get('texto', '')
            if not formulario.validate_on_submit():
                errores['datos'] = 'La sesión del formulario expiró: vuelva a enviarlo.'
            else:
                try:
                    cartas.enviar_carta(reclamo, asunto, texto, current_user,
                                        request.remote_addr, current_app.config)
                except ErrorValidacion as error:
                    errores = error.errores
                except ErrorPermiso as error:
                    errores['datos'] = str(error)
                else:
                    flash('Carta generada y puesta en la cola de correo.', 'success')
                    return redirect(url_for('.detalle', numero=numero))
        else:
            elegida = next((p for p in plantillas
                            if str(p.id) == request.args.get('plantilla')), None)
            if elegida is not None:
                try:
                    asunto, texto = cartas.borrador(
                        elegida, reclamo, current_app.config.get('RECLAMOS_EMPRESA', ''))
                except ErrorValidacion as error:
                    errores = error.errores
        pagina = self.render('cartas/carta.html', r=reclamo, plantillas=plantillas,
                             formulario=formulario, errores=errores, asunto=asunto,
                             texto=texto, resultados=dict(cartas.RESULTADOS))
        return pagina, 400 if errores else 200
