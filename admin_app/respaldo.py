"""Backup and restore of the whole database.

SQLite: the online backup API (a consistent copy while the app keeps serving). PostgreSQL:
pg_dump in custom format and pg_restore, the tools that ship with the server.
"""
import os
import sqlite3
import subprocess
from pathlib import Path


class ErrorRespaldo(RuntimeError):
    pass


def _sqlite(url):
    ruta = url[len('sqlite:///'):]
    return ruta.split('?', 1)[0]


def _privado(destino):
    """Create the backup file readable by its owner only (0600) before anything is written
    into it: a backup holds every customer's data and password hashes (issue 15)."""
    descriptor = os.open(destino, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(descriptor)
    os.chmod(destino, 0o600)  # an existing file keeps its mode on open: set it


def respaldar(url, destino):
    destino = Path(destino)
    _privado(destino)
    if url.startswith('sqlite'):
        origen = sqlite3.connect(_sqlite(url))
        copia = sqlite3.connect(destino)
        try:
            with copia:
                origen.backup(copia)
        finally:
            copia.close()
            origen.close()
        return
    _ejecutar(['pg_dump', '--format=custom', '--no-owner', f'--file={destino}', url])


def restaurar(url, origen):
    origen = Path(origen)
    if not origen.is_file():
        raise ErrorRespaldo(f'No existe el respaldo «{origen}».')
    if url.startswith('sqlite'):
        try:
            with sqlite3.connect(origen) as fuente:
                integra = fuente.execute('PRAGMA integrity_check').fetchone()[0] == 'ok'
        except sqlite3.DatabaseError:
            integra = False
        if not integra:
            raise ErrorRespaldo(f'«{origen}» no es un respaldo SQLite íntegro.')
        fuente = sqlite3.connect(origen)
        destino = sqlite3.connect(_sqlite(url))
        try:
            fuente.backup(destino)
        finally:
            destino.close()
            fuente.close()
        return
    _ejecutar(['pg_restore', '--clean', '--if-exists', '--no-owner', '--single-transaction',
               f'--dbname={url}', str(origen)])


def _ejecutar(orden):
    try:
        resultado = subprocess.run(orden, capture_output=True, text=True, timeout=3600)
    except FileNotFoundError:
        raise ErrorRespaldo(f'No se encontró «{orden[0]}»: instale el cliente de PostgreSQL.') \
            from None
    if resultado.returncode != 0:
        raise ErrorRespaldo(f'{orden[0]} falló: {resultado.stderr.strip()[-500:]}')
