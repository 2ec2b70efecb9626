"""Cases over JSON: register, read, list (the agents' queue), transition, hand over, comment,
rate. Each write is one service call, so one transaction: a refused request saves nothing.

Who sees what is the screens' rule: a case the caller may not see is a 404, exactly like a
number that does not exist (reglas.visibilidad via reclamos.caso.ficha.visible_para, and
reclamos.cola for the list); what each one may do is decided by the services.
"""
import base64
import binascii
import datetime
import re

from flask import jsonify, request, url_for

from catalogos.atencion import Canal
from catalogos.organizacion import Area
from catalogos.plazos import Prioridad
from catalogos.servicios import Motivo
from reclamos.caso import ficha, gestion
from reclamos.caso.modelo import Reclamo
from reclamos.caso.flujo import transicionar
from reclamos.caso.idempotencia import registrar_una_vez
from reclamos.caso.registro import registrar
from reclamos.cola import Filtros, pagina_cola, semaforos
from reclamos.cola.paginas import base_lista
from reclamos.tiempo import ahora_utc
from reglas.transiciones import ESTADOS
from vistas.api import api, serializacion
from vistas.api.base import error, leer_json, sin_nulos, usuario
from vistas.api.esquemas import (CALIFICACION, COMENTARIO, DERIVACION, ENTERO_MAX, REGISTRO,
                                 TRANSICION)
from vistas.api.tokens import requiere_token
from vistas.api.validador import prohibido

NUMERO = re.compile(r'^[0-9]{4}-[0-9]{1,12}$')
LIMITE_DEFECTO, LIMITE_MAX = 50, 100
Q_MAX = 60


def _ip():
    return request.remote_addr or ''


def caso_visible(numero):
    """The case, or 404 when it does not exist or the caller may not see it."""
    reclamo = Reclamo.get_or_none(Reclamo.numero == numero) if NUMERO.match(numero) else None
    if reclamo is None or not ficha.visible_para(reclamo, usuario()):
        raise error(404, 'numero', f'No existe el caso «{numero[:40]}» o no tiene acceso a él.')
    return reclamo


def _caso(reclamo, estado=200, cabeceras=None):
    """The case as JSON; read fresh with its catalogs unless it was just registered, which
    holds them and the rows it wrote (``reclamo.alta``): a re-read would give the same."""
    if getattr(reclamo, 'alta', None) is None:
        reclamo = Reclamo.con_relaciones().where(Reclamo.id == reclamo.id).get()
    return (jsonify(serializacion.caso(reclamo, ahora_utc(), usuario())), estado,
            cabeceras or {})


@api.post('/casos')
@requiere_token
def crear_caso():
    datos = sin_nulos(leer_json(REGISTRO))
    clave = request.headers.get('Idempotency-Key')
    if clave is None:
        reclamo, nuevo = registrar(datos, usuario(), _ip()), True
    else:
        # A retry with the same key and body gets the same case (reclamos.caso.idempotencia).
        reclamo, nuevo = registrar_una_vez(datos, usuario(), _ip(), clave.strip())
    return _caso(reclamo, 201 if nuevo else 200,
                 {'Location': url_for('api.caso', numero=reclamo.numero)})


@api.get('/casos/<numero>')
@requiere_token
def caso(numero):
    return _caso(caso_visible(numero))


@api.post('/casos/<numero>/transiciones')
@requiere_token
def transicion(numero):
    reclamo = caso_visible(numero)
    datos = sin_nulos(leer_json(TRANSICION))
    accion, version = datos.pop('accion'), datos.pop('version')
    return _caso(transicionar(reclamo, accion, usuario(), _ip(), version, **datos))


@api.post('/casos/<numero>/derivaciones')
@requiere_token
def derivacion(numero):
    reclamo = caso_visible(numero)
    datos = leer_json(DERIVACION)
    return _caso(gestion.derivar(reclamo, datos['area'], datos['motivo'], usuario(), _ip(),
                                 datos['version']))


@api.post('/casos/<numero>/comentarios')
@requiere_token
def comentario(numero):
    reclamo = caso_visible(numero)
    datos = leer_json(COMENTARIO)
    fila = gestion.comentar(reclamo, datos['texto'], usuario(), _ip(),
                            visible_cliente=bool(datos.get('visible_cliente')))
    fila.usuario = usuario()
    version = Reclamo.select(Reclamo.version).where(Reclamo.id == reclamo.id).scalar()
    return jsonify({'comentario': serializacion.accion(fila),
                    'caso': {'numero': reclamo.numero, 'version': version,
                             'url': url_for('api.caso', numero=reclamo.numero)}}), 201


@api.post('/casos/<numero>/calificacion')
@requiere_token
def calificacion(numero):
    reclamo = caso_visible(numero)
    datos = sin_nulos(leer_json(CALIFICACION))
    version = datos.pop('version')
    return _caso(transicionar(reclamo, 'cerrar', usuario(), _ip(), version, **datos))


