"""Issue 15, F8: links in customer e-mails come only from RECLAMOS_URL_PUBLICA, never from the
Host header a client sends; in production the app does not start without it."""
import pytest

from admin_app.config import ConfiguracionInvalida
from reclamos.correo.salida import Correo
from tests.apoyo.portal import datos_validos
from tests.conftest import CONFIG_PRUEBA, token_csrf


def _presentar_desde(client, host):
    html = client.get('/portal/', base_url=f'http://{host}/').get_data(as_text=True)
    return client.post('/portal/', base_url=f'http://{host}/',
                       data={'csrf_token': token_csrf(html), **datos_validos()},
                       content_type='multipart/form-data')


@pytest.mark.parametrize('configurada, esperada', [
    ('https://reclamos.empresa.pe', 'https://reclamos.empresa.pe/portal/caso/'),
    ('', 'http://localhost:5000/portal/caso/'),
])
def test_el_host_de_la_peticion_no_entra_en_los_correos(app, client, demo, configurada,
                                                        esperada):
    app.config['RECLAMOS_URL_PUBLICA'] = configurada
    assert _presentar_desde(client, 'sitio-del-atacante.example').status_code == 302
    cuerpos = ' '.join(c.cuerpo for c in Correo.select())
    assert esperada in cuerpos
    assert 'sitio-del-atacante' not in cuerpos


def _crear(url_bd, tmp_path, monkeypatch, **config):
    from admin_app import create_app

    monkeypatch.setenv('RECLAMOS_INSTANCE', str(tmp_path))
    return create_app({**CONFIG_PRUEBA, 'DATABASE_URL': url_bd, **config})


def test_produccion_exige_la_url_publica(url_bd, tmp_path, monkeypatch):
    with pytest.raises(ConfiguracionInvalida, match='RECLAMOS_URL_PUBLICA'):
        _crear(url_bd, tmp_path, monkeypatch, RECLAMOS_ENTORNO='produccion')
    app = _crear(url_bd, tmp_path, monkeypatch, RECLAMOS_ENTORNO='produccion',
                 RECLAMOS_URL_PUBLICA='https://reclamos.empresa.pe')
    assert app.config['RECLAMOS_URL_PUBLICA'] == 'https://reclamos.empresa.pe'


@pytest.mark.parametrize('url', ['reclamos.empresa.pe', 'javascript:alert(1)',
                                 'https://', 'https://x.pe/?a=1'])
def test_una_url_publica_mala_detiene_el_arranque(url_bd, tmp_path, monkeypatch, url):
    with pytest.raises(ConfiguracionInvalida, match='no es una dirección web válida'):
        _crear(url_bd, tmp_path, monkeypatch, RECLAMOS_URL_PUBLICA=url)
