"""The PostgreSQL pool (bd.PostgresAgrupada): a connection handed back a while ago is checked
before it serves again; one handed back just now goes out without that round trip, and if
the server dropped it meanwhile it fails once and is never handed out again."""
import pytest
from peewee import InterfaceError, OperationalError
from playhouse.db_url import parse

from bd import PostgresAgrupada


@pytest.fixture
def agrupada(url_bd):
    if not url_bd.startswith(('postgresql://', 'postgres://')):
        pytest.skip('solo PostgreSQL')
    base = PostgresAgrupada(**parse(url_bd), max_connections=4)
    yield base
    base.close_all()


def _sesion(base):
    """The server's process id of the connection in use: another id is another connection."""
    return base.execute_sql('SELECT pg_backend_pid()').fetchone()[0]


def _servida(base):
    base.connect()
    try:
        return _sesion(base)
    finally:
        base.close()


def _cortar(url, sesion):
    """The server ends that session, as a restart or an idle timeout would."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as otra:
        otra.execute('SELECT pg_terminate_backend(%s)', (sesion,))


def test_una_conexion_devuelta_hace_rato_se_comprueba_y_se_reemplaza(agrupada, url_bd):
    agrupada.VIGENTE = 0  # every connection in the pool counts as idle for long
    primera = _servida(agrupada)
    assert _servida(agrupada) == primera  # a live one is reused
    _cortar(url_bd, primera)
    assert _servida(agrupada) != primera  # the check found it closed: a new one, no error


def test_una_recien_devuelta_sale_sin_comprobar_y_si_murio_falla_una_sola_vez(agrupada, url_bd):
    agrupada.VIGENTE = 3600  # every connection in the pool was handed back just now
    primera = _servida(agrupada)
    _cortar(url_bd, primera)
    agrupada.connect()
    with pytest.raises((OperationalError, InterfaceError)):
        _sesion(agrupada)  # handed out unchecked: the statement finds it dead
    agrupada.close()
    assert _servida(agrupada) != primera  # discarded on its way back: the next works
