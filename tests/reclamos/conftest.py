"""Fixtures of the case domain: the demo catalogs (without the demo cases, which most tests
do not want and which cost half a second), the people who act, valid input, fixed instants."""
from datetime import datetime, timezone
from types import SimpleNamespace

import pytest

# Monday 2 March 2026, 10:00 in Lima (15:00 UTC): a business day in Peru and Colombia.
LUNES = datetime(2026, 3, 2, 15, 0, tzinfo=timezone.utc)
IP = '10.0.0.7'


@pytest.fixture
def config(app):
    """The demo configuration (catalogs, processes), imported like an administrator would."""
    from admin_app import demo
    from catalogos.configuracion import importar

    importar(demo.configuracion())


@pytest.fixture
def actores(config, crear_usuario):
    from catalogos.organizacion import Area

    def area(codigo):
        return Area.get(Area.codigo == codigo)

    return SimpleNamespace(
        registrador=crear_usuario('agente', area=area('ATENCION_CLIENTE'), nombre='Regina'),
        agente=crear_usuario('agente', area=area('MONITOREO'), nombre='Ana'),
        supervisor=crear_usuario('supervisor', area=area('MONITOREO'), nombre='Sara'),
        agente_soporte=crear_usuario('agente', area=area('SOPORTE_TECNICO'), nombre='Tito'),
        supervisor_soporte=crear_usuario('supervisor', area=area('SOPORTE_TECNICO')),
        ventas=crear_usuario('agente', area=area('VENTAS'), nombre='Vera'),
        gerente=crear_usuario('gerente', area=area('ADMINISTRACION')),
        admin=crear_usuario('admin'),
    )


def datos_validos(**cambios):
    """A valid external case of SIN_SERVICIO (area MONITOREO, ALTO, OSIPTEL_3, process)."""
    datos = {
        'motivo': 'SIN_SERVICIO', 'canal': 'WEB', 'servicio': 'INTERNET',
        'descripcion': 'No tengo internet desde ayer; el módem muestra la luz roja.',
        'campos': {'codigo_abonado': 'AB-0001'},
        'cliente': {'tipo_documento_identidad': 'DNI', 'numero_documento': '45781236',
                    'nombre': 'Rosa Quispe', 'email': 'rosa@correo.pe'},
    }
    datos.update(cambios)
    return {k: v for k, v in datos.items() if v is not None}


@pytest.fixture
def registrar_caso(actores):
    """registrar_caso(**cambios) -> Reclamo registered by the counter agent at LUNES."""
    from reclamos.registro import registrar

    def crear(usuario=None, ahora=LUNES, **cambios):
        return registrar(datos_validos(**cambios), usuario or actores.registrador, IP, ahora)

    return crear
