"""E-mail intake against a real IMAP server (dovecot on loopback, tests/apoyo/imap.py): messages
are delivered with IMAP APPEND and read by the same code the CLI runs."""
import datetime
import hashlib
import threading
import time

from catalogos.atencion import Canal
from reclamos.caso.acciones import Accion
from reclamos.caso.almacen import de_config
from reclamos.caso.modelo import Reclamo
from reclamos.correo.entrada import leer_buzon
from reclamos.correo.recibido import CorreoEntrante
from reclamos.caso.documentos import Documento
from tests.apoyo.correo import MOTIVO, PDF, PNG, caso_de_rosa, correo, leer_ahora


def test_una_lectura_crea_el_caso_el_comentario_y_aparta_lo_ilegible(correo_app, buzon_imap):
    app = correo_app
    existente = caso_de_rosa(app)
    hace_dos_horas = time.time() - 7200
    buzon_imap.entregar(correo('Rosa Quispe <rosa@correo.pe>', 'Cobro que no reconozco',
                               'Me cobraron dos veces el mes de octubre.',
                               adjuntos=[('recibo.pdf', PDF, 'application/pdf')]),
                        fecha=hace_dos_horas)
    buzon_imap.entregar(correo('rosa@correo.pe', f'Re: Su caso {existente.numero} registrado',
                               'Adjunto la foto del medidor que me pidieron.',
                               adjuntos=[('medidor.png', PNG, 'image/png')]))
    buzon_imap.entregar(b'Subject: sin remitente\r\nX-Basura: \xff\xfe\r\n\r\n\x00\x01 nada\r\n')
    buzon_imap.entregar(correo('rosa@correo.pe', 'Fotos enormes', 'x' * 200_000))

    with app.app_context():
        por_correo = Reclamo.select().join(Canal).where(Canal.codigo == 'CORREO')
        antes = por_correo.count()

    resumen = leer_ahora(app)

    assert (resumen.casos, resumen.comentarios, resumen.apartados) == (1, 1, 2)
    with app.app_context():
        assert por_correo.count() == antes + 1
        nuevo = CorreoEntrante.get(CorreoEntrante.resultado == 'caso').reclamo
        assert 'Me cobraron dos veces el mes de octubre.' in nuevo.descripcion
        assert nuevo.canal.codigo == 'CORREO' and nuevo.motivo.codigo == MOTIVO
        assert nuevo.area.codigo == 'MONITOREO'
        assert nuevo.cliente_id == existente.cliente_id  # matched by address, any case
        assert 'Asunto: Cobro que no reconozco' in nuevo.descripcion
        # The legal term runs from when the mailbox received it, not from the poll.
        assert abs(nuevo.recibido_en - datetime.datetime.utcfromtimestamp(hace_dos_horas)) \
            < datetime.timedelta(seconds=2)
        (documento,) = Documento.select().where(Documento.reclamo == nuevo.id)
        assert (documento.nombre, documento.mime, documento.tipo) == \
            ('recibo.pdf', 'application/pdf', 'recibido')
        assert de_config(app.config).leer(documento.sha256) == PDF
        assert hashlib.sha256(PDF).hexdigest() == documento.sha256

        comentario = (Accion.select().where(Accion.reclamo == existente.id,
                                            Accion.tipo == 'comentario').get())
        assert comentario.visible_cliente and comentario.usuario_id is None
        assert 'foto del medidor' in comentario.texto
        assert [d.nombre for d in Documento.select().where(Documento.reclamo == existente.id)] \
            == ['medidor.png']

        apartados = {c.asunto: c for c in CorreoEntrante.select()
                     .where(CorreoEntrante.resultado == 'apartado')}
        assert set(apartados) == {'sin remitente', 'Fotos enormes'}
        assert 'remitente' in apartados['sin remitente'].razon
        assert 'MB' in apartados['Fotos enormes'].razon
        assert apartados['Fotos enormes'].remitente == 'rosa@correo.pe'
        assert apartados['Fotos enormes'].tamano > 200_000
        assert CorreoEntrante.select().count() == 4
    assert len(buzon_imap.mensajes('INBOX')) == 0
    assert len(buzon_imap.mensajes('Procesados')) == 2
    apartados_imap = buzon_imap.mensajes('Apartados')
    assert len(apartados_imap) == 2 and any(b'Fotos enormes' in m for m in apartados_imap)

    with app.app_context():
        casos_antes, acciones_antes = Reclamo.select().count(), Accion.select().count()
    otra = leer_ahora(app)
    assert (otra.casos, otra.comentarios, otra.apartados, otra.repetidos) == (0, 0, 0, 0)
    with app.app_context():
        assert CorreoEntrante.select().count() == 4
        assert (Reclamo.select().count(), Accion.select().count()) == \
            (casos_antes, acciones_antes)


