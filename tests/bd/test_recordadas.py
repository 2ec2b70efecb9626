"""The catalogs kept per process (bd.recordadas): every catalog table moves the version by
trigger, in the same transaction; a request reads the version once; a transaction that
changed a catalog reads its own change, and what it read is never kept once rolled back;
no caller can change what the next one gets; threads share the reads safely."""
import threading
import time

import pytest

from bd import db, es_postgres
from bd.recordadas import TABLA, TABLAS, Recordada, version
from catalogos.atencion import Canal
from catalogos.organizacion import Calendario
from tests.apoyo.sentencias import contar_sentencias, sentencias_de
from tests.conftest import URL_BASE

# The catalogs' tables that are not kept: they change all day.
NO_GUARDADAS = {'rol', 'usuario', 'usuario_rol', 'evento_usuario', 'bloqueo_acceso'}

_CANAL = Recordada(lambda codigo: Canal.select().where(Canal.codigo == codigo).limit(1))


def _leer_version():
    return db.execute_sql(f'SELECT version FROM {TABLA}').fetchone()[0]


def _canal(codigo='WEB', nombre='Web'):
    return Canal.create(codigo=codigo, nombre=nombre)


def test_cada_tabla_de_catalogo_tiene_sus_disparadores(app):
    import catalogos

    assert TABLAS == {m._meta.table_name for m in catalogos.modelos()} - NO_GUARDADAS
    with db.connection_context():
        if es_postgres():
            filas = db.execute_sql(
                "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c "
                "ON c.oid = t.tgrelid WHERE NOT t.tgisinternal").fetchall()
            esperados = {(t, f'{t}_version_catalogos') for t in TABLAS}
        else:
            filas = db.execute_sql(
                "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'").fetchall()
            esperados = {(t, f'{t}_version_{o}') for t in TABLAS
                         for o in ('insert', 'update', 'delete')}
    assert esperados <= set(filas)


def test_crear_cambiar_y_borrar_mueven_la_version_y_otras_tablas_no(app, crear_usuario):
    with db.connection_context():
        antes = _leer_version()
        canal = _canal()
        canal.nombre = 'Portal'
        canal.save()
        canal.delete_instance()
        assert _leer_version() == antes + 3
        crear_usuario('agente')  # users are not kept: their changes move nothing
        assert _leer_version() == antes + 3
        with db.atomic() as transaccion:
            _canal()
            assert _leer_version() == antes + 4  # in the same transaction
            transaccion.rollback()
        assert _leer_version() == antes + 3
        if es_postgres():
            db.execute_sql('TRUNCATE dia_especial')
            assert _leer_version() == antes + 4


def test_una_peticion_lee_la_version_una_vez(app):
    with app.test_request_context('/'), db.connection_context():
        _canal()
        assert _CANAL.primera('WEB').nombre == 'Web'
        assert sentencias_de(lambda: _CANAL.primera('WEB')) == 0
    with app.test_request_context('/'), db.connection_context():
        with contar_sentencias() as sentencias:
            for _ in range(3):
                assert _CANAL.primera('WEB').nombre == 'Web'
        assert sentencias == [f'SELECT "version" FROM "{TABLA}" WHERE "id" = 1']
        # A change in this request: the rest of the request sees it.
        Canal.update(nombre='Portal').where(Canal.codigo == 'WEB').execute()
        assert _CANAL.primera('WEB').nombre == 'Portal'


def test_fuera_de_una_peticion_se_lee_la_version_en_cada_llamada(app):
    with app.app_context(), db.connection_context():
        _canal()
        _CANAL.primera('WEB')
        assert sentencias_de(lambda: _CANAL.primera('WEB')) == 1
        with db.atomic():  # a transaction reads it once
            assert sentencias_de(lambda: [_CANAL.primera('WEB') for _ in range(3)]) == 1


def test_una_transaccion_ve_su_cambio_y_lo_deshecho_no_queda(app):
    with app.app_context(), db.connection_context():
        _canal()
        assert _CANAL.primera('WEB').nombre == 'Web'
        with db.atomic() as transaccion:
            assert _CANAL.primera('WEB').nombre == 'Web'  # version read for this transaction
            Canal.update(nombre='Deshecho').where(Canal.codigo == 'WEB').execute()
            assert _CANAL.primera('WEB').nombre == 'Deshecho'
            transaccion.rollback()
        # The next committed change gets the version number the rolled-back one had: what
        # that transaction read must not be what this version gives.
        Canal.update(nombre='Definitivo').where(Canal.codigo == 'WEB').execute()
        assert _CANAL.primera('WEB').nombre == 'Definitivo'
        with db.atomic() as transaccion:
            Canal.update(nombre='Deshecho').where(Canal.codigo == 'WEB').execute()
            assert _CANAL.primera('WEB').nombre == 'Deshecho'
            transaccion.rollback()
        assert _CANAL.primera('WEB').nombre == 'Definitivo'


