"""Checks shared by registration and edition: catalog references, custom fields, customer.

Each helper records Spanish messages in an ``errores`` dict keyed by the input field, so one
call reports every bad field at once.
"""
import functools

from peewee import JOIN, Model

from bd.compiladas import Compilada, insertar
from bd.recordadas import TABLAS, Recordada
from catalogos.organizacion import Area, Calendario
from catalogos.plazos import PlazoLegal, Prioridad
from catalogos.servicios import CampoPersonalizado, Motivo, Producto, Servicio
from reclamos.clientes.modelo import CAMPOS_CONTACTO, Cliente, errores_cliente, normalizar_numero
from reglas.campos import DefinicionCampo, validar_campos

DESCRIPCION_MAX = 10_000


def referencia(modelo, valor, clave, errores, etiqueta, requerido=True):
    """Resolve a catalog row given as row, id or codigo; None (and an error) when it fails.

    ``etiqueta`` carries its article ('el canal', 'la prioridad').
    """
    if valor is None or valor == '':
        if requerido:
            errores[clave] = f'Indique {etiqueta}.'
        return None
    fila = None
    if isinstance(valor, modelo):
        fila = _fila(modelo, 'id').primera(valor.id)
    elif isinstance(valor, int) and not isinstance(valor, bool):
        fila = _fila(modelo, 'id').primera(valor)
    elif isinstance(valor, str):
        fila = _fila(modelo, 'codigo').primera(valor.strip())
        if fila is None and valor.strip().isdigit():
            fila = _fila(modelo, 'id').primera(int(valor))
    if fila is None:
        errores[clave] = f'No existe {etiqueta} «{valor}».'
    elif not fila.activo:
        errores[clave] = f'No se puede usar {etiqueta} «{fila.nombre}»: está fuera de uso.'
        return None
    return fila


@functools.lru_cache(maxsize=None)
def _fila(modelo, columna):
    """A catalog row by id or codigo: every registration resolves several, kept per process
    while no catalog changes (bd.recordadas); another table's, compiled once."""
    campo = getattr(modelo, columna)
    clase = Recordada if modelo._meta.table_name in TABLAS else Compilada
    return clase(lambda valor: modelo.select().where(campo == valor).limit(1))


def _coincide(valor, fila):
    if isinstance(valor, Model):
        return type(valor) is type(fila) and valor.id == fila.id
    return str(valor).strip() in (str(fila.id), fila.codigo)


def motivo(valor, errores):
    """The motive (id, codigo or row) with its service, product, priority, legal term and
    calendar and area read in the same query: registration needs them all."""
    if valor is None or valor == '':
        errores['motivo'] = 'Indique el motivo.'
        return None
    if isinstance(valor, Model) or (isinstance(valor, int) and not isinstance(valor, bool)):
        fila = _motivo_por_id.primera(getattr(valor, 'id', valor))
    else:
        fila = _motivo_por_codigo.primera(str(valor).strip())
        if fila is None and str(valor).strip().isdigit():
            fila = _motivo_por_id.primera(int(valor))
    if fila is None:
        errores['motivo'] = f'No existe el motivo «{valor}».'
    elif not fila.activo:
        errores['motivo'] = f'No se puede usar el motivo «{fila.nombre}»: está fuera de uso.'
        return None
    return fila


def _motivo_con_todo(condicion):
    return (Motivo.select(Motivo, Servicio, Producto, Prioridad, PlazoLegal, Calendario, Area)
            .join_from(Motivo, Servicio)
            .join_from(Motivo, PlazoLegal)
            .join_from(Motivo, Producto, JOIN.LEFT_OUTER)
            .join_from(Motivo, Prioridad, JOIN.LEFT_OUTER)
            .join_from(Motivo, Calendario, JOIN.LEFT_OUTER)
            .join_from(Motivo, Area, JOIN.LEFT_OUTER)
            .where(condicion).limit(1))


# Six joins, on every registration: kept per process while no catalog changes (bd.recordadas).
_motivo_por_id = Recordada(lambda ident: _motivo_con_todo(Motivo.id == ident))
_motivo_por_codigo = Recordada(lambda codigo: _motivo_con_todo(Motivo.codigo == codigo))


