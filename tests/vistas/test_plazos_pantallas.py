"""Deadline simulator (page and JSON) and the bulk recompute after a calendar change."""
import datetime
import re

import pytest

from catalogos.organizacion import Area, Calendario, DiaEspecial
from reclamos.caso.modelo import Reclamo
from reclamos.plazos.ciclo import calendario_regla
from reclamos.plazos.modelo import LEGAL, TerminoCaso
from reclamos.tiempo import aware
from reglas import vencimiento
from tests.apoyo.casos import crear_caso



def test_simulador_solo_personal(client):
    assert client.get('/admin/simulador/').status_code == 302
    assert client.get('/admin/simulador/json?cantidad=1&unidad=horas').status_code == 302


def test_simulador_con_motivo(client, como, demo):
    """Colombia: the demo calendar opens Saturday 08-12, but Saturday is not a legal day.
    Received Friday 2026-03-20 10:00, 10 dias_habiles: Monday 23 is San José, so Tue 24 (1),
    25, 26, 27, Mon 30 (5), Tue 31, Wed 1 April (7); Thursday 2 and Friday 3 are Holy Week;
    Mon 6 (8), Tue 7 (9), Wed 8 April (10). Priority BAJO (3 dias) binds first."""
    como('agente')
    datos = client.get('/admin/simulador/json?motivo=PETICION_INFORMACION'
                       '&recibido_en=2026-03-20T10:00').get_json()
    por_tipo = {t['tipo']: t['vence'] for t in datos['terminos']}
    assert por_tipo['legal'] == '2026-04-09T04:59:59+00:00'
    assert por_tipo['prioridad'] == '2026-03-23T15:00:00+00:00'
    assert datos['vinculante']['tipo'] == 'prioridad'
    html = client.get('/admin/simulador/?motivo=PETICION_INFORMACION'
                      '&recibido_en=2026-03-20T10:00').get_data(as_text=True)
    assert 'miércoles 8 de abril de 2026, 23:59:59' in html
    assert 'Días hábiles legales: lunes a viernes' in html
    assert 'Tiempo corrido: no usa el calendario' in html  # the priority's 3 dias


def test_simulador_ejemplo_del_readme(client, como, demo):
    """README: Friday 2026-03-20 + 15 dias_habiles on the Colombian demo calendar ends
    Wednesday 15 April (Tue 24 .. Wed 1 are days 1-7, Mon 6 .. Fri 10 days 8-12, Mon 13,
    Tue 14, Wed 15 days 13-15) although the calendar opens Saturday mornings."""
    como('agente')
    calendario = Calendario.get(Calendario.codigo == 'CO')
    datos = client.get(f'/admin/simulador/json?cantidad=15&unidad=dias_habiles'
                       f'&calendario={calendario.id}&recibido_en=2026-03-20T10:00').get_json()
    assert datos['vinculante']['vence'] == '2026-04-16T04:59:59+00:00'
    assert 'el horario de atención no cuenta' in datos['vinculante']['explicacion']
    assert 'El día 1 es el martes 24/03/2026' in datos['vinculante']['explicacion']


def test_simulador_horas_habiles(client, como, demo):
    como('gerente')
    calendario = Calendario.get(Calendario.codigo == 'CO')
    datos = client.get(f'/admin/simulador/json?cantidad=2&unidad=horas_habiles'
                       f'&calendario={calendario.id}&recibido_en=2026-03-02T16:30').get_json()
    assert datos['vinculante']['vence'] == '2026-03-03T14:30:00+00:00'
    assert 'sábado 08:00-12:00' in datos['vinculante']['explicacion']


