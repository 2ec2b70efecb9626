"""Seed N realistic cases in bulk (default 1,000,000) for the benchmarks.

    python -m bench.sembrar [--casos 1000000] [--semilla 7]

Into the database of DATABASE_URL (default: the embedded SQLite file). It brings the schema
up to date, loads the demo configuration and users when the database is empty, then inserts
customers, cases spread over 18 months with a realistic mix of states, channels, motives and
areas, their terms (computed by reglas, like a registration), actions and ratings. Rows go
in with multi-row INSERTs, a transaction per batch, and a progress bar.
"""
import argparse
import datetime
import random
import sys
import time

from bd import db, es_postgres
from bench.insercion import TABLAS_MASIVAS, ajustar_secuencia, insertar

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
    calendarios = {m.calendario_id: calendario_regla(m.calendario_id) for m in motivos}
    usuarios = {}
    for usuario in Usuario.select().where(Usuario.area.is_null(False)):
        usuarios.setdefault(usuario.area_id, []).append(usuario.id)
    return {
        'motivos': motivos, 'calendarios': calendarios, 'usuarios': usuarios,
        'canales': list(Canal.select()),
        'areas': [a.id for a in Area.select().where(Area.resuelve == True)],  # noqa: E712
    }


def _estado(edad_dias, azar, solo_abiertos=False):
    """Older cases are mostly closed; the last weeks hold the open work."""
    if solo_abiertos:
        return azar.choices(('PENDIENTE', 'EN_CURSO', 'SUSPENDIDO'), (40, 50, 10))[0]
    if edad_dias > 45:
        return azar.choices(('CERRADO', 'TERMINADO', 'ANULADO', 'EN_CURSO'),
                            (86, 8, 4, 2))[0]
    return azar.choices(('PENDIENTE', 'EN_CURSO', 'SUSPENDIDO', 'TERMINADO', 'CERRADO'),
                        (30, 35, 5, 15, 15))[0]


def _quitar_indices():
    """SQLite: drop the secondary indexes of the bulk-loaded tables; returns their SQL.

    Why: keeping a dozen B-trees ordered row by row while a million random rows go in costs
    more than building each index once at the end from sorted data.
    """
    marcas = ', '.join('?' * len(TABLAS_MASIVAS))
    filas = db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f'AND tbl_name IN ({marcas})', TABLAS_MASIVAS).fetchall()  # nosec B608: placeholders
    for nombre, _ in filas:
        db.execute_sql(f'DROP INDEX "{nombre}"')
    return [sql for _, sql in filas]


