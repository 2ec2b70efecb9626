"""Registering over the API, the busiest write of the desk (issue 21): the 201 answer is
built from what the registration wrote, and must be exactly the case a read gives; the
acknowledgment still reaches the customer's mailbox, the escalation sweep still sees the new
terms, and one registration stays within a fixed number of SQL statements."""
import contextlib
import datetime
import logging

from catalogos.enrutamiento import ReglaEnrutamiento
from reclamos.alertas.barrido import barrer
from reclamos.alertas.notificaciones import Notificacion
from reclamos.correo.salida import enviar_pendientes
from tests.apoyo.api import registrar

pytest_plugins = ('tests.apoyo.fixtures_api',)

# One registration of SIN_SERVICIO (custom field, process with activities, priority, first
# answer, acknowledgment e-mail, an agent to assign) by a known customer, token included:
# 1 to authenticate (the user with its roles); 1 for the catalogs' version: the user's area,
# the motive with its catalogs, channel, document type, custom fields, calendar, routing
# rules, process and activities, public URL and template are kept per process
# (bd.recordadas); 2 to check and route it (the customer, the least loaded agent); 1 for the
# number; 5 writes (case, terms, contact, outbox, log lines); 2 for the assignee's notice
# (preferences, bell). Before issue 21 it took 45: every write read back what it wrote, and
# the answer read the whole case again; then 23, reading the catalogs on every request.
TOPE_SENTENCIAS = 12


@contextlib.contextmanager
def sentencias():
    """The SQL statements sent meanwhile (peewee logs each one at DEBUG)."""
    enviadas = []

    class Anotar(logging.Handler):
        def emit(self, record):
            if isinstance(record.msg, tuple):
                enviadas.append(record.msg[0])

    anotar, registro = Anotar(), logging.getLogger('peewee')
    nivel = registro.level
    registro.addHandler(anotar)
    registro.setLevel(logging.DEBUG)
    try:
        yield enviadas
    finally:
        registro.removeHandler(anotar)
        registro.setLevel(nivel)


def test_un_registro_cabe_en_su_tope_de_sentencias(api_como, gente):
    api = api_como(gente.registrador)
    registrar(api)  # the customer and this year's counter exist from here on
    with sentencias() as enviadas:
        caso = registrar(api, descripcion='Sigo sin internet: el módem parpadea en rojo.')
    assert caso['version'] == 1
    assert len(enviadas) <= TOPE_SENTENCIAS, '\n'.join(enviadas)


def test_la_respuesta_es_el_caso_tal_como_se_lee(api_como, gente):
    """The answer costs no re-read: it must not differ from GET in a single field."""
    ReglaEnrutamiento.create(codigo='R1', nombre='Abonados', orden=10,
                             texto='si código de abonado contiene "AB" entonces etiqueta abonado '
                                   'y prioridad MEDIO')
    api = api_como(gente.registrador)
    for cambios in ({}, {'origen': 'interno', 'area_solicitante': 'VENTAS', 'cliente': None},
                    {'cliente': {'tipo_documento_identidad': 'DNI', 'numero_documento': '10203040',
                                 'nombre': 'Sin correo'}, 'campos': {}, 'motivo': 'CAMBIO_PLAN'}):
        creado = registrar(api, **cambios)
        leido = api.get(f'/casos/{creado["numero"]}').get_json()
        assert creado == leido
    assert [a['tipo'] for a in reversed(creado['linea_de_tiempo'])][:1] == ['creacion']


def test_el_acuse_llega_al_buzon_y_la_alerta_sale_a_su_hora(app, api_como, gente,
                                                          servidor_smtp):
    api = api_como(gente.registrador)
    caso = registrar(api)  # ALTO: 30 minutes; the first level is 80 %
    acuse = [a for a in caso['linea_de_tiempo'] if a['tipo'] == 'notificacion']
    assert [a['nuevo'] for a in acuse] == ['rosa@correo.pe']
    assert enviar_pendientes(app.config)['enviados'] == 1
    [mensaje] = servidor_smtp.mensajes
    assert mensaje.sobre == ['rosa@correo.pe']
    assert mensaje['Subject'] == f'Recibimos su caso {caso["numero"]}'
    assert caso['numero'] in mensaje.get_body(('plain',)).get_content()

    [prioridad] = [t for t in caso['terminos'] if t['tipo'] == 'prioridad']
    inicio = datetime.datetime.fromisoformat(prioridad['inicio'])
    antes = Notificacion.select().count()
    assert barrer(inicio + datetime.timedelta(minutes=23))['avisos'] == 0
    assert barrer(inicio + datetime.timedelta(minutes=25))['avisos'] == 1
    assert Notificacion.select().count() > antes
