"""Customers: the list, and the CSV import (all rows or none, errors per line)."""
import io
import re

from reclamos.clientes.modelo import Cliente

CABECERA = 'tipo_documento_identidad;numero_documento;nombre;email;telefono;direccion\n'


def _token(html):
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def subir(client, texto, codificacion='utf-8'):
    token = _token(client.get('/admin/clientes/importar/').get_data(as_text=True))
    return client.post('/admin/clientes/importar/', content_type='multipart/form-data', data={
        'csrf_token': token, 'archivo': (io.BytesIO(texto.encode(codificacion)), 'c.csv')})


def test_importar_y_actualizar(client, como, demo):
    como('admin')
    antes = Cliente.select().count()
    respuesta = subir(client, CABECERA
                      + 'DNI;45678912;Rosa Quispe;rosa@correo.pe;;Av. Lima 123\n'
                      + 'ruc;20123456786;Inversiones Andinas SAC;;01 555 1234;\n')
    assert respuesta.status_code == 200
    assert '2 clientes nuevos, 0 actualizados' in respuesta.get_data(as_text=True)
    assert Cliente.select().count() == antes + 2
    assert Cliente.get(Cliente.numero_documento == '20123456786').tipo_documento_identidad == 'RUC'
    # The same file again with a new e-mail updates instead of duplicating.
    respuesta = subir(client, CABECERA + 'DNI;45.678.912;Rosa Quispe;rosa.q@correo.pe;;\n')
    assert '0 clientes nuevos, 1 actualizados' in respuesta.get_data(as_text=True)
    assert Cliente.get(Cliente.numero_documento == '45678912').email == 'rosa.q@correo.pe'


def test_errores_por_linea_y_nada_importado(client, como, demo):
    como('supervisor')
    antes = Cliente.select().count()
    respuesta = subir(client, CABECERA + 'DNI;45678912;Rosa Quispe;;;\n'
                      + 'DNI;123;Corto;;;\n'
                      + 'XX;45678913;Tipo raro;;;\n'
                      + 'DNI;45678912;Repetido;no-es-correo;;\n')
    html = respuesta.get_data(as_text=True)
    assert respuesta.status_code == 400
    assert re.search(r'<td>3</td><td>numero_documento</td><td>Número de documento '
                     r'\(DNI \(Perú\)\): El DNI tiene 8 dígitos', html)
    assert re.search(r'<td>4</td><td>tipo_documento_identidad</td>', html)
    assert re.search(r'<td>5</td><td>numero_documento</td><td>Documento repetido en el archivo '
                     r'\(ya en la línea 2\)', html)
    assert re.search(r'<td>5</td><td>email</td>', html)
    assert Cliente.select().count() == antes


def test_archivos_malos(client, como, demo):
    como('admin')
    for texto, codificacion, mensaje in [
        ('nombre;email\nX;y@z.pe\n', 'utf-8', 'Faltan columnas'),
        (CABECERA + 'DNI;45678912;Ñandú SAC;;;\n', 'latin-1', 'UTF-8'),
        (CABECERA, 'utf-8', 'no tiene filas'),
    ]:
        respuesta = subir(client, texto, codificacion)
        assert respuesta.status_code == 400 and mensaje in respuesta.get_data(as_text=True)


def test_roles(client, como, demo):
    como('agente')
    assert client.get('/admin/clientes/').status_code == 200
    assert client.get('/admin/clientes/importar/').status_code == 403
    assert client.post('/admin/clientes/importar/', data={}).status_code == 403


def test_comando_importar_clientes(runner, demo, tmp_path):
    archivo = tmp_path / 'clientes.csv'
    archivo.write_text(CABECERA + 'CC;1020304050;Andrea Gómez;;;\n', encoding='utf-8')
    resultado = runner.invoke(args=['importar-clientes', str(archivo)])
    assert resultado.exit_code == 0, resultado.output
    assert Cliente.select().where(Cliente.numero_documento == '1020304050').count() == 1
    archivo.write_text(CABECERA + 'CC;12;Andrea;;;\n', encoding='utf-8')
    resultado = runner.invoke(args=['importar-clientes', str(archivo)])
    assert resultado.exit_code == 2 and 'Línea 2, numero_documento' in resultado.output
