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
