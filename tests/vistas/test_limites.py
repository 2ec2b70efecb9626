"""Rate limits: every limit of the app is on POST, so reads skip Flask-Limiter altogether
(vistas.limites.METODOS_LIMITADOS); the limits themselves still hold."""
from reclamos.caso.modelo import Reclamo
from reclamos.portal import enlaces
from tests.apoyo.portal import presentar
from tests.conftest import token_csrf


def test_ningun_limite_cubre_otro_metodo_que_los_exentos_no_cuentan(app):
    """A limit on GET (or on every method) would be silently skipped by the request filter:
    declare it, and this test asks for METODOS_LIMITADOS to name that method."""
    from vistas.limites import METODOS_LIMITADOS, limitador

    gestor = limitador.limit_manager
    limites = [*gestor.application_limits, *gestor.default_limits,
               *(lim for grupo in gestor._decorated_limits.values() for lim in grupo),
               *(lim for grupo in gestor._blueprint_limits.values() for lim in grupo)]
    assert limites, 'Flask-Limiter ya no guarda los límites donde esta prueba los busca'
    for limite in limites:
        assert limite.methods, f'{limite.limit_provider}: límite sobre todos los métodos'
        assert {m.upper() for m in limite.methods} <= METODOS_LIMITADOS, limite.methods


def test_el_seguimiento_se_lee_sin_limite_y_sus_mensajes_tienen_el_suyo(app, client, demo):
    app.config['RECLAMOS_LIMITE_PORTAL'] = '3/minute'
    assert presentar(client).status_code == 302  # the filing form counts on its own
    reclamo = Reclamo.select().order_by(Reclamo.id.desc()).first()
    with app.app_context():
        ruta = '/portal/caso/' + enlaces.firmar(enlaces.SEGUIMIENTO, {'r': reclamo.id})
    for _ in range(10):  # reading is never limited, nor counted
        pagina = client.get(ruta)
        assert pagina.status_code == 200
    token = token_csrf(pagina.get_data(as_text=True))
    enviados = [client.post(ruta, data={'csrf_token': token, 'texto': f'Mensaje {i}.'})
                for i in range(4)]
    assert [r.status_code for r in enviados] == [302, 302, 302, 429]
    assert 'Demasiadas solicitudes' in enviados[-1].get_data(as_text=True)
    html = client.get(ruta).get_data(as_text=True)
    assert 'Mensaje 2.' in html and 'Mensaje 3.' not in html
