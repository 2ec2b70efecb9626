"""Open cases per agent kept by the database itself (issue 21): ``carga_agente`` and the
triggers on ``reclamo`` that keep it current, so picking the least loaded agent on every
registration and hand-over reads one row per agent instead of counting ~30,000 open cases
each at a million cases. Every writer of ``reclamo`` (services, admin screens, CLI, imports,
bulk actions, deletes, the seeder) keeps it right without knowing it exists.

A case counts for ``usuario_id`` while its state is open (PENDIENTE, EN_CURSO, SUSPENDIDO as
in reglas.transiciones.ABIERTOS, frozen here). An agent without a row has 0.

PostgreSQL: statement triggers over the transition tables add each statement's net change
per agent at once, so a COPY, a multi-row INSERT or a bulk UPDATE of 40,000 cases writes each
agent's row once (a row trigger updated the same row once per case, and PostgreSQL slows
down on every new version of one row within a transaction: 25 s more for that UPDATE instead
of 4 s). Counts move by ``abiertos + n`` upserts, never read-then-write, so concurrent
registrations for one agent lose nothing; the agents of one statement are locked in id
order, so two crossing reassignments cannot deadlock on them.
TRUNCATE of reclamo empties the counts. The triggers are created before the backfill in the
same transaction: CREATE TRIGGER blocks writers of reclamo until it commits, so no case is
counted twice or missed.
"""
from peewee import *

ESTADOS_ABIERTOS = ('PENDIENTE', 'EN_CURSO', 'SUSPENDIDO')
ABIERTOS = '(' + ', '.join(f"'{e}'" for e in ESTADOS_ABIERTOS) + ')'
RELLENAR = (
    'INSERT INTO carga_agente (usuario_id, abiertos) '  # nosec B608: constant
    'SELECT usuario_id, COUNT(*) FROM reclamo '
    f'WHERE usuario_id IS NOT NULL AND estado IN {ABIERTOS} GROUP BY usuario_id')


def _es_postgres(db):
    return 'postgres' in type(db).__name__.lower()


def _cuenta(fila):
    """The agent a case of ``fila`` (new/old) counts for, NULL when it counts for nobody.

    ORs, not ``IN (...)``: inside a SQLite trigger an IN list is built anew on every run,
    which made a bulk UPDATE of 42,000 open cases take 6 s instead of 1 s.
    """
    abierto = ' OR '.join(f"{fila}.estado = '{e}'" for e in ESTADOS_ABIERTOS)
    return f'(CASE WHEN {abierto} THEN {fila}.usuario_id END)'


DISPARADORES_SQLITE = [
    # The WHEN keeps closed and unassigned cases (most of a bulk load) out of the body.
    'CREATE TRIGGER carga_agente_alta AFTER INSERT ON reclamo '  # nosec B608: constant
    f'WHEN {_cuenta("new")} IS NOT NULL BEGIN '
    'INSERT INTO carga_agente (usuario_id, abiertos) VALUES (new.usuario_id, 1) '
    'ON CONFLICT (usuario_id) DO UPDATE SET abiertos = abiertos + 1; END',
    'CREATE TRIGGER carga_agente_baja AFTER DELETE ON reclamo '  # nosec B608: constant
    f'WHEN {_cuenta("old")} IS NOT NULL BEGIN '
    'UPDATE carga_agente SET abiertos = abiertos - 1 WHERE usuario_id = old.usuario_id; END',
    # Only when the agent the case counts for changes (not on an edit or a change of term).
    'CREATE TRIGGER carga_agente_cambio '  # nosec B608: constant
    'AFTER UPDATE OF usuario_id, estado ON reclamo '
    f'WHEN {_cuenta("old")} IS NOT {_cuenta("new")} BEGIN '
    f'UPDATE carga_agente SET abiertos = abiertos - 1 WHERE usuario_id = {_cuenta("old")}; '
    f'INSERT INTO carga_agente (usuario_id, abiertos) SELECT {_cuenta("new")}, 1 '
    f'WHERE {_cuenta("new")} IS NOT NULL '
    'ON CONFLICT (usuario_id) DO UPDATE SET abiertos = abiertos + 1; END',
]


def _casos(tabla, signo):
    """+1 (or -1) per counted case of a transition table, as (u, delta)."""
    return (f"SELECT usuario_id AS u, {signo}1 AS delta FROM {tabla} "  # nosec B608: constant
            f"WHERE usuario_id IS NOT NULL AND estado IN {ABIERTOS}")


def _sumar(fuente):
    """Add the statement's net change per agent to the counts. In agent id order: two
    transactions moving cases between the same agents lock their rows in the same order.
    Agents whose net change is 0 (an edit, a change of term) are not touched, so editing a
    case never waits for another transaction's registration for its agent. The JOIN skips a
    user being deleted (its cases are set to NULL; its row goes by the foreign key)."""
    return ('INSERT INTO carga_agente AS c (usuario_id, abiertos) '  # nosec B608: constant
            f'SELECT d.u, d.n FROM (SELECT u, SUM(delta) AS n FROM ({fuente}) x GROUP BY u) d '
            'JOIN usuario ON usuario.id = d.u WHERE d.n <> 0 ORDER BY d.u '
            'ON CONFLICT (usuario_id) DO UPDATE SET abiertos = c.abiertos + EXCLUDED.abiertos')


DISPARADORES_POSTGRES = [
    f"""CREATE FUNCTION carga_agente_sumar() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF TG_OP = 'INSERT' THEN
            {_sumar(_casos('nuevos', ''))};
        ELSIF TG_OP = 'DELETE' THEN
            {_sumar(_casos('viejos', '-'))};
        ELSE
            {_sumar(_casos('viejos', '-') + ' UNION ALL ' + _casos('nuevos', ''))};
        END IF;
        RETURN NULL;
    END $$""",
    'CREATE FUNCTION carga_agente_vaciar() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN '
    'DELETE FROM carga_agente; RETURN NULL; END $$',
    'CREATE TRIGGER carga_agente_alta AFTER INSERT ON reclamo REFERENCING NEW TABLE AS nuevos '
    'FOR EACH STATEMENT EXECUTE FUNCTION carga_agente_sumar()',
    'CREATE TRIGGER carga_agente_baja AFTER DELETE ON reclamo REFERENCING OLD TABLE AS viejos '
    'FOR EACH STATEMENT EXECUTE FUNCTION carga_agente_sumar()',
    # PostgreSQL allows no column list (UPDATE OF) with transition tables: every UPDATE of
    # a case runs it (~15 µs when no count moves).
    'CREATE TRIGGER carga_agente_cambio AFTER UPDATE ON reclamo '
    'REFERENCING OLD TABLE AS viejos NEW TABLE AS nuevos '
    'FOR EACH STATEMENT EXECUTE FUNCTION carga_agente_sumar()',
    'CREATE TRIGGER carga_agente_vaciar AFTER TRUNCATE ON reclamo '
    'FOR EACH STATEMENT EXECUTE FUNCTION carga_agente_vaciar()',
]
NOMBRES = ('carga_agente_alta', 'carga_agente_baja', 'carga_agente_cambio',
           'carga_agente_vaciar')
FUNCIONES = ('carga_agente_sumar', 'carga_agente_vaciar')


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
    for nombre in FUNCIONES if postgres else ():
        db.execute_sql(f'DROP FUNCTION IF EXISTS {nombre}()')
    db.execute_sql('DROP TABLE IF EXISTS carga_agente')
