"""Indexes the queues walk at a million cases: cases registered by a user (their 'todos'
view), customers by document number alone (the queue's search)."""


def up(migrator, db):
    migrator.migrate(
        migrator.add_index('reclamo', ('registrado_por_id', 'estado', 'vence_en'), False),
        migrator.add_index('cliente', ('numero_documento',), False))


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index('reclamo', 'reclamo_registrado_por_id_estado_vence_en'),
        migrator.drop_index('cliente', 'cliente_numero_documento'))
