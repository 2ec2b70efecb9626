"""Fixtures: a real database per run (SQLite file, or a fresh PostgreSQL database when
DATABASE_URL names one), emptied between tests; the app, a client that logs in through the
real login form, and small factories."""
import datetime
import os
import re
import threading
import uuid

import pytest

from tests.apoyo.bases import base_temporal

pytest_plugins = ["tests.apoyo.navegador", "tests.apoyo.smtp", "tests.apoyo.imap"]

URL_BASE = os.environ.get('DATABASE_URL', '')

CONFIG_PRUEBA = {
    'TESTING': True,
    'SECRET_KEY': 'clave-de-pruebas',
    'SECURITY_PASSWORD_SALT': 'sal-de-pruebas',
    # Hashing is proven once with argon2 (test_usuarios); elsewhere it only slows the suite.
    'SECURITY_PASSWORD_HASH': 'plaintext',
    'SERVER_NAME': 'localhost',
    # Every test client is 127.0.0.1: tests that post many bad bodies to /login or /token
    # would share one quota. tests/admin_app/test_bloqueo.py sets a small limit and proves it.
    'RECLAMOS_LIMITE_ENTRADA': '1000/minute',
}
CONTRASENA = 'clave-segura-1'


@pytest.fixture(scope='session', autouse=True)
def _dia_de_la_prueba():
    """RECLAMOS_PRUEBAS_DIA=2031-06-15T15:00 runs the whole suite as if it were that instant
    (UTC, the clock ticking from there): how we prove that no test depends on today's date."""
    dia = os.environ.get('RECLAMOS_PRUEBAS_DIA')
    if not dia:
        yield
        return
    import time_machine

    instante = datetime.datetime.fromisoformat(dia).replace(tzinfo=datetime.timezone.utc)
    with time_machine.travel(instante, tick=True):
        yield


@pytest.fixture(scope='session')
def url_bd(tmp_path_factory):
    """One migrated database for the whole run; dropped at the end."""
    from bd import abrir, db
    from admin_app.esquema import migrar

    with base_temporal(URL_BASE, tmp_path_factory.mktemp('bd')) as url:
        abrir(url)
        migrar()
        db.close()
        yield url


