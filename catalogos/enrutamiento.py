"""Routing rules: the catalog of rules in plain Spanish and their checks against the catalogs.

The grammar and evaluation are pure (``reglas.enrutamiento``); here a rule is also checked
against the database: every field it reads must exist (a case field or a custom field of some
motive) and every catalog value it names (motive, channel, priority, area, process, user) must
exist, by code or name. Rules apply in ``orden``; of two that set the same thing, the later
one wins (see ``reglas.enrutamiento``).
"""
from peewee import IntegerField, TextField

from bd.recordadas import Recordada
from catalogos.atencion import TIPOS_SOLICITANTE, Canal, PuntoRecepcion
from catalogos.base import Catalogo
from catalogos.declaracion import declarar
from catalogos.organizacion import Area
from catalogos.plazos import Prioridad
from catalogos.procesos import Proceso
from catalogos.servicios import TIPOS_CASO, CampoPersonalizado, Motivo, Producto, Servicio
from catalogos.usuarios import Usuario
from reglas.enrutamiento import ReglaMalEscrita, analizar, clave, contradicciones, normalizar

ORIGENES = [('externo', 'Externo'), ('interno', 'Interno')]
# Case fields a condition may read and the catalog (or list of choices) their values come from.
CAMPOS_CATALOGO = {'canal': Canal, 'servicio': Servicio, 'producto': Producto,
                   'motivo': Motivo, 'prioridad': Prioridad, 'area': Area,
                   'punto_de_recepcion': PuntoRecepcion}
CAMPOS_OPCIONES = {'tipo': TIPOS_CASO, 'origen': ORIGENES, 'solicitante': TIPOS_SOLICITANTE}
CAMPOS_TEXTO = ('descripcion',)
ACCION_CATALOGO = {'prioridad': Prioridad, 'area': Area, 'proceso': Proceso}
ETIQUETA_MAX = 60
NOMBRE_CAMPO = {'area': 'área', 'descripcion': 'descripción',
                'punto_de_recepcion': 'punto de recepción'}


def buscar(modelo, valor):
    """The row of a catalog whose code or name is ``valor`` (no case or accents), or None."""
    buscado = normalizar(valor)
    exacta = modelo.get_or_none(modelo.codigo == str(valor))
    if exacta is not None:
        return exacta
    for fila in modelo.select().order_by(modelo.id).limit(5000):
        if buscado in (normalizar(fila.codigo), normalizar(fila.nombre)):
            return fila
    return None


def buscar_usuario(valor):
    buscado = normalizar(valor)
    for usuario in Usuario.select().where(Usuario.active == True):  # noqa: E712
        if buscado in (normalizar(usuario.email), normalizar(usuario.nombre or '')):
            return usuario
    return None


def campos_personalizados():
    """{clave: label} of every custom field of every motive, by code and by label."""
    campos = {}
    for codigo, nombre in CampoPersonalizado.select(CampoPersonalizado.codigo,
                                                    CampoPersonalizado.nombre).tuples():
        campos.setdefault(clave(codigo), nombre)
        campos.setdefault(clave(nombre), nombre)
    return campos


def _error_condicion(regla, personalizados):
    for _, campo, operador, valores in regla.comparaciones():
        conocido = (campo in CAMPOS_CATALOGO or campo in CAMPOS_OPCIONES
                    or campo in CAMPOS_TEXTO or campo in personalizados)
        if not conocido:
            return (f'El campo «{campo.replace("_", " ")}» no existe: use un campo del caso '
                    '(tipo, origen, canal, servicio, producto, motivo, prioridad, área, '
                    'descripción, punto de recepción, solicitante) o un campo personalizado '
                    'de algún motivo.')
        if operador not in ('es', 'no_es', 'esta_en'):
            continue
        for valor in valores:
            if campo in CAMPOS_CATALOGO and buscar(CAMPOS_CATALOGO[campo], valor) is None:
                return (f'«{valor}» no es un valor de {NOMBRE_CAMPO.get(campo, campo)}: '
                        'escriba el código o el nombre tal como está en el catálogo.')
            opciones = CAMPOS_OPCIONES.get(campo)
            if opciones and normalizar(valor) not in {normalizar(x) for par in opciones
                                                      for x in par}:
                return (f'«{valor}» no es un valor de {campo}: use '
                        + ', '.join(c for c, _ in opciones) + '.')
    return None


def _error_acciones(regla):
    for tipo, valor in regla.acciones:
        if tipo in ACCION_CATALOGO and buscar(ACCION_CATALOGO[tipo], valor) is None:
            return f'«{valor}» no es {NOMBRE_CAMPO.get(tipo, tipo)} del catálogo.'
        if tipo == 'asignar' and buscar_usuario(valor) is None:
            return f'No hay un usuario activo «{valor}» (escriba su correo).'
        if tipo == 'etiqueta' and len(str(valor)) > ETIQUETA_MAX:
            return f'La etiqueta «{valor}» supera {ETIQUETA_MAX} caracteres.'
    return None