# -- the list ---------------------------------------------------------------------------
FILTROS_CATALOGO = {'area': Area, 'prioridad': Prioridad, 'canal': Canal, 'motivo': Motivo}
PARAMETROS = {'estado', 'area', 'prioridad', 'canal', 'motivo', 'vence', 'q', 'vista',
              'cursor', 'limite'}


def _parametro(nombre):
    valor = request.args.get(nombre, '').strip()
    if prohibido(valor) or any(ord(c) < 32 for c in valor):
        raise error(422, nombre, 'Contiene caracteres no admitidos.')
    return valor


def _fila_catalogo(nombre, valor):
    modelo = FILTROS_CATALOGO[nombre]
    if len(valor) > 40:
        raise error(422, nombre, 'Indique un código (máximo 40 caracteres) o un id.')
    fila = modelo.get_or_none(modelo.codigo == valor)
    if fila is None and valor.isdigit() and int(valor) <= ENTERO_MAX:
        fila = modelo.get_or_none(modelo.id == int(valor))
    if fila is None:
        raise error(422, nombre, f'No existe {nombre} «{valor}».')
    return fila.id


def _elegido(nombre, valor, opciones, defecto=''):
    if not valor:
        return defecto
    if valor not in opciones:
        raise error(422, nombre, f'Valor no admitido: «{valor[:40]}». Use uno de: '
                                 f'{", ".join(opciones)}.')
    return valor


def filtros_de_la_consulta():
    """The queue's Filtros from the query string: what the screen ignores, the API refuses."""
    desconocidos = sorted(set(request.args) - PARAMETROS)
    if desconocidos:
        raise error(422, desconocidos[0][:40], 'Parámetro desconocido. Use: '
                                               + ', '.join(sorted(PARAMETROS)) + '.')
    valores = {nombre: _parametro(nombre) for nombre in PARAMETROS}
    if len(valores['q']) > Q_MAX:
        raise error(422, 'q', f'La búsqueda admite como máximo {Q_MAX} caracteres.')
    limite = valores['limite'] or str(LIMITE_DEFECTO)
    if not limite.isdigit() or not 1 <= int(limite) <= LIMITE_MAX:
        raise error(422, 'limite', f'Debe ser un entero de 1 a {LIMITE_MAX}.')
    filtros = Filtros(
        vista=_elegido('vista', valores['vista'], ('mios', 'area', 'todos'), 'mios'),
        estado=_elegido('estado', valores['estado'], ESTADOS),
        vence=_elegido('vence', valores['vence'], ('hoy', 'vencidos')), q=valores['q'],
        **{nombre: _fila_catalogo(nombre, valores[nombre]) if valores[nombre] else None
           for nombre in FILTROS_CATALOGO})
    return filtros, _leer_cursor(valores['cursor']), int(limite)


def _cursor(clave):
    """Opaque to clients: the queue's own cursor ('<vence_en>|<id>' of the last row given)."""
    return base64.urlsafe_b64encode(clave.encode()).decode().rstrip('=')


def _leer_cursor(texto):
    """The queue's cursor back; a cursor that was not ours is a 422, not a silent restart."""
    if not texto:
        return None
    try:
        clave = base64.urlsafe_b64decode(texto + '=' * (-len(texto) % 4)).decode('ascii')
        vence, separador, ident = clave.partition('|')
        if not separador or not ident.isdigit() or not 0 < int(ident) <= ENTERO_MAX:
            raise ValueError(clave)
        if vence:
            datetime.datetime.fromisoformat(vence)
    except (ValueError, UnicodeDecodeError, binascii.Error):
        raise error(422, 'cursor', 'Cursor inválido: use el valor «cursor_siguiente» de la '
                                   'página anterior.') from None
    return clave


def _base():
    """The screen's rows plus the channel, which the JSON shows (no query per row)."""
    return base_lista().select_extend(Canal).join_from(Reclamo, Canal)


@api.get('/casos')
@requiere_token
def casos():
    """One page of the caller's queue, next due first (reclamos.cola.pagina_cola: index
    walks, one row more tells if there is a next page, nothing is ever counted)."""
    filtros, cursor, limite = filtros_de_la_consulta()
    actor, ahora = usuario(), ahora_utc()
    filas, siguiente = pagina_cola(actor, actor.nombres_roles(), filtros, ahora, cursor,
                                   limite, base=_base())
    siguiente = _cursor(siguiente) if siguiente else None
    luces = semaforos(filas, ahora)
    cuerpo = {'casos': [serializacion.resumen(f, luces[f.id]) for f in filas],
              'limite': limite,
              'cursor_siguiente': siguiente, 'siguiente': None}
    cabeceras = {}
    if siguiente:
        args = {k: v for k, v in request.args.items() if k != 'cursor'}
        cuerpo['siguiente'] = url_for('api.casos', **args, cursor=siguiente)
        cabeceras['Link'] = f'<{cuerpo["siguiente"]}>; rel="next"'
    return jsonify(cuerpo), 200, cabeceras
