"""Bulk rows for the seeder (bench.sembrar): one multi-row INSERT per batch through the
driver, and PostgreSQL's id sequences set after it."""
import datetime

from bd import db, es_postgres

TABLAS_MASIVAS = ('cliente', 'reclamo', 'termino_caso', 'accion', 'suspension')


def insertar(modelo, campos, filas):
    """Multi-row INSERT through the driver's executemany: peewee builds the statement once
    (building it per row costs more than the database does)."""
    if not filas:
        return
    # Columns added since the seeder was written: NOT NULL with a model default and (after a
    # migration's ALTER TABLE) no default in the database, so they are filled from the model.
    dados = {c.name for c in campos}
    resto = [c for c in modelo._meta.sorted_fields
             if c.name not in dados and not c.null and c.default is not None
             and not callable(c.default)]
    if resto:
        campos = list(campos) + resto
        valores = tuple(c.db_value(c.default) for c in resto)
        filas = [tuple(fila) + valores for fila in filas]
    columnas = ', '.join(f'"{c.column_name}"' for c in campos)
    marcas = ', '.join([db.obj.param] * len(campos))
    # Names come from our models, values are parameters: nothing from input reaches the SQL.
    sql = f'INSERT INTO "{modelo._meta.table_name}" ({columnas}) VALUES ({marcas})'  # nosec B608
    if not es_postgres():  # sqlite3 stores datetimes as the text peewee reads back
        filas = [tuple(str(v) if isinstance(v, datetime.datetime) else v for v in fila)
                 for fila in filas]
    db.cursor().executemany(sql, filas)


def ajustar_secuencia(modelo):
    if es_postgres():
        tabla = modelo._meta.table_name  # one of our models, never input
        db.execute_sql(f"SELECT setval(pg_get_serial_sequence('{tabla}', 'id'), "  # nosec B608
                       f'(SELECT COALESCE(MAX(id), 1) FROM "{tabla}"))')
