"""A fixed set of cases at fixed instants whose indicators were computed by hand (see the
expected values in tests/graficos/test_graficos.py).

Range under test: March 2026 in America/Bogota (UTC-5): 2026-03-01 05:00 UTC to 2026-04-01
05:00 UTC. Every case is received at 15:00 UTC (10:00 local). Hours below are from receipt.

 n  motivo area canal prio origen  tipo      received    state       answer        rating
 1  M1     A1   WEB   ALTO externo reclamo   03-02       TERMINADO   +2 h
 2  M1     A1   TEL   ALTO externo reclamo   03-03       CERRADO     +4 h          5
 3  M1     A2   WEB   BAJO externo queja     03-04       CERRADO     +6 h          3
 4  M1     A2   WEB   BAJO interno peticion  03-09       TERMINADO   +10 h (03-09 20:00 local)
 5  M2     A1   TEL   ALTO externo reclamo   03-10       CERRADO     +1 h          4
 6  M2     A1   WEB   BAJO externo reclamo   03-16       EN_CURSO (agent U1, due 03-17: overdue)
 7  M3     A2   TEL   ALTO externo queja     03-17       PENDIENTE (due 12-31: not overdue)
 8  M3     A2   WEB   ALTO externo reclamo   03-18       ANULADO 03-19 15:00
 9  M1     A1   WEB   ALTO externo reclamo   02-27 (before the range) TERMINADO 03-03 15:00
10  M3     A2   WEB   ALTO externo reclamo   04-05 (after the range)  PENDIENTE
M1, M2 belong to service AGUA, M3 to LUZ.
"""
import datetime
from decimal import Decimal

from catalogos.atencion import Canal
from catalogos.organizacion import Area
from catalogos.plazos import PlazoLegal, Prioridad
from catalogos.servicios import Motivo, Servicio
from reclamos.caso.modelo import Reclamo
from reclamos.clientes.modelo import Cliente
from reclamos.caso.lineas import LineaReclamo
from reclamos.plazos.modelo import TerminoCaso

DESDE, HASTA = datetime.date(2026, 3, 1), datetime.date(2026, 3, 31)
AHORA = datetime.datetime(2026, 4, 1, 12, 0)
H = datetime.timedelta(hours=1)


def d(mes, dia, hora=15):
    return datetime.datetime(2026, mes, dia, hora, 0)


