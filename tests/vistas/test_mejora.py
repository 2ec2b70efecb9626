"""Improvement actions opened from a selection of cases, changed with history, closed,
reviewed in committee minutes, and the report of open and overdue actions."""
import datetime
import io
import re

import peewee
import pytest
from openpyxl import load_workbook

from bd import db
from catalogos.servicios import Motivo
from reclamos.errores import AccionInmutable, ErrorPermiso, ErrorValidacion
from reclamos.mejora.modelo import AccionMejora, AccionMejoraReclamo, CambioMejora, hoy_en
from reclamos.mejora.servicios import crear, modificar
from reclamos.tiempo import ahora_utc
from tests.apoyo.informes import cargar_casos, cargar_configuracion

def hoy():
    """Today in the desk's zone (RECLAMOS_TIMEZONE, America/Bogota in the tests), read when
    asked: a module-level constant goes stale when the run crosses midnight."""
    return hoy_en(ahora_utc(), 'America/Bogota')


@pytest.fixture
def casos(app, crear_usuario):
    with app.app_context(), db.connection_context():
        cargar_configuracion()
    registrador = crear_usuario('admin')
    with app.app_context(), db.connection_context():
        return cargar_casos(registrador)


def _motivo(codigo):
    with db.connection_context():
        return Motivo.get(Motivo.codigo == codigo)


def _crear(app, usuario, dias_antes=0, **datos):
    """An action created ``dias_antes`` days ago (so that it can already be overdue)."""
    valores = {'tipo': 'correctiva', 'descripcion': 'Revisar la red del sector norte.',
               'responsable': usuario.id, 'vence_el': hoy() + datetime.timedelta(days=10)}
    valores.update(datos)
    with app.app_context(), db.connection_context():
        return crear(valores, usuario, ahora=ahora_utc() - datetime.timedelta(days=dias_antes))


def _csrf(pagina):
    encontrado = re.search(r'name="csrf_token" value="([^"]+)"', pagina.get_data(as_text=True))
    assert encontrado
    return encontrado.group(1)


def test_abrir_desde_una_seleccion_de_casos(client, como, casos):
    gerente = como('gerente')
    lentitud = _motivo('LENTITUD')
    url = f'/admin/mejora/nueva?casos={casos["A"].id},{casos["C"].id}&motivo={lentitud.id}'
    pagina = client.get(url)
    texto = pagina.get_data(as_text=True)
    assert pagina.status_code == 200
    assert casos['A'].numero in texto and casos['C'].numero in texto
    assert f'<option value="{lentitud.id}" selected>' in texto
    respuesta = client.post('/admin/mejora/nueva', data={
        'csrf_token': _csrf(pagina), 'casos': f'{casos["A"].id},{casos["C"].id}',
        'motivos': [str(lentitud.id)], 'tipo': 'preventiva',
        'descripcion': 'Capacitar al personal de soporte en diagnóstico remoto.',
        'responsable': str(gerente.id),
        'vence_el': (hoy() + datetime.timedelta(days=30)).isoformat()})
    assert respuesta.status_code == 302, respuesta.get_data(as_text=True)[:1500]
    with db.connection_context():
        accion = AccionMejora.get()
        assert (accion.tipo, accion.estado, accion.responsable_id) == ('preventiva', 'abierta',
                                                                       gerente.id)
        assert {c.numero for c in accion.casos()} == {casos['A'].numero, casos['C'].numero}
        assert [m.codigo for m in accion.motivos()] == ['LENTITUD']
        assert [c.campo for c in accion.historial()] == ['creacion', 'casos', 'motivos']
    detalle = client.get(respuesta.headers['Location']).get_data(as_text=True)
    assert casos['C'].numero in detalle and 'Capacitar al personal' in detalle


@pytest.mark.parametrize('consulta, mensaje', [
    ('casos=abc', 'Casos: «abc» no es un identificador.'),
    ('casos=99999', 'Algunos casos de la selección no existen: 99999.'),
    ('motivo=x1', 'Motivos: «x1» no es un identificador.'),
])
def test_una_seleccion_mala_da_un_mensaje(client, como, casos, consulta, mensaje):
    como('gerente')
    respuesta = client.get('/admin/mejora/nueva?' + consulta)
    assert respuesta.status_code == 400
    assert mensaje in respuesta.get_data(as_text=True)