def test_nadie_cambia_lo_que_recibe_el_siguiente(app):
    with app.test_request_context('/'), db.connection_context():
        _canal()
        primero = _CANAL.primera('WEB')
        primero.nombre = 'Cambiado por quien lo leyó'
        assert _CANAL.primera('WEB').nombre == 'Web'
        calendario = Calendario.create(codigo='GENERAL', nombre='General', pais='CO',
                                       zona='America/Bogota')
    with app.test_request_context('/'), db.connection_context():
        fila = Calendario.por_id(calendario.id)
        fila.zona = 'America/Lima'
        assert Calendario.por_id(calendario.id).zona == 'America/Bogota'


def test_una_lectura_de_tablas_que_no_son_catalogos_se_rechaza(app):
    from catalogos.usuarios import Usuario

    usuarios = Recordada(lambda: Usuario.select())
    with app.app_context(), db.connection_context(), pytest.raises(ValueError):
        usuarios.filas()


def test_hilos_a_la_vez_leen_siempre_una_version_entera(app):
    """Readers in threads while the catalog changes: each read gives the row of some
    committed version (never an error, never a half-copied row), and the last read the
    last name."""
    with app.app_context(), db.connection_context():
        _canal()
    errores, vistos, fin = [], set(), threading.Event()
    nombres = {'Web'} | {f'Nombre {i}' for i in range(20)}

    def leer():
        try:
            while not fin.is_set():
                with db.connection_context():
                    vistos.add(_CANAL.primera('WEB').nombre)
        except Exception as error:  # noqa: BLE001 (reported below)
            errores.append(error)

    hilos = [threading.Thread(target=leer) for _ in range(3)]
    for hilo in hilos:
        hilo.start()
    try:
        with app.app_context(), db.connection_context():
            for i in range(20):
                Canal.update(nombre=f'Nombre {i}').where(Canal.codigo == 'WEB').execute()
    finally:
        fin.set()
        for hilo in hilos:
            hilo.join(timeout=60)
    assert not errores
    assert vistos <= nombres
    with app.app_context(), db.connection_context():
        assert _CANAL.primera('WEB').nombre == 'Nombre 19'
        assert version() == _leer_version()


def _guardado():
    """Characters of the arguments the kept reads are filed under, in this process."""
    from bd import recordadas

    return sum(len(str(clave[1:])) for clave in recordadas._vigentes.lecturas)


def test_lo_que_envia_un_cliente_no_queda_guardado_por_largo_que_sea(app, client, demo):
    """The public form's document type, service and motive reach kept reads as typed: each
    distinct value was kept until MAXIMO of them, so a few thousand posts of ~500 KB fields
    (the most a form field may hold) held gigabytes in every worker until the next catalog
    change. A value no catalog code can be is read without being kept; a code still is."""
    from tests.apoyo.portal import presentar

    largo = 'X' * 200_000
    antes = _guardado()
    for i in range(3):
        respuesta = presentar(client, cliente_tipo_documento_identidad=f'{i}{largo}',
                              servicio=f'{i}{largo}', motivo=f'{i}{largo}')
        assert respuesta.status_code == 400
        assert 'Tipo de documento desconocido' in respuesta.get_data(as_text=True)
    assert _guardado() - antes < 1000
    with app.test_request_context('/'), db.connection_context():
        _CANAL.primera('WEB')  # the demo's
        assert sentencias_de(lambda: _CANAL.primera('WEB')) == 0  # a code is kept
        assert sentencias_de(lambda: _CANAL.primera(largo)) == 1  # a long text is read


@pytest.mark.skipif(not URL_BASE.startswith('postgres'), reason='bloqueos de filas de PostgreSQL')
def test_dos_transacciones_que_cambian_catalogos_no_se_bloquean_entre_si(app):
    """The version row is locked by the first catalog write of a transaction. By the
    statement's AFTER trigger alone, a save that had just locked its own row then waited
    for the version held by an import reaching that same row later: a deadlock, and
    PostgreSQL aborted one of them. Now the save waits before touching any row."""
    with app.app_context(), db.connection_context():
        uno, dos = _canal('UNO', 'Uno'), _canal('DOS', 'Dos')
    errores, empezo = [], threading.Event()

    def importar():
        try:
            with db.connection_context(), db.atomic():
                Canal.update(nombre='Importado').where(Canal.id == uno.id).execute()
                empezo.set()
                time.sleep(0.5)  # the screen's save starts meanwhile
                Canal.update(nombre='Importado').where(Canal.id == dos.id).execute()
        except Exception as error:  # noqa: BLE001 (reported below)
            errores.append(error)

    def guardar():
        try:
            empezo.wait(10)
            with db.connection_context(), db.atomic():
                Canal.update(nombre='Guardado').where(Canal.id == dos.id).execute()
        except Exception as error:  # noqa: BLE001 (reported below)
            errores.append(error)

    hilos = [threading.Thread(target=importar), threading.Thread(target=guardar)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join(timeout=60)
    assert errores == []
    with app.app_context(), db.connection_context():
        assert Canal.get_by_id(dos.id).nombre == 'Guardado'  # the save waited, then won
