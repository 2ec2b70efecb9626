"""Document storage in a folder or in the database (RECLAMOS_ADJUNTOS_EN): the same behaviour
through the screens and services in both, what each keeps on a refusal or a rollback, and a
clear stop at start for an unknown setting."""
import hashlib
import io

import pytest

from catalogos.organizacion import Area
from reclamos.caso.almacen import ArchivoAdjunto, de_config
from reclamos.caso.documentos import Documento, adjuntar
from reclamos.caso.nucleo import transaccion
from tests.apoyo.casos import crear_caso
from tests.vistas.test_documentos import PDF, subir

OTRO_PDF = PDF + b'% otra factura\n'


@pytest.fixture(params=['carpeta', 'bd'])
def modo(request, app):
    app.config['RECLAMOS_ADJUNTOS_EN'] = request.param
    return request.param


@pytest.fixture
def caso(demo, crear_usuario):
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    return crear_caso(registrador, motivo='CORTE_ENERGIA')


@pytest.fixture
def agente(como):
    return como('agente', area=Area.get(Area.codigo == 'MONITOREO'))


def archivos_en_carpeta(app):
    carpeta = de_config(app.config).carpeta
    return sorted(p.name for p in carpeta.rglob('*') if p.is_file()) if carpeta.exists() else []


def guardados(app):
    """The contents kept by the storage in use, by hash."""
    if app.config['RECLAMOS_ADJUNTOS_EN'] == 'bd':
        return sorted(a.sha256 for a in ArchivoAdjunto.select(ArchivoAdjunto.sha256))
    return archivos_en_carpeta(app)


def test_subir_y_descargar(app, client, modo, caso, agente):
    assert subir(client, caso).status_code == 302
    documento = Documento.get(Documento.reclamo == caso.id)
    assert guardados(app) == [hashlib.sha256(PDF).hexdigest()]
    if modo == 'bd':
        assert archivos_en_carpeta(app) == []  # nothing on disk: no shared volume needed
        assert ArchivoAdjunto.get_by_id(documento.sha256).tamano == len(PDF)
    descarga = client.get(f'/casos/{caso.numero}/documentos/{documento.id}')
    assert descarga.status_code == 200 and descarga.data == PDF
    assert descarga.headers['Content-Type'] == 'application/pdf'
    assert descarga.headers['Content-Disposition'] == 'attachment; filename=factura.pdf'
    assert descarga.headers['X-Content-Type-Options'] == 'nosniff'
    assert descarga.headers['Content-Length'] == str(len(PDF))
    # The hash is the ETag: a client holding the file gets 304 without the bytes.
    repetida = client.get(f'/casos/{caso.numero}/documentos/{documento.id}',
                          headers={'If-None-Match': f'"{documento.sha256}"'})
    assert repetida.status_code == 304 and repetida.data == b''


def test_bytes_identicos_se_guardan_una_vez(app, client, modo, caso, agente):
    assert subir(client, caso).status_code == 302
    assert subir(client, caso, nombre='copia.pdf').status_code == 302
    assert subir(client, caso, contenido=OTRO_PDF, nombre='otra.pdf').status_code == 302
    documentos = Documento.select().where(Documento.reclamo == caso.id)
    assert sorted(d.nombre for d in documentos) == ['copia.pdf', 'factura.pdf', 'otra.pdf']
    assert guardados(app) == sorted(hashlib.sha256(c).hexdigest() for c in (PDF, OTRO_PDF))
    for documento in documentos:
        descarga = client.get(f'/casos/{caso.numero}/documentos/{documento.id}')
        assert descarga.data == (OTRO_PDF if documento.nombre == 'otra.pdf' else PDF)


