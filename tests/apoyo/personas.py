"""One user per role (no one signed in yet): the supervisor and agent in MONITOREO (the demo's
SIN_SERVICIO cases go there), the manager in another area."""
import pytest

from catalogos.organizacion import Area


@pytest.fixture
def personas(app, crear_usuario):
    def area(codigo):
        return Area.get(Area.codigo == codigo)

    return {'admin': crear_usuario('admin'),
            'supervisor': crear_usuario('supervisor', area=area('MONITOREO')),
            'agente': crear_usuario('agente', area=area('MONITOREO')),
            'gerente': crear_usuario('gerente', area=area('ADMINISTRACION'))}
