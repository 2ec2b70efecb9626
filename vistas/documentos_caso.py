"""Attach and download the documents of a case; only users who may see the case get them."""
from flask import abort, current_app, flash, redirect, request, send_file, url_for
from flask_admin import expose
from flask_login import current_user

from reclamos.caso.almacen import de_config
from reclamos.caso.documentos import Documento, adjuntar
from reclamos.errores import ErrorPermiso, ErrorValidacion


def almacen():
    return de_config(current_app.config)


class DocumentosCaso:
    """Mixed into vistas.casos.VistaCasos after FichaCaso (uses caso_visible,
    caso_para_cambiar, render_ficha)."""

    @expose('/<numero>/documentos', methods=('POST',))
    def adjuntar(self, numero):
        reclamo = self.caso_para_cambiar(numero)
        archivo = request.files.get('archivo')
        tiene = archivo is not None and bool(archivo.filename)
        try:
            adjuntar(reclamo, request.form.get('tipo', ''), current_user, request.remote_addr,
                     almacen(), current_app.config['RECLAMOS_ADJUNTO_MAX'],
                     flujo=archivo.stream if tiene else None,
                     nombre=archivo.filename if tiene else '',
                     descripcion=request.form.get('descripcion', ''),
                     archivo_fisico=request.form.get('archivo_fisico', ''))
        except ErrorValidacion as error:
            return self.render_ficha(reclamo, ' '.join(error.errores.values()), 400)
        except ErrorPermiso as error:
            return self.render_ficha(reclamo, str(error), 403)
        flash('Documento registrado.', 'success')
        return redirect(url_for('.detalle', numero=numero))

    @expose('/<numero>/documentos/<int:ident>')
    def documento(self, numero, ident):
        reclamo = self.caso_visible(numero)
        documento = Documento.get_or_none(Documento.id == ident,
                                          Documento.reclamo == reclamo.id)
        if documento is None or not documento.tiene_archivo:
            abort(404)
        contenido = almacen().para_enviar(documento.sha256)
        if contenido is None:
            abort(410)
        # Always a download with the type checked at upload: never rendered inline as HTML.
        # The content is addressed by its hash, which makes a strong ETag.
        return send_file(contenido, mimetype=documento.mime, as_attachment=True,
                         download_name=documento.nombre or f'documento-{documento.id}',
                         etag=documento.sha256)
