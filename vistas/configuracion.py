"""Organización > Configuración: download the configuration file; upload one, see what it
would create, change and leave alone, then apply it in one transaction (admins)."""
import datetime
import json

from flask import Response, flash, redirect, request, url_for
from flask_admin import expose
from flask_wtf import FlaskForm

from catalogos.configuracion import ErrorImportacion, exportar, importar, previsualizar
from catalogos.usuarios import Usuario
from vistas.invitacion import enlace
from vistas.acceso import VistaProtegida

ARCHIVO_MAX = 5 * 1024 * 1024


class FormularioConfiguracion(FlaskForm):
    """Only the CSRF token."""


def _leer(texto):
    try:
        return json.loads(texto), None
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
        return None, f'El archivo no es JSON válido ({str(error)[:120]}). No se importó nada.'


class VistaConfiguracion(VistaProtegida):
    permiso = 'configuracion.administrar'

    @expose('/')
    def index(self):
        return self.render('configuracion/index.html', formulario=FormularioConfiguracion())

    @expose('/exportar')
    def exportar(self):
        texto = json.dumps(exportar(completa=True), ensure_ascii=False, indent=2)
        nombre = f'reclamos-configuracion-{datetime.date.today():%Y-%m-%d}.json'
        return Response(texto, mimetype='application/json', headers={
            'Content-Disposition': f'attachment; filename={nombre}'})

    @expose('/vista-previa', methods=('POST',))
    def vista_previa(self):
        formulario = FormularioConfiguracion()
        archivo = request.files.get('archivo')
        if not formulario.validate_on_submit() or archivo is None or not archivo.filename:
            flash('Elija el archivo de configuración (.json).', 'error')
            return redirect(url_for('.index'))
        contenido = archivo.read(ARCHIVO_MAX + 1)
        if len(contenido) > ARCHIVO_MAX:
            flash('El archivo supera 5 MB. No se importó nada.', 'error')
            return redirect(url_for('.index'))
        datos, error = _leer(contenido)
        if error is None:
            try:
                plan = previsualizar(datos)
            except ErrorImportacion as fallo:
                error = f'{fallo} No se importó nada.'
        if error:
            flash(error, 'error')
            return redirect(url_for('.index'))
        from catalogos.declaracion import REGISTRO

        titulos = {d.clave: d.titulo for d in REGISTRO}
        titulos.update(plantillas_carta='Plantillas de carta', usuarios='Usuarios',
                       empresa='Perfil de la empresa')
        return self.render('configuracion/vista_previa.html', plan=plan, formulario=formulario,
                           texto=json.dumps(datos, ensure_ascii=False), titulos=titulos)

    @expose('/aplicar', methods=('POST',))
    def aplicar(self):
        formulario = FormularioConfiguracion()
        if not formulario.validate_on_submit():
            flash('La página venció: vuelva a subir el archivo.', 'error')
            return redirect(url_for('.index'))
        datos, error = _leer(request.form.get('datos', '')[:ARCHIVO_MAX * 2])
        if error is None:
            try:
                resumen = importar(datos)
            except ErrorImportacion as fallo:
                error = f'{fallo} No se importó nada.'
        if error:
            flash(error, 'error')
            return redirect(url_for('.index'))
        invitar = resumen.pop('invitar', [])
        flash(f'Configuración aplicada: {sum(resumen.values())} registros.', 'success')
        enlaces = [(u.email, enlace(u)) for u in Usuario.select().where(
            Usuario.email.in_(invitar or ['']))]
        return self.render('configuracion/aplicada.html', enlaces=enlaces)

