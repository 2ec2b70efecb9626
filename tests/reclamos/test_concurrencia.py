"""Real threads, each with its own connection (peewee opens one per thread)."""

from bd import db
from reclamos.caso.modelo import Reclamo
from reclamos.errores import ConflictoVersion
from reclamos.caso.gestion import tomar
from reclamos.caso.registro import registrar
from tests.apoyo.hilos import en_hilos
from tests.reclamos.conftest import IP, LUNES, datos_validos

HILOS = 8


def _en_hilos(funcion, n=HILOS):
    return en_hilos(funcion, n)


def test_numeros_unicos_con_registros_simultaneos(actores):
    actores.registrador.nombres_roles()  # warm the cached roles before sharing the object
    db.close()  # the main thread holds no connection or lock while the threads race

    def registrar_uno(i):
        datos = datos_validos(descripcion=f'Caída número {i} en la zona norte del distrito.')
        return registrar(datos, actores.registrador, IP, LUNES).numero

    numeros, errores = _en_hilos(registrar_uno)
    assert errores == []
    assert sorted(numeros) == [f'2026-{n:06d}' for n in range(1, HILOS + 1)]
    assert Reclamo.select().count() == HILOS


def test_dos_personas_toman_el_mismo_caso(registrar_caso, actores, crear_usuario):
    caso = registrar_caso()
    otros = [crear_usuario('agente', area=actores.agente.area) for _ in range(3)]
    quienes = [actores.agente] + otros
    for usuario in quienes:
        usuario.nombres_roles()
    db.close()

    resultados, errores = _en_hilos(lambda i: tomar(caso, quienes[i], IP, 1, LUNES).usuario_id,
                                    n=len(quienes))
    ganadores = [r for r in resultados if r is not None]
    assert len(ganadores) == 1
    assert len(errores) == len(quienes) - 1
    assert all(isinstance(e, ConflictoVersion) for e in errores), errores
    assert Reclamo.get_by_id(caso.id).usuario_id == ganadores[0]