def test_datos_malos_no_guardan_nada(client, como, casos):
    como('gerente')
    pagina = client.get('/admin/mejora/nueva')
    respuesta = client.post('/admin/mejora/nueva', data={
        'csrf_token': _csrf(pagina), 'tipo': 'mágica', 'descripcion': '  ',
        'responsable': '424242', 'vence_el': (hoy() - datetime.timedelta(days=1)).isoformat(),
        'casos': str(casos['A'].id)})
    texto = respuesta.get_data(as_text=True)
    assert respuesta.status_code == 400
    for mensaje in ('Elija el tipo', 'Describa la acción de mejora.',
                    'Elija un usuario activo como responsable.',
                    'no puede ser anterior a hoy'):
        assert mensaje in texto
    with db.connection_context():
        assert not AccionMejora.select().exists()
        assert not AccionMejoraReclamo.select().exists()


def test_cambiar_y_cerrar_queda_en_el_historial(app, client, como, casos, crear_usuario):
    gerente = como('gerente')
    otro = crear_usuario('supervisor')
    accion = _crear(app, gerente, casos=[casos['A'].id])
    url = f'/admin/mejora/{accion.id}'
    pagina = client.get(url)
    base = {'csrf_token': _csrf(pagina), 'tipo': 'correctiva',
            'descripcion': accion.descripcion, 'responsable': str(otro.id),
            'vence_el': accion.vence_el.isoformat(), 'estado': 'en_curso', 'resultado': ''}
    assert client.post(url, data=base).status_code == 302
    # Closing needs the outcome; nothing of the refused save is kept.
    respuesta = client.post(url, data={**base, 'estado': 'cerrada'})
    assert respuesta.status_code == 400
    assert 'indique el resultado obtenido' in respuesta.get_data(as_text=True)
    with db.connection_context():
        assert AccionMejora.get_by_id(accion.id).estado == 'en_curso'
    assert client.post(url, data={**base, 'estado': 'cerrada',
                                  'resultado': 'Red renovada; sin nuevas caídas.'}
                       ).status_code == 302
    with db.connection_context():
        cerrada = AccionMejora.get_by_id(accion.id)
        assert cerrada.estado == 'cerrada' and cerrada.cerrado_en is not None
        cambios = [(c.campo, c.valor_anterior, c.valor_nuevo) for c in cerrada.historial()]
        # The link to case A stays: the form does not send cases, and the motives were empty.
        assert [c.numero for c in cerrada.casos()] == [casos['A'].numero]
        linea = cambios[0]
        assert linea[0] == 'creacion'
        assert ('responsable', gerente.email, otro.email) in cambios
        assert ('estado', 'abierta', 'en_curso') in cambios
        assert ('estado', 'en_curso', 'cerrada') in cambios
        assert ('resultado', '', 'Red renovada; sin nuevas caídas.') in cambios
        # The history is append-only.
        cambio = CambioMejora.get(CambioMejora.campo == 'estado')
        with pytest.raises(AccionInmutable):
            cambio.save()
        with pytest.raises(AccionInmutable):
            cambio.delete_instance()
        for sentencia in ("UPDATE cambio_mejora SET valor_nuevo = 'x'",
                          'DELETE FROM cambio_mejora'):
            with pytest.raises(peewee.DatabaseError), db.atomic():
                db.execute_sql(sentencia)
        assert CambioMejora.get_by_id(cambio.id).valor_nuevo == cambio.valor_nuevo
    detalle = client.get(url).get_data(as_text=True)
    assert 'Red renovada' in detalle and 'en_curso' in detalle


