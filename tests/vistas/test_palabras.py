"""Words, not codes: every page and fragment of the demo, as each demo role, shows names from
the catalogs and dates in the locale; never an internal code, an ISO instant or a Python
literal."""
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from admin_app.demo import CONTRASENA_DEMO, USUARIOS_DEMO

CODIGOS = [
    (re.compile(r'\b[A-Z][A-Z0-9]+_[A-Z0-9_]+\b'), 'código en mayúsculas'),
    (re.compile(r'\d{4}-\d{2}-\d{2}T\d{2}:\d{2}'), 'instante ISO'),
    (re.compile(r'\b(True|False|None)\b'), 'literal de Python'),
    (re.compile(r'\b[a-z]+_[a-z_]+\b'), 'código en minúsculas'),
    (re.compile(r'[^.]\.\.(?!\.)'), 'punto repetido'),
    (re.compile(r'\b\w+: tod[oa]s\b'), 'filtro sin nombre'),
]
# Places where a code is the point: the catalog's own code column, code samples, e-mail
# addresses and file names.
NO_MIRAR = {'code', 'script', 'style', 'pre', 'kbd', 'samp'}
MAXIMO = 220
SALTAR = ('/logout', '/idioma/', '/export', '/descargar', '.xlsx', '.csv', '.pdf', '.json',
          '/static/', '/plotly', 'sort=', 'page=', '/delete', '/api/', 'flt', '/ajax/',
          '/action', '/carta', '/admin/accesos', 'desc=', 'despues=')


class Texto(HTMLParser):
    """The text a person reads (no attributes, no code elements) and the links."""

    def __init__(self):
        super().__init__()
        self.partes, self.enlaces, self._fuera = [], [], []

    def handle_starttag(self, tag, attrs):
        atributos = dict(attrs)
        clase = atributos.get('class') or ''
        if tag in NO_MIRAR or {'codigo', 'd-none', 'inline-field-template'} & set(clase.split()):
            self._fuera.append(tag)
        elif self._fuera and tag == self._fuera[-1]:
            self._fuera.append(tag)
        if tag == 'a' and atributos.get('href'):
            self.enlaces.append(atributos['href'])
        if tag in ('option',):
            self.partes.append(' ')

    def handle_endtag(self, tag):
        if self._fuera and tag == self._fuera[-1]:
            self._fuera.pop()

    def handle_data(self, data):
        if not self._fuera:
            self.partes.append(data)


def _legible(texto):
    # E-mail addresses, URLs and file names may hold underscores; they are not codes.
    # Placeholders of a template an administrator writes ({{ cliente_nombre }}) are its syntax.
    texto = re.sub(r'\{\{.*?\}\}|\{%.*?%\}', ' ', texto)
    texto = re.sub(r'\S+@\S+|https?://\S+|\S+\.(?:pdf|png|jpg|txt|xlsx|csv|docx)\b', ' ', texto)
    return texto


def _rastrear(client, inicio):
    vistos, pendientes, hallazgos = set(), list(inicio), []
    while pendientes and len(vistos) < MAXIMO:
        url = pendientes.pop(0)
        if url in vistos:
            continue
        vistos.add(url)
        respuesta = client.get(url)
        if respuesta.status_code != 200 or 'text/html' not in respuesta.content_type:
            continue
        lector = Texto()
        lector.feed(respuesta.get_data(as_text=True))
        texto = _legible(' '.join(lector.partes))
        for patron, que in CODIGOS:
            for m in patron.finditer(texto):
                hallazgos.append(f'{url}: {que} «{m.group(0)}» en '
                                 f'«{texto[max(0, m.start() - 40):m.end() + 40].strip()}»')
        for enlace in lector.enlaces:
            destino = urljoin(url, enlace)
            partes = urlsplit(destino)
            if partes.netloc not in ('', 'localhost') or any(s in destino for s in SALTAR):
                continue
            ruta = partes.path + (f'?{partes.query}' if partes.query else '')
            if ruta not in vistos:
                pendientes.append(ruta)
    return hallazgos


@pytest.mark.parametrize('email', [u[0] for u in USUARIOS_DEMO])
def test_ninguna_pagina_muestra_codigos(client, auth, demo, email):
    from reclamos.caso.modelo import Reclamo

    assert auth.login(email, CONTRASENA_DEMO).status_code == 302
    casos = [f'/casos/{r.numero}' for r in Reclamo.select(Reclamo.numero)
             .order_by(Reclamo.id).limit(40)]
    fragmentos = [f'{c}/similares' for c in casos[:5]]
    hallazgos = _rastrear(client, ['/admin/', '/casos/?vista=todos', '/casos/?vista=area',
                                   *casos, *fragmentos])
    assert not hallazgos, '\n'.join(sorted(set(hallazgos))[:60])


def test_historial_en_palabras(client, como, demo, crear_usuario):
    from catalogos.organizacion import Area
    from tests.apoyo.casos import crear_caso
    from tests.vistas.test_caso_pantalla import actuar

    monitoreo = Area.get(Area.codigo == 'MONITOREO')
    caso = crear_caso(crear_usuario('agente', area=monitoreo), motivo='PETICION_INFORMACION')
    como('supervisor', area=monitoreo)
    actuar(client, caso, 'tomar')
    actuar(client, caso, 'prorrogar', termino=str(caso.terminos.where(
        caso.terminos.model.tipo == 'legal').get().id), cantidad='1', motivo='Falta un informe')
    actuar(client, caso, 'terminar', respuesta='Se envió la información')
    html = client.get(f'/casos/{caso.numero}').get_data(as_text=True)
    historial = html.split('id="historial"', 1)[1]
    assert 'Estado: En curso → Terminado' in historial
    assert 'Estado: Pendiente → En curso' in historial
    assert 'Plazo «Petición de información o documentos»' in historial
    assert 'Terminado: — → ' in historial
    assert not re.search(r'\d{4}-\d{2}-\d{2}T', historial)
    assert '10 días hábiles' in html and 'dias' not in html.split('id="terminos"')[1][:3000]