def error_regla(texto):
    """None, or the Spanish message of what is wrong with the rule ``texto``."""
    try:
        regla = analizar(texto)
    except ReglaMalEscrita as error:
        return str(error)
    return _error_condicion(regla, campos_personalizados()) or _error_acciones(regla)


class ReglaEnrutamiento(Catalogo):
    orden = IntegerField(default=10, verbose_name='Orden',
                         help_text='Se aplican de menor a mayor; si dos fijan lo mismo, '
                                   'gana la de mayor orden.')
    texto = TextField(verbose_name='Regla', help_text=(
        'Ej.: si motivo es "Facturación excesiva" y monto reclamado mayor que 500 entonces '
        'prioridad ALTO y área COBRANZAS. Pruébela en Servicios > Probar una regla.'))

    class Meta:
        table_name = 'regla_enrutamiento'

    def errores_propios(self):
        errores = {}
        if self.orden is None or self.orden < 1:
            errores['orden'] = 'El orden debe ser un número entero desde 1.'
        mensaje = error_regla(self.texto)
        if mensaje:
            errores['texto'] = mensaje
        return errores

    @classmethod
    def en_orden(cls):
        return _en_orden.filas()

    def avisos(self):
        """Contradictions with the other active rules: which one wins, in words."""
        if not self.activo:
            return []
        return avisos_de(ReglaEnrutamiento.en_orden(), solo=self.id)


@Recordada  # every registration applies the active rules: kept per process (bd.recordadas)
def _en_orden():
    return ReglaEnrutamiento.activos().order_by(ReglaEnrutamiento.orden, ReglaEnrutamiento.id)


def reglas_que_nombran(fila):
    """Names of the routing rules whose condition or actions name ``fila`` (by code or name):
    deleting it would break them silently."""
    modelo = type(fila)
    if modelo not in CAMPOS_CATALOGO.values() and modelo not in ACCION_CATALOGO.values():
        return []
    propios = {normalizar(fila.codigo), normalizar(getattr(fila, 'nombre', '') or '')}
    nombres = []
    for regla in ReglaEnrutamiento.select().order_by(ReglaEnrutamiento.orden):
        try:
            analizada = analizar(regla.texto)
        except ReglaMalEscrita:
            continue
        valores = [v for _, campo, _, vs in analizada.comparaciones()
                   if CAMPOS_CATALOGO.get(campo) is modelo for v in vs]
        valores += [v for tipo, v in analizada.acciones if ACCION_CATALOGO.get(tipo) is modelo]
        if any(normalizar(str(v)) in propios for v in valores):
            nombres.append(regla.nombre)
    return nombres


def _codigo_de(campo, valor):
    """The code of a catalog value named by its name, so "Web" and WEB are the same."""
    modelo = CAMPOS_CATALOGO.get(campo) or ACCION_CATALOGO.get(campo)
    fila = buscar(modelo, valor) if modelo is not None else None
    return fila.codigo if fila is not None else valor


def avisos_de(filas, solo=None):
    """Spanish warnings for rules with the same condition that set one thing differently."""
    pares = []
    for fila in filas:
        try:
            pares.append((fila, analizar(fila.texto)))
        except ReglaMalEscrita:
            continue
    por_id = {f.id: f for f, _ in pares}
    avisos = []
    for tipo, perdedora, ganadora, v_perdedor, v_ganador in contradicciones(
            [(f.id, r) for f, r in pares], _codigo_de):
        a, b = por_id[perdedora], por_id[ganadora]
        if solo is not None and solo not in (a.id, b.id):
            continue
        que = NOMBRE_CAMPO.get(tipo, tipo)
        avisos.append(f'Las reglas «{a.nombre}» (orden {a.orden}) y «{b.nombre}» (orden '
                      f'{b.orden}) tienen la misma condición y fijan {que} '
                      f'distinto ({v_perdedor} / {v_ganador}): gana «{b.nombre}», que se '
                      'aplica después.')
    return avisos


REGLAS = declarar(
    ReglaEnrutamiento, titulo='Reglas de enrutamiento', categoria='Servicios',
    clave='reglas_enrutamiento', columnas=('orden', 'codigo', 'nombre', 'texto', 'activo'),
    busqueda=('codigo', 'nombre', 'texto'), orden=('orden', False),
    formulario=('orden', 'codigo', 'nombre', 'texto', 'activo'),
)
