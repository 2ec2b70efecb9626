"""The outbox against a real SMTP server on loopback: delivered once, retried after an outage,
a refused address kept as failed with the reason, templates strict and sandboxed."""
import datetime
import threading

import pytest

from bd import db
from reclamos.correo.salida import (ENVIADO, FALLIDO, PENDIENTE, Correo, encolar,
                             enviar_pendientes)
from reglas.plantillas import ErrorPlantilla, renderizar, validar
from reclamos.tiempo import ahora_utc


def _encolar(*args, **kwargs):
    with db.atomic():
        return encolar(*args, **kwargs)


def test_envia_con_adjunto_y_una_sola_vez(app, servidor_smtp):
    with app.app_context():
        _encolar('ana@cliente.pe', 'Su caso R-1', 'Le responderemos antes del 5 de diciembre.',
                 adjuntos=[('carta.pdf', 'application/pdf', b'%PDF-1.4 prueba')])
        assert enviar_pendientes(app.config) == {'enviados': 1, 'fallidos': 0, 'reintentar': 0}
        assert enviar_pendientes(app.config)['enviados'] == 0
        fila = Correo.get()
        assert (fila.estado, fila.intentos) == (ENVIADO, 1)
    [mensaje] = servidor_smtp.mensajes
    assert mensaje.sobre == ['ana@cliente.pe']
    assert mensaje['Subject'] == 'Su caso R-1'
    assert '5 de diciembre' in mensaje.get_body(('plain',)).get_content()
    [adjunto] = list(mensaje.iter_attachments())
    assert (adjunto.get_filename(), adjunto.get_content()) == ('carta.pdf', b'%PDF-1.4 prueba')


def test_la_misma_clave_no_se_encola_dos_veces(app):
    with app.app_context():
        assert _encolar('a@b.pe', 'x', 'y', clave='acuse:1') is not None
        assert _encolar('a@b.pe', 'x', 'y', clave='acuse:1') is None
        assert Correo.select().count() == 1


def test_servidor_caido_deja_pendiente_y_luego_envia(app, servidor_smtp):
    servidor_smtp.detener()
    with app.app_context():
        _encolar('ana@cliente.pe', 'Asunto', 'Texto')
        assert enviar_pendientes(app.config)['reintentar'] == 1
        fila = Correo.get()
        assert fila.estado == PENDIENTE and fila.intentos == 1
        assert 'Connection' in fila.error or 'refused' in fila.error.lower()
        # Not due again before the back-off, due after it.
        assert enviar_pendientes(app.config)['enviados'] == 0
        servidor_smtp.iniciar()
        despues = ahora_utc() + datetime.timedelta(minutes=2)
        assert enviar_pendientes(app.config, ahora=despues)['enviados'] == 1
    assert len(servidor_smtp.mensajes) == 1


def test_destinatario_rechazado_o_invalido_queda_fallido(app, servidor_smtp):
    with app.app_context():
        _encolar('nadie@rechaza.pe', 'Asunto', 'Texto')
        invalido = _encolar('no es un correo', 'Asunto', 'Texto')
        assert invalido.estado == FALLIDO and 'no válida' in invalido.error
        assert enviar_pendientes(app.config)['fallidos'] == 1
        rechazado = Correo.get(Correo.destinatario == 'nadie@rechaza.pe')
        assert rechazado.estado == FALLIDO and 'rechazado' in rechazado.error
    assert servidor_smtp.mensajes == []


def test_dos_envios_a_la_vez_no_duplican(app, servidor_smtp):
    with app.app_context():
        for i in range(20):
            _encolar(f'c{i}@cliente.pe', f'Caso {i}', 'Texto')

    def enviar():
        with app.app_context(), db.connection_context():
            enviar_pendientes(app.config)

    hilos = [threading.Thread(target=enviar) for _ in range(2)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join(60)
    destinatarios = sorted(m.sobre[0] for m in servidor_smtp.mensajes)
    assert destinatarios == sorted(f'c{i}@cliente.pe' for i in range(20))


def test_cli_enviar_correos(app, runner, servidor_smtp):
    with app.app_context():
        _encolar('ana@cliente.pe', 'Asunto', 'Texto')
    resultado = runner.invoke(args=['enviar-correos'])
    assert resultado.exit_code == 0 and 'Enviados 1' in resultado.output
    app.config['RECLAMOS_SMTP_SERVIDOR'] = ''
    resultado = runner.invoke(args=['enviar-correos'])
    assert resultado.exit_code == 2 and 'RECLAMOS_SMTP_SERVIDOR' in resultado.output


@pytest.mark.parametrize('texto, error', [
    ('Estimado {{ nombre_cliente }}', 'Marcador desconocido: nombre_cliente'),
    ('{{ numero.__class__.__mro__ }}', 'no permitido'),
    ('{% for x in %}', 'sintaxis'),
])
def test_plantilla_con_error_claro(texto, error):
    assert error in validar(texto, {'numero': 'R-1', 'cliente': 'Ana'})
    with pytest.raises(ErrorPlantilla):
        renderizar(texto, {'numero': 'R-1'})


def test_plantilla_valida():
    assert renderizar('Caso {{ numero }} de {{ cliente }}', {'numero': 'R-1', 'cliente': 'Ana'}) \
        == 'Caso R-1 de Ana'
