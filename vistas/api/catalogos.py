"""What an integrator needs to register a case: the active catalog rows by codigo, and each
motive with its custom fields. One query per catalog (they are small), none per row."""
from collections import defaultdict

from flask import jsonify

from catalogos.atencion import Canal, TipoDocumento
from catalogos.organizacion import Area
from catalogos.plazos import PlazoLegal, Prioridad
from catalogos.servicios import (TIPOS_CAMPO, TIPOS_CASO, CampoPersonalizado, Motivo, Producto,
                                 Servicio)
from reclamos.caso.modelo import ORIGENES
from catalogos.empresa import tipos_identidad
from vistas.api import api
from vistas.api.base import error, usuario
from vistas.api.tokens import requiere_token


def _codigos(modelo):
    return {f.id: f.codigo for f in modelo.select(modelo.id, modelo.codigo)}


def _pares(opciones):
    return [{'codigo': codigo, 'nombre': nombre} for codigo, nombre in opciones]


@api.get('/catalogos')
@requiere_token
def catalogos():
    servicios, productos = _codigos(Servicio), _codigos(Producto)
    prioridades, areas = _codigos(Prioridad), _codigos(Area)
    plazos = {p.id: p for p in PlazoLegal.select()}
    campos = defaultdict(list)
    for campo in (CampoPersonalizado.activos()
                  .order_by(CampoPersonalizado.orden, CampoPersonalizado.id)):
        campos[campo.motivo_id].append({
            'codigo': campo.codigo, 'nombre': campo.nombre, 'tipo': campo.tipo,
            'requerido': campo.requerido, 'opciones': campo.lista_opciones() or None})
    motivos = []
    for m in Motivo.activos().order_by(Motivo.nombre):
        plazo = plazos.get(m.plazo_id)
        motivos.append({
            'codigo': m.codigo, 'nombre': m.nombre, 'tipo': m.tipo,
            'servicio': servicios.get(m.servicio_id), 'producto': productos.get(m.producto_id),
            'prioridad': prioridades.get(m.prioridad_id), 'area': areas.get(m.area_id),
            'plazo': {'codigo': plazo.codigo, 'nombre': plazo.nombre,
                      'cantidad': plazo.cantidad, 'unidad': plazo.unidad,
                      'prorrogable': plazo.prorrogable} if plazo else None,
            'campos': campos.get(m.id, [])})
    return jsonify({
        'motivos': motivos,
        'servicios': [{'codigo': s.codigo, 'nombre': s.nombre}
                      for s in Servicio.activos().order_by(Servicio.nombre)],
        'productos': [{'codigo': p.codigo, 'nombre': p.nombre,
                       'servicio': servicios.get(p.servicio_id)}
                      for p in Producto.activos().order_by(Producto.nombre)],
        'canales': [{'codigo': c.codigo, 'nombre': c.nombre, 'virtual': c.virtual}
                    for c in Canal.activos().order_by(Canal.nombre)],
        'prioridades': [{'codigo': p.codigo, 'nombre': p.nombre, 'cantidad': p.cantidad,
                         'unidad': p.unidad}
                        for p in Prioridad.activos().order_by(Prioridad.orden)],
        'areas': [{'codigo': a.codigo, 'nombre': a.nombre, 'registra': a.registra,
                   'resuelve': a.resuelve} for a in Area.activos().order_by(Area.nombre)],
        'tipos_documento': [{'codigo': t.codigo, 'nombre': t.nombre}
                            for t in TipoDocumento.activos().order_by(TipoDocumento.nombre)],
        'tipos_documento_identidad': _pares(tipos_identidad()),
        'tipos_caso': _pares(TIPOS_CASO),
        'origenes': _pares(ORIGENES),
        'tipos_campo': _pares(TIPOS_CAMPO),
    })


@api.delete('/catalogos/<clave>/<codigo>')
@requiere_token
def borrar_fila(clave, codigo):
    """Delete one catalog row through the same service as the screens (in-use check)."""
    from catalogos.borrado import BorradoRechazado, borrar
    from catalogos.declaracion import REGISTRO

    if 'admin' not in usuario().nombres_roles():
        raise error(403, 'permiso', 'Solo un administrador puede borrar filas de catálogos.')
    declaracion = next((d for d in REGISTRO if d.clave == clave), None)
    if declaracion is None:
        raise error(404, 'clave', f'No existe el catálogo «{clave[:40]}».')
    modelo = declaracion.modelo
    fila = modelo.get_or_none(modelo.codigo == codigo)
    if fila is None:
        raise error(404, 'codigo', f'No hay un registro con el código «{codigo[:40]}».')
    try:
        borrar(modelo, [fila.id])
    except BorradoRechazado as rechazo:
        raise error(409, 'codigo', str(rechazo)) from None
    return '', 204
