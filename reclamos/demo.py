"""Realistic sample cases for the demo (and a starting point for bench seeding).

Everything goes through the real services with instants in the past, so the demo shows
overdue and on-time terms, suspensions, hand-overs and ratings exactly as users would make
them. Deterministic: the same ``n`` gives the same cases relative to ``ahora``.
"""
import datetime
import random

from reclamos.caso.flujo import transicionar
from reclamos.caso.gestion import comentar, completar_actividad, derivar, tomar
from reclamos.plazos.ciclo import prorrogar
from reclamos.plazos.entrega import registrar_entrega
from reclamos.caso.registro import registrar
from reclamos.plazos.modelo import LEGAL, TerminoCaso
from reclamos.tiempo import ahora_utc

IP = '127.0.0.1'
CLIENTES_PE = [('DNI', '45781236', 'Rosa Quispe Huamán', '987654321'),
               ('DNI', '40112233', 'Jorge Mamani Condori', '912345678'),
               ('RUC', '20512345671', 'Inversiones Andinas S.A.C.', '014567890'),
               ('DNI', '72654310', 'Lucía Fernández Rojas', '945112233'),
               ('CE', 'X1234567', 'Marco Bianchi', '955667788'),
               ('DNI', '09876543', 'Pedro Castillo Ramos', '966778899')]
CLIENTES_CO = [('CC', '1020304050', 'Andrea Gómez Ruiz', '3001234567'),
               ('CC', '79845123', 'Carlos Pérez Díaz', '3109876543'),
               ('NIT', '9001234568', 'Panadería La Espiga S.A.S.', '6014445566'),
               ('CC', '52987654', 'Martha Rodríguez León', '3204567890')]
# motive, channels, calendar country, custom fields, descriptions
MOTIVOS = [
    ('SIN_SERVICIO', ('TELEFONO', 'WEB', 'CHAT'), 'PE', {'codigo_abonado': 'AB-{n:05d}'}, [
        'No tengo internet desde ayer en la noche; el módem muestra la luz LOS en rojo.',
        'Se cae la conexión cada hora y hoy ya no vuelve; trabajo desde casa.',
        'Sin servicio de fibra desde la mañana, los vecinos tampoco tienen.']),
    ('LENTITUD', ('WEB', 'CORREO', 'TELEFONO'), 'PE', {'velocidad_medida': 35}, [
        'Contraté 300 Mbps y el test de velocidad marca menos de 40 por las noches.',
        'La conexión es muy lenta para videollamadas, se congela la imagen.']),
    ('FACTURACION_INTERNET', ('VENTANILLA', 'CORREO'), 'PE', {}, [
        'Me cobraron dos veces la mensualidad de octubre en el recibo.',
        'El recibo incluye un cargo por instalación que no solicité.']),
    ('CAMBIO_PLAN', ('WEB', 'VENTANILLA'), 'PE', {}, [
        'Solicito cambiar mi plan a 500 Mbps manteniendo el número de contrato.']),
    ('CONSUMO_EXCESIVO_AGUA', ('VENTANILLA', 'ESCRITO', 'TELEFONO'), 'PE', {
        'numero_suministro': 'S-{n:06d}', 'lectura_medidor': 1450, 'fecha_lectura': None,
        'tipo_predio': ('Doméstico', 'Comercial'), 'solicita_inspeccion': (True, False)}, [
        'El recibo de este mes llegó por el triple del consumo habitual sin fugas en casa.',
        'Reclamo el consumo facturado; el medidor marca menos de lo cobrado.']),
    ('CORTE_ENERGIA', ('TELEFONO', 'ENTIDAD_CONTROL'), 'CO', {'numero_suministro': 'E-{n:06d}'}, [
        'Suspendieron el servicio de energía estando al día en los pagos.',
        'Llevamos dos días sin luz después del corte programado.']),
    ('PETICION_INFORMACION', ('CORREO', 'ESCRITO'), 'CO', {}, [
        'Solicito copia de las facturas de los últimos seis meses y del contrato.']),
    ('SUGERENCIA_ATENCION', ('WEB', 'VENTANILLA'), 'CO', {}, [
        'Sugiero ampliar el horario de atención de la oficina del centro los sábados.']),
]
# Share of final states, by position in a cycle of ten cases.
DESTINOS = ('PENDIENTE', 'PENDIENTE', 'EN_CURSO', 'EN_CURSO', 'EN_CURSO', 'TERMINADO',
            'CERRADO', 'CERRADO', 'SUSPENDIDO', 'ANULADO')
AREAS_INTERNAS = ('VENTAS', 'COBRANZAS', 'FACTURACION')
# Reception point by channel and country (no random draw: the demo's sequence stays put).
PUNTOS = {'VENTANILLA': {'PE': ('LIMA_CENTRO', 'MIRAFLORES'), 'CO': ('BOGOTA_NORTE',)},
          'ESCRITO': {'PE': ('LIMA_CENTRO',), 'CO': ('BOGOTA_NORTE',)},
          'WEB': {'PE': ('PORTAL_WEB',), 'CO': ('PORTAL_WEB',)},
          'CHAT': {'PE': ('PORTAL_WEB',), 'CO': ('PORTAL_WEB',)}}


def _campos(plantilla, n, recibido, rng):
    campos = {}
    for codigo, valor in plantilla.items():
        if isinstance(valor, str):
            valor = valor.format(n=n)
        elif isinstance(valor, tuple):
            valor = rng.choice(valor)
        elif valor is None:
            valor = (recibido - datetime.timedelta(days=3)).date().isoformat()
        campos[codigo] = valor
    return campos


