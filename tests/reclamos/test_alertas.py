"""The escalation sweep against a real database and a real SMTP server on loopback: each level
once per term, at the instant the term reaches it; races, crashes and outages lose nothing and
send nothing twice; the customer's acknowledgment carries the answer date."""
import threading
from datetime import timedelta

import pytest
import time_machine

from bd import db
from catalogos.alertas import NivelEscalamiento
from reclamos.alertas import barrido as alertas
from reclamos.caso.acciones import Accion
from reclamos.alertas.barrido import barrer
from reclamos.correo.avisos import fecha_es
from reclamos.correo.salida import ENVIADO, FALLIDO, PENDIENTE, Correo, enviar_pendientes
from reclamos.caso.flujo import transicionar
from reclamos.alertas.notificaciones import AlertaTermino, Notificacion
from reclamos.correo.digesto import resumen_diario
from reclamos.plazos.modelo import TerminoCaso
from reclamos.tiempo import ahora_utc
from tests.reclamos.conftest import IP, LUNES

MIN = timedelta(minutes=1)


@pytest.fixture(autouse=True)
def _solo_escalamiento(actores):
    """These tests count escalation notices: the staff's own notices (a case assigned to
    them, tests/reclamos/test_avisos_personal.py) are turned off for everyone here."""
    from catalogos.usuarios import Usuario
    from reclamos.alertas.avisos_personal import guardar_preferencias

    for usuario in Usuario.select():
        guardar_preferencias(usuario.id, {})


def _termino(caso, tipo):
    return TerminoCaso.get(TerminoCaso.reclamo == caso.id, TerminoCaso.tipo == tipo)


def _alertas_de(caso):
    return [a.valor_nuevo for a in Accion.de(caso) if a.tipo == 'notificacion'
            and a.campo.startswith('plazo')]


def _correos_de_alerta():
    return list(Correo.select().where(Correo.clave.startswith('alerta:')).order_by(Correo.id))


def test_cada_nivel_una_sola_vez_a_quien_corresponde(app, registrar_caso, actores,
                                                    servidor_smtp):
    caso = registrar_caso()  # SIN_SERVICIO: priority ALTO, 30 minutes from 15:00 UTC
    prioridad = _termino(caso, 'prioridad')
    assert barrer(LUNES)['avisos'] == 0
    # 80 % of 30 minutes is 15:24: not at 15:23, once at 15:25 however often it runs.
    assert barrer(LUNES + 23 * MIN)['avisos'] == 0
    assert barrer(LUNES + 25 * MIN)['avisos'] == 1
    assert barrer(LUNES + 25 * MIN)['avisos'] == 0
    assert barrer(LUNES + 26 * MIN)['avisos'] == 0
    assert [n.usuario_id for n in Notificacion.select()] == [actores.agente.id]
    # 100 % (15:30) reaches the responsible and the area's supervisor; 150 % (15:45) the
    # supervisor and the managers. Later sweeps find nothing new.
    assert barrer(LUNES + 31 * MIN)['avisos'] == 1
    assert barrer(LUNES + 46 * MIN)['avisos'] == 1
    assert barrer(LUNES + 59 * MIN)['avisos'] == 0
    assert _alertas_de(caso) == ['80 %', '100 %', '150 %']
    assert AlertaTermino.select().where(AlertaTermino.termino == prioridad.id).count() == 3
    destinatarios = sorted((n.usuario_id, n.titulo.split(']')[0]) for n in Notificacion.select())
    assert destinatarios == sorted([
        (actores.agente.id, '[Aviso al responsable'), (actores.agente.id, '[Supervisión'),
        (actores.supervisor.id, '[Supervisión'), (actores.supervisor.id, '[Gerencia'),
        (actores.gerente.id, '[Gerencia')])

    assert enviar_pendientes(app.config)['enviados'] == 6  # the ack and 5 alerts
    alertas_smtp = [m for m in servidor_smtp.mensajes if 'plazo al' in m['Subject']]
    assert sorted((m.sobre[0], m['Subject']) for m in alertas_smtp) == sorted([
        (actores.agente.email, f'[Aviso al responsable] Caso {caso.numero}: plazo al 80 %'),
        (actores.agente.email, f'[Supervisión] Caso {caso.numero}: plazo al 100 %'),
        (actores.supervisor.email, f'[Supervisión] Caso {caso.numero}: plazo al 100 %'),
        (actores.supervisor.email, f'[Gerencia] Caso {caso.numero}: plazo al 150 %'),
        (actores.gerente.email, f'[Gerencia] Caso {caso.numero}: plazo al 150 %')])
    vence = fecha_es(prioridad.vence_en, 'America/Lima')  # the case's calendar: Peru
    assert vence == 'lunes 2 de marzo de 2026, 10:30'
    for mensaje in alertas_smtp:
        cuerpo = mensaje.get_body(('plain',)).get_content()
        assert caso.numero in cuerpo and f'Vence: {vence}' in cuerpo