def test_el_servicio_refuse_otros_roles(app, casos, crear_usuario):
    supervisor = crear_usuario('supervisor')
    with app.app_context(), db.connection_context():
        with pytest.raises(ErrorPermiso):
            crear({'tipo': 'preventiva'}, supervisor)
        with pytest.raises(ErrorValidacion) as error:
            modificar(12345, {'estado': 'cerrada'}, crear_usuario('admin'))
        assert 'no existe' in error.value.errores['accion']


def test_acta_de_comite_lista_las_acciones_y_sus_decisiones(app, client, como, casos):
    gerente = como('gerente')
    primera = _crear(app, gerente, descripcion='Reforzar el call center en horas punta.')
    segunda = _crear(app, gerente, tipo='producto_no_conforme',
                     descripcion='Retirar los módems del lote 2026-07.')
    tercera = _crear(app, gerente, descripcion='No se revisa en este comité.')
    pagina = client.get('/admin/actas/nueva')
    texto = pagina.get_data(as_text=True)
    assert all(f'name="decision_{a.id}"' in texto for a in (primera, segunda, tercera))
    # No attendees, no decision: a message each, nothing saved.
    respuesta = client.post('/admin/actas/nueva', data={
        'csrf_token': _csrf(pagina), 'fecha': hoy().isoformat(), 'asistentes': ''})
    texto = respuesta.get_data(as_text=True)
    assert respuesta.status_code == 400
    assert 'Indique quiénes asistieron' in texto
    assert 'Anote la decisión del comité sobre al menos una acción.' in texto
    respuesta = client.post('/admin/actas/nueva', data={
        'csrf_token': _csrf(pagina), 'fecha': hoy().isoformat(),
        'asistentes': 'Germán Gerente, Sergio Supervisor', 'observaciones': 'Comité mensual',
        f'decision_{primera.id}': 'Continuar; revisar en marzo.',
        f'decision_{segunda.id}': 'Aprobada la devolución al proveedor.',
        f'decision_{tercera.id}': '   '})
    assert respuesta.status_code == 302, respuesta.get_data(as_text=True)[:1000]
    acta = client.get(respuesta.headers['Location']).get_data(as_text=True)
    assert 'Germán Gerente, Sergio Supervisor' in acta
    assert 'Continuar; revisar en marzo.' in acta and 'Aprobada la devolución' in acta
    assert f'AM-{primera.id}' in acta and f'AM-{segunda.id}' in acta
    assert f'AM-{tercera.id}' not in acta
    with db.connection_context():
        assert [c.campo for c in AccionMejora.get_by_id(segunda.id).historial()][-1] == 'comite'
    assert 'Comité mensual' in client.get('/admin/actas/').get_data(as_text=True)


def test_abiertas_y_vencidas_en_pantalla_xlsx_y_consultas(app, client, como, casos):
    gerente = como('gerente')
    vencida = _crear(app, gerente, dias_antes=30, descripcion='Vencida hace 10 días',
                     vence_el=hoy() - datetime.timedelta(days=10),
                     motivos=[_motivo('LENTITUD').id], casos=[casos['B'].id])
    pronto = _crear(app, gerente, descripcion='Vence en 3 días',
                    vence_el=hoy() + datetime.timedelta(days=3))
    lejos = _crear(app, gerente, descripcion='Vence en 60 días',
                   vence_el=hoy() + datetime.timedelta(days=60))
    cerrada = _crear(app, gerente, dias_antes=30, descripcion='Cerrada a tiempo',
                     vence_el=hoy() - datetime.timedelta(days=5))
    with app.app_context(), db.connection_context():
        modificar(cerrada.id, {'estado': 'cerrada', 'resultado': 'Hecho.'}, gerente)
        ahora = ahora_utc()
        assert [a.id for a in AccionMejora.vencidas(ahora)] == [vencida.id]
        assert [a.id for a in AccionMejora.por_vencer(ahora, dias=7)] == [pronto.id]
        assert {a.id for a in AccionMejora.por_vencer(ahora, dias=90)} == {pronto.id, lejos.id}
    pagina = client.get('/admin/mejora/vencidas').get_data(as_text=True)
    assert 'Vencida hace 10 días' in pagina and 'Cerrada a tiempo' not in pagina
    assert re.search(rf'data-id="{vencida.id}".*?data-columna="atraso">10<', pagina, re.S)
    xlsx = client.get('/admin/mejora/vencidas?formato=xlsx')
    assert xlsx.status_code == 200
    filas = list(load_workbook(io.BytesIO(xlsx.data)).active.iter_rows(values_only=True))
    por_accion = {f[0]: f for f in filas[2:]}
    assert set(por_accion) == {f'AM-{vencida.id}', f'AM-{pronto.id}', f'AM-{lejos.id}'}
    fila = por_accion[f'AM-{vencida.id}']
    assert fila[1] == 'Correctiva' and fila[3] == gerente.email and fila[6] == 10
    assert fila[7] == casos['B'].numero and fila[8] == 'Lentitud de la conexión'
    assert por_accion[f'AM-{pronto.id}'][6] == 0
    lista = client.get('/admin/mejora/?filtro=vencidas').get_data(as_text=True)
    assert 'Vencida hace 10 días' in lista and 'Vence en 3 días' not in lista


