"""Issue 15, F6: one bad message never stops the outbox, and a subject is one line.

Against the real SMTP server on loopback: a row whose subject carries CR/LF (stored before
subjects were checked, or written by hand) fails alone with its reason; the messages queued
before and after it are delivered in the same round and none stays «enviando».
"""
from bd import db
from catalogos.alertas import PlantillaCorreo
from reclamos.correo.salida import ENVIADO, ENVIANDO, FALLIDO, Correo, encolar, enviar_pendientes
from reclamos.portal.cartas import PlantillaCarta
from reglas.cabeceras import error_cabecera, una_linea


def test_un_mensaje_malo_falla_solo_y_la_ronda_sigue(app, servidor_smtp):
    with app.app_context(), db.atomic():
        encolar('ana@cliente.pe', 'Primero', 'Texto 1')
        malo = Correo.create(destinatario='luis@cliente.pe', asunto='Hola\r\nBcc: x@malo.pe',
                             cuerpo='Texto 2')
        encolar('eva@cliente.pe', 'Tercero', 'Texto 3')
    with app.app_context():
        resumen = enviar_pendientes(app.config)
        assert resumen == {'enviados': 2, 'fallidos': 1, 'reintentar': 0}
        fila = Correo.get_by_id(malo.id)
        assert fila.estado == FALLIDO and 'Mensaje inválido' in fila.error
        assert not Correo.select().where(Correo.estado == ENVIANDO).exists()
        assert Correo.select().where(Correo.estado == ENVIADO).count() == 2
    assert sorted(m['Subject'] for m in servidor_smtp.mensajes) == ['Primero', 'Tercero']
    assert all('x@malo.pe' not in m.sobre for m in servidor_smtp.mensajes)


def test_asunto_renderizado_queda_en_una_linea(app):
    with app.app_context(), db.atomic():
        fila = encolar('ana@cliente.pe', 'Caso de Rosa\r\nBcc: x@malo.pe', 'Texto')
    assert fila.asunto == 'Caso de Rosa  Bcc: x@malo.pe'
    assert una_linea('a\tb\n') == 'a b'


def test_asuntos_escritos_se_validan_donde_se_escriben():
    assert error_cabecera('Respuesta a su caso') is None
    assert 'una sola línea' in error_cabecera('Respuesta\nBcc: x@malo.pe')
    carta = PlantillaCarta(codigo='X', nombre='X', resultado='favorable',
                           asunto='Caso {{ numero }}\r\nBcc: x@malo.pe', texto='Hola')
    assert 'una sola línea' in carta.errores().get('asunto', '')
    correo = PlantillaCorreo(codigo='ACUSE_RECIBO', nombre='Acuse', asunto='Caso\nBcc: x',
                             cuerpo='Hola')
    assert 'una sola línea' in correo.errores_propios().get('asunto', '')
