"""The one way to delete catalog rows: single delete, bulk action, API and import all call
``borrar``.

A row may be deleted only when nothing else uses it. Its own inline children (a calendar's
hours and days off, a motive's custom fields, a process's activities) go with it, after the
same check on them; any other row that points to it, whatever its ``on_delete`` says (a
``CASCADE`` escalation level or a ``SET NULL`` user would be silently lost), and any routing
rule that names it, make it "in use". One refused row refuses the whole request: the check
and the deletes run in one transaction, and nothing is deleted unless everything can be.

Why not ``delete_instance(recursive=True)`` (flask-admin's default): it deletes every row
that points to this one and nulls the nullable ones, e.g. a motive's cases.
"""
from peewee import IntegrityError

from bd import db
from catalogos.declaracion import REGISTRO

# Readable names of the tables outside the catalogs that can point to a catalog row.
NOMBRES = {'reclamo': 'Casos', 'usuario': 'Usuarios', 'plantilla_carta': 'Plantillas de carta',
           'accion_mejora_motivo': 'Acciones de mejora', 'termino_caso': 'Plazos de casos',
           'plantilla_informe': 'Plantillas de informe', 'cliente': 'Clientes'}


class BorradoRechazado(Exception):
    """Some rows are in use; ``rechazos`` is [(row label, [uses])], the message Spanish."""

    def __init__(self, rechazos):
        self.rechazos = rechazos
        super().__init__(' '.join(mensaje_rechazo(fila, usos) for fila, usos in rechazos))


def mensaje_rechazo(fila, usos):
    return (f'No se puede eliminar «{fila}» porque está en uso: {"; ".join(usos)}. '
            'Desactívelo en su lugar (botón «Desactivar» o «Con seleccionados > Desactivar»).')


def _declaracion(modelo):
    return next((d for d in REGISTRO if d.modelo is modelo), None)


# Rows that belong to a non-catalog row and go with it: a user's role links and access log.
PROPIOS = {'usuario': {'usuario_rol': 'user', 'evento_usuario': 'usuario'}}


def _hijos(modelo):
    declaracion = _declaracion(modelo)
    if declaracion is not None:
        return {h.modelo: h.campo_padre for h in declaracion.hijos}
    propios = PROPIOS.get(modelo._meta.table_name, {})
    return {referente: campo.name for campo, referente in modelo._meta.backrefs.items()
            if propios.get(referente._meta.table_name) == campo.name}


def _nombre(modelo):
    declaracion = _declaracion(modelo)
    if declaracion is not None:
        return declaracion.titulo
    padre = next((d for d in REGISTRO for h in d.hijos if h.modelo is modelo), None)
    if padre is not None:
        hijo = next(h for h in padre.hijos if h.modelo is modelo)
        nombre = hijo.clave.replace("_", " ")  # plural: "actividades", "campos"
        return f"{nombre[0].upper()}{nombre[1:]} de {padre.titulo.lower()}"
    tabla = modelo._meta.table_name
    return NOMBRES.get(tabla, tabla.replace('_', ' ').capitalize())


def usos(fila):
    """What uses ``fila``, in words: ['Motivos (4)', 'Casos (12)', ...]; [] when free."""
    modelo = type(fila)
    hijos = _hijos(modelo)
    encontrados = []
    for campo, referente in modelo._meta.backrefs.items():
        filas = referente.select().where(campo == fila.id)
        if referente in hijos and campo.name == hijos[referente]:
            for hija in filas:
                encontrados.extend(f'{u} (desde {_nombre(referente).lower()})'
                                   for u in usos(hija))
            continue
        cantidad = filas.count()
        if cantidad:
            encontrados.append(f'{_nombre(referente)} ({cantidad})')
    encontrados.extend(_reglas_que_nombran(fila))
    # Uses by code rather than by foreign key (customers keep their identity type's code).
    encontrados.extend(getattr(fila, 'usos_por_codigo', list)())
    return encontrados


def _reglas_que_nombran(fila):
    # Imported here: enrutamiento imports most catalogs, which import this module's users.
    from catalogos.enrutamiento import reglas_que_nombran

    return [f'regla de enrutamiento «{nombre}»' for nombre in reglas_que_nombran(fila)]


def rechazos(filas):
    return [(fila, encontrados) for fila in filas if (encontrados := usos(fila))]


def borrar_fila(fila):
    """Delete one free row and its inline children (the caller holds the transaction)."""
    for hijo, campo_padre in _hijos(type(fila)).items():
        for hija in hijo.select().where(getattr(hijo, campo_padre) == fila.id):
            borrar_fila(hija)
    fila.delete_instance()


def borrar(modelo, ids):
    """Delete the rows of ``modelo`` with these ids, all or none; returns how many.

    Raises ``BorradoRechazado`` naming every row in use; nothing is deleted then.
    """
    ids = list(ids)
    with db.atomic() as transaccion:
        filas = list(modelo.select().where(modelo.id.in_(ids)).order_by(modelo.id))
        negados = rechazos(filas)
        if negados:
            transaccion.rollback()
            raise BorradoRechazado(negados)
        try:
            for fila in filas:
                borrar_fila(fila)
        except IntegrityError:
            # A table this process has not imported still points here: the database says no.
            transaccion.rollback()
            raise BorradoRechazado([(f, ['otros registros']) for f in filas]) from None
    return len(filas)


def borrar_filas(filas):
    """``borrar`` for rows already loaded (the import's replaced children)."""
    negados = rechazos(filas)
    if negados:
        raise BorradoRechazado(negados)
    for fila in filas:
        borrar_fila(fila)
