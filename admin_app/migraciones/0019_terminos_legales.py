"""Legal business days apart from service hours; several service ranges per weekday;
the process activity that answers a case; delivery (not queueing) meets the acknowledgment
and notification terms.

Existing calendars keep counting the days they counted: one with Saturday hours gets
"Lunes a sábado", the others "Lunes a viernes", so no open case's legal term moves here.
An administrator who switches a calendar to Monday-Friday recomputes from Plazos >
Recalcular, which lists every term that moved.
"""
from peewee import BooleanField, CharField, DateTimeField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column('calendario', 'semana_legal',
                            CharField(max_length=10, default='lun_vie')),
        # A lunch break is two rows for one weekday.
        migrator.drop_index('horario_dia', 'horariodia_calendario_id_dia'),
        migrator.add_index('horario_dia', ('calendario_id', 'dia'), False),
        # The process step at which a non-resolving area may answer the case.
        migrator.add_column('actividad', 'resuelve', BooleanField(default=False)),
        # Delivery meets a term: the outbox row says which one; the case when it was notified.
        migrator.add_column('correo', 'cumple', CharField(max_length=20, null=True)),
        migrator.add_column('reclamo', 'notificado_en', DateTimeField(null=True)),
        migrator.add_column('reclamo', 'notificado_medio', CharField(max_length=20, default='')),
    )
    db.execute_sql("UPDATE calendario SET semana_legal = 'lun_sab' WHERE id IN "
                   "(SELECT calendario_id FROM horario_dia WHERE dia = 5)")


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index('horario_dia', 'horariodia_calendario_id_dia'),
        migrator.add_index('horario_dia', ('calendario_id', 'dia'), True),
        migrator.drop_column('calendario', 'semana_legal'),
        migrator.drop_column('actividad', 'resuelve'),
        migrator.drop_column('correo', 'cumple'),
        migrator.drop_column('reclamo', 'notificado_en'),
        migrator.drop_column('reclamo', 'notificado_medio'),
    )
