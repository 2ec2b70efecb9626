"""Helpers of the portal tests: the public form as a customer fills it."""
import itertools
import re

from tests.conftest import token_csrf

_dni = itertools.count(71000000)


def nuevo_dni():
    return str(next(_dni))


def datos_validos(**cambios):
    datos = {
        'cliente_tipo_documento_identidad': 'DNI', 'cliente_numero_documento': nuevo_dni(),
        'cliente_nombre': 'Rosa Quispe Mamani', 'cliente_email': 'rosa@correo.pe',
        'cliente_telefono': '987 654 321', 'cliente_direccion': 'Av. Arequipa 123, Lima',
        'servicio': 'INTERNET', 'motivo': 'SIN_SERVICIO', 'campo.codigo_abonado': 'AB-0001',
        'descripcion': 'No tengo internet desde ayer; el módem muestra la luz roja.',
        'acepto_datos': 'si',
    }
    datos.update(cambios)
    return {k: v for k, v in datos.items() if v is not None}


def presentar(client, **cambios):
    """GET the form, POST it with its CSRF token; returns the response (not followed)."""
    html = client.get('/portal/').get_data(as_text=True)
    return client.post('/portal/', data={'csrf_token': token_csrf(html),
                                         **datos_validos(**cambios)},
                       content_type='multipart/form-data')


def enlace_de(texto, ruta):
    encontrado = re.search(r'https?://\S+' + re.escape(ruta) + r'[^\s]+', texto)
    assert encontrado, f'no hay enlace {ruta} en: {texto[:300]}'
    return encontrado.group(0)
