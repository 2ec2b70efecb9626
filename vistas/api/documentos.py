"""POST /api/v1/casos/<numero>/documentos: attach a document (multipart/form-data)."""
from flask import current_app, jsonify, request

from reclamos.caso.almacen import de_config
from reclamos.caso.documentos import adjuntar
from vistas.api import api
from vistas.api.base import error, usuario
from vistas.api.casos import caso_visible
from vistas.api.tokens import requiere_token

CAMPOS = ('tipo', 'descripcion', 'archivo_fisico')


@api.post('/casos/<numero>/documentos')
@requiere_token
def documento_nuevo(numero):
    reclamo = caso_visible(numero)
    if request.mimetype != 'multipart/form-data':
        raise error(400, 'cuerpo', 'Envíe el documento como multipart/form-data (campo '
                                   '«archivo», y «tipo», «descripcion», «archivo_fisico»).')
    for campo in CAMPOS:
        valor = request.form.get(campo, '')
        if '\x00' in valor or len(valor) > 300:
            raise error(422, campo, 'Texto inválido: caracteres no admitidos o más de 300.')
    archivo = request.files.get('archivo')
    tiene = archivo is not None and bool(archivo.filename)
    fila = adjuntar(reclamo, request.form.get('tipo', 'recibido'), usuario(),
                    request.remote_addr or '', de_config(current_app.config),
                    current_app.config['RECLAMOS_ADJUNTO_MAX'],
                    flujo=archivo.stream if tiene else None,
                    nombre=archivo.filename if tiene else '',
                    descripcion=request.form.get('descripcion', ''),
                    archivo_fisico=request.form.get('archivo_fisico', ''))
    return jsonify({'documento': {
        'id': fila.id, 'tipo': fila.tipo, 'nombre': fila.nombre, 'mime': fila.mime,
        'tamano': fila.tamano, 'sha256': fila.sha256, 'descripcion': fila.descripcion,
        'archivo_fisico': fila.archivo_fisico}}), 201
