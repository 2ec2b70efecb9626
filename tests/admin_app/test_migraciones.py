"""The first migration builds a database; the later ones upgrade it without losing rows."""
from playhouse.reflection import Introspector

from bd import abrir, db
from admin_app.esquema import migrar, modelos, pendientes
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
