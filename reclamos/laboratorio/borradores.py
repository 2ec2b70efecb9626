"""The process lab's drafts: a copy of the live configuration (the JSON of
``catalogos.configuracion``) plus the simulation's parameters, edited apart from live data;
publishing replaces the live configuration in one transaction, keeping the previous version
for a rollback, and both are written to the admin log."""
import datetime
import json

from peewee import CharField, DateTimeField, ForeignKeyField, TextField, fn

from bd import BaseModel, db
from catalogos.configuracion import ErrorImportacion, exportar, importar
from catalogos.enrutamiento import ReglaEnrutamiento, error_regla
from catalogos.organizacion import Area
from catalogos.usuarios import Rol, Usuario, UsuarioRol
from reclamos.errores import ErrorValidacion

VARIABILIDAD = (('exponencial', 'Exponencial (con semilla)'), ('fija', 'Fija (la media)'))
ATENCION_POR_DEFECTO = 60.0  # minutes, when an area has no resolved case to learn from


class BorradorConfiguracion(BaseModel):
    nombre = CharField(max_length=200)
    creado_en = DateTimeField(default=datetime.datetime.utcnow)
    creado_por = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False)
    datos = TextField()  # the configuration JSON, edited
    parametros = TextField(default='{}')  # staff, handling minutes, durations, seed
    estado = CharField(max_length=20, default='borrador')  # borrador | publicado
    publicado_en = DateTimeField(null=True)

    class Meta:
        table_name = 'borrador_configuracion'

    def configuracion(self):
        return json.loads(self.datos)

    def valores(self):
        return json.loads(self.parametros or '{}')


class VersionConfiguracion(BaseModel):
    """The live configuration as it was just before a publication or a rollback."""

    creado_en = DateTimeField(default=datetime.datetime.utcnow)
    usuario = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False)
    motivo = CharField(max_length=300)
    datos = TextField()

    class Meta:
        table_name = 'version_configuracion'


class BitacoraAdmin(BaseModel):
    instante = DateTimeField(default=datetime.datetime.utcnow, index=True)
    usuario = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False)
    accion = CharField(max_length=40)
    detalle = TextField(default='')

    class Meta:
        table_name = 'bitacora_admin'


def anotar_admin(usuario, accion, detalle):
    BitacoraAdmin.create(usuario=usuario, accion=accion, detalle=detalle)


def personal_por_area():
    """{area codigo: active agents and supervisors of that area} (the draft's default staff)."""
    filas = (Area.select(Area.codigo, fn.COUNT(fn.DISTINCT(Usuario.id)))
             .join(Usuario, on=(Usuario.area == Area.id))
             .join(UsuarioRol, on=(UsuarioRol.user == Usuario.id))
             .join(Rol, on=(Rol.id == UsuarioRol.role))
             .where(Usuario.active == True, Rol.name.in_(('agente', 'supervisor')))  # noqa: E712
             .group_by(Area.codigo).tuples())
    return dict(filas)


def parametros_iniciales(configuracion, atencion_observada):
    """Staff per area (its people today, at least 1 so the first run works), handling minutes
    per area (observed), seed 1."""
    personal = personal_por_area()
    areas = [a['codigo'] for a in configuracion['catalogos'].get('areas', [])]
    return {'personal': {a: max(1, personal.get(a, 0)) for a in areas},
            'atencion': {a: round(atencion_observada.get(a, ATENCION_POR_DEFECTO), 1)
                         for a in areas},
            'duraciones': {}, 'semilla': 1, 'variabilidad': 'exponencial'}


def copiar(nombre, usuario, atencion_observada=None):
    """A new draft with the live configuration as it is now."""
    nombre = (nombre or '').strip()
    if not nombre:
        raise ErrorValidacion({'nombre': 'Ponga un nombre al borrador.'})
    configuracion = exportar()
    with db.atomic():
        borrador = BorradorConfiguracion.create(
            nombre=nombre[:200], creado_por=usuario,
            datos=json.dumps(configuracion, ensure_ascii=False),
            parametros=json.dumps(parametros_iniciales(configuracion, atencion_observada or {})))
        anotar_admin(usuario, 'borrador_creado', f'Borrador «{borrador.nombre}» '
                                                   f'(#{borrador.id}) copiado de la configuración.')
    return borrador


# -- editing -----------------------------------------------------------------------------
def _numero(texto, campo, errores, minimo=0, entero=False):
    try:
        valor = int(texto) if entero else float(str(texto).replace(',', '.'))
    except (TypeError, ValueError):
        errores[campo] = f'«{texto}» no es un número.'
        return None
    if valor < minimo or valor > 10**6 or valor != valor:
        errores[campo] = f'Debe estar entre {minimo} y 1000000 (se recibió {texto}).'
        return None
    return valor


def actividades(configuracion):
    """[(process code, activity dict)] of the draft, in order (what the edit form lists)."""
    return [(p['codigo'], a) for p in configuracion['catalogos'].get('procesos', [])
            for a in p.get('actividades', [])]


def texto_reglas(configuracion):
    reglas = sorted(configuracion['catalogos'].get('reglas_enrutamiento', []),
                    key=lambda r: (r['orden'], r['codigo']))
    return '\n'.join(f'{r["codigo"]}: {r["texto"]}' for r in reglas if r.get('activo', True))