def _datos(i, rng, recibido):
    motivo, canales, pais, plantilla, textos = MOTIVOS[i % len(MOTIVOS)]
    datos = {'motivo': motivo, 'canal': rng.choice(canales), 'recibido_en': recibido,
             'descripcion': rng.choice(textos), 'campos': _campos(plantilla, i, recibido, rng)}
    puntos = PUNTOS.get(datos['canal'], {}).get(pais)
    if puntos:
        datos['punto_recepcion'] = puntos[i % len(puntos)]
    if datos['canal'] == 'ENTIDAD_CONTROL':
        # Sent by the regulator with its file number and a term shorter than the legal one.
        datos.update(tipo_solicitante='ente_control',
                     entidad_remitente='Superintendencia de Servicios Públicos Domiciliarios',
                     expediente_entidad=f'SSPD-2026-{i:05d}',
                     plazo_entidad={'cantidad': 10, 'unidad': 'dias_habiles'})
    if i % 5 == 4:
        datos.update(origen='interno', area_solicitante=rng.choice(AREAS_INTERNAS))
    else:
        tipo, numero, nombre, telefono = rng.choice(CLIENTES_PE if pais == 'PE' else CLIENTES_CO)
        datos['cliente'] = {'tipo_documento_identidad': tipo, 'numero_documento': numero,
                            'nombre': nombre, 'telefono': telefono,
                            'email': nombre.split()[0].lower() + '@correo.example'}
    return datos


def sembrar(n, registrador, supervisor, admin, ahora=None):
    """Register ``n`` cases received over the last three weeks and walk them to a mix of
    states. Returns the cases."""
    rng = random.Random(20260)
    ahora = ahora or ahora_utc()
    # Most cases are recent, as in a real desk; a tail goes back three weeks (overdue ones).
    minutos = [20 + int(21 * 24 * 60 * rng.random() ** 3) for _ in range(n)]
    recibidos = sorted(ahora - datetime.timedelta(minutes=m) for m in minutos)
    casos = []
    for i, recibido in enumerate(recibidos):
        caso = registrar(_datos(i, rng, recibido), registrador, IP, ahora=recibido)
        # Each case is worked by someone of its area, as on a real desk: the counter agent
        # answers the suggestions routed to customer service.
        quien = {supervisor.area_id: supervisor, registrador.area_id: registrador}.get(
            caso.area_id, admin)
        casos.append(_avanzar(caso, DESTINOS[i % len(DESTINOS)], quien, admin, casos, ahora))
    return casos


def _paso(instante, ahora, minutos):
    """The next step of a case, some minutes later but never after now."""
    return min(instante + datetime.timedelta(minutes=minutos), ahora)


def _avanzar(caso, destino, quien, admin, anteriores, ahora):
    t = _paso(caso.recibido_en.replace(tzinfo=datetime.timezone.utc), ahora, 25)
    if destino == 'PENDIENTE':
        return caso
    supervisa = 'supervisor' in quien.nombres_roles()
    if destino == 'ANULADO' and anteriores:
        return transicionar(caso, 'anular', quien if supervisa else admin, IP, caso.version, t,
                            motivo='Registrado dos veces por el mismo cliente.',
                            duplicado_de=anteriores[-1].numero)
    caso = tomar(caso, quien, IP, caso.version, t)
    if caso.id % 2:
        comentar(caso, 'Recibimos su caso y lo estamos revisando.', quien, IP,
                 visible_cliente=True, ahora=_paso(t, ahora, 5))
    t = _paso(t, ahora, 60)
    if caso.actividad_orden is not None and destino != 'SUSPENDIDO':
        caso = completar_actividad(caso, quien, IP, caso.version, 'Revisión inicial hecha.', t)
        t = _paso(t, ahora, 30)
        if caso.estado == 'PENDIENTE':  # handed over to the next activity's area
            return caso
    if destino == 'EN_CURSO':
        legal = TerminoCaso.get_or_none(TerminoCaso.reclamo == caso.id, TerminoCaso.tipo == LEGAL,
                                        TerminoCaso.prorrogable == True)  # noqa: E712
        if legal is not None and caso.area_id == quien.area_id and supervisa:
            prorrogar(caso, legal, 5, 'Se requiere información de otra dependencia.', quien, IP,
                      caso.version, t)
        elif caso.origen == 'externo' and caso.area.codigo == 'SOPORTE_TECNICO':
            caso = derivar(caso, 'MONITOREO', 'Requiere revisión de la red troncal.', quien, IP,
                           caso.version, t)
        return caso
    if destino == 'SUSPENDIDO':
        return transicionar(caso, 'suspender', quien, IP, caso.version, t,
                            motivo='A la espera de la copia del recibo que debe enviar el '
                                   'cliente.')
    caso = transicionar(caso, 'terminar', quien, IP, caso.version, t,
                        respuesta='Se revisó el caso y se corrigió el problema reportado.',
                        resultado=('fundado', 'fundado_parcial', 'infundado')[caso.id % 3])
    if caso.id % 2 and caso.origen == 'externo':  # the others wait for the e-mail to go out
        caso = registrar_entrega(caso, 'notificacion', 'carta', _paso(t, ahora, 90),
                                 'Carta entregada al titular.', quien, IP, caso.version,
                                 _paso(t, ahora, 120))
    if destino == 'CERRADO':
        t = _paso(t, ahora, 240)
        if caso.origen == 'interno':
            caso = transicionar(caso, 'cerrar', admin, IP, caso.version, t, calificacion=4)
        elif caso.id % 3 == 0:
            caso = transicionar(caso, 'cerrar', quien, IP, caso.version, t, sin_contacto=True,
                                nota='Tres llamadas sin respuesta.')
        else:
            caso = transicionar(caso, 'cerrar', quien, IP, caso.version, t,
                                calificacion=3 + caso.id % 3)
    return caso
