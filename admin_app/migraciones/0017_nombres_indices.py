"""Index names as the models give them: ``<table>_<columns>``.

The frozen model copies of 0001-0016 lack ``legacy_table_names = False``, so peewee named
their indexes after the class (``accionmejora_estado_vence_el``) while the models, and so a
database built by ``create_tables``, name them after the table
(``accion_mejora_estado_vence_el``).
Same columns, same uniqueness: only the names change, so tests/admin_app/test_migraciones.py can
compare a migrated database with the models index by index. PostgreSQL renames in place;
SQLite cannot rename an index, so it drops and rebuilds each one (in this one transaction).
"""

# (table, [(columns, unique), ...]); the old prefix is the table name without underscores.
INDICES = [
    ('accion_mejora', [(('estado', 'vence_el'), False), (('responsable_id',), False)]),
    ('accion_mejora_motivo', [(('accion_id', 'motivo_id'), True), (('motivo_id',), False)]),
    ('accion_mejora_reclamo', [(('accion_id', 'reclamo_id'), True), (('reclamo_id',), False)]),
    ('acta_accion', [(('accion_id',), False), (('acta_id', 'accion_id'), True)]),
    ('adjunto_correo', [(('correo_id',), False)]),
    ('alerta_termino', [(('nivel_id',), False), (('termino_id', 'nivel_id'), True)]),
    ('bitacora_admin', [(('instante',), False)]),
    ('cambio_mejora', [(('accion_id', 'instante'), False)]),
    ('campo_personalizado', [(('motivo_id',), False), (('motivo_id', 'codigo'), True)]),
    ('contador_reclamo', [(('anio',), True)]),
    ('correo_entrante', [(('huella',), True), (('reclamo_id',), False),
                         (('resultado', 'procesado_en'), False)]),
    ('corrida_ensayo', [(('borrador_id',), False)]),
    ('dia_especial', [(('calendario_id',), False), (('calendario_id', 'fecha'), True)]),
    ('entidad_reguladora', [(('codigo',), True)]),
    ('etiqueta_caso', [(('etiqueta',), False), (('reclamo_id', 'etiqueta'), True)]),
    ('evento_usuario', [(('creado_en',), False), (('usuario_id',), False)]),
    ('horario_dia', [(('calendario_id',), False), (('calendario_id', 'dia'), True)]),
    ('linea_reclamo', [(('reclamo_id',), False), (('reclamo_id', 'numero'), True)]),
    ('nivel_escalamiento', [(('area_id',), False), (('codigo',), True)]),
    ('plantilla_carta', [(('codigo',), True), (('motivo_id',), False)]),
    ('plantilla_correo', [(('codigo',), True)]),
    ('plantilla_informe', [(('canal_id',), False), (('codigo',), True), (('entidad_id',), False)]),
    ('plazo_legal', [(('codigo',), True)]),
    ('regla_enrutamiento', [(('codigo',), True)]),
    ('resumen_actividad', [(('dia', 'area'), False)]),
    ('resumen_diario', [(('dia', 'area'), False)]),
    ('solicitud_portal', [(('reclamo_id',), True)]),
    ('termino_caso', [(('reclamo_id',), False)]),
    ('tipo_documento', [(('codigo',), True)]),
    ('usuario_rol', [(('role_id',), False), (('user_id',), False),
                     (('user_id', 'role_id'), True)]),
    ('version_linea', [(('linea_id',), False), (('linea_id', 'numero'), True)]),
]


def _renombrar(migrator, db, de_tabla):
    postgres = 'postgres' in type(db).__name__.lower()
    for tabla, indices in INDICES:
        for columnas, unica in indices:
            sufijo = '_'.join(columnas)
            viejo = f'{tabla.replace("_", "")}_{sufijo}'
            nuevo = f'{tabla}_{sufijo}'
            if not de_tabla:
                viejo, nuevo = nuevo, viejo
            if postgres:
                db.execute_sql(f'ALTER INDEX "{viejo}" RENAME TO "{nuevo}"')
            else:
                migrator.migrate(migrator.drop_index(tabla, viejo),
                                 migrator.add_index(tabla, columnas, unica, name=nuevo))


def up(migrator, db):
    _renombrar(migrator, db, de_tabla=True)


def down(migrator, db):
    _renombrar(migrator, db, de_tabla=False)
