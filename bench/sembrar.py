"""Seed N realistic cases in bulk (default 1,000,000) for the benchmarks.

    python -m bench.sembrar [--casos 1000000] [--semilla 7]

Into the database of DATABASE_URL (default: the embedded SQLite file). It brings the schema
up to date, loads the demo configuration and users when the database is empty, then inserts
customers, cases spread over 18 months with a realistic mix of states, channels, motives and
areas, their terms (computed by reglas, like a registration), actions and ratings. Rows go
in by COPY (PostgreSQL) or multi-row INSERTs (SQLite), a transaction per batch, with the
secondary indexes rebuilt at the end (bench.insercion), and a progress bar.
"""
import argparse
import array
import datetime
import random
import sys
import time

from bd import db, es_postgres
from bench.insercion import ajustar_secuencia, carga_masiva, insertar

LOTE = 10000
MESES = 18
DIA = datetime.timedelta(days=1)


def _catalogos():
    from catalogos.atencion import Canal
    from catalogos.organizacion import Area
    from catalogos.servicios import Motivo
    from catalogos.usuarios import Usuario
    from reclamos.plazos.ciclo import calendario_regla

    motivos = list(Motivo.select().where(Motivo.activo == True))  # noqa: E712
    for motivo in motivos:  # read now: no query may run while a COPY holds the connection
        motivo.plazo, motivo.prioridad  # noqa: B018
    calendarios = {m.calendario_id: calendario_regla(m.calendario_id) for m in motivos}
    usuarios = {}
    for usuario in Usuario.select().where(Usuario.area.is_null(False)):
        usuarios.setdefault(usuario.area_id, []).append(usuario.id)
    return {
        'motivos': motivos, 'calendarios': calendarios, 'usuarios': usuarios,
        'canales': list(Canal.select()),
        'areas': [a.id for a in Area.select().where(Area.resuelve == True)],  # noqa: E712
    }


# Cumulative weights given once: random.choices would add the weights up on every call
# (same draws either way).
_ABIERTOS = (('PENDIENTE', 'EN_CURSO', 'SUSPENDIDO'), (40, 90, 100))
_VIEJOS = (('CERRADO', 'TERMINADO', 'ANULADO', 'EN_CURSO'), (86, 94, 98, 100))
_RECIENTES = (('PENDIENTE', 'EN_CURSO', 'SUSPENDIDO', 'TERMINADO', 'CERRADO'),
              (30, 65, 70, 85, 100))
_NOTAS = ((1, 2, 3, 4, 5), (5, 13, 30, 65, 100))


def _estado(edad_dias, azar, solo_abiertos=False):
    """Older cases are mostly closed; the last weeks hold the open work."""
    estados, acumulados = (_ABIERTOS if solo_abiertos else _VIEJOS if edad_dias > 45
                           else _RECIENTES)
    return azar.choices(estados, cum_weights=acumulados)[0]