@pytest.mark.parametrize('contenido, nombre, mensaje', [
    (b'MZ\x90\x00\x03' + b'x' * 5000, 'factura.pdf', 'no corresponde'),
    (b'#!/bin/sh\nrm -rf /', 'script.sh', 'no permitido'),
    (PDF + b'0' * 2048, 'grande.pdf', 'supera el máximo'),
])
def test_rechazada_no_deja_nada_en_la_bd(app, client, modo, caso, agente, contenido, nombre,
                                         mensaje):
    app.config['RECLAMOS_ADJUNTO_MAX'] = 1024 if nombre == 'grande.pdf' else 10 * 1024 * 1024
    respuesta = subir(client, caso, contenido=contenido, nombre=nombre)
    assert respuesta.status_code == 400 and mensaje in respuesta.get_data(as_text=True)
    assert not Documento.select().where(Documento.reclamo == caso.id).exists()
    assert ArchivoAdjunto.select().count() == 0
    # Checked in a temporary file and never moved into the store (issue 15, F4).
    assert archivos_en_carpeta(app) == []


def test_barrido_quita_lo_que_ningun_documento_nombra(app, client, runner, modo, caso,
                                                     agente, crear_usuario):
    """A transaction that failed after the move leaves a file in a folder: the sweep."""
    assert subir(client, caso).status_code == 302  # kept: a document names it
    otro = crear_usuario('agente', area=agente.area)
    with pytest.raises(RuntimeError):
        with transaccion():
            adjuntar(caso, 'recibido', otro, '1.2.3.4', de_config(app.config), 1 << 20,
                     flujo=io.BytesIO(OTRO_PDF), nombre='x.pdf')
            raise RuntimeError('falla después de adjuntar')
    carpeta = de_config(app.config).carpeta
    carpeta.mkdir(parents=True, exist_ok=True)
    (carpeta / '.subida-abandonada').write_bytes(b'x')
    assert runner.invoke(args=['barrer-adjuntos']).output.endswith(': 0.\n')  # too recent
    resultado = runner.invoke(args=['barrer-adjuntos', '--minutos', '0'])
    assert resultado.exit_code == 0, resultado.output
    assert guardados(app) == [hashlib.sha256(PDF).hexdigest()]
    assert not (carpeta / '.subida-abandonada').exists() or modo == 'bd'
    documento = Documento.get(Documento.reclamo == caso.id)
    assert client.get(f'/casos/{caso.numero}/documentos/{documento.id}').data == PDF


def test_transaccion_fallida_no_deja_blob(app, modo, caso, crear_usuario):
    """The service that attaches and then fails (e.g. the letter's mail) rolls back both."""
    agente = crear_usuario('agente', area=Area.get(Area.codigo == 'MONITOREO'))
    with pytest.raises(RuntimeError):
        with transaccion():
            adjuntar(caso, 'recibido', agente, '127.0.0.1', de_config(app.config), 1 << 20,
                     flujo=io.BytesIO(PDF), nombre='f.pdf', descripcion='Factura')
            assert Documento.select().where(Documento.reclamo == caso.id).exists()
            raise RuntimeError('falla después de adjuntar')
    assert not Documento.select().where(Documento.reclamo == caso.id).exists()
    assert ArchivoAdjunto.select().count() == 0
    if modo == 'bd':
        assert archivos_en_carpeta(app) == []


def test_leer_y_abrir_lo_que_falta(app, modo):
    almacen = de_config(app.config)
    assert almacen.leer('0' * 64) is None and almacen.abrir('0' * 64) is None
    with transaccion():
        digest, tamano, cabecera = almacen.guardar(io.BytesIO(PDF * 2000), 1 << 20)
    assert (digest, tamano) == (hashlib.sha256(PDF * 2000).hexdigest(), len(PDF) * 2000)
    assert cabecera == (PDF * 2000)[:2048]
    assert almacen.leer(digest) == PDF * 2000
    with almacen.abrir(digest) as archivo:
        assert archivo.read(4) == b'%PDF'


