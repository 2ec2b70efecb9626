"""The whole configuration as one JSON document, and back (test environment -> production).

Export walks ``REGISTRO``, so a new catalog is exported and imported with no code here.
Rows are matched by ``codigo``; foreign keys travel as the ``codigo`` of the row they point
to; inline children (business hours, custom fields...) travel nested in their parent and are
replaced as a whole. An import is one transaction: the first bad entry stops it, named, and
nothing is kept.
"""
import datetime

from peewee import (AutoField, BooleanField, CharField, DateField, ForeignKeyField,
                    IntegerField, TextField, TimeField)

from bd import db
from catalogos.borrado import BorradoRechazado, borrar_filas
from catalogos import secciones
from catalogos.declaracion import REGISTRO

FORMATO = 'reclamos-configuracion'
VERSION = 1


class ErrorImportacion(ValueError):
    """Carries a Spanish message naming the catalog, entry and field at fault."""


# -- export ------------------------------------------------------------------------------
def _campos(modelo, excluir=()):
    return [c for c in modelo._meta.sorted_fields
            if not isinstance(c, AutoField) and c.name not in excluir]


def _valor(fila, campo):
    if isinstance(campo, ForeignKeyField):
        relacionado = getattr(fila, campo.name)
        return relacionado.codigo if relacionado is not None else None
    valor = getattr(fila, campo.name)
    if isinstance(valor, (datetime.date, datetime.time)):
        return valor.isoformat()
    return valor


def _a_dict(fila, campos):
    return {c.name: _valor(fila, c) for c in campos}


def _secciones():
    """(key, model, children) of everything exported row by row: declarations, then the
    rows other layers registered (letter templates)."""
    return ([(d.clave, d.modelo, d.hijos) for d in REGISTRO]
            + [(clave, modelo, ()) for clave, modelo in secciones.ADICIONALES])


def exportar(completa=False):
    """Return the configuration as a JSON-ready dict, in a stable order. ``completa`` adds
    the company profile and the users (the panel's and the CLI's file); the process lab's
    drafts leave them out, so publishing a draft never reverts a user's roles."""
    catalogos = {}
    for clave, modelo, hijos in _secciones():
        campos = _campos(modelo)
        filas = []
        for fila in modelo.select().order_by(modelo.codigo):
            dato = _a_dict(fila, campos)
            for hijo in hijos:
                campos_hijo = _campos(hijo.modelo, excluir=(hijo.campo_padre,))
                orden = [hijo.modelo._meta.fields[n] for n in hijo.columnas[:2]]
                consulta = (hijo.modelo.select()
                            .where(getattr(hijo.modelo, hijo.campo_padre) == fila.id)
                            .order_by(*orden))
                dato[hijo.clave] = [_a_dict(h, campos_hijo) for h in consulta]
            filas.append(dato)
        catalogos[clave] = filas
    datos = {'formato': FORMATO, 'version': VERSION, 'catalogos': catalogos}
    if completa:
        datos.update(empresa=secciones.exportar_empresa(), usuarios=secciones.exportar_usuarios())
    return datos


# -- import ------------------------------------------------------------------------------
def _convertir(campo, valor, donde):
    """Turn a JSON value into what the field stores, or fail naming the place."""
    if valor is None:
        if campo.null:
            return None
        raise ErrorImportacion(f'{donde}: el campo «{campo.name}» es obligatorio.')
    try:
        if isinstance(campo, ForeignKeyField):
            destino = campo.rel_model.get_or_none(campo.rel_model.codigo == str(valor))
            if destino is None:
                raise ErrorImportacion(
                    f'{donde}: «{campo.name}» hace referencia al código «{valor}», que no existe.')
            return destino.id
        if isinstance(campo, BooleanField):
            if not isinstance(valor, bool):
                raise TypeError
            return valor
        if isinstance(campo, IntegerField):
            if isinstance(valor, bool) or not isinstance(valor, int):
                raise TypeError
            return valor
        if isinstance(campo, DateField):
            return datetime.date.fromisoformat(valor)
        if isinstance(campo, TimeField):
            return datetime.time.fromisoformat(valor)
        if isinstance(campo, (CharField, TextField)):
            if not isinstance(valor, str):
                raise TypeError
            if getattr(campo, 'max_length', None) and len(valor) > campo.max_length:
                raise ErrorImportacion(f'{donde}: «{campo.name}» supera {campo.max_length} '
                                       'caracteres.')
            return valor
    except ErrorImportacion:
        raise
    except (TypeError, ValueError):
        raise ErrorImportacion(
            f'{donde}: valor inválido para «{campo.name}»: {valor!r}.') from None
    return valor


def _asignar(fila, campos, entrada, donde, ignorar=()):
    if not isinstance(entrada, dict):
        raise ErrorImportacion(f'{donde}: se esperaba un objeto JSON.')
    conocidos = {c.name: c for c in campos}
    desconocidos = set(entrada) - set(conocidos) - set(ignorar)
    if desconocidos:
        raise ErrorImportacion(f'{donde}: campo desconocido «{sorted(desconocidos)[0]}».')
    for nombre, campo in conocidos.items():
        if nombre in entrada:
            setattr(fila, campo.column_name if isinstance(campo, ForeignKeyField) else nombre,
                    _convertir(campo, entrada[nombre], donde))


