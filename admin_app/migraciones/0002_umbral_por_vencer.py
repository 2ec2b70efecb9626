"""Per-rule SLA threshold: share of the term after which it shows "por vencer" (default 80%)."""
from peewee import FloatField


def up(migrator, db):
    for tabla in ('plazo_legal', 'prioridad'):
        migrator.migrate(
            migrator.add_column(tabla, 'umbral_por_vencer', FloatField(default=0.8)))


def down(migrator, db):
    for tabla in ('plazo_legal', 'prioridad'):
        migrator.migrate(migrator.drop_column(tabla, 'umbral_por_vencer'))