def test_el_tiempo_avanza_con_el_reloj_y_el_comando(app, registrar_caso, actores, runner,
                                                    servidor_smtp):
    with time_machine.travel(LUNES, tick=True) as viaje:
        caso = registrar_caso()
        viaje.move_to(LUNES + 25 * MIN)
        resultado = runner.invoke(args=['barrer-alertas'])
        assert resultado.exit_code == 0, resultado.output
        assert 'alertas 1;' in resultado.output
        assert 'alertas 0;' in runner.invoke(args=['barrer-alertas']).output
    # The command also delivered the outbox: the acknowledgment and the 80 % alert.
    asuntos = sorted(m['Subject'] for m in servidor_smtp.mensajes)
    assert asuntos == [f'Recibimos su caso {caso.numero}',
                       f'[Aviso al responsable] Caso {caso.numero}: plazo al 80 %']


def test_dias_habiles_y_actividad(registrar_caso):
    caso = registrar_caso()
    legal = _termino(caso, 'legal')  # OSIPTEL_3: 3 business days in Lima, due Thu 5 March
    assert fecha_es(legal.vence_en, 'America/Lima') == 'jueves 5 de marzo de 2026, 23:59'
    barrer(LUNES + 119 * MIN)  # the priority's levels and the activity's 80 %
    assert _alertas_de(caso) == ['80 %', '100 %', '150 %', '80 %']
    # 80 % of 3 business days: business day 3 (Thursday) has started, in Lima.
    miercoles_noche = LUNES + timedelta(days=2, hours=13, minutes=59)  # Wed 23:59 Lima
    # The activity's 100 % and 150 %, and the first answer's (24 horas) 80, 100 and 150 %:
    # the acknowledgment was queued but never accepted by a server in this test.
    assert barrer(miercoles_noche)['avisos'] == 5
    assert barrer(miercoles_noche + 2 * MIN)['avisos'] == 1  # Thursday 00:01: the legal 80 %
    assert AlertaTermino.select().where(AlertaTermino.termino == legal.id).count() == 1