def _validar(fila, donde):
    errores = fila.errores()
    if errores:
        campo, mensaje = next(iter(errores.items()))
        raise ErrorImportacion(f'{donde}: {campo}: {mensaje}')


def _importar_hijos(hijos, fila, entrada, donde):
    for hijo in hijos:
        if hijo.clave not in entrada:
            continue
        lista = entrada[hijo.clave]
        if not isinstance(lista, list):
            raise ErrorImportacion(f'{donde}: «{hijo.clave}» debe ser una lista.')
        padre = getattr(hijo.modelo, hijo.campo_padre)
        try:  # replaced through the one delete path: a child still in use stops the import
            borrar_filas(list(hijo.modelo.select().where(padre == fila.id)))
        except BorradoRechazado as rechazo:
            raise ErrorImportacion(f'{donde}: {rechazo}') from None
        campos = _campos(hijo.modelo, excluir=(hijo.campo_padre,))
        for j, dato in enumerate(lista, 1):
            lugar = f'{donde} > {hijo.clave} #{j}'
            nueva = hijo.modelo()
            setattr(nueva, padre.column_name, fila.id)
            _asignar(nueva, campos, dato, lugar)
            _validar(nueva, lugar)
            nueva.save()


def importar(datos):
    """Create or update every row of ``datos``; returns {section: rows imported}, with
    ``invitar``: the e-mails of the users created (they set their password by invitation)."""
    if not isinstance(datos, dict) or datos.get('formato') != FORMATO:
        raise ErrorImportacion(f'El archivo no es una configuración de Reclamos (falta '
                               f'"formato": "{FORMATO}").')
    if datos.get('version') != VERSION:
        raise ErrorImportacion(f'Versión de configuración no soportada: {datos.get("version")!r}.')
    catalogos = datos.get('catalogos')
    if not isinstance(catalogos, dict):
        raise ErrorImportacion('Falta el objeto "catalogos".')
    claves = {clave for clave, _, _ in _secciones()}
    desconocidos = set(catalogos) - claves
    if desconocidos:
        raise ErrorImportacion(f'Catálogo desconocido: «{sorted(desconocidos)[0]}».')

    resumen = {}
    with db.atomic():
        secciones.importar_empresa(datos.get('empresa'), ErrorImportacion)
        for clave, modelo, hijos in _secciones():
            entradas = catalogos.get(clave, [])
            if not isinstance(entradas, list):
                raise ErrorImportacion(f'«{clave}» debe ser una lista.')
            campos = _campos(modelo)
            for i, entrada in enumerate(entradas, 1):
                codigo = entrada.get('codigo') if isinstance(entrada, dict) else None
                donde = f'{clave} #{i} (código {codigo!r})'
                fila = modelo.get_or_none(modelo.codigo == codigo) if codigo else None
                fila = fila or modelo()
                _asignar(fila, campos, entrada, donde, ignorar=[h.clave for h in hijos])
                _validar(fila, donde)
                fila.save()
                _importar_hijos(hijos, fila, entrada, donde)
                conjunto = getattr(fila, 'errores_del_conjunto', None)
                for mensaje in (conjunto() if conjunto else {}).values():
                    raise ErrorImportacion(f'{donde}: {mensaje}')
            resumen[clave] = len(entradas)
        if 'usuarios' in datos:
            resumen['invitar'] = secciones.importar_usuarios(datos['usuarios'], ErrorImportacion)
    return resumen


class _Ensayo(Exception):
    """Raised to roll the trial import of a preview back."""


def previsualizar(datos):
    """What importing ``datos`` would do, without doing it: {section: {'crear': [codes],
    'cambiar': [codes], 'igual': count}}. The import itself runs and is rolled back, so a bad
    file raises ErrorImportacion here, before anyone presses "Aplicar"."""
    actual = exportar(completa=True)
    plan = {}
    for clave, filas in (datos.get('catalogos') or {}).items() if isinstance(datos, dict) else ():
        existentes = {f['codigo']: f for f in actual['catalogos'].get(clave, [])}
        plan[clave] = _comparar(filas, existentes, 'codigo')
    if isinstance(datos, dict) and isinstance(datos.get('usuarios'), list):
        existentes = {u['email']: u for u in actual['usuarios']}
        plan['usuarios'] = _comparar(datos['usuarios'], existentes, 'email')
    if isinstance(datos, dict) and datos.get('empresa'):
        igual = all(actual['empresa'] and actual['empresa'].get(k) == v
                    for k, v in datos['empresa'].items())
        plan['empresa'] = {'crear': [] if actual['empresa'] else ['perfil'],
                           'cambiar': ['perfil'] if actual['empresa'] and not igual else [],
                           'igual': 1 if igual else 0}
    try:
        with db.atomic():
            importar(datos)
            raise _Ensayo
    except _Ensayo:
        pass
    return plan


def _comparar(filas, existentes, clave):
    plan = {'crear': [], 'cambiar': [], 'igual': 0}
    for fila in filas if isinstance(filas, list) else ():
        if not isinstance(fila, dict):
            continue
        valor = str(fila.get(clave, '')).strip().lower() if clave == 'email' \
            else fila.get(clave)
        anterior = existentes.get(valor)
        if anterior is None:
            plan['crear'].append(str(valor))
        elif any(anterior.get(k) != v for k, v in fila.items()):
            plan['cambiar'].append(str(valor))
        else:
            plan['igual'] += 1
    return plan
