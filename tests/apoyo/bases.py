"""Throw-away databases for tests: a SQLite file, or a new PostgreSQL database."""
import contextlib
import uuid
from urllib.parse import urlsplit, urlunsplit

from playhouse.db_url import connect


@contextlib.contextmanager
def base_temporal(url_servidor, carpeta):
    """Yield the URL of an empty database; drop it afterwards.

    With a PostgreSQL URL a database named ``reclamos_prueba_<random>`` is created on that
    server, so parallel or repeated runs never see each other's rows.
    """
    if not url_servidor.startswith('postgres'):
        yield f'sqlite:///{carpeta / ("prueba-" + uuid.uuid4().hex[:8] + ".db")}'
        return
    nombre = 'reclamos_prueba_' + uuid.uuid4().hex[:12]
    partes = urlsplit(url_servidor)
    administrador = connect(url_servidor)
    administrador.connect()
    administrador.connection().autocommit = True
    administrador.execute_sql(f'CREATE DATABASE {nombre}')
    try:
        yield urlunsplit(partes._replace(path='/' + nombre))
    finally:
        administrador.execute_sql(f'DROP DATABASE IF EXISTS {nombre} WITH (FORCE)')
        administrador.close()
