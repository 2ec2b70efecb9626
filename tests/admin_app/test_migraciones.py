"""The first migration builds a database; the later ones upgrade it without losing rows; the
migrated schema is the models' schema, so generating a migration on it yields nothing."""
from collections import Counter

from playhouse.migrations import template
from playhouse.reflection import Introspector
from playhouse.schema_diff import diff_models

from bd import abrir, db
from admin_app.esquema import TABLA, ejecutor, migrar, modelos, pendientes
from tests.apoyo.bases import base_temporal
from tests.conftest import URL_BASE


def test_actualiza_una_base_antigua_sin_perder_filas(tmp_path):
    with base_temporal(URL_BASE, tmp_path) as url:
        abrir(url)
        try:
            assert migrar(hasta='0001_inicial') == ['0001_inicial']
            with db.connection_context():
                db.execute_sql("INSERT INTO plazo_legal (codigo, nombre, activo, norma, cantidad, "
                               "unidad, prorrogable) VALUES ('VIEJO', 'Plazo viejo', %s, '', 15, "
                               "'dias_habiles', %s)" % (('true', 'true') if 'postgres' in url
                                                        else ('1', '1')))
            faltantes = pendientes()
            assert faltantes and '0001_inicial' not in faltantes
            assert migrar() == faltantes
            assert pendientes() == []
            from catalogos.plazos import PlazoLegal
            with db.connection_context():
                viejo = PlazoLegal.get(PlazoLegal.codigo == 'VIEJO')
                assert (viejo.nombre, viejo.cantidad) == ('Plazo viejo', 15)
                assert viejo.prorrogable
                assert viejo.umbral_por_vencer == 0.8
        finally:
            db.close()


def test_el_esquema_migrado_coincide_con_los_modelos(tmp_path):
    """Every model column exists in a database built only by migrations."""
    with base_temporal(URL_BASE, tmp_path) as url:
        database = abrir(url)
        try:
            migrar()
            with db.connection_context():
                tablas = Introspector.from_database(database).introspect()
                for modelo in modelos():
                    columnas = set(tablas.columns[modelo._meta.table_name])
                    esperadas = {c.column_name for c in modelo._meta.sorted_fields}
                    assert esperadas <= columnas, (modelo.__name__, esperadas - columnas)
        finally:
            db.close()


# What only the migrations create, with why no model declares it: raw SQL peewee cannot
# express. Each entry must exist, so a stale line here fails too.
SOLO_MIGRACIONES = {
    # The runner's own log of applied migrations (admin_app.esquema.TABLA), not a model.
    'tablas': {TABLA, 'reclamo_texto'},
    # Full-text index of case text (0013): an FTS5 virtual table on SQLite, whose shadow
    # tables SQLite keeps itself; a tsvector table with a GIN index and trigger function
    # on PostgreSQL. Kept current by triggers on reclamo, not by the models.
    'tablas_sqlite': {'reclamo_texto_config', 'reclamo_texto_content', 'reclamo_texto_data',
                      'reclamo_texto_docsize', 'reclamo_texto_idx',
                      # Customer names for the queue's search (0021): FTS5 on SQLite too.
                      'cliente_texto', 'cliente_texto_config', 'cliente_texto_content',
                      'cliente_texto_data', 'cliente_texto_docsize', 'cliente_texto_idx'},
    'indices': {(TABLA, f'{TABLA}_name')},
    'indices_postgresql': {(TABLA, f'{TABLA}_pkey'), ('reclamo_texto', 'reclamo_texto_pkey'),
                           ('reclamo_texto', 'reclamo_texto_documento'),
                           # ...and a GIN expression index on PostgreSQL (0021).
                           ('cliente', 'cliente_nombre_texto')},
}


def _indices(database):
    """Every index as (table, name) -> (columns, unique), expression columns as the database
    spells them."""
    return {(tabla, indice.name): (tuple(indice.columns), bool(indice.unique))
            for tabla in database.get_tables() for indice in database.get_indexes(tabla)}


def _esquema(url, construir):
    database = abrir(url)
    try:
        construir()
        with db.connection_context():
            return set(database.get_tables()), _indices(database)
    finally:
        db.close()


def _crear_desde_modelos():
    with db.connection_context():
        db.create_tables(modelos())


