"""Behind a reverse proxy the client's address comes from X-Forwarded-For, and only then."""
from flask import request


def _app(url_bd, proxies):
    from admin_app import create_app
    from tests.conftest import CONFIG_PRUEBA

    aplicacion = create_app({**CONFIG_PRUEBA, 'DATABASE_URL': url_bd,
                             'RECLAMOS_PROXIES': proxies})
    aplicacion.add_url_rule('/_ip', 'ip', lambda: request.remote_addr)
    return aplicacion


def test_con_un_proxy_usa_la_ip_del_cliente(url_bd, tmp_path, monkeypatch):
    monkeypatch.setenv('RECLAMOS_INSTANCE', str(tmp_path))
    cliente = _app(url_bd, 1).test_client()
    respuesta = cliente.get('/_ip', headers={'X-Forwarded-For': '203.0.113.7'},
                            environ_base={'REMOTE_ADDR': '127.0.0.1'})
    assert respuesta.get_data(as_text=True) == '203.0.113.7'


def test_sin_proxy_no_se_cree_la_cabecera(url_bd, tmp_path, monkeypatch):
    monkeypatch.setenv('RECLAMOS_INSTANCE', str(tmp_path))
    cliente = _app(url_bd, 0).test_client()
    respuesta = cliente.get('/_ip', headers={'X-Forwarded-For': '203.0.113.7'},
                            environ_base={'REMOTE_ADDR': '198.51.100.2'})
    assert respuesta.get_data(as_text=True) == '198.51.100.2'