class Sembrador:
    def __init__(self, casos, semilla, solo_abiertos=False):
        self.total = casos
        self.solo_abiertos = solo_abiertos
        self.azar = random.Random(semilla)
        self.ahora = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        self.c = _catalogos()
        self.clientes = []
        self.contadores = {}
        self.siguiente_id = 1

    def sembrar(self, avance):
        from reclamos.clientes.modelo import Cliente

        base = 10_000_000 + Cliente.select().count()  # valid 8-digit DNIs, never repeated
        creado = self.ahora.replace(tzinfo=None)
        filas = [('DNI', str(base + i), f'CLIENTE {i:07d}', f'cliente{i}@correo.example',
                  '', '', creado) for i in range(max(1, self.total // 3))]
        campos = [Cliente.tipo_documento_identidad, Cliente.numero_documento, Cliente.nombre,
                  Cliente.email, Cliente.telefono, Cliente.direccion, Cliente.creado_en]
        for inicio in range(0, len(filas), LOTE):
            with db.atomic():
                insertar(Cliente, campos, filas[inicio:inicio + LOTE])
        self.clientes = [i for (i,) in Cliente.select(Cliente.id).tuples()]
        from reclamos.caso.modelo import Reclamo
        self.siguiente_id = (Reclamo.select(Reclamo.id).order_by(Reclamo.id.desc())
                             .scalar() or 0) + 1
        hechos = 0
        while hechos < self.total:
            cuantos = min(LOTE, self.total - hechos)
            with db.atomic():
                self._lote(cuantos)
            hechos += cuantos
            avance(hechos)
        self._contadores()
        from reclamos.caso.acciones import Accion
        from reclamos.caso.modelo import Reclamo
        from reclamos.plazos.modelo import TerminoCaso
        from reclamos.plazos.modelo import Suspension
        for modelo in (Reclamo, TerminoCaso, Accion, Suspension):
            ajustar_secuencia(modelo)

    def _lote(self, cuantos):
        from reclamos.caso.acciones import Accion
        from reclamos.caso.modelo import Reclamo
        from reclamos.plazos.modelo import Suspension, TerminoCaso

        casos = [self._caso() for _ in range(cuantos)]
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
        filas, terminos, acciones, pausas = [], [], [], []
        for caso in casos:
            ident = self.siguiente_id
            self.siguiente_id += 1
            filas.append((ident,) + caso['fila'] + extra)
            terminos += [(ident,) + t + (False, False, 0.8, 0) for t in caso['terminos']]
            acciones += [(ident,) + a + ('', False) for a in caso['acciones']]
            if caso['pausa']:
                pausas.append((ident,) + caso['pausa'])
        insertar(Reclamo, campos, filas)
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
        fila = (numero, motivo.tipo, 'externo', azar.choice(self.clientes), canal.id,
                motivo.servicio_id, motivo.producto_id, motivo.id,
                prioridad.id if prioridad else None,
                'Caso de carga generado para la medición de rendimiento.', motivo.calendario_id,
                a_bd(recibido), estado, area, usuario, a_bd(vence), a_bd(terminado),
                a_bd(cerrado), azar.choices((1, 2, 3, 4, 5), (5, 8, 17, 35, 35))[0]
                if estado == 'CERRADO' else None, a_bd(recibido), a_bd(cerrado or recibido))
        cumplido = a_bd(terminado) if terminado else None
        terminos = [('legal', plazo.codigo, plazo.nombre, plazo.cantidad, plazo.unidad,
                     a_bd(recibido), None if estado == 'SUSPENDIDO' else a_bd(legal), cumplido)]
        if prioridad:
            terminos.append(('prioridad', prioridad.codigo, prioridad.nombre,
                             prioridad.cantidad, prioridad.unidad, a_bd(recibido),
                             None if estado == 'SUSPENDIDO' else a_bd(sla), cumplido))
        acciones = [(usuario, a_bd(recibido), 'creacion', 'numero', None, numero,
                     f'Caso registrado por {canal.nombre}.')]
        if estado != 'PENDIENTE':
            acciones.append((usuario, a_bd(recibido + (terminado - recibido) / 3
                                          if terminado else recibido), 'transicion', 'estado',
                             'PENDIENTE', 'EN_CURSO', ''))
        if terminado:
            acciones.append((usuario, a_bd(terminado), 'transicion', 'estado', 'EN_CURSO',
                             'TERMINADO', ''))
        if cerrado:
            acciones.append((usuario, a_bd(cerrado), 'calificacion', 'calificacion', None,
                             str(fila[18]), ''))
        pausa = None
        if estado == 'SUSPENDIDO':  # waiting for the customer since some time after receipt
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
        if not es_postgres():
            db.execute_sql('PRAGMA synchronous = OFF')  # a re-runnable seed, not user data
        inicio = time.monotonic()
        sembrador = Sembrador(args.casos, args.semilla, args.solo_abiertos)
        indices = [] if es_postgres() else _quitar_indices()
        try:
            with click.progressbar(length=args.casos, label='Sembrando casos', show_pos=True,
                                   file=sys.stderr) as barra:
                sembrador.sembrar(lambda n: barra.update(n - barra.pos))
        finally:
            for sql in indices:
                db.execute_sql(sql)
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