def test_roles(app, client, como, auth, casos, crear_usuario):
    dueno = crear_usuario('gerente')
    accion = _crear(app, dueno)
    assert client.get('/admin/mejora/').status_code == 302  # not signed in: to the login
    como('agente')
    for url in ('/admin/mejora/', f'/admin/mejora/{accion.id}', '/admin/mejora/nueva',
                '/admin/mejora/vencidas', '/admin/actas/', '/admin/actas/nueva'):
        assert client.get(url).status_code == 403, url
    auth.logout()
    como('supervisor')
    assert client.get('/admin/mejora/').status_code == 200
    detalle = client.get(f'/admin/mejora/{accion.id}')
    assert detalle.status_code == 200 and 'form-editar-mejora' not in detalle.get_data(
        as_text=True)
    assert client.get('/admin/mejora/vencidas?formato=xlsx').status_code == 200
    assert client.get('/admin/mejora/nueva').status_code == 403
    assert client.get('/admin/actas/nueva').status_code == 403
    assert client.post(f'/admin/mejora/{accion.id}', data={'estado': 'cerrada'}
                       ).status_code == 403
    with db.connection_context():
        assert AccionMejora.get_by_id(accion.id).estado == 'abierta'
    assert client.get('/admin/mejora/999999').status_code == 404


def test_el_informe_enlaza_a_la_accion_de_mejora_del_motivo(client, como, casos):
    como('gerente')
    pagina = client.get('/admin/informes/', query_string={
        'plantilla': 'MENSUAL_CANAL', 'mes': '2026-02', 'canal': 'TELEFONO'})
    enlace = f'/admin/mejora/nueva?motivo={_motivo("LENTITUD").id}'
    assert enlace in pagina.get_data(as_text=True)
    assert client.get(enlace).status_code == 200


def test_identificadores_enormes_no_llegan_a_la_base(client, como, casos):
    como('gerente')
    enorme = '9' * 25
    respuesta = client.get(f'/admin/mejora/nueva?casos={enorme}&motivo={enorme}')
    assert respuesta.status_code == 400
    assert 'no es un identificador' in respuesta.get_data(as_text=True)
    assert client.get(f'/admin/mejora/{enorme}').status_code == 404
    assert client.get(f'/admin/actas/{enorme}').status_code == 404
    assert client.get(f'/admin/mejora/?pagina={enorme}').status_code == 200
    pagina = client.get('/admin/actas/nueva')
    respuesta = client.post('/admin/actas/nueva', data={
        'csrf_token': _csrf(pagina), 'fecha': hoy().isoformat(), 'asistentes': 'Comité',
        f'decision_{enorme}': 'Seguir'})
    assert respuesta.status_code == 400
    assert 'Acción de mejora inválida' in respuesta.get_data(as_text=True)
    informe = client.get('/admin/informes/', query_string={
        'plantilla': 'REGULADOR', 'mes': '2026-02', 'entidad': enorme})
    assert informe.status_code == 400
    assert 'no existe' in informe.get_data(as_text=True)