class Sembrador:
    def __init__(self, casos, semilla, solo_abiertos=False):
        self.total = casos
        self.solo_abiertos = solo_abiertos
        self.azar = random.Random(semilla)
        self.ahora = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        self.c = _catalogos()
        self.clientes = array.array('q')  # 8 bytes per id: the one list that grows with N
        self.contadores = {}
        self.siguiente_id = 1

    def sembrar(self, avance):
        from reclamos.clientes.modelo import Cliente

        base = 10_000_000 + Cliente.select().count()  # valid 8-digit DNIs, never repeated
        creado = self.ahora.replace(tzinfo=None)
        campos = [Cliente.tipo_documento_identidad, Cliente.numero_documento, Cliente.nombre,
                  Cliente.email, Cliente.telefono, Cliente.direccion, Cliente.creado_en]
        cuantos = max(1, self.total // 3)
        for inicio in range(0, cuantos, LOTE):
            with db.atomic():
                insertar(Cliente, campos, (
                    ('DNI', str(base + i), f'CLIENTE {i:07d}', f'cliente{i}@correo.example',
                     '', '', creado) for i in range(inicio, min(cuantos, inicio + LOTE))))
        self.clientes.extend(
            i for (i,) in Cliente.select(Cliente.id).order_by(Cliente.id).tuples().iterator())
        from reclamos.caso.modelo import ContadorReclamo, Reclamo
        self.siguiente_id = (Reclamo.select(Reclamo.id).order_by(Reclamo.id.desc())
                             .scalar() or 0) + 1
        # Numbers go on from each year's counter, as registrations would: the unique index on
        # numero is rebuilt only after the load, so a clash would surface only then.
        self.contadores = dict(ContadorReclamo.select(
            ContadorReclamo.anio, ContadorReclamo.ultimo).tuples())
        hechos = 0
        try:
            while hechos < self.total:
                cuantos = min(LOTE, self.total - hechos)
                with db.atomic():
                    self._lote(cuantos)
                hechos += cuantos
                avance(hechos)
        finally:  # also after an interruption: the next registration follows the last batch
            self._contadores()
            from reclamos.caso.acciones import Accion
            from reclamos.plazos.modelo import Suspension, TerminoCaso
            for modelo in (Reclamo, TerminoCaso, Accion, Suspension):
                ajustar_secuencia(modelo)

    def _lote(self, cuantos):
        from reclamos.caso.acciones import Accion
        from reclamos.caso.modelo import Reclamo
        from reclamos.plazos.modelo import Suspension, TerminoCaso

        campos = [Reclamo.id, Reclamo.numero, Reclamo.tipo, Reclamo.origen, Reclamo.cliente,
                  Reclamo.canal, Reclamo.servicio, Reclamo.producto, Reclamo.motivo,
                  Reclamo.prioridad,
                  Reclamo.descripcion, Reclamo.calendario, Reclamo.recibido_en, Reclamo.estado,
                  Reclamo.area, Reclamo.usuario, Reclamo.vence_en, Reclamo.terminado_en,
                  Reclamo.cerrado_en, Reclamo.calificacion, Reclamo.creado_en,
                  Reclamo.actualizado_en, Reclamo.campos, Reclamo.documento_numero,
                  Reclamo.respuesta, Reclamo.calificado_por, Reclamo.sin_contacto,
                  Reclamo.nota_cierre, Reclamo.motivo_anulacion, Reclamo.version]
        extra = ('{}', '', '', '', False, '', '', 1)
        terminos, acciones, pausas = [], [], []

        def filas():
            """Cases made while they are sent: PostgreSQL stores the rows COPY already sent
            while Python makes the next ones (two cores instead of one in turn). Nothing in
            here may query: the connection is busy with the COPY (a query would wait forever)."""
            for _ in range(cuantos):
                caso = self._caso()
                ident = self.siguiente_id
                self.siguiente_id += 1
                terminos.extend((ident,) + t + (False, False, 0.8, 0) for t in caso['terminos'])
                acciones.extend((ident,) + a + ('', False) for a in caso['acciones'])
                if caso['pausa']:
                    pausas.append((ident,) + caso['pausa'])
                yield (ident,) + caso['fila'] + extra
        insertar(Reclamo, campos, filas())
        insertar(TerminoCaso, [
            TerminoCaso.reclamo, TerminoCaso.tipo, TerminoCaso.codigo, TerminoCaso.nombre,
            TerminoCaso.cantidad, TerminoCaso.unidad, TerminoCaso.inicio, TerminoCaso.vence_en,
            TerminoCaso.cumplido_en, TerminoCaso.prorrogable, TerminoCaso.cancelado,
            TerminoCaso.umbral, TerminoCaso.prorrogado], terminos)
        insertar(Accion, [
            Accion.reclamo, Accion.usuario, Accion.instante, Accion.tipo, Accion.campo,
            Accion.valor_anterior, Accion.valor_nuevo, Accion.texto, Accion.ip,
            Accion.visible_cliente], acciones)
        insertar(Suspension, [Suspension.reclamo, Suspension.inicio, Suspension.motivo,
                               Suspension.estado_previo], pausas)

    def _caso(self):
        from reclamos.tiempo import a_bd
        from reglas import vencimiento

        azar, c = self.azar, self.c
        # More recent cases than old ones; open-only seeds stay within the last 40 days.
        edad = azar.random() ** 1.6 * (40 if self.solo_abiertos else MESES * 30.4)
        recibido = self.ahora - datetime.timedelta(days=edad, seconds=azar.randrange(86400))
        motivo = azar.choice(c['motivos'])
        calendario = c['calendarios'][motivo.calendario_id]
        anio = calendario.local(recibido).year
        self.contadores[anio] = self.contadores.get(anio, 0) + 1
        numero = f'{anio}-{self.contadores[anio]:06d}'
        estado = _estado(edad, azar, self.solo_abiertos)
        area = motivo.area_id or azar.choice(c['areas'])
        usuario = azar.choice(c['usuarios'].get(area, [None])) if estado != 'PENDIENTE' else None
        plazo, prioridad = motivo.plazo, motivo.prioridad
        legal = vencimiento(recibido, plazo.cantidad, plazo.unidad, calendario)
        sla = vencimiento(recibido, prioridad.cantidad, prioridad.unidad, calendario) \
            if prioridad else legal
        abierto = estado in ('PENDIENTE', 'EN_CURSO', 'SUSPENDIDO')
        # Most answers arrive before the legal deadline; some late (the compliance charts).
        terminado = None if abierto else min(
            self.ahora, recibido + (legal - recibido) * azar.uniform(0.1, 1.25))
        cerrado = terminado + datetime.timedelta(hours=azar.randrange(2, 72)) \
            if estado == 'CERRADO' else None
        cerrado = min(cerrado, self.ahora) if cerrado else None
        vence = None if not abierto or estado == 'SUSPENDIDO' else min(legal, sla)
        canal = azar.choice(c['canales'])
        recibido_bd, terminado_bd = a_bd(recibido), a_bd(terminado)
        fila = (numero, motivo.tipo, 'externo', azar.choice(self.clientes), canal.id,
                motivo.servicio_id, motivo.producto_id, motivo.id,
                prioridad.id if prioridad else None,
                'Caso de carga generado para la medición de rendimiento.', motivo.calendario_id,
                recibido_bd, estado, area, usuario, a_bd(vence), terminado_bd,
                a_bd(cerrado),
                azar.choices(_NOTAS[0], cum_weights=_NOTAS[1])[0] if estado == 'CERRADO' else None,
                recibido_bd, a_bd(cerrado or recibido))
        suspendido = estado == 'SUSPENDIDO'
        terminos = [('legal', plazo.codigo, plazo.nombre, plazo.cantidad, plazo.unidad,
                     recibido_bd, None if suspendido else a_bd(legal), terminado_bd)]
        if prioridad:
            terminos.append(('prioridad', prioridad.codigo, prioridad.nombre,
                             prioridad.cantidad, prioridad.unidad, recibido_bd,
                             None if suspendido else a_bd(sla), terminado_bd))
        acciones = [(usuario, recibido_bd, 'creacion', 'numero', None, numero,
                     f'Caso registrado por {canal.nombre}.')]
        if estado != 'PENDIENTE':
            acciones.append((usuario, a_bd(recibido + (terminado - recibido) / 3)
                             if terminado else recibido_bd, 'transicion', 'estado',
                             'PENDIENTE', 'EN_CURSO', ''))
        if terminado:
            acciones.append((usuario, terminado_bd, 'transicion', 'estado', 'EN_CURSO',
                             'TERMINADO', ''))
        if cerrado:
            acciones.append((usuario, fila[17], 'calificacion', 'calificacion', None,
                             str(fila[18]), ''))
        pausa = None
        if suspendido:  # waiting for the customer since some time after receipt
            pausa = (a_bd(recibido + (self.ahora - recibido) * azar.uniform(0.1, 0.9)),
                     'A la espera de documentos del cliente.', 'EN_CURSO')
            acciones.append((usuario, pausa[0], 'suspension', 'estado', 'EN_CURSO',
                             'SUSPENDIDO', pausa[1]))
        return {'fila': fila, 'terminos': terminos, 'acciones': acciones, 'pausa': pausa}

    def _contadores(self):
        from reclamos.caso.modelo import ContadorReclamo

        for anio, ultimo in self.contadores.items():
            (ContadorReclamo.insert(anio=anio, ultimo=ultimo)
             .on_conflict(conflict_target=[ContadorReclamo.anio],
                          update={ContadorReclamo.ultimo: ultimo}).execute())


def preparar():
    """Schema up to date; demo configuration and users when the database is empty."""
    from admin_app import demo
    from admin_app.esquema import migrar

    migrar()
    if demo.base_vacia():
        demo.cargar(casos=False)


def main(argv=None):
    import click

    from admin_app import create_app

    parser = argparse.ArgumentParser(description='Siembra casos para las mediciones.')
    parser.add_argument('--casos', type=int, default=1_000_000)
    parser.add_argument('--semilla', type=int, default=7)
    parser.add_argument('--solo-abiertos', action='store_true',
                        help='Todos los casos abiertos (medición del recálculo).')
    args = parser.parse_args(argv)
    app = create_app()
    with app.app_context():
        preparar()
        from reclamos.caso.modelo import Reclamo
        if Reclamo.select().count() >= args.casos:
            print('La base ya tiene esos casos; no se siembra de nuevo.')
            return
        inicio = time.monotonic()
        sembrador = Sembrador(args.casos, args.semilla, args.solo_abiertos)
        with carga_masiva(), click.progressbar(
                length=args.casos, label='Sembrando casos', show_pos=True,
                file=sys.stderr) as barra:
            sembrador.sembrar(lambda n: barra.update(n - barra.pos))
        if es_postgres():
            db.execute_sql('ANALYZE')
        else:
            db.execute_sql('PRAGMA optimize')
        print(f'{args.casos} casos sembrados en {time.monotonic() - inicio:.1f} s.')
        # As after any bulk load: the dashboard's rollup, so the measured dashboard reads
        # the rollup of these cases (the app would otherwise rebuild it in the background).
        from admin_app.config import zona
        from graficos.tablero.consolidado import recalcular

        inicio = time.monotonic()
        recalcular(zona())
        print(f'Resumen del tablero calculado en {time.monotonic() - inicio:.1f} s.')


if __name__ == '__main__':
    main()
