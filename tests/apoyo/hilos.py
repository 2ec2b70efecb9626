"""Real threads released together, each with its own connection (peewee opens one per
thread): what concurrent requests do to the database."""
import threading

from bd import db


def en_hilos(funcion, n):
    """Run funcion(i) in n threads released together; returns (results, errors)."""
    salida, errores = [None] * n, []
    salida_lock = threading.Lock()
    barrera = threading.Barrier(n)

    def trabajar(i):
        try:
            barrera.wait(timeout=30)
            salida[i] = funcion(i)
        except Exception as error:  # noqa: BLE001 (reported by the test)
            with salida_lock:
                errores.append(error)
        finally:
            if not db.is_closed():
                db.close()

    hilos = [threading.Thread(target=trabajar, args=(i,)) for i in range(n)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join(timeout=120)
    return salida, errores
