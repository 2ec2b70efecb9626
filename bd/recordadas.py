"""Catalog reads kept per process while no catalog changes (issue 21).

Why: a registration read about ten rows of configuration (the motive with its catalogs, the
channel, the document type, custom fields, calendar, routing rules, process, template, the
company profile), a round trip each on every request, though they change a few times a
month; the pages read most did the same with their calendar and their choices. Now each is
read once per process and kept until the catalogs' version changes.

The version is one row (``version_catalogos``) that database triggers on every table of
``TABLAS`` increment in the same transaction as the change (migration 0026), whoever makes
it: this process, another app server, the admin screen, a raw SQL UPDATE. A request reads it
once (bd.memo); outside a request, once per call; a transaction once. A transaction that
itself changed a catalog (``bd.AL_ESCRIBIR`` tells) reads the catalogs directly until it
ends: what it reads may yet be rolled back, so it is never kept.

A kept read is declared like a compiled one (bd.compiladas) and may read only tables of
``TABLAS`` (checked when it is compiled):

    _CANAL = Recordada(lambda codigo: Canal.select().where(Canal.codigo == codigo).limit(1))

Every caller gets its own copy of the rows: models are mutable, and one caller's change must
never reach the next. Thread-safe: gunicorn's sync workers run one thread, but the live test
server and the dashboard's background rollup run others.
"""
import datetime
import decimal
import re
import threading

from peewee import BigIntegerField, Model

from bd import AL_ESCRIBIR, BaseModel, db, es_postgres, memo
from bd.compiladas import Compilada

TABLA = 'version_catalogos'
# Every catalog and configuration table: catalogos.modelos() but the users, their roles, login
# events and lock-outs, which change all day and are never kept. A test checks that each has
# its triggers and that a new catalog table is not forgotten here.
TABLAS = frozenset({
    'calendario', 'horario_dia', 'dia_especial', 'area', 'entidad_reguladora', 'canal',
    'punto_recepcion', 'tipo_documento', 'tipo_identidad', 'plantilla_informe', 'plazo_legal',
    'prioridad', 'servicio', 'producto', 'motivo', 'campo_personalizado', 'proceso',
    'actividad', 'nivel_escalamiento', 'plantilla_correo', 'regla_enrutamiento',
    'formato_regulador', 'resultado', 'empresa'})
MAXIMO = 5000  # kept reads per process (arguments come from requests); beyond, start again
# Longest arguments (characters of their text, one per value) a kept read is filed under:
# catalog codes are at most 40 characters. Longer ones (a form field may hold 500 KB) are
# read without being kept, or MAXIMO keys of whatever clients post would stay in every
# worker until the next catalog change.
ARGUMENTOS_MAX = 200
MEMO = 'version_catalogos'  # bd.memo's key
_LEER = 'SELECT "version" FROM "version_catalogos" WHERE "id" = 1'
_BLOQUEAR = _LEER + ' FOR UPDATE'
_TABLAS_LEIDAS = re.compile(r'\b(?:FROM|JOIN)\s+"(\w+)"', re.IGNORECASE)


class VersionCatalogos(BaseModel):
    """The one row (id 1) whose ``version`` the triggers of TABLAS increment."""

    version = BigIntegerField(default=1)

    class Meta:
        table_name = TABLA


# -- the version ---------------------------------------------------------------------------
_hilo = threading.local()  # per thread: (outermost transaction, its version or None)


def _transaccion():
    transacciones = db._state.transactions
    return transacciones[0] if transacciones else None


def _leer():
    fila = db.execute_sql(_LEER).fetchone()
    return fila[0] if fila else None


def version():
    """The catalogs' version this caller sees; None: read the catalogs directly (this
    transaction changed one, or the row is missing)."""
    transaccion = _transaccion()
    if transaccion is None:
        return memo.por_peticion(MEMO, _leer)
    estado = getattr(_hilo, 'estado', None)
    if estado is not None and estado[0] is transaccion:
        return estado[1]
    # This transaction has changed no catalog (the write would have left its mark): the
    # version it sees, or the one this request read before it, is a committed one.
    valor = memo.leido(MEMO)
    if valor is None:
        valor = _leer()
        memo.guardar(MEMO, valor)
    _hilo.estado = (transaccion, valor)
    return valor


def _al_escribir(tabla):
    """A write to a catalog: the rest of the request reads the version again, and the rest of
    the transaction reads the catalogs directly.

    PostgreSQL: the transaction's first catalog write locks the version row before it runs.
    The statement's AFTER trigger takes that lock only once the statement holds its own rows,
    so a save holding a row while waiting for the version an import held, the import then
    reaching that row, was a deadlock (PostgreSQL aborted one). Locked first, the save waits
    holding nothing."""
    if tabla not in TABLAS:
        return
    memo.olvidar(MEMO)
    transaccion = _transaccion()
    if transaccion is None:
        return
    estado = getattr(_hilo, 'estado', None)
    primera = estado is None or estado[0] is not transaccion or estado[1] is not None
    _hilo.estado = (transaccion, None)
    if primera and es_postgres():
        db.execute_sql(_BLOQUEAR)


