"""API tokens: ``usuario.fs_token_uniquifier`` (Flask-Security's per-user token identity).

Empty for existing users; the API fills it when it first issues a token, and replacing it
revokes every token of that user.
"""
from peewee import CharField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column('usuario', 'fs_token_uniquifier',
                            CharField(max_length=64, null=True)),
        migrator.add_index('usuario', ('fs_token_uniquifier',), unique=True))


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index('usuario', 'usuario_fs_token_uniquifier'),
        migrator.drop_column('usuario', 'fs_token_uniquifier'))
