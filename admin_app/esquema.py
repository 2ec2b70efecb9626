"""Schema versions: peewee's migration runner over ``admin_app/migraciones``.

Each file there is a frozen step (its own copies of the models), so an old database is
upgraded by the same steps a new one is built with.
"""
from pathlib import Path

from playhouse.migrations import Runner

from bd import db

DIRECTORIO = Path(__file__).resolve().parent / 'migraciones'
TABLA = 'migracion_aplicada'


def ejecutor():
    return Runner(db.obj, directory=str(DIRECTORIO), table_name=TABLA)


def migrar(hasta=None):
    """Apply pending migrations (up to ``hasta``); returns the names applied."""
    with db.connection_context():
        return ejecutor().up(target=hasta)


def pendientes():
    with db.connection_context():
        return [m.name for m in ejecutor().status() if m.applied is None and m.path]


def modelos():
    """Every table of the application, parents first (what migrations must build)."""
    import catalogos
    import reclamos
    from bd.recordadas import VersionCatalogos
    from graficos.tablero.consolidado import CalculoResumen, ResumenActividad, ResumenDiario

    return (catalogos.modelos() + reclamos.modelos()
            + [ResumenDiario, ResumenActividad, CalculoResumen, VersionCatalogos])
