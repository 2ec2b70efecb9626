"""Read a form's current values from HTML, as a browser would submit them unchanged."""
from html.parser import HTMLParser

from werkzeug.datastructures import MultiDict


class _Lector(HTMLParser):
    def __init__(self, accion):
        super().__init__(convert_charrefs=True)
        self.accion = accion
        self.dentro = False
        self.valores = []
        self._select = None
        self._opcion = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'form':
            self.dentro = self.accion is None or a.get('action') == self.accion
            return
        if not self.dentro or 'disabled' in a:
            return
        nombre = a.get('name')
        if tag == 'input' and nombre:
            tipo = a.get('type', 'text')
            if tipo in ('checkbox', 'radio'):
                if 'checked' in a:
                    self.valores.append((nombre, a.get('value', 'y')))
            elif tipo not in ('submit', 'button', 'file'):
                self.valores.append((nombre, a.get('value', '')))
        elif tag == 'select' and nombre:
            self._select = [nombre, None, None]  # name, first option, selected option
        elif tag == 'option' and self._select is not None:
            valor = a.get('value', '')
            self._select[1] = valor if self._select[1] is None else self._select[1]
            if 'selected' in a:
                self.valores.append((self._select[0], valor))
                self._select[2] = valor
        elif tag == 'textarea' and nombre:
            self._textarea = [nombre, '']

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == 'form':
            self.dentro = False
        elif tag == 'select' and self._select is not None:
            nombre, primera, elegida = self._select
            if elegida is None and primera is not None:
                self.valores.append((nombre, primera))
            self._select = None
        elif tag == 'textarea' and self._textarea is not None:
            self.valores.append((self._textarea[0], self._textarea[1].lstrip('\n')))
            self._textarea = None


def valores_formulario(html, accion=''):
    """MultiDict of the form whose action is ``accion`` ('' = the page's own URL)."""
    lector = _Lector(accion)
    lector.feed(html)
    return MultiDict(lector.valores)
