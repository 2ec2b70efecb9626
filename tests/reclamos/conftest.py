"""Fixtures of the case domain: the demo catalogs (without the demo cases, which most tests
do not want and which cost half a second), the people who act, valid input, fixed instants."""
from datetime import datetime, timezone
from types import SimpleNamespace

import pytest

from tests.apoyo.casos import caso_sin_servicio

# Monday 2 March 2026, 10:00 in Lima (15:00 UTC): a business day in Peru and Colombia.
LUNES = datetime(2026, 3, 2, 15, 0, tzinfo=timezone.utc)
IP = '10.0.0.7'


# The demo configuration as imported once per run, table by table (parents first); later
# tests restore it with one INSERT per table instead of importing again (5x faster).
_FOTO = []


@pytest.fixture
def config(app):
    """The demo configuration (catalogs, processes), imported like an administrator would."""
    from admin_app import demo
    from bd import db, es_postgres
    from catalogos import REGISTRO
    from catalogos.configuracion import importar

    # Identity types are seeded for every test (tests/conftest.py), not restored here.
    tablas = [m for d in REGISTRO for m in (d.modelo, *(h.modelo for h in d.hijos))
              if d.clave != 'tipos_identidad']
    with db.atomic():
        if not _FOTO:
            importar(demo.configuracion())
            _FOTO.extend((m, list(m.select().order_by(m.id).dicts())) for m in tablas)
            return
        for modelo, filas in _FOTO:
            if filas:
                modelo.insert_many(filas).execute()
                if es_postgres():  # explicit ids do not move the sequence
                    tabla = modelo._meta.table_name
                    db.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{tabla}\"', 'id'), "
                                   f'(SELECT MAX(id) FROM "{tabla}"))')


@pytest.fixture
def actores(config):
    """One person per part, created in one transaction (no password: nobody logs in here)."""
    import uuid

    from bd import db
    from catalogos.organizacion import Area
    from catalogos.usuarios import Usuario, asignar_roles

    def persona(rol, area=None, nombre=''):
        usuario = Usuario.create(
            email=f'{rol}-{uuid.uuid4().hex[:6]}@prueba.pe', nombre=nombre,
            fs_uniquifier=uuid.uuid4().hex,
            area=Area.get(Area.codigo == area) if area else None)
        asignar_roles(usuario, [rol])
        return usuario

    with db.atomic():
        return SimpleNamespace(
            registrador=persona('agente', 'ATENCION_CLIENTE', 'Regina'),
            agente=persona('agente', 'MONITOREO', 'Ana'),
            supervisor=persona('supervisor', 'MONITOREO', 'Sara'),
            agente_soporte=persona('agente', 'SOPORTE_TECNICO', 'Tito'),
            supervisor_soporte=persona('supervisor', 'SOPORTE_TECNICO'),
            ventas=persona('agente', 'VENTAS', 'Vera'),
            gerente=persona('gerente', 'ADMINISTRACION'),
            admin=persona('admin'),
        )


def datos_validos(**cambios):
    """A valid external case of SIN_SERVICIO; a change to None drops the key."""
    datos = {**caso_sin_servicio(), **cambios}
    return {k: v for k, v in datos.items() if v is not None}


@pytest.fixture
def registrar_caso(actores):
    """registrar_caso(**cambios) -> Reclamo registered by the counter agent at LUNES."""
    from reclamos.caso.registro import registrar

    def crear(usuario=None, ahora=LUNES, **cambios):
        return registrar(datos_validos(**cambios), usuario or actores.registrador, IP, ahora)

    return crear