def test_un_mensaje_que_sigue_en_el_buzon_no_se_toma_dos_veces(correo_app, buzon_imap):
    """A poll that recorded a message but crashed before moving it: the next one only moves
    it (the same bytes are copied back into the inbox to stand for the unmoved message)."""
    buzon_imap.entregar(correo('luis@correo.pe', 'Sin agua', 'No llega el agua.'))
    assert leer_ahora(correo_app).casos == 1
    (crudo,) = buzon_imap.mensajes('Procesados')
    buzon_imap.entregar(crudo)
    segunda = leer_ahora(correo_app)
    assert (segunda.casos, segunda.repetidos) == (0, 1)
    # Recorded a moment ago: a poller running alongside may be moving it; leave it.
    assert len(buzon_imap.mensajes('INBOX')) == 1
    with correo_app.app_context():
        registro = CorreoEntrante.get()
        registro.procesado_en -= datetime.timedelta(minutes=5)
        registro.save()
    tercera = leer_ahora(correo_app)
    assert (tercera.casos, tercera.repetidos) == (0, 1)
    assert buzon_imap.mensajes('INBOX') == []
    assert len(buzon_imap.mensajes('Procesados')) == 2
    with correo_app.app_context():
        assert Reclamo.select().where(Reclamo.descripcion.contains('No llega el agua')).count() \
            == 1


def test_html_remitente_desconocido_y_extrano_que_responde(correo_app, buzon_imap):
    app = correo_app
    existente = caso_de_rosa(app)
    buzon_imap.entregar(correo(
        'Desconocido <nuevo@otro.pe>', 'Reclamo',
        html='<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>'
             '<p>Mi <b>medidor</b> está roto &amp; gotea</p><img src="cid:x"></body></html>',
        adjuntos=[('programa.exe', b'MZ\x90\x00binario', 'application/octet-stream')]))
    buzon_imap.entregar(correo('extrano@otro.pe', f'Caso {existente.numero}', 'Hola'))

    resumen = leer_ahora(app)

    assert (resumen.casos, resumen.comentarios, resumen.apartados) == (1, 1, 0)
    with app.app_context():
        nuevo = CorreoEntrante.get(CorreoEntrante.resultado == 'caso').reclamo
        assert nuevo.cliente_id is None and nuevo.origen == 'externo'
        assert 'Mi medidor está roto & gotea' in nuevo.descripcion
        for marca in ('<p>', '<b>', '<img', 'alert', 'color'):
            assert marca not in nuevo.descripcion
        assert not Documento.select().where(Documento.reclamo == nuevo.id).exists()
        nota = Accion.select().where(Accion.reclamo == nuevo.id, Accion.tipo == 'documento').get()
        assert 'programa.exe' in nota.texto and 'no permitido' in nota.texto
        comentario = Accion.select().where(Accion.reclamo == existente.id,
                                           Accion.tipo == 'comentario').get()
        assert not comentario.visible_cliente and 'no es el cliente' in comentario.texto

    # The unknown sender's own reply is theirs to see.
    buzon_imap.entregar(correo('nuevo@otro.pe', f'RE: {nuevo.numero}', 'Ya pasó una semana'))
    assert leer_ahora(app).comentarios == 1
    with app.app_context():
        respuesta = Accion.select().where(Accion.reclamo == nuevo.id,
                                          Accion.tipo == 'comentario').get()
        assert respuesta.visible_cliente


