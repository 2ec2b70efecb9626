"""The demo agent works a case alone: cases are routed to customer service, so "Mi bandeja"
is not empty, and the agent takes and answers one with no one else's help."""
import re

from admin_app.demo import CONTRASENA_DEMO
from reclamos.caso.modelo import Reclamo
from tests.vistas.test_caso_pantalla import actuar


def test_el_agente_de_la_demo_trabaja_solo(client, auth, demo):
    assert auth.login('agente@reclamos.demo', CONTRASENA_DEMO).status_code == 302
    html = client.get('/casos/?vista=mios').get_data(as_text=True)
    numeros = re.findall(r'/casos/(\d{4}-\d{6})"', html)
    assert numeros, 'Mi bandeja del agente de la demo está vacía'
    pendiente = (Reclamo.select().where(Reclamo.numero.in_(numeros),
                                        Reclamo.estado == 'PENDIENTE').first())
    assert pendiente is not None
    assert actuar(client, pendiente, 'tomar').status_code == 302
    assert actuar(client, pendiente, 'terminar',
                  respuesta='Gracias, ampliaremos el horario.').status_code == 302
    assert Reclamo.get_by_id(pendiente.id).estado == 'TERMINADO'