def test_archivo_perdido_responde_410(app, client, modo, caso, agente):
    subir(client, caso)
    documento = Documento.get(Documento.reclamo == caso.id)
    if modo == 'bd':
        ArchivoAdjunto.delete().execute()
    else:
        for archivo in de_config(app.config).carpeta.rglob(documento.sha256):
            archivo.unlink()
    assert client.get(f'/casos/{caso.numero}/documentos/{documento.id}').status_code == 410


@pytest.mark.parametrize('valor', ['nube', 'BD ', ''])
def test_valor_de_configuracion(url_bd, tmp_path, monkeypatch, valor):
    from admin_app import create_app
    from tests.conftest import CONFIG_PRUEBA

    monkeypatch.setenv('RECLAMOS_INSTANCE', str(tmp_path))
    monkeypatch.setenv('RECLAMOS_ADJUNTOS_EN', valor)
    if valor == 'nube':
        with pytest.raises(ValueError, match='RECLAMOS_ADJUNTOS_EN: valor desconocido «nube»'):
            create_app({**CONFIG_PRUEBA, 'DATABASE_URL': url_bd})
    else:
        aplicacion = create_app({**CONFIG_PRUEBA, 'DATABASE_URL': url_bd})
        assert aplicacion.config['RECLAMOS_ADJUNTOS_EN'] == ('bd' if valor else 'carpeta')


def test_adjuntos_a_bd_copia_lo_de_la_carpeta(app, client, runner, caso, agente):
    """Switching an installation to the database keeps its documents (CLI copy)."""
    app.config['RECLAMOS_ADJUNTOS_EN'] = 'carpeta'
    subir(client, caso)
    subir(client, caso, contenido=OTRO_PDF, nombre='otra.pdf')
    subir(client, caso, contenido=None, tipo='solicitado', descripcion='Copia del DNI')
    perdido, alterado = (Documento.get(Documento.nombre == n) for n in ('factura.pdf',
                                                                       'otra.pdf'))
    carpeta = de_config(app.config).carpeta
    assert subir(client, caso, contenido=PDF + b'%3\n', nombre='tercera.pdf').status_code == 302
    next(carpeta.rglob(perdido.sha256)).unlink()
    next(carpeta.rglob(alterado.sha256)).write_bytes(b'%PDF-1.4 cambiado')

    resultado = runner.invoke(args=['adjuntos-a-bd'])
    assert resultado.exit_code == 1
    assert 'Copiados: 1; ya estaban: 0; faltan en la carpeta: 1; alterados (no copiados): 1.' \
        in resultado.output
    assert runner.invoke(args=['adjuntos-a-bd']).output.startswith('Copiados: 0; ya estaban: 1;')
    app.config['RECLAMOS_ADJUNTOS_EN'] = 'bd'
    tercera = Documento.get(Documento.nombre == 'tercera.pdf')
    descarga = client.get(f'/casos/{caso.numero}/documentos/{tercera.id}')
    assert descarga.status_code == 200 and descarga.data == PDF + b'%3\n'
    assert client.get(f'/casos/{caso.numero}/documentos/{alterado.id}').status_code == 410


def test_respaldo_lleva_los_archivos_en_modo_bd(app, client, runner, caso, agente, tmp_path):
    app.config['RECLAMOS_ADJUNTOS_EN'] = 'bd'
    subir(client, caso)
    documento = Documento.get(Documento.reclamo == caso.id)
    url = f'/casos/{caso.numero}/documentos/{documento.id}'
    archivo = tmp_path / 'respaldo.bak'
    assert runner.invoke(args=['respaldar', str(archivo)]).exit_code == 0
    ArchivoAdjunto.delete().execute()
    assert client.get(url).status_code == 410
    resultado = runner.invoke(args=['restaurar', str(archivo), '--si'])
    assert resultado.exit_code == 0, resultado.output
    descarga = client.get(url)
    assert descarga.status_code == 200 and descarga.data == PDF