def test_generar_una_migracion_sobre_la_base_migrada_no_da_nada(tmp_path):
    """Like Django's ``makemigrations --check``: peewee's runner (``generate``) diffs the
    models against the migrated database; any table, column or index a model declares
    without a migration, or a migration creates without the model declaring it, shows up."""
    with base_temporal(URL_BASE, tmp_path) as url:
        database = abrir(url)
        try:
            migrar()
            with db.connection_context():
                diferencia = diff_models(database, modelos())
        finally:
            db.close()
    # Raw-SQL indexes on model tables (listed above with why) are the migrations' own.
    propios = SOLO_MIGRACIONES['indices'] | SOLO_MIGRACIONES['indices_postgresql']
    diferencia = diferencia._replace(drop_indexes=[
        i for i in diferencia.drop_indexes if (i.table, i.name) not in propios])
    assert not diferencia, 'Falta una migración (o una declaración en el modelo):\n' + \
        template(diferencia)


def test_los_indices_migrados_son_los_de_los_modelos(tmp_path):
    """Index by index (name, columns, unique): a database built by the migrations and one
    built by ``create_tables`` from the models, apart from the raw SQL listed above."""
    postgres = URL_BASE.startswith('postgres')
    with base_temporal(URL_BASE, tmp_path) as migrada, \
            base_temporal(URL_BASE, tmp_path) as de_modelos:
        tablas_m, indices_m = _esquema(migrada, migrar)
        tablas_d, indices_d = _esquema(de_modelos, _crear_desde_modelos)
    solo_tablas = SOLO_MIGRACIONES['tablas'] | (
        set() if postgres else SOLO_MIGRACIONES['tablas_sqlite'])
    solo_indices = SOLO_MIGRACIONES['indices'] | (
        SOLO_MIGRACIONES['indices_postgresql'] if postgres else set())
    assert tablas_m - tablas_d == solo_tablas
    assert tablas_d <= tablas_m
    assert set(indices_m) - set(indices_d) == solo_indices
    for clave in solo_indices:
        del indices_m[clave]
    assert indices_m == indices_d
    assert any(columnas == ('motivo_id', 'codigo') and unica
               for columnas, unica in indices_d.values())  # the comparison sees real indexes


HASTA_0017 = '0017_nombres_indices'


def test_los_nombres_de_indice_se_pueden_revertir(tmp_path):
    """0017 only renames: reverting it gives the old names back and applying it again the
    models' names, with no index lost on the way."""
    with base_temporal(URL_BASE, tmp_path) as url:
        database = abrir(url)
        try:
            migrar(HASTA_0017)  # later migrations (0018...) add tables of their own
            with db.connection_context():
                antes = _indices(database)
                assert ejecutor().down() == ['0017_nombres_indices']
                viejos = _indices(database)
            assert ('usuario_rol', 'usuariorol_user_id_role_id') in viejos
            assert Counter(viejos.values()) == Counter(antes.values())
            assert migrar(HASTA_0017) == ['0017_nombres_indices']
            with db.connection_context():
                assert _indices(database) == antes
        finally:
            db.close()


def test_los_calendarios_existentes_conservan_los_dias_que_contaban(tmp_path):
    """0019: a calendar with Saturday hours counted Saturdays; it keeps doing so (Lunes a
    sábado) so no open term moves silently; the others get Lunes a viernes."""
    with base_temporal(URL_BASE, tmp_path) as url:
        abrir(url)
        try:
            migrar(hasta='0016_corridas_ensayo')
            verdadero = 'true' if 'postgres' in url else '1'
            with db.connection_context():
                for codigo in ('SAB', 'SEM'):
                    db.execute_sql(
                        "INSERT INTO calendario (codigo, nombre, activo, pais, zona, "
                        "recepcion_en_horario, predeterminado) VALUES ('%s', '%s', %s, 'CO', "
                        "'America/Bogota', %s, %s)" % (codigo, codigo, verdadero,
                                                       verdadero, verdadero))
                db.execute_sql("INSERT INTO horario_dia (calendario_id, dia, abre, cierra) "
                               "SELECT id, 5, '08:00:00', '12:00:00' FROM calendario "
                               "WHERE codigo = 'SAB'")
            migrar()
            from catalogos.organizacion import Calendario, HorarioDia
            with db.connection_context():
                semanas = dict(Calendario.select(Calendario.codigo, Calendario.semana_legal)
                               .tuples())
                assert semanas == {'SAB': 'lun_sab', 'SEM': 'lun_vie'}
                sab = Calendario.get(Calendario.codigo == 'SAB')
                HorarioDia.create(calendario=sab, dia=5, abre='14:00', cierra='16:00')
                assert HorarioDia.select().where(HorarioDia.dia == 5).count() == 2
        finally:
            db.close()
