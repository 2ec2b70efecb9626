"""What the customer receives: the acknowledgment with the number and the answer date (which
meets the virtual channel's first answer once the SMTP server accepts it), and the message
when the case is resolved."""

from catalogos.alertas import PlantillaCorreo
from bd import db
from reclamos.correo.avisos import fecha_es
from reclamos.correo.salida import FALLIDO, Correo, enviar_pendientes
from reclamos.caso.flujo import transicionar
from reclamos.caso.modelo import Reclamo
from reclamos.plazos.modelo import TerminoCaso
from tests.reclamos.conftest import IP, LUNES

SIN_CORREO = {'tipo_documento_identidad': 'DNI', 'numero_documento': '45781236',
              'nombre': 'Rosa Quispe'}


def _termino(caso, tipo):
    return TerminoCaso.get(TerminoCaso.reclamo == caso.id, TerminoCaso.tipo == tipo)


def test_acuse_con_numero_y_fecha_de_respuesta(app, registrar_caso, servidor_smtp):
    caso = registrar_caso()  # channel WEB (24 h first answer), legal OSIPTEL_3 in Lima
    fecha = fecha_es(_termino(caso, 'legal').vence_en, 'America/Lima')
    assert fecha == 'jueves 5 de marzo de 2026, 23:59'
    # Queued is not delivered: the first answer still runs until the server accepts it.
    assert _termino(caso, 'primera_respuesta').cumplido_en is None
    assert enviar_pendientes(app.config)['enviados'] == 1
    aceptado = Correo.get(Correo.reclamo == caso.id).enviado_en
    [mensaje] = servidor_smtp.mensajes
    assert mensaje.sobre == ['rosa@correo.pe']
    assert mensaje['Subject'] == f'Recibimos su caso {caso.numero}'
    cuerpo = mensaje.get_body(('plain',)).get_content()
    assert caso.numero in cuerpo and f'a más tardar el {fecha}' in cuerpo
    # Carrying the date, it is the first answer: met at the instant the server accepted it.
    assert aceptado > LUNES.replace(tzinfo=None)
    assert _termino(caso, 'primera_respuesta').cumplido_en == aceptado


def test_sin_correo_no_hay_acuse_y_la_primera_respuesta_sigue_en_curso(registrar_caso):
    caso = registrar_caso(cliente=SIN_CORREO)
    assert Correo.select().count() == 0
    assert _termino(caso, 'primera_respuesta').cumplido_en is None


def test_acuse_sin_la_fecha_no_cumple_la_primera_respuesta(registrar_caso):
    with db.atomic():
        (PlantillaCorreo.update(cuerpo='Recibimos su caso {{ numero }}.')
         .where(PlantillaCorreo.codigo == 'ACUSE_RECIBO').execute())
    caso = registrar_caso()
    assert Correo.get().cuerpo == f'Recibimos su caso {caso.numero}.'
    assert _termino(caso, 'primera_respuesta').cumplido_en is None


def test_direccion_que_el_servidor_rechaza(app, registrar_caso, servidor_smtp):
    caso = registrar_caso(cliente={**SIN_CORREO, 'email': 'rosa@rechaza.pe'})
    assert enviar_pendientes(app.config)['fallidos'] == 1
    fila = Correo.get(Correo.reclamo == caso.id)
    assert fila.estado == FALLIDO and 'rechazado' in fila.error
    assert servidor_smtp.mensajes == []


def test_aviso_de_caso_resuelto(app, registrar_caso, actores, servidor_smtp):
    caso = registrar_caso()
    caso = transicionar(caso, 'tomar', actores.agente, IP, caso.version, LUNES)
    transicionar(caso, 'terminar', actores.agente, IP, caso.version, LUNES,
                 respuesta='Se reemplazó el módem y el servicio volvió.', resultado='fundado')
    enviar_pendientes(app.config)
    resuelto = [m for m in servidor_smtp.mensajes if 'resuelto' in m['Subject']]
    assert [(m.sobre, m['Subject']) for m in resuelto] == [
        (['rosa@correo.pe'], f'Su caso {caso.numero} fue resuelto')]
    cuerpo = resuelto[0].get_body(('plain',)).get_content()
    # The answer and its outcome in the regulator's words (the survey link in the same
    # message: tests/vistas/test_portal_encuesta.py).
    assert 'Se reemplazó el módem' in cuerpo
    resultado = Reclamo.get_by_id(caso.id).resultado.nombre
    assert f'Resultado de su caso: {resultado}.' in cuerpo


def test_plantilla_con_marcador_desconocido_se_rechaza(config):
    plantilla = PlantillaCorreo.get(PlantillaCorreo.codigo == 'ACUSE_RECIBO')
    plantilla.cuerpo = 'Estimado {{ nombre_cliente }}: su caso {{ numero }}.'
    errores = plantilla.errores()
    assert 'Marcador desconocido: nombre_cliente' in errores['cuerpo']
    assert 'fecha_respuesta' in errores['cuerpo']  # the message lists what is available
    plantilla.cuerpo, plantilla.codigo = 'Caso {{ numero }}', 'OTRA'
    assert 'Código de plantilla desconocido' in plantilla.errores()['codigo']
