"""The Content-Security-Policy lets a plotly chart work when plotly.js comes from this site
(as STACK.md says to serve it) and its drawing script carries the page's nonce, and still
blocks a script from another origin or an inline one without the nonce (issue 15)."""
from pathlib import Path

import plotly
import plotly.graph_objects as go
import pytest
from flask import Response

PLOTLY_JS = Path(plotly.__file__).parent / 'package_data' / 'plotly.min.js'


@pytest.fixture
def app_con_grafico(app):
    """Two throw-away routes on the test app: plotly.js and a page with a chart."""
    def js():
        return Response(PLOTLY_JS.read_bytes(), mimetype='text/javascript')

    def pagina_grafico():
        figura = go.Figure(go.Bar(x=['a tiempo', 'por vencer', 'vencido'], y=[12, 3, 1]))
        from vistas.csp import nonce

        html = figura.to_html(include_plotlyjs='/prueba/plotly.min.js', full_html=True)
        html = html.replace('<script>', f'<script nonce="{nonce()}">')
        ajena = ('<script src="https://cdn.example.com/x.js"></script>'
                 '<script>document.title = "inyectado";</script>')
        return html.replace('</body>', ajena + '</body>')

    app.add_url_rule('/prueba/plotly.min.js', 'prueba_plotly_js', js)
    app.add_url_rule('/prueba/grafico', 'prueba_grafico', pagina_grafico)
    return app


def test_plotly_funciona_con_la_politica(app_con_grafico, servidor_vivo, pagina):
    violaciones = []
    pagina.on('console', lambda m: m.type == 'error' and violaciones.append(m.text))
    respuesta = pagina.goto(f'{servidor_vivo}/prueba/grafico')
    assert "script-src 'self'" in respuesta.headers['content-security-policy']
    pagina.wait_for_selector('.main-svg', timeout=20000)
    assert pagina.locator('.bars path').count() == 3
    # The only policy complaints are the third-party script and the inline one without the
    # nonce, both refused (plotly raised none).
    assert "'unsafe-inline'" not in respuesta.headers['content-security-policy'].split(
        'script-src')[1].split(';')[0]
    assert pagina.title() != 'inyectado'
    politica = [v for v in violaciones if 'Content Security Policy' in v]
    assert len(politica) == 2, politica
    assert any('cdn.example.com' in v for v in politica), politica
