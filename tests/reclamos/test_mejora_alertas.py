"""Owners hear about their improvement actions: once when due within a week, once when
overdue, in the bell and by e-mail through the loopback SMTP server."""
import datetime

from admin_app.cli.alertas import ciclo
from bd import db
from reclamos.mejora.modelo import hoy_en
from reclamos.mejora.servicios import crear
from reclamos.alertas.notificaciones import Notificacion
from reclamos.tiempo import ahora_utc

ZONA = 'America/Bogota'


def _accion(app, dueno, vence_en_dias, creada_hace=30):
    hoy = hoy_en(ahora_utc(), ZONA)
    with app.app_context(), db.connection_context():
        return crear({'tipo': 'correctiva', 'descripcion': 'Cambiar los routers del sector.',
                      'responsable': dueno.id,
                      'vence_el': hoy + datetime.timedelta(days=vence_en_dias)},
                     dueno, ahora=ahora_utc() - datetime.timedelta(days=creada_hace))


def test_avisos_de_acciones_por_vencer_y_vencidas_una_sola_vez(app, crear_usuario,
                                                              servidor_smtp):
    app.config['BABEL_DEFAULT_TIMEZONE'] = ZONA
    dueno = crear_usuario('gerente', email='duena@empresa.pe')
    otro = crear_usuario('gerente', email='otro@empresa.pe')
    pronto = _accion(app, dueno, 3)
    lejos = _accion(app, otro, 40)
    ahora = ahora_utc()
    with app.app_context():
        assert ciclo(app, ahora)['mejoras'] == 1
        assert ciclo(app, ahora)['mejoras'] == 0  # a second sweep tells nobody again
        # Eleven days later the first one is overdue: one more notice, to its owner.
        assert ciclo(app, ahora + datetime.timedelta(days=11))['mejoras'] == 1
        with db.connection_context():
            titulos = [n.titulo for n in Notificacion.select().where(
                Notificacion.usuario == dueno.id).order_by(Notificacion.id)]
            assert not Notificacion.select().where(Notificacion.usuario == otro.id).exists()
    assert titulos == [f'Acción de mejora AM-{pronto.id} vence el '
                       f'{pronto.vence_el:%d/%m/%Y}', f'Acción de mejora AM-{pronto.id} vencida']
    asuntos = [m['Subject'] for m in servidor_smtp.mensajes]
    assert asuntos == titulos
    assert all(m['To'] == 'duena@empresa.pe' for m in servidor_smtp.mensajes)
    assert lejos.id != pronto.id
