"""Text answers go gzip-compressed to clients that accept it: the dashboard's plotly.js
(4.8 MB) shrinks to about a third; cached for a year under a versioned URL."""
import gzip

import plotly


def test_plotly_comprimido_y_cacheado(client, como):
    como('gerente')
    url = f'/admin/tablero/plotly.min.js?v={plotly.__version__}'
    comprimida = client.get(url, headers={'Accept-Encoding': 'gzip, br'})
    assert comprimida.status_code == 200
    assert comprimida.headers['Content-Encoding'] == 'gzip'
    assert 'Accept-Encoding' in comprimida.headers['Vary']
    assert 'max-age=31536000' in comprimida.headers['Cache-Control']
    plano = client.get(url)
    assert 'Content-Encoding' not in plano.headers
    assert gzip.decompress(comprimida.data) == plano.data
    assert len(comprimida.data) < len(plano.data) / 2


def test_paginas_y_css_comprimidos(client, como):
    como('agente')
    for url in ('/casos/', '/static/reclamos.css'):
        respuesta = client.get(url, headers={'Accept-Encoding': 'gzip'})
        if len(respuesta.data) >= 1400:
            assert respuesta.headers.get('Content-Encoding') == 'gzip', url
            assert gzip.decompress(respuesta.data)