def cargar(agente_id=None):
    """Insert the catalogs and the ten cases; returns {name: id} of the catalog rows."""
    ids = {}
    for codigo, nombre in (('AGUA', 'Agua'), ('LUZ', 'Luz')):
        ids[codigo] = Servicio.create(codigo=codigo, nombre=nombre).id
    for codigo, nombre in (('A1', 'Atención'), ('A2', 'Redes')):
        ids[codigo] = Area.create(codigo=codigo, nombre=nombre).id
    for codigo, nombre in (('WEB', 'Web'), ('TEL', 'Teléfono')):
        ids[codigo] = Canal.create(codigo=codigo, nombre=nombre).id
    ids['ALTO'] = Prioridad.create(codigo='ALTO', nombre='Alto', cantidad=30, orden=1).id
    ids['BAJO'] = Prioridad.create(codigo='BAJO', nombre='Bajo', cantidad=3, orden=2).id
    plazo = PlazoLegal.create(codigo='L15', nombre='15 días hábiles', cantidad=15)
    for codigo, nombre, servicio in (('M1', 'Fuga', 'AGUA'), ('M2', 'Factura', 'AGUA'),
                                     ('M3', 'Corte', 'LUZ')):
        ids[codigo] = Motivo.create(codigo=codigo, nombre=nombre, servicio=ids[servicio],
                                    plazo=plazo).id
    cliente = None
    for i in range(4):
        cliente = Cliente.create(tipo_documento_identidad='DNI', numero_documento=f'4000000{i}',
                                 nombre=f'Cliente {i}')
    ids['U1'] = agente_id
    casos = [
        (1, 'M1', 'A1', 'WEB', 'ALTO', 'externo', 'reclamo', d(3, 2), 'TERMINADO', 2, None),
        (2, 'M1', 'A1', 'TEL', 'ALTO', 'externo', 'reclamo', d(3, 3), 'CERRADO', 4, 5),
        (3, 'M1', 'A2', 'WEB', 'BAJO', 'externo', 'queja', d(3, 4), 'CERRADO', 6, 3),
        (4, 'M1', 'A2', 'WEB', 'BAJO', 'interno', 'peticion', d(3, 9), 'TERMINADO', 10, None),
        (5, 'M2', 'A1', 'TEL', 'ALTO', 'externo', 'reclamo', d(3, 10), 'CERRADO', 1, 4),
        (6, 'M2', 'A1', 'WEB', 'BAJO', 'externo', 'reclamo', d(3, 16), 'EN_CURSO', None, None),
        (7, 'M3', 'A2', 'TEL', 'ALTO', 'externo', 'queja', d(3, 17), 'PENDIENTE', None, None),
        (8, 'M3', 'A2', 'WEB', 'ALTO', 'externo', 'reclamo', d(3, 18), 'ANULADO', None, None),
        (9, 'M1', 'A1', 'WEB', 'ALTO', 'externo', 'reclamo', d(2, 27), 'TERMINADO', 96, None),
        (10, 'M3', 'A2', 'WEB', 'ALTO', 'externo', 'reclamo', d(4, 5), 'PENDIENTE', None, None),
    ]
    servicio_de = {'M1': 'AGUA', 'M2': 'AGUA', 'M3': 'LUZ'}
    reclamos = {}
    for n, mot, area, canal, prio, origen, tipo, recibido, estado, horas, nota in casos:
        terminado = recibido + horas * H if horas is not None else None
        vence = {6: d(3, 17), 7: d(12, 31), 10: d(12, 31)}.get(n)
        reclamos[n] = Reclamo.create(
            numero=f'2026-{n:06d}', tipo=tipo, origen=origen, cliente=cliente,
            canal=ids[canal], servicio=ids[servicio_de[mot]], motivo=ids[mot],
            prioridad=ids[prio], descripcion=f'Caso {n}', recibido_en=recibido, estado=estado,
            area=ids[area], usuario=agente_id if n == 6 else None, vence_en=vence,
            terminado_en=terminado, calificacion=nota,
            cerrado_en=terminado + H if estado == 'CERRADO' else None,
            anulado_en=d(3, 19) if n == 8 else None)
    # Terms (met = answered): (case, type, activity name, due, met, cancelled).
    # Legal: 1, 2, 4, 5 in time (4 exactly at its due instant), 3 late; 6 open; 8 cancelled.
    # Priority: 1 and 5 late; 2, 3, 4 in time.
    # Activities: Inspección 1 in time, 3 late, 4 in time; Visita 2 in time, 5 cancelled.
    r = reclamos
    terminos = [
        (1, 'legal', '', d(3, 20), r[1].terminado_en, False),
        (2, 'legal', '', d(3, 20), r[2].terminado_en, False),
        (3, 'legal', '', d(3, 4) + 5 * H, r[3].terminado_en, False),
        (4, 'legal', '', r[4].terminado_en, r[4].terminado_en, False),
        (5, 'legal', '', d(3, 30), r[5].terminado_en, False),
        (6, 'legal', '', d(3, 17), None, False),
        (8, 'legal', '', d(3, 30), None, True),
        (9, 'legal', '', d(3, 20), r[9].terminado_en, False),
        (1, 'prioridad', '', d(3, 2) + H, r[1].terminado_en, False),
        (2, 'prioridad', '', d(3, 3) + 6 * H, r[2].terminado_en, False),
        (3, 'prioridad', '', d(3, 7), r[3].terminado_en, False),
        (4, 'prioridad', '', d(3, 12), r[4].terminado_en, False),
        (5, 'prioridad', '', d(3, 10, 15) + datetime.timedelta(minutes=30),
         r[5].terminado_en, False),
        (1, 'actividad', 'Inspección', d(3, 3), r[1].terminado_en, False),
        (3, 'actividad', 'Inspección', d(3, 4, 16), r[3].terminado_en, False),
        (4, 'actividad', 'Inspección', d(3, 11), r[4].terminado_en, False),
        (2, 'actividad', 'Visita', d(3, 5), r[2].terminado_en, False),
        (5, 'actividad', 'Visita', d(3, 11), None, True),
    ]
    for n, tipo, nombre, vence, cumplido, cancelado in terminos:
        TerminoCaso.create(reclamo=r[n].id, tipo=tipo, codigo=tipo.upper(),
                           nombre=nombre or tipo, cantidad=1, unidad='dias',
                           inicio=r[n].recibido_en, vence_en=vence, cumplido_en=cumplido,
                           cancelado=cancelado)
    # Claim lines: AGUA claims 100.00 + 50.50 (30.00 cancelled), approves 80.00;
    # LUZ claims 200.00 + 20.25, approves 20.25; case 10 is out of the range.
    lineas = [(1, 1, '100.00', 'APROBADO', '80.00'), (1, 2, '50.50', 'RECHAZADO', None),
              (1, 3, '30.00', 'CANCELADO', None), (7, 1, '200.00', 'APROBACION_PENDIENTE', None),
              (7, 2, '20.25', 'APROBADO', '20.25'), (10, 1, '999.00', 'APROBADO', '999.00')]
    for n, numero, monto, estado, aprobado in lineas:
        LineaReclamo.create(reclamo=r[n].id, numero=numero, concepto=f'Línea {numero}',
                            monto_reclamado=Decimal(monto), estado=estado,
                            monto_aprobado=Decimal(aprobado) if aprobado else None)
    return ids
