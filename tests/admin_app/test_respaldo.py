"""Backup and restore round-trip the database with every table equal."""
from bd import db
from admin_app.esquema import modelos


def _contenido():
    with db.connection_context():
        return {m._meta.table_name: sorted(m.select().order_by(m._meta.primary_key).tuples())
                for m in modelos()}


def test_respaldar_y_restaurar(app, demo, runner, tmp_path):
    from reclamos.caso.modelo import Reclamo

    antes = _contenido()
    archivo = tmp_path / 'respaldo.bak'
    resultado = runner.invoke(args=['respaldar', str(archivo)])
    assert resultado.exit_code == 0, resultado.output
    assert archivo.stat().st_size > 0
    # Change something after the backup, through a path that is allowed (a new case row
    # would be logged; the counter table is plain data).
    from reclamos.caso.modelo import ContadorReclamo
    ContadorReclamo.update(ultimo=ContadorReclamo.ultimo + 100).execute()
    assert _contenido() != antes
    sin_confirmar = runner.invoke(args=['restaurar', str(archivo)])
    assert sin_confirmar.exit_code == 2 and '--si' in sin_confirmar.output
    resultado = runner.invoke(args=['restaurar', str(archivo), '--si'])
    assert resultado.exit_code == 0, resultado.output
    assert _contenido() == antes
    assert Reclamo.select().count() == len(antes['reclamo'])


def test_restaurar_archivo_malo(app, runner, tmp_path):
    resultado = runner.invoke(args=['restaurar', str(tmp_path / 'no-existe.bak'), '--si'])
    assert resultado.exit_code == 2 and 'No existe el respaldo' in resultado.output
    basura = tmp_path / 'basura.bak'
    basura.write_bytes(b'esto no es un respaldo')
    resultado = runner.invoke(args=['restaurar', str(basura), '--si'])
    assert resultado.exit_code == 2 and 'Error' in resultado.output


def test_el_respaldo_solo_lo_lee_su_dueno(app, runner, tmp_path):
    """A backup holds every customer and every password hash: 0600, also over an old file."""
    nuevo, viejo = tmp_path / 'nuevo.bak', tmp_path / 'viejo.bak'
    viejo.write_bytes(b'')
    viejo.chmod(0o644)
    for archivo in (nuevo, viejo):
        resultado = runner.invoke(args=['respaldar', str(archivo)])
        assert resultado.exit_code == 0, resultado.output
        assert archivo.stat().st_mode & 0o777 == 0o600, archivo