def del_motivo(modelo, valor, del_motivo, clave, errores, etiqueta, requerido=True):
    """Like ``referencia``, reusing the motive's own row when the input names it or is blank."""
    if del_motivo is not None and (valor is None or valor == '' or _coincide(valor, del_motivo)):
        if not del_motivo.activo:
            errores[clave] = (f'No se puede usar {etiqueta} «{del_motivo.nombre}»: está fuera '
                              'de uso.')
            return None
        return del_motivo
    return referencia(modelo, valor, clave, errores, etiqueta, requerido)


@Recordada
def _campos_activos(motivo_id):
    return (CampoPersonalizado.select()
            .where(CampoPersonalizado.motivo == motivo_id,
                   CampoPersonalizado.activo == True)  # noqa: E712
            .order_by(CampoPersonalizado.orden, CampoPersonalizado.id))


def definiciones(motivo_id):
    return [DefinicionCampo(c.codigo, c.nombre, c.tipo, c.requerido, tuple(c.lista_opciones()))
            for c in _campos_activos.filas(motivo_id)]


def campos(motivo, valores, errores):
    """Clean custom field values of ``motivo`` (its own field errors go into ``errores``)."""
    limpios, propios = validar_campos(definiciones(motivo.id), valores)
    errores.update(propios)
    return limpios


def descripcion(texto, errores, clave='descripcion'):
    texto = (texto or '').strip() if isinstance(texto, (str, type(None))) else None
    if texto is None:
        errores[clave] = 'La descripción debe ser un texto.'
    elif not texto:
        errores[clave] = 'Describa el caso: la descripción es obligatoria.'
    elif len(texto) > DESCRIPCION_MAX:
        errores[clave] = f'La descripción supera {DESCRIPCION_MAX} caracteres.'
    return texto


def producto_del_servicio(producto, servicio, errores):
    if producto is not None and servicio is not None and producto.servicio_id != servicio.id:
        errores['producto'] = (f'El producto «{producto.nombre}» no pertenece al servicio '
                               f'«{servicio.nombre}».')


def cliente(valor, errores):
    """An existing customer (row or id), or the data of one to find by document or create.

    Returns a saved Cliente, or None with errors keyed 'cliente' / 'cliente.<field>'.
    A known customer's record is never changed here (who may edit customers decides, on
    the case page): what was given now is the case's own contact, see ``contacto``.
    """
    if isinstance(valor, Cliente) or (isinstance(valor, int) and not isinstance(valor, bool)):
        fila = Cliente.get_or_none(Cliente.id == getattr(valor, 'id', valor))
        if fila is None:
            errores['cliente'] = f'No existe el cliente {getattr(valor, "id", valor)}.'
        return fila
    if not isinstance(valor, dict):
        errores['cliente'] = 'Indique el cliente: tipo y número de documento y nombre.'
        return None
    datos = {k: (str(valor.get(k) or '')).strip() for k in
             ('tipo_documento_identidad', 'numero_documento') + CAMPOS_CONTACTO}
    datos['numero_documento'] = normalizar_numero(datos['numero_documento'])
    datos['tipo_documento_identidad'] = datos['tipo_documento_identidad'].upper()
    existente = Cliente.por_documento(datos['tipo_documento_identidad'],
                                      datos['numero_documento'])
    if existente is not None:
        for campo in CAMPOS_CONTACTO:
            datos[campo] = datos[campo] or getattr(existente, campo)
    propios = errores_cliente(datos['tipo_documento_identidad'], datos['numero_documento'],
                              *(datos[c] for c in CAMPOS_CONTACTO),
                              registrado=existente is not None)
    if propios:
        errores.update({'cliente.' + k: v for k, v in propios.items()})
        return None
    if existente is None:
        # Two registrations for the same new customer may race: the second one waits for
        # the first to commit, inserts nothing, and reads the row it created.
        fila = Cliente(**datos)
        fila.id = insertar(Cliente, [fila.__data__], devolver_id=True, ignorar_repetido=True)
        if fila.id is None:
            return Cliente.por_documento(datos['tipo_documento_identidad'],
                                         datos['numero_documento'])
        return fila
    return existente


def contacto(valor, fila):
    """The contact details the case is filed with: what was given, the customer's stored
    ones where a field was left blank (staff and API callers may read customers)."""
    dados = valor if isinstance(valor, dict) else {}
    return {c: str(dados.get(c) or '').strip() or (getattr(fila, c) if fila else '')
            for c in CAMPOS_CONTACTO}
