"""Registering a case once per client key: ``Idempotency-Key`` of POST /api/v1/casos.

A client that lost the reply retries with the same key: the same body gets the case already
made, another body is refused (the key was used for something else). The key is a row
written in the registration's own transaction, so it holds across app servers, and two
retries racing each other meet at its unique index: the loser's case is rolled back and it
answers with the winner's.
"""
import datetime
import hashlib
import json

from peewee import CharField, DateTimeField, ForeignKeyField, IntegrityError

from bd import BaseModel
from catalogos.usuarios import Usuario
from reclamos.caso.modelo import Reclamo
from reclamos.caso.nucleo import transaccion
from reclamos.caso.registro import registrar
from reclamos.errores import ErrorValidacion

CLAVE_MAX = 200
CAMPO = 'Idempotency-Key'


class ClaveIdempotencia(BaseModel):
    usuario = ForeignKeyField(Usuario, on_delete='CASCADE')
    clave = CharField(max_length=CLAVE_MAX)
    huella = CharField(max_length=64)  # SHA-256 of the body, canonical JSON
    reclamo = ForeignKeyField(Reclamo, on_delete='CASCADE', index=False)
    creado_en = DateTimeField(default=datetime.datetime.utcnow)

    class Meta:
        indexes = ((('usuario', 'clave'), True),)


def huella(datos):
    texto = json.dumps(datos, sort_keys=True, ensure_ascii=False, separators=(',', ':'),
                       default=str)
    return hashlib.sha256(texto.encode('utf-8')).hexdigest()


def clave_valida(clave):
    """The key as given, or ErrorValidacion: 1-200 visible ASCII characters."""
    if not clave or len(clave) > CLAVE_MAX or not all(33 <= ord(c) <= 126 for c in clave):
        raise ErrorValidacion({CAMPO: f'Use de 1 a {CLAVE_MAX} caracteres ASCII visibles '
                                      '(p. ej. un UUID).'})
    return clave


def _previo(usuario, clave, firma):
    fila = ClaveIdempotencia.get_or_none(ClaveIdempotencia.usuario == usuario.id,
                                         ClaveIdempotencia.clave == clave)
    if fila is None:
        return None
    if fila.huella != firma:
        raise ErrorValidacion({CAMPO: 'Esta clave ya se usó con otro contenido: use una clave '
                                      'nueva para un caso nuevo.'})
    return Reclamo.get_by_id(fila.reclamo_id)


def registrar_una_vez(datos, usuario, ip, clave):
    """(case, True) when registered now; (the earlier case, False) for a repeated key."""
    clave, firma = clave_valida(clave), huella(datos)
    previo = _previo(usuario, clave, firma)
    if previo is not None:
        return previo, False
    try:
        with transaccion():
            reclamo = registrar(datos, usuario, ip)
            ClaveIdempotencia.create(usuario=usuario.id, clave=clave, huella=firma,
                                     reclamo=reclamo.id)
    except IntegrityError:
        previo = _previo(usuario, clave, firma)
        if previo is None:
            raise
        return previo, False
    return reclamo, True
