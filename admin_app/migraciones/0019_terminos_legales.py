"""Legal business days apart from service hours; several service ranges per weekday;
the process activity that answers a case; delivery (not queueing) meets the acknowledgment
and notification terms; requester type, sending entity and reception points on each case.

Existing calendars keep counting the days they counted: one with Saturday hours gets
"Lunes a sábado", the others "Lunes a viernes", so no open case's legal term moves here.
An administrator who switches a calendar to Monday-Friday recomputes from Plazos >
Recalcular, which lists every term that moved.
"""
from peewee import (BooleanField, CharField, DateTimeField, ForeignKeyField, Model,
                    SqliteDatabase)


def _agregar(db, tabla, columna, sqlite, postgres):
    """ADD COLUMN ... NOT NULL DEFAULT in place: playhouse's SQLite migrator would rebuild the
    table for a NOT NULL column, which drops the full-text triggers on reclamo and copies a
    million rows."""
    tipo = sqlite if isinstance(db, SqliteDatabase) else postgres
    db.execute_sql(f'ALTER TABLE "{tabla}" ADD COLUMN "{columna}" {tipo}')


def up(migrator, db):
    _agregar(db, 'calendario', 'semana_legal', "VARCHAR(10) NOT NULL DEFAULT 'lun_vie'",
             "VARCHAR(10) NOT NULL DEFAULT 'lun_vie'")
    # The process step at which a non-resolving area may answer the case.
    _agregar(db, 'actividad', 'resuelve', 'INTEGER NOT NULL DEFAULT 0',
             'BOOLEAN NOT NULL DEFAULT false')
    _agregar(db, 'reclamo', 'notificado_medio', "VARCHAR(20) NOT NULL DEFAULT ''",
             "VARCHAR(20) NOT NULL DEFAULT ''")
    _agregar(db, 'reclamo', 'tipo_solicitante', "VARCHAR(20) NOT NULL DEFAULT 'cliente'",
             "VARCHAR(20) NOT NULL DEFAULT 'cliente'")
    for columna, largo in (('entidad_remitente', 200), ('expediente_entidad', 60)):
        _agregar(db, 'reclamo', columna, f"VARCHAR({largo}) NOT NULL DEFAULT ''",
                 f"VARCHAR({largo}) NOT NULL DEFAULT ''")

    class PuntoRecepcion(Model):
        codigo = CharField(unique=True, max_length=40)
        nombre = CharField(max_length=200)
        activo = BooleanField(default=True)
        tipo = CharField(max_length=20, default='oficina')
        ciudad = CharField(max_length=100, default='')
        class Meta:
            database = db
            legacy_table_names = False  # index names from the table (0017)
            table_name = 'punto_recepcion'
    db.create_tables([PuntoRecepcion])

    migrator.migrate(
        migrator.add_column('reclamo', 'punto_recepcion_id',
                            ForeignKeyField(PuntoRecepcion, null=True, on_delete='RESTRICT',
                                            field=PuntoRecepcion.id)),
        # A lunch break is two rows for one weekday.
        migrator.drop_index('horario_dia', 'horario_dia_calendario_id_dia'),
        migrator.add_index('horario_dia', ('calendario_id', 'dia'), False),
        # Delivery meets a term: the outbox row says which one; the case when it was notified.
        migrator.add_column('correo', 'cumple', CharField(max_length=20, null=True)),
        migrator.add_column('reclamo', 'notificado_en', DateTimeField(null=True)),
    )
    db.execute_sql("UPDATE calendario SET semana_legal = 'lun_sab' WHERE id IN "
                   "(SELECT calendario_id FROM horario_dia WHERE dia = 5)")


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index('horario_dia', 'horario_dia_calendario_id_dia'),
        migrator.add_index('horario_dia', ('calendario_id', 'dia'), True),
        migrator.drop_column('calendario', 'semana_legal'),
        migrator.drop_column('actividad', 'resuelve'),
        migrator.drop_column('correo', 'cumple'),
        migrator.drop_column('reclamo', 'notificado_en'),
        migrator.drop_column('reclamo', 'notificado_medio'),
        migrator.drop_column('reclamo', 'punto_recepcion_id'),
        migrator.drop_column('reclamo', 'tipo_solicitante'),
        migrator.drop_column('reclamo', 'entidad_remitente'),
        migrator.drop_column('reclamo', 'expediente_entidad'),
        migrator.drop_table('punto_recepcion'),
    )