def _vaciar():
    """Delete every row, children first: each test starts from an empty schema."""
    from bd import db, es_postgres
    from bd.recordadas import TABLA as VERSION
    from admin_app.esquema import modelos

    tablas = [m._meta.table_name for m in reversed(modelos())]
    with db.connection_context():
        if es_postgres():
            # DELETE with triggers and foreign-key checks off (replica role), then every
            # sequence back to 1: TRUNCATE of ~60 tables costs ~1 s per test (new files for
            # each table), DELETE of a few rows ~50 ms. Every table of the schema, so derived
            # ones (the full-text index) start empty too.
            from admin_app.esquema import TABLA

            with db.atomic():
                db.execute_sql('SET LOCAL session_replication_role = replica')
                for (tabla,) in db.execute_sql(
                        'SELECT tablename FROM pg_tables WHERE schemaname = current_schema()'
                ).fetchall():
                    if tabla not in (TABLA, VERSION):
                        db.execute_sql(f'DELETE FROM "{tabla}"')
                db.execute_sql(
                    "SELECT setval(c.oid, 1, false) FROM pg_class c JOIN pg_namespace n "
                    "ON n.oid = c.relnamespace WHERE c.relkind = 'S' "
                    'AND n.nspname = current_schema()')
        else:
            with db.atomic():
                # The action log refuses DELETE by trigger: drop the triggers for the reset
                # and put them back verbatim (DDL is transactional on SQLite).
                disparadores = db.execute_sql(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
                for nombre, _ in disparadores:
                    db.execute_sql(f'DROP TRIGGER "{nombre}"')
                for tabla in tablas:
                    if tabla != VERSION:
                        db.execute_sql(f'DELETE FROM "{tabla}"')
                for _, sql in disparadores:
                    db.execute_sql(sql)
        # The catalogs went without their triggers: moving the version on, as any change
        # does, drops what this process kept of the last test's (bd.recordadas).
        db.execute_sql(f'UPDATE "{VERSION}" SET "version" = "version" + 1')


def _sembrar():
    """What migrations seed and every database has: the identity document types."""
    from bd import db
    from catalogos.identidad import sembrar

    with db.connection_context():
        sembrar()


@pytest.fixture
def app(url_bd, tmp_path):
    from admin_app import create_app

    os.environ['RECLAMOS_INSTANCE'] = str(tmp_path)
    aplicacion = create_app({**CONFIG_PRUEBA, 'DATABASE_URL': url_bd})
    _vaciar()
    _sembrar()
    antes = set(threading.enumerate())
    yield aplicacion
    _esperar_segundo_plano(antes)
    from bd import db
    if not db.is_closed():
        db.close()


# Threads that may still use the database after a test's body: a laboratory run, a rollup
# rebuild (graficos/tablero/vigencia.py), and a request the live server
# (tests/apoyo/navegador.py) was still answering for a browser page.
HILOS_DE_LA_APP = ('corrida-', 'resumen-tablero', 'process_request_thread')


def _esperar_segundo_plano(antes):
    """Let the background work a test started finish before the next test empties and
    reopens the database: a straggler would see the next test's rows, and a SQLite
    connection closed under a running statement crashes the interpreter (CI's segfault of
    2026-12-06, when reopening still closed connections in use)."""
    for hilo in set(threading.enumerate()) - antes:
        if any(nombre in hilo.name for nombre in HILOS_DE_LA_APP):
            hilo.join(timeout=120)
            assert not hilo.is_alive(), f'El hilo {hilo.name} no terminó en 120 s.'


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def token_csrf(html, campo='csrf_token'):
    encontrado = re.search(rf'id="{campo}" name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert encontrado, 'la página no trae csrf_token'
    return encontrado.group(1)


class Auth:
    """Logs in through the real form (CSRF token read from the page)."""

    def __init__(self, client):
        self.client = client

    def login(self, email, contrasena=CONTRASENA):
        pagina = self.client.get('/login')
        return self.client.post('/login', data={
            'email': email, 'password': contrasena,
            'csrf_token': token_csrf(pagina.get_data(as_text=True))})

    def logout(self):
        pagina = self.client.get('/admin/')
        return self.client.post('/logout', data={
            'csrf_token': token_csrf(pagina.get_data(as_text=True), 'csrf_salir')})


@pytest.fixture
def auth(client):
    return Auth(client)


@pytest.fixture
def crear_usuario(app):
    """crear_usuario('agente', area=...) -> Usuario with password CONTRASENA."""
    from flask_security import hash_password

    from bd import db
    from catalogos.usuarios import Usuario, asignar_roles

    def crear(*roles, email=None, **campos):
        with app.app_context(), db.connection_context():
            usuario = Usuario.create(
                email=email or f'{"-".join(roles) or "sinrol"}-{uuid.uuid4().hex[:6]}@prueba.pe',
                password=hash_password(CONTRASENA), fs_uniquifier=uuid.uuid4().hex, **campos)
            asignar_roles(usuario, roles)
            return usuario

    return crear


@pytest.fixture
def como(auth, crear_usuario):
    """como('admin') creates a user with that role and logs the client in as it."""

    def entrar(*roles, **campos):
        usuario = crear_usuario(*roles, **campos)
        respuesta = auth.login(usuario.email)
        assert respuesta.status_code == 302, respuesta.get_data(as_text=True)[:500]
        return usuario

    return entrar


@pytest.fixture
def demo(app):
    """The demo configuration, users and cases.

    The first test of the run loads them for real (configuration import, case services);
    later tests restore the same rows, shifted in time so that "received 2 hours ago" still
    holds: registering 40 cases through the services on every test would double the suite.
    """
    from admin_app import demo as datos

    with app.app_context():
        # Only into an empty database: another fixture may have created users or roles.
        if _DEMO and not any(m.select().exists() for m, filas in _DEMO['filas'] if filas):
            _restaurar(_DEMO['filas'], datetime.datetime.utcnow() - _DEMO['instante'])
        else:
            instante = datetime.datetime.utcnow()
            datos.cargar()
            _DEMO.update(instante=instante, filas=_fotografiar())
    return datos


_DEMO = {}


def _fotografiar():
    from admin_app.esquema import modelos
    from bd.recordadas import VersionCatalogos
    from catalogos.identidad import TipoIdentidad
    from reclamos.caso.asignacion import CargaAgente

    # The identity types are seeded for every test (_sembrar), not part of the demo; the
    # catalogs' version row is never emptied (_vaciar); the open cases per agent come back
    # with the cases (triggers on reclamo, migration 0027).
    return [(m, list(m.select().order_by(m._meta.primary_key).dicts())) for m in modelos()
            if m not in (TipoIdentidad, VersionCatalogos, CargaAgente)]


def _restaurar(fotos, desfase):
    """Insert the rows back with their ids, every timestamp moved by ``desfase``."""
    from peewee import DateTimeField

    from bd import db, es_postgres

    with db.atomic():
        for modelo, filas in fotos:
            if not filas:
                continue
            instantes = [c.name for c in modelo._meta.sorted_fields
                         if isinstance(c, DateTimeField)]
            filas = [{**f, **{c: f[c] + desfase for c in instantes if f[c] is not None}}
                     for f in filas]
            for i in range(0, len(filas), 500):
                modelo.insert_many(filas[i:i + 500]).execute()
            if es_postgres():  # explicit ids do not move the sequence
                tabla = modelo._meta.table_name
                db.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{tabla}\"', 'id'), "
                               f'(SELECT MAX(id) FROM "{tabla}"))')