AL_ESCRIBIR.append(_al_escribir)


# -- the kept reads ------------------------------------------------------------------------
class _Vigentes:
    """The reads kept for one database at one version; replaced whole, never emptied."""

    __slots__ = ('base', 'version', 'lecturas')

    def __init__(self, base=None, version=None):
        self.base, self.version, self.lecturas = base, version, {}


_vigentes = _Vigentes()
_cerrojo = threading.Lock()
_NADA = object()


def olvidar():
    """Drop every kept read (after rows changed without the triggers, e.g. a test's reset)."""
    global _vigentes
    with _cerrojo:
        _vigentes = _Vigentes()


def recordar(clave, leer):
    """``leer()``'s value, kept under ``clave`` while the catalogs' version stays; a copy."""
    global _vigentes
    actual = version()
    if actual is None:
        return leer()
    base, vigentes = db.obj, _vigentes
    if vigentes.base is base and vigentes.version == actual:
        valor = vigentes.lecturas.get(clave, _NADA)
        if valor is not _NADA:
            return copia(valor)
    valor = leer()
    guardado = copia(valor)
    with _cerrojo:
        vigentes = _vigentes
        # Any other version replaces the kept reads: two versions only alternate while a
        # request that began before a change ends.
        if (vigentes.base is not base or vigentes.version != actual
                or len(vigentes.lecturas) >= MAXIMO):
            vigentes = _vigentes = _Vigentes(base, actual)
        vigentes.lecturas[clave] = guardado
    return valor


def copia(valor):
    """A copy no change can carry back: models (with the rows joined to them), lists, tuples,
    dicts and sets are copied; anything else must be immutable (numbers, text, dates, frozen
    dataclasses, reglas' objects)."""
    tipo = type(valor)
    if tipo in _INMUTABLES:
        return valor
    if isinstance(valor, Model):
        return _copia_fila(valor, tipo)
    if tipo is list:
        return [copia(v) for v in valor]
    if tipo is tuple:
        if all(type(v) in _INMUTABLES for v in valor):
            return valor
        return tuple(copia(v) for v in valor)
    if tipo is dict:
        return {k: copia(v) for k, v in valor.items()}
    if tipo is set:
        return {copia(v) for v in valor}
    return valor


def _copia_fila(fila, tipo):
    # A model's column values are plain values; only what is not gets a copy of its own.
    nueva = tipo.__new__(tipo)
    propios = nueva.__dict__
    for clave, valor in fila.__dict__.items():
        if clave == '__data__':
            propios[clave] = {k: v if type(v) in _INMUTABLES else copia(v)
                              for k, v in valor.items()}
        elif clave == '_dirty':
            propios[clave] = set(valor)
        else:
            propios[clave] = copia(valor)
    return nueva


_INMUTABLES = frozenset({str, int, float, bool, type(None), bytes, decimal.Decimal,
                         datetime.datetime, datetime.date, datetime.time, datetime.timedelta})


class Recordada(Compilada):
    """A compiled read (bd.compiladas) of catalog tables only, kept per process: each run
    with the same values gives a copy of the rows the first one read, until a catalog
    changes."""

    def _preparar(self):
        hecha = super()._preparar()
        if getattr(self, '_revisada', None) is not hecha:
            otras = set(t.lower() for t in _TABLAS_LEIDAS.findall(hecha[2])) - TABLAS
            if otras:
                raise ValueError(f'Recordada: lee tablas que no son catálogos: {sorted(otras)}')
            self._revisada = hecha
        return hecha

    def filas(self, *valores):
        clave = _clave(valores)
        if clave is None:
            return Compilada.filas(self, *valores)
        return recordar((self, clave), lambda: Compilada.filas(self, *valores))

    def escalar(self, *valores):
        clave = _clave(valores)
        if clave is None:
            return Compilada.escalar(self, *valores)
        return recordar((self, 'escalar', clave), lambda: Compilada.escalar(self, *valores))


def _clave(valores):
    """The key a run is kept under, or None: an argument too long to keep."""
    clave = tuple(tuple(v) if isinstance(v, list) else v for v in valores)
    return clave if _largo(clave) <= ARGUMENTOS_MAX else None


def _largo(valor):
    if isinstance(valor, (str, bytes)):
        return len(valor)
    if isinstance(valor, tuple):
        return sum(_largo(v) for v in valor) + len(valor)
    if isinstance(valor, int):
        return valor.bit_length() // 8
    return 0