def _reglas(texto, errores):
    """'CODE: rule' per line (CODE optional) -> the draft's rule list, in order."""
    reglas = []
    for numero, linea in enumerate((texto or '').splitlines(), 1):
        linea = linea.strip()
        if not linea:
            continue
        codigo, _, regla = linea.partition(':')
        if not regla or ' ' in codigo.strip():
            codigo, regla = f'LAB{numero:02d}', linea
        codigo, regla = codigo.strip()[:40], regla.strip()
        mensaje = error_regla(regla)
        if mensaje:
            errores['reglas'] = f'Regla de la línea {numero}: {mensaje}'
            return []
        reglas.append({'codigo': codigo, 'nombre': f'Regla {codigo}', 'activo': True,
                       'orden': 10 * len(reglas) + 10, 'texto': regla})
    return reglas


def editar(borrador, formulario):
    """Apply the edit form (staff, handling minutes, activities, rules, seed) to the draft.

    Nothing live changes; a bad value raises ErrorValidacion naming the field and nothing of
    the draft is saved.
    """
    if borrador.estado != 'borrador':
        raise ErrorValidacion({'borrador': 'Este borrador ya se publicó: cópielo de nuevo.'})
    configuracion, valores = borrador.configuracion(), borrador.valores()
    errores = {}
    areas = [a['codigo'] for a in configuracion['catalogos'].get('areas', [])]
    for area in areas:
        personal = _numero(formulario.get(f'personal-{area}', 0), f'personal-{area}', errores,
                           entero=True)
        atencion = _numero(formulario.get(f'atencion-{area}', 0), f'atencion-{area}', errores,
                           minimo=1)
        if personal is not None:
            valores['personal'][area] = personal
        if atencion is not None:
            valores['atencion'][area] = atencion
    for proceso, actividad in actividades(configuracion):
        clave = f'{proceso}-{actividad["orden"]}'
        area = formulario.get(f'area-{clave}', actividad['area'])
        if area not in areas:
            errores[f'area-{clave}'] = f'El área «{area}» no existe.'
        actividad['area'] = area
        plazo = _numero(formulario.get(f'plazo-{clave}', actividad['plazo_cantidad']),
                        f'plazo-{clave}', errores, minimo=1, entero=True)
        if plazo is not None:
            actividad['plazo_cantidad'] = plazo
        duracion = formulario.get(f'duracion-{clave}', '')
        if str(duracion).strip():
            minutos = _numero(duracion, f'duracion-{clave}', errores, minimo=0)
            if minutos is not None:
                valores['duraciones'][clave] = minutos
        else:
            valores['duraciones'].pop(clave, None)
    if 'reglas' in formulario:
        configuracion['catalogos']['reglas_enrutamiento'] = _reglas(formulario['reglas'],
                                                                     errores)
    semilla = _numero(formulario.get('semilla', valores.get('semilla', 1)), 'semilla', errores,
                      entero=True)
    if semilla is not None:
        valores['semilla'] = semilla
    variabilidad = formulario.get('variabilidad', valores.get('variabilidad'))
    if variabilidad not in dict(VARIABILIDAD):
        errores['variabilidad'] = 'Elija fija o exponencial.'
    valores['variabilidad'] = variabilidad
    if errores:
        raise ErrorValidacion(errores)
    borrador.datos = json.dumps(configuracion, ensure_ascii=False)
    borrador.parametros = json.dumps(valores)
    borrador.save()
    return borrador


# -- publishing --------------------------------------------------------------------------
def _reemplazar(configuracion):
    """Import ``configuracion`` over the live one; rules it no longer lists are switched off
    (the import creates and updates, it does not delete)."""
    importar(configuracion)
    codigos = [r['codigo'] for r in configuracion['catalogos'].get('reglas_enrutamiento', [])]
    (ReglaEnrutamiento.update(activo=False)
     .where(ReglaEnrutamiento.codigo.not_in(codigos or ['']))
     .execute())


def publicar(borrador, usuario):
    """Replace the live configuration with the draft, in one transaction; the previous one is
    kept as a VersionConfiguracion. Raises ErrorValidacion (nothing changed) when it does not
    import."""
    if borrador.estado != 'borrador':
        raise ErrorValidacion({'borrador': 'Este borrador ya se publicó.'})
    try:
        with db.atomic():
            version = VersionConfiguracion.create(
                usuario=usuario, motivo=f'Antes de publicar el borrador «{borrador.nombre}»',
                datos=json.dumps(exportar(), ensure_ascii=False))
            _reemplazar(borrador.configuracion())
            borrador.estado, borrador.publicado_en = 'publicado', datetime.datetime.utcnow()
            borrador.save()
            anotar_admin(usuario, 'borrador_publicado',
                         f'Borrador «{borrador.nombre}» (#{borrador.id}) publicado; la '
                         f'configuración anterior quedó como versión #{version.id}.')
    except ErrorImportacion as error:
        raise ErrorValidacion({'borrador': f'No se publicó nada: {error}'}) from None
    return version


def restaurar(version, usuario):
    """Put a kept version back as the live configuration (itself kept first)."""
    try:
        with db.atomic():
            actual = VersionConfiguracion.create(
                usuario=usuario, motivo=f'Antes de restaurar la versión #{version.id}',
                datos=json.dumps(exportar(), ensure_ascii=False))
            _reemplazar(json.loads(version.datos))
            anotar_admin(usuario, 'version_restaurada',
                         f'Restaurada la versión #{version.id}; la que había quedó como '
                         f'#{actual.id}.')
    except ErrorImportacion as error:
        raise ErrorValidacion({'version': f'No se restauró nada: {error}'}) from None
    return actual