@pytest.mark.parametrize('consulta, campo', [
    ('cantidad=2&unidad=semanas', 'unidad'),
    ('cantidad=-1&unidad=horas', 'cantidad'),
    ('cantidad=diez&unidad=horas', 'cantidad'),
    ('motivo=NO_EXISTE', 'motivo'),
    ('motivo=LENTITUD&recibido_en=ayer', 'recibido_en'),
    ('', 'motivo'),
])
def test_simulador_datos_malos(client, como, demo, consulta, campo):
    como('agente')
    respuesta = client.get('/admin/simulador/json?' + consulta)
    assert respuesta.status_code == 422
    assert campo in respuesta.get_json()['errores']
    html = client.get('/admin/simulador/?' + consulta + '&x=1').get_data(as_text=True)
    assert f'data-campo="{campo}"' in html


def _legal(reclamo):
    return TerminoCaso.get(TerminoCaso.reclamo == reclamo.id, TerminoCaso.tipo == LEGAL)


def test_recalcular_tras_un_feriado(client, como, demo, crear_usuario, runner):
    registrador = crear_usuario('agente', area=Area.get(Area.codigo == 'ATENCION_CLIENTE'))
    recibido = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=2)
    caso = crear_caso(registrador, motivo='PETICION_INFORMACION', recibido_en=recibido)
    antes = aware(_legal(caso).vence_en)
    colombia = Calendario.get(Calendario.codigo == 'CO')
    calendario = calendario_regla(colombia.id)
    # A company non-working day on the next business day inside the term.
    dia = calendario.local(antes - datetime.timedelta(days=3)).date()
    while not calendario.es_dia_habil(dia):
        dia -= datetime.timedelta(days=1)
    DiaEspecial.create(calendario=colombia, fecha=dia, tipo='no_laborable', descripcion='Decreto')
    como('admin')
    pagina = client.get('/admin/recalculo/').get_data(as_text=True)
    assert 'Colombia' in pagina
    respuesta = client.post('/admin/recalculo/', data={'calendario': str(colombia.id),
                                                       'csrf_token': _token(pagina)})
    assert respuesta.status_code == 200
    despues = aware(_legal(caso).vence_en)
    assert despues > antes
    # The page lists the moved term with its case number, before and after.
    movidos = respuesta.get_data(as_text=True)
    assert caso.numero in movidos and 'Plazo legal' in movidos and 'Vence ahora' in movidos
    assert despues == vencimiento(aware(_legal(caso).inicio), 10, 'dias_habiles',
                                  calendario_regla(colombia.id))
    assert aware(Reclamo.get_by_id(caso.id).vence_en) <= despues
    # Removing the day and using the command puts it back.
    DiaEspecial.delete().where(DiaEspecial.fecha == dia).execute()
    resultado = runner.invoke(args=['recalcular-vencimientos', '--calendario', 'CO'])
    assert resultado.exit_code == 0, resultado.output
    assert aware(_legal(caso).vence_en) == antes
    assert f'{caso.numero} legal' in resultado.output


def _token(html):
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_recalcular_solo_admin(client, como, demo):
    como('supervisor')
    assert client.get('/admin/recalculo/').status_code == 403
    assert client.post('/admin/recalculo/', data={}).status_code == 403


def test_comando_recalcular_calendario_desconocido(runner, demo):
    resultado = runner.invoke(args=['recalcular-vencimientos', '--calendario', 'MARTE'])
    assert resultado.exit_code == 2 and 'no existe el calendario' in resultado.output


def test_no_toca_casos_cerrados(demo, crear_usuario):
    from reclamos.plazos.recalculo import recalcular_vencimientos
    cerrados = {t.id: t.vence_en for t in TerminoCaso.select().join(Reclamo).where(
        Reclamo.estado.in_(('CERRADO', 'ANULADO')))}
    assert cerrados, 'the demo has closed cases'
    DiaEspecial.create(calendario=Calendario.get(Calendario.codigo == 'PE'),
                       fecha=datetime.date.today() + datetime.timedelta(days=1),
                       tipo='no_laborable')
    recalcular_vencimientos()
    assert {t.id: t.vence_en for t in TerminoCaso.select().where(
        TerminoCaso.id.in_(list(cerrados)))} == cerrados


