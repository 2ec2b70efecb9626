"""Open cases per agent kept by the database itself (issue 21): ``carga_agente`` and the
triggers on ``reclamo`` that keep it current, so picking the least loaded agent on every
registration and hand-over reads one row per agent instead of counting ~30,000 open cases
each at a million cases. Every writer of ``reclamo`` (services, admin screens, CLI, imports,
bulk actions, deletes, the seeder) keeps it right without knowing it exists.

A case counts for ``usuario_id`` while its state is open (PENDIENTE, EN_CURSO, SUSPENDIDO as
in reglas.transiciones.ABIERTOS, frozen here). An agent without a row has 0.

PostgreSQL: INSERT and DELETE are statement triggers over the transition table, so a COPY or
a multi-row INSERT adds one sum per agent instead of one upsert per row; UPDATE is a row
trigger whose WHEN skips every update that does not move a case between counted owners (an
edit, a change of term). Increments are ``abiertos + n`` upserts, never read-then-write, so
concurrent registrations for one agent lose nothing; a reassignment touches both agents in
one statement, rows in id order, so two crossing reassignments lock them in the same order.
TRUNCATE of reclamo empties the counts. The triggers are created before the backfill in the
same transaction: CREATE TRIGGER blocks writers of reclamo until it commits, so no case is
counted twice or missed.
"""
from peewee import *

ABIERTOS = "('PENDIENTE', 'EN_CURSO', 'SUSPENDIDO')"
RELLENAR = (
    'INSERT INTO carga_agente (usuario_id, abiertos) SELECT usuario_id, COUNT(*) FROM reclamo '
    f'WHERE usuario_id IS NOT NULL AND estado IN {ABIERTOS} GROUP BY usuario_id')


def _es_postgres(db):
    return 'postgres' in type(db).__name__.lower()


def _cuenta(fila):
    """The agent a case of ``fila`` (new/old) counts for, NULL when it counts for nobody."""
    return f'(CASE WHEN {fila}.estado IN {ABIERTOS} THEN {fila}.usuario_id END)'


DISPARADORES_SQLITE = [
    # The WHEN keeps closed and unassigned cases (most of a bulk load) out of the body.
    'CREATE TRIGGER carga_agente_alta AFTER INSERT ON reclamo '
    f'WHEN {_cuenta("new")} IS NOT NULL BEGIN '
    'INSERT INTO carga_agente (usuario_id, abiertos) VALUES (new.usuario_id, 1) '
    'ON CONFLICT (usuario_id) DO UPDATE SET abiertos = abiertos + 1; END',
    'CREATE TRIGGER carga_agente_baja AFTER DELETE ON reclamo '
    f'WHEN {_cuenta("old")} IS NOT NULL BEGIN '
    'UPDATE carga_agente SET abiertos = abiertos - 1 WHERE usuario_id = old.usuario_id; END',
    'CREATE TRIGGER carga_agente_cambio AFTER UPDATE OF usuario_id, estado ON reclamo '
    f'WHEN {_cuenta("old")} IS NOT {_cuenta("new")} BEGIN '
    f'UPDATE carga_agente SET abiertos = abiertos - 1 WHERE usuario_id = {_cuenta("old")}; '
    # WHERE true: SQLite's parser needs it before ON CONFLICT in an INSERT ... SELECT.
    f'INSERT INTO carga_agente (usuario_id, abiertos) SELECT {_cuenta("new")}, 1 '
    f'WHERE {_cuenta("new")} IS NOT NULL '
    'ON CONFLICT (usuario_id) DO UPDATE SET abiertos = abiertos + 1; END',
]

# Adds the (usuario_id, n) rows of ``filas`` to the counts, in id order (see the docstring).
_SUMAR = ('INSERT INTO carga_agente AS c (usuario_id, abiertos) {filas} ORDER BY 1 '
          'ON CONFLICT (usuario_id) DO UPDATE SET abiertos = c.abiertos + EXCLUDED.abiertos')


def _por_agente(tabla, signo):
    return _SUMAR.format(filas=f'SELECT usuario_id, {signo}COUNT(*) FROM {tabla} '
                               f'WHERE usuario_id IS NOT NULL AND estado IN {ABIERTOS} '
                               'GROUP BY usuario_id')


DISPARADORES_POSTGRES = [
    'CREATE FUNCTION carga_agente_alta() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN '
    f"{_por_agente('nuevos', '')}; RETURN NULL; END $$",
    'CREATE FUNCTION carga_agente_baja() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN '
    f"{_por_agente('viejos', '-')}; RETURN NULL; END $$",
    f"""CREATE FUNCTION carga_agente_cambio() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        antes integer := {_cuenta('OLD')};
        despues integer := {_cuenta('NEW')};
    BEGIN
        IF despues IS NULL THEN
            UPDATE carga_agente SET abiertos = abiertos - 1 WHERE usuario_id = antes;
        ELSE
            {_SUMAR.format(filas='SELECT u, d FROM (VALUES (antes, -1), (despues, 1)) v (u, d) '
                                 'WHERE u IS NOT NULL')};
        END IF;
        RETURN NULL;
    END $$""",
    'CREATE FUNCTION carga_agente_vaciar() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN '
    'DELETE FROM carga_agente; RETURN NULL; END $$',
    'CREATE TRIGGER carga_agente_alta AFTER INSERT ON reclamo REFERENCING NEW TABLE AS nuevos '
    'FOR EACH STATEMENT EXECUTE FUNCTION carga_agente_alta()',
    'CREATE TRIGGER carga_agente_baja AFTER DELETE ON reclamo REFERENCING OLD TABLE AS viejos '
    'FOR EACH STATEMENT EXECUTE FUNCTION carga_agente_baja()',
    'CREATE TRIGGER carga_agente_cambio AFTER UPDATE OF usuario_id, estado ON reclamo '
    f"FOR EACH ROW WHEN ({_cuenta('OLD')} IS DISTINCT FROM {_cuenta('NEW')}) "
    'EXECUTE FUNCTION carga_agente_cambio()',
    'CREATE TRIGGER carga_agente_vaciar AFTER TRUNCATE ON reclamo '
    'FOR EACH STATEMENT EXECUTE FUNCTION carga_agente_vaciar()',
]
NOMBRES = ('carga_agente_alta', 'carga_agente_baja', 'carga_agente_cambio',
           'carga_agente_vaciar')


def up(migrator, db):
    class Usuario(Model):
        class Meta:
            database = db
            table_name = 'usuario'

    class CargaAgente(Model):
        usuario = ForeignKeyField(Usuario, primary_key=True, on_delete='CASCADE')
        abiertos = IntegerField(default=0)

        class Meta:
            database = db
            table_name = 'carga_agente'

    db.create_tables([CargaAgente])
    for sentencia in DISPARADORES_POSTGRES if _es_postgres(db) else DISPARADORES_SQLITE:
        db.execute_sql(sentencia)
    db.execute_sql(RELLENAR)


def down(migrator, db):
    postgres = _es_postgres(db)
    for nombre in NOMBRES:
        db.execute_sql(f'DROP TRIGGER IF EXISTS {nombre}' + (' ON reclamo' if postgres else ''))
        if postgres:
            db.execute_sql(f'DROP FUNCTION IF EXISTS {nombre}()')
    db.execute_sql('DROP TABLE IF EXISTS carga_agente')