def test_dos_lecturas_a_la_vez_toman_cada_mensaje_una_vez(correo_app, buzon_imap):
    for i in range(6):
        buzon_imap.entregar(correo(f'cliente{i}@correo.pe', f'Consulta {i}', f'Texto único {i}'))
    config = dict(correo_app.config)
    resumenes, errores = [], []
    inicio = threading.Barrier(2)

    def sondear():
        try:
            inicio.wait()
            resumenes.append(leer_buzon(config))
        except Exception as error:  # noqa: BLE001 - reported below
            errores.append(error)

    hilos = [threading.Thread(target=sondear) for _ in range(2)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join(60)
    assert not errores, errores
    assert len(resumenes) == 2
    assert sum(r.casos for r in resumenes) == 6
    with correo_app.app_context():
        assert CorreoEntrante.select().count() == 6
        for i in range(6):
            assert Reclamo.select().where(
                Reclamo.descripcion.contains(f'Texto único {i}')).count() == 1
    assert buzon_imap.mensajes('INBOX') == []
    assert len(buzon_imap.mensajes('Procesados')) == 6


def test_cli_lee_e_informa(correo_app, buzon_imap):
    buzon_imap.entregar(correo('ana@correo.pe', 'Consulta', 'Quiero saber mi deuda.'))
    resultado = correo_app.test_cli_runner().invoke(args=['leer-correo'])
    assert resultado.exit_code == 0, resultado.output
    assert 'Casos nuevos: 1. Comentarios: 0. Apartados: 0.' in resultado.output


def test_pantalla_de_correo_entrante_solo_para_admin(app, client, auth, como, crear_usuario):
    with app.app_context():
        CorreoEntrante.create(huella='a' * 64, remitente='x@correo.pe', asunto='Adjunto gigante',
                              resultado='apartado', razon='El mensaje pesa 40.0 MB',
                              tamano=41943040)
    agente = crear_usuario('agente')
    auth.login(agente.email)
    assert client.get('/admin/correo-entrante/').status_code == 403
    auth.logout()
    como('admin')
    pagina = client.get('/admin/correo-entrante/')
    assert pagina.status_code == 200
    html = pagina.get_data(as_text=True)
    assert 'Adjunto gigante' in html and 'El mensaje pesa 40.0 MB' in html
    assert 'Apartado' in html
    assert client.get('/admin/correo-entrante/new/').status_code == 403
    assert client.get('/admin/').status_code == 200
    assert '/admin/correo-entrante/' in client.get('/admin/').get_data(as_text=True)


def test_mensaje_con_nul_y_bytes_invalidos_se_registra(correo_app, buzon_imap):
    mensaje = correo('ana@correo.pe', 'Hola\x00 mundo', 'Texto\x00 con NUL y \x07 campana')
    buzon_imap.entregar(mensaje.as_bytes().replace(b'Hola', b'Ho\xffla'))
    assert leer_ahora(correo_app).casos == 1
    with correo_app.app_context():
        caso = CorreoEntrante.get(CorreoEntrante.resultado == 'caso').reclamo
        # dovecot stores a NUL as byte 0x80: either way the case holds clean text.
        assert ' con NUL y  campana' in caso.descripcion and 'mundo' in caso.descripcion
        assert '\x00' not in caso.descripcion and '\x07' not in caso.descripcion


def test_el_caso_de_correo_se_ve_en_su_pagina(correo_app, buzon_imap, client, como):
    buzon_imap.entregar(correo('Luz <luz@otro.pe>', 'Medidor dañado', 'El medidor gotea.',
                               adjuntos=[('foto.png', PNG, 'image/png')]))
    leer_ahora(correo_app)
    with correo_app.app_context():
        numero = CorreoEntrante.get().reclamo.numero
    como('admin')
    html = client.get(f'/casos/{numero}').get_data(as_text=True)
    assert 'Correo electrónico' in html and 'El medidor gotea.' in html
    assert 'foto.png' in html and 'De: Luz &lt;luz@otro.pe&gt;' in html
    lista = client.get('/admin/correo-entrante/').get_data(as_text=True)
    assert f'/casos/{numero}' in lista and 'Medidor dañado' in lista


def test_un_texto_largo_se_recorta_con_aviso(correo_app, buzon_imap):
    buzon_imap.entregar(correo('ana@correo.pe', 'Historia', 'Empieza así. ' + 'y' * 30_000))
    assert leer_ahora(correo_app).casos == 1
    with correo_app.app_context():
        caso = CorreoEntrante.get().reclamo
        assert len(caso.descripcion) <= 10_000 and 'Empieza así.' in caso.descripcion
        assert caso.descripcion.endswith('queda en la carpeta Procesados del buzón)')
