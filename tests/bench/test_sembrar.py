"""The seeder's bulk load (COPY on PostgreSQL; secondary indexes, foreign keys and the
full-text trigger out during the load) leaves the database as registrations would: the same
indexes, constraints and triggers, every case findable by its words with the index row its
trigger would have written, and numbering that goes on after the seeded cases."""
import subprocess
import sys

from peewee import fn

from tests.apoyo.bases import base_temporal
from tests.conftest import CONFIG_PRUEBA, URL_BASE

CASOS = 2000


def _sembrar(casos):
    hecho = subprocess.run([sys.executable, '-m', 'bench.sembrar', '--casos', str(casos)],
                           capture_output=True, text=True, timeout=300)
    assert hecho.returncode == 0, hecho.stderr[-2000:]


def _esquema():
    """Every index, constraint and trigger of the database: name and definition."""
    from bd import db, es_postgres

    if es_postgres():
        consultas = [
            'SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()',
            'SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint '
            'WHERE connamespace = current_schema()::regnamespace',
            "SELECT tgname, pg_get_triggerdef(oid) || ' ' || tgenabled::text FROM pg_trigger "
            'WHERE NOT tgisinternal']
    else:
        consultas = ["SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"]
    return {fila for consulta in consultas for fila in db.execute_sql(consulta).fetchall()}


def _indice_de_texto():
    from bd import db, es_postgres

    consulta = ('SELECT reclamo_id, documento::text FROM reclamo_texto' if es_postgres()
                else 'SELECT rowid, texto FROM reclamo_texto')
    return sorted(db.execute_sql(consulta).fetchall())


def _indice_escrito_por_el_disparador():
    """What the full-text trigger writes for every case (it fires on a description update)."""
    from bd import db

    with db.atomic() as transaccion:
        db.execute_sql('UPDATE reclamo SET descripcion = descripcion')
        escrito = _indice_de_texto()
        transaccion.rollback()
    return escrito


def test_la_siembra_deja_la_base_como_la_dejarian_registros(tmp_path, monkeypatch):
    from admin_app import create_app
    from bd import db

    with base_temporal(URL_BASE, tmp_path) as url:
        monkeypatch.setenv('RECLAMOS_INSTANCE', str(tmp_path / 'instancia'))
        monkeypatch.setenv('DATABASE_URL', url)
        _sembrar(0)  # schema and demo configuration only
        app = create_app({**CONFIG_PRUEBA, 'DATABASE_URL': url})
        with app.app_context():
            from reclamos.clientes.modelo import Cliente

            antes, clientes = _esquema(), Cliente.select().count()
            db.close()  # no session of ours may hold a lock the load's DDL waits for
        _sembrar(CASOS)
        with app.app_context():
            _comprobar(antes, clientes)
            db.close()


def _comprobar(antes, clientes):
    from catalogos.usuarios import Usuario
    from reclamos.caso.acciones import Accion
    from reclamos.caso.busqueda import candidatos
    from reclamos.caso.modelo import Reclamo
    from reclamos.clientes.modelo import Cliente
    from reclamos.plazos.modelo import Suspension, TerminoCaso
    from tests.apoyo.casos import crear_caso

    assert _esquema() == antes
    assert Reclamo.select().count() == CASOS
    assert Cliente.select().count() == clientes + CASOS // 3
    assert TerminoCaso.select(fn.COUNT(TerminoCaso.reclamo.distinct())).scalar() == CASOS
    assert Accion.select().where(Accion.tipo == 'creacion').count() == CASOS
    assert Suspension.select().count() == \
        Reclamo.select().where(Reclamo.estado == 'SUSPENDIDO').count()
    ultimo = Reclamo.select(fn.MAX(Reclamo.id)).scalar()
    encontrados = candidatos('medición de rendimiento')
    assert ultimo in encontrados and len(encontrados) == CASOS
    indice = _indice_de_texto()
    assert len(indice) == CASOS and indice == _indice_escrito_por_el_disparador()
    # The next registration takes the next id and a free number of its year.
    caso = crear_caso(Usuario.get(Usuario.email == 'agente@reclamos.demo'))
    assert caso.id == ultimo + 1
    assert Reclamo.select().where(Reclamo.numero == caso.numero).count() == 1
    assert caso.id in candidatos('ayer por la tarde')
