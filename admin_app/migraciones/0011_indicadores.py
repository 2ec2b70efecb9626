"""Indicators: when a case was annulled (the backlog over time needs the instant a case left
it), and the indexes the dashboard's date ranges walk."""
from peewee import DateTimeField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column('reclamo', 'anulado_en', DateTimeField(null=True)),
        migrator.add_index('reclamo', ('recibido_en',), False),
        migrator.add_index('reclamo', ('terminado_en',), False))


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index('reclamo', 'reclamo_terminado_en'),
        migrator.drop_index('reclamo', 'reclamo_recibido_en'),
        migrator.drop_column('reclamo', 'anulado_en'))
