"""Fixtures of the JSON API tests; a test module loads them with
``pytest_plugins = ('tests.apoyo.fixtures_api',)``."""
from types import SimpleNamespace

import pytest

from tests.apoyo.api import ClienteApi, pedir_token


@pytest.fixture
def api_como(client):
    """api_como(usuario) -> ClienteApi with a fresh token of that user."""

    def crear(usuario):
        return ClienteApi(client, pedir_token(client, usuario.email))

    return crear


@pytest.fixture
def config_demo(app):
    """The demo catalogs and processes, without the demo cases or users."""
    from admin_app import demo
    from catalogos.configuracion import importar

    with app.app_context():
        importar(demo.configuracion())


@pytest.fixture
def gente(config_demo, crear_usuario):
    from catalogos.organizacion import Area

    def area(codigo):
        return Area.get(Area.codigo == codigo)

    return SimpleNamespace(
        registrador=crear_usuario('agente', area=area('ATENCION_CLIENTE'), nombre='Regina'),
        agente=crear_usuario('agente', area=area('MONITOREO'), nombre='Ana'),
        supervisor=crear_usuario('supervisor', area=area('MONITOREO'), nombre='Sara'),
        agente_soporte=crear_usuario('agente', area=area('SOPORTE_TECNICO'), nombre='Tito'),
        ventas=crear_usuario('agente', area=area('VENTAS'), nombre='Vera'),
        gerente=crear_usuario('gerente', area=area('ADMINISTRACION')),
        admin=crear_usuario('admin'),
    )