def test_dos_barridos_a_la_vez_no_notifican_dos_veces(app, registrar_caso):
    casos = [registrar_caso(descripcion=f'Caída número {i} en otro distrito de la ciudad.')
             for i in range(6)]
    errores = []

    def barrido():
        try:
            with app.app_context(), db.connection_context():
                barrer(LUNES + 3 * 60 * MIN, lote=5)
        except Exception as error:  # noqa: BLE001  (reported below)
            errores.append(error)

    hilos = [threading.Thread(target=barrido) for _ in range(3)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join(120)
    assert errores == []
    # Per case: priority 80/100/150 and activity 80/100/150, each once.
    assert AlertaTermino.select().count() == 6 * len(casos)
    assert all(len(_alertas_de(c)) == 6 for c in casos)
    claves = [c.clave for c in _correos_de_alerta()]
    assert len(claves) == len(set(claves)) == 10 * len(casos)  # 5 e-mails per term


def test_un_barrido_que_falla_a_mitad_no_deja_nada_y_el_siguiente_completa(
        registrar_caso, monkeypatch):
    caso = registrar_caso()
    original = alertas.encolar
    llamadas = []

    def falla_a_la_segunda(*args, **kwargs):
        llamadas.append(args)
        if len(llamadas) == 2:
            raise OSError('el proceso muere aquí')
        return original(*args, **kwargs)

    monkeypatch.setattr(alertas, 'encolar', falla_a_la_segunda)
    with pytest.raises(OSError):
        barrer(LUNES + 46 * MIN)
    # The whole batch rolled back: no level recorded, no notification, no log line, no e-mail.
    assert AlertaTermino.select().count() == 0 and Notificacion.select().count() == 0
    assert _alertas_de(caso) == [] and _correos_de_alerta() == []
    monkeypatch.setattr(alertas, 'encolar', original)
    assert barrer(LUNES + 46 * MIN)['avisos'] == 3
    assert barrer(LUNES + 46 * MIN)['avisos'] == 0
    assert _alertas_de(caso) == ['80 %', '100 %', '150 %']


def test_smtp_caido_deja_las_alertas_pendientes_y_luego_salen(app, registrar_caso,
                                                              servidor_smtp):
    from admin_app.cli.alertas import ciclo

    registrar_caso()
    servidor_smtp.detener()
    with app.app_context():
        resumen = ciclo(app, LUNES + 25 * MIN)
    assert resumen['avisos'] == 1 and resumen['reintentar'] >= 1 and resumen['enviados'] == 0
    assert all(c.estado == PENDIENTE for c in Correo.select())
    assert Notificacion.select().count() == 1  # the in-app notice does not wait for SMTP
    servidor_smtp.iniciar()
    # Sending runs on the real clock: two minutes later the back-off has passed.
    with time_machine.travel(ahora_utc() + 2 * MIN, tick=True), app.app_context():
        resumen = ciclo(app, LUNES + 29 * MIN)
    assert resumen['avisos'] == 0 and resumen['enviados'] == 2
    assert all(c.estado == ENVIADO for c in Correo.select())
    assert len(servidor_smtp.mensajes) == 2


def test_direccion_rechazada_queda_fallida_sin_perder_el_resto(app, registrar_caso, actores,
                                                                servidor_smtp):
    nivel = NivelEscalamiento.get(NivelEscalamiento.codigo == 'POR_VENCER')
    nivel.correos = 'jefatura@empresa.pe, nadie@rechaza.pe'
    assert nivel.errores() == {}
    nivel.save()
    registrar_caso()
    barrer(LUNES + 25 * MIN)
    resumen = enviar_pendientes(app.config)
    assert (resumen['enviados'], resumen['fallidos']) == (3, 1)
    rechazado = Correo.get(Correo.destinatario == 'nadie@rechaza.pe')
    assert rechazado.estado == FALLIDO and 'rechazado' in rechazado.error
    recibidos = sorted(m.sobre[0] for m in servidor_smtp.mensajes if 'plazo' in m['Subject'])
    assert recibidos == sorted([actores.agente.email, 'jefatura@empresa.pe'])
    # The alert itself is not lost: recorded, in the app and in the case's log.
    assert AlertaTermino.select().count() == 1 and Notificacion.select().count() == 1


@pytest.mark.parametrize('cambios, campo, mensaje', [
    ({'porcentaje': 80}, 'porcentaje', 'Ya hay un nivel al 80 %'),
    ({'orden': 2, 'porcentaje': 120}, 'orden', 'Ya hay un nivel 2'),
    ({'orden': 4, 'porcentaje': 90}, 'porcentaje', 'fuera de orden'),
    ({'orden': 0}, 'orden', 'desde 1'),
    ({'porcentaje': 0}, 'porcentaje', 'entre 1 y 1000'),
    ({'correos': 'jefe@empresa.pe, no es correo', 'por_correo': True}, 'correos',
     '«no»'),
    ({'correos': 'jefe@empresa.pe', 'por_correo': False}, 'por_correo', 'solo reciben correo'),
    ({'al_responsable': False}, 'al_responsable', 'a quién'),
    ({'en_app': False, 'por_correo': False}, 'en_app', 'por qué medio'),
])
def test_niveles_invalidos(config, cambios, campo, mensaje):
    datos = {'codigo': 'NUEVO', 'nombre': 'Nuevo', 'orden': 5, 'porcentaje': 300,
             'al_responsable': True, 'en_app': True, **cambios}
    errores = NivelEscalamiento(**datos).errores()
    assert mensaje in errores.get(campo, ''), errores
    # An area's own scope does not clash with the global levels.
    from catalogos.organizacion import Area
    area = Area.get(Area.codigo == 'VENTAS')
    if campo in ('orden', 'porcentaje') and 'entre' not in mensaje and 'desde' not in mensaje:
        assert NivelEscalamiento(**datos, area=area).errores() == {}


def test_un_nivel_nuevo_alcanza_a_los_plazos_ya_programados(registrar_caso):
    caso = registrar_caso()
    assert barrer(LUNES + 46 * MIN)['avisos'] == 3  # the priority's last level: nothing left
    assert _termino(caso, 'prioridad').alerta_en is None
    nivel = NivelEscalamiento(codigo='CRITICO', nombre='Crítico', orden=4, porcentaje=200,
                              a_gerentes=True, en_app=True)
    assert nivel.errores() == {}
    with db.atomic():
        nivel.save()
    assert barrer(LUNES + 59 * MIN)['avisos'] == 0
    assert barrer(LUNES + 60 * MIN)['avisos'] == 1  # 200 % of the priority's 30 minutes
    assert _alertas_de(caso) == ['80 %', '100 %', '150 %', '200 %']


def test_suspendido_no_alerta_y_al_reanudar_si(registrar_caso, actores):
    caso = registrar_caso()
    caso = transicionar(caso, 'suspender', actores.agente, IP, caso.version, LUNES + MIN,
                        motivo='Esperamos la foto del módem.')
    assert barrer(LUNES + 3 * 60 * MIN)['avisos'] == 0
    reanudado = LUNES + 3 * 60 * MIN
    transicionar(caso, 'reanudar', actores.agente, IP, caso.version, reanudado)
    # The priority's 29 minutes left resume: due at +29 min. Like the SLA light (paused time
    # counts in the share's both parts), after a long pause 80 % is already reached.
    assert barrer(reanudado)['avisos'] == 1
    assert barrer(reanudado + 28 * MIN)['avisos'] == 0
    assert barrer(reanudado + 29 * MIN)['avisos'] == 1
    assert _alertas_de(caso) == ['80 %', '100 %']


def test_resumen_diario_una_vez_por_dia_y_por_area(registrar_caso, actores):
    from tests.apoyo.casos import crear_caso

    caso = registrar_caso()
    soporte = crear_caso(actores.registrador, recibido_en=LUNES)  # LENTITUD: SOPORTE_TECNICO
    tarde = LUNES + timedelta(hours=26)  # both overdue (30 minutes; MEDIO, 1 day)
    # MONITOREO's supervisor, SOPORTE_TECNICO's, and the manager (every area).
    assert resumen_diario(tarde, 'America/Lima') == 3
    assert resumen_diario(tarde + 60 * MIN, 'America/Lima') == 0
    por_usuario = {n.usuario_id: n.texto for n in Notificacion.select()}
    assert set(por_usuario) == {actores.supervisor.id, actores.supervisor_soporte.id,
                                actores.gerente.id}
    assert caso.numero in por_usuario[actores.supervisor.id]
    assert soporte.numero not in por_usuario[actores.supervisor.id]
    assert soporte.numero in por_usuario[actores.supervisor_soporte.id]
    assert caso.numero in por_usuario[actores.gerente.id]
    assert soporte.numero in por_usuario[actores.gerente.id]
    correos = Correo.select().where(Correo.clave.startswith('resumen:'))
    assert sorted(c.destinatario for c in correos) == sorted(
        [actores.supervisor.email, actores.supervisor_soporte.email, actores.gerente.email])
    assert resumen_diario(tarde + timedelta(days=1), 'America/Lima') == 3  # a new day
