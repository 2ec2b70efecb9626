"""The escalation sweep: every running term that crossed a level gets it notified, once.

Why a schedule column: ``TerminoCaso.alerta_en`` holds when the sweep must next look at a
term (its next level; "now" after a change of its due instant; None when nothing is left).
The sweep reads only ``alerta_en <= now`` through its index, so with a million cases and
nothing due it reads nothing. A term picked up is judged afresh from its current due instant
(levels computed by ``reglas.escalamiento`` on the term's own clock) and rescheduled.

Why it is safe to run twice at once: a batch is one transaction; on PostgreSQL its rows are
taken with ``FOR UPDATE SKIP LOCKED`` (another server takes other rows), on SQLite the
transaction holds the write lock (BEGIN IMMEDIATE). Each (term, level) notified is a row
under a unique index written with the notifications, the outbox e-mails and the action log
line: a crash rolls all of it back, a second sweep finds the row and notifies nothing.
"""
import logging
from collections import defaultdict

from bd import es_postgres
from catalogos.alertas import AL_CAMBIAR_NIVELES, NivelEscalamiento, direcciones
from catalogos.organizacion import Area
from catalogos.servicios import Motivo
from catalogos.usuarios import Rol, Usuario, UsuarioRol
from reclamos.caso.acciones import anotar
from reclamos.correo.avisos import componer, fecha_es
from reclamos.caso.modelo import Reclamo
from reclamos.correo.salida import encolar
from reclamos.caso.nucleo import contexto, transaccion
from reclamos.alertas.notificaciones import AlertaTermino, notificar
from reclamos.plazos.ciclo import calendario_regla
from reclamos.plazos.modelo import TerminoCaso
from reclamos.tiempo import a_bd, ahora_utc, aware
from reglas import ReglaInvalida
from reglas.escalamiento import instante_nivel
from reglas.transiciones import ABIERTOS

LOTE = 200


def barrer(ahora=None, lote=LOTE):
    """Notify every level due at ``ahora``; returns {'terminos': looked at, 'avisos': levels}."""
    ahora = aware(ahora) if ahora is not None else ahora_utc()
    resumen = {'terminos': 0, 'avisos': 0}
    memoria = _Memoria()
    while True:
        with transaccion():
            terminos = _tomar(ahora, lote)
            resumen['avisos'] += _procesar(terminos, ahora, memoria)
        resumen['terminos'] += len(terminos)
        if len(terminos) < lote:
            return resumen


def _tomar(ahora, lote):
    consulta = (TerminoCaso.select().where(TerminoCaso.alerta_en <= a_bd(ahora))
                .order_by(TerminoCaso.alerta_en, TerminoCaso.id).limit(lote))
    if es_postgres():
        consulta = consulta.for_update(of=TerminoCaso, skip_locked=True)
    return list(consulta)


class _Memoria:
    """What one sweep reads once: levels, calendars, supervisors and managers."""

    def __init__(self):
        niveles = list(NivelEscalamiento.select().where(NivelEscalamiento.activo == True)  # noqa: E712
                       .order_by(NivelEscalamiento.porcentaje))
        self.por_area = defaultdict(list)
        self.globales = []
        for nivel in niveles:
            (self.por_area[nivel.area_id] if nivel.area_id else self.globales).append(nivel)
        # Rescheduling uses every percentage of every scope: a case handed over to another
        # area finds that area's levels without any hook in the hand-over.
        self.porcentajes = sorted({n.porcentaje for n in niveles})
        self.calendarios = {}
        self.plantillas = {}
        self.usuarios = {}
        self.areas = dict(Area.select(Area.id, Area.nombre).tuples())
        self.motivos = dict(Motivo.select(Motivo.id, Motivo.nombre).tuples())
        self._supervisores = None
        self._gerentes = None

    def niveles(self, area_id):
        return self.por_area.get(area_id) or self.globales

    def calendario(self, calendario_id):
        if calendario_id not in self.calendarios:
            self.calendarios[calendario_id] = calendario_regla(calendario_id)
        return self.calendarios[calendario_id]

    def usuario(self, usuario_id):
        if usuario_id not in self.usuarios:
            self.usuarios[usuario_id] = Usuario.get_or_none(Usuario.id == usuario_id)
        return self.usuarios[usuario_id]

    def _con_rol(self, rol):
        return list(Usuario.select().join(UsuarioRol, on=(UsuarioRol.user == Usuario.id))
                    .join(Rol, on=(UsuarioRol.role == Rol.id))
                    .where(Rol.name == rol, Usuario.active == True))  # noqa: E712

    def supervisores(self, area_id):
        if self._supervisores is None:
            self._supervisores = defaultdict(list)
            for usuario in self._con_rol('supervisor'):
                self._supervisores[usuario.area_id].append(usuario)
        return self._supervisores.get(area_id, [])

    def gerentes(self):
        if self._gerentes is None:
            self._gerentes = self._con_rol('gerente')
        return self._gerentes


def _procesar(terminos, ahora, memoria):
    if not terminos:
        return 0
    casos = {r.id: r for r in Reclamo.select().where(
        Reclamo.id.in_({t.reclamo_id for t in terminos}))}
    hechos = set(AlertaTermino.select(AlertaTermino.termino, AlertaTermino.nivel)
                 .where(AlertaTermino.termino.in_([t.id for t in terminos])).tuples())
    avisos = 0
    for termino in terminos:
        caso = casos[termino.reclamo_id]
        siguiente = None
        if termino.abierto and termino.vence_en is not None and caso.estado in ABIERTOS:
            calendario = memoria.calendario(caso.calendario_id)

            def instante(porcentaje, t=termino, cal=calendario):
                return instante_nivel(aware(t.inicio), aware(t.vence_en), porcentaje,
                                      t.unidad, cal)

            try:
                for nivel in memoria.niveles(caso.area_id):
                    if (termino.id, nivel.id) not in hechos \
                            and instante(nivel.porcentaje) <= ahora:
                        avisos += _notificar(termino, caso, nivel, calendario, ahora, memoria)
                futuros = [m for m in (instante(p) for p in memoria.porcentajes) if m > ahora]
            except ReglaInvalida:
                # A term the rules cannot place (dates out of range): never blocks the sweep.
                logging.getLogger(__name__).warning('Plazo %s sin alertas: fechas inválidas.',
                                                    termino.id)
                futuros = []
            siguiente = min(futuros) if futuros else None
        (TerminoCaso.update(alerta_en=a_bd(siguiente))
         .where(TerminoCaso.id == termino.id).execute())
    return avisos


def destinatarios(caso, nivel, memoria):
    """The users a level reaches on this case (active, each once) and its fixed addresses."""
    usuarios = {}
    if nivel.al_responsable and caso.usuario_id is not None:
        responsable = memoria.usuario(caso.usuario_id)
        if responsable is not None and responsable.active:
            usuarios[responsable.id] = responsable
    if nivel.a_supervisores:
        usuarios.update((u.id, u) for u in memoria.supervisores(caso.area_id))
    if nivel.a_gerentes:
        usuarios.update((u.id, u) for u in memoria.gerentes())
    return list(usuarios.values()), direcciones(nivel.correos) if nivel.por_correo else []


def _notificar(termino, caso, nivel, calendario, ahora, memoria):
    """Notify one level of one term; 0 when another sweep already did."""
    nuevo = (AlertaTermino.insert(termino=termino.id, nivel=nivel.id, porcentaje=nivel.porcentaje,
                                  instante=a_bd(ahora))
             .on_conflict_ignore().as_rowcount().execute())
    if not nuevo:
        return 0
    usuarios, fijas = destinatarios(caso, nivel, memoria)
    responsable = memoria.usuario(caso.usuario_id) if caso.usuario_id else None
    valores = {'numero': caso.numero, 'nivel': nivel.nombre, 'porcentaje': nivel.porcentaje,
               'plazo': termino.nombre, 'vence': fecha_es(termino.vence_en, calendario.zona),
               'area': memoria.areas.get(caso.area_id, ''),
               'responsable': str(responsable or 'sin asignar'),
               'motivo': memoria.motivos.get(caso.motivo_id, ''),
               'estado_plazo': 'vencido' if nivel.porcentaje >= 100 else 'por vencer'}
    asunto, cuerpo = componer('ALERTA', valores, memoria.plantillas)
    clave = f'alerta:{termino.id}:{nivel.id}'
    correos = {u.email for u in usuarios} if nivel.por_correo else set()
    correos.update(fijas)
    for usuario in usuarios if nivel.en_app else ():
        notificar(usuario, asunto, cuerpo, caso, clave=f'{clave}:{usuario.id}', ahora=ahora)
    for correo in sorted(correos):
        encolar(correo, asunto, cuerpo, reclamo=caso, clave=f'{clave}:{correo}'[:200])
    quienes = sorted({u.email for u in usuarios} | correos)
    medios = ' y '.join(m for m, si in (('en la aplicación', nivel.en_app and usuarios),
                                         ('por correo', correos)) if si)
    texto = (f'Alerta «{nivel.nombre}»: el plazo «{termino.nombre}» llegó al '
             f'{nivel.porcentaje} %. ' + (f'Notificado {medios} a {", ".join(quienes)}.'
                                          if quienes else 'Sin destinatarios configurados.'))
    anotar(caso, contexto(None, '', ahora), 'notificacion', f'plazo {termino.codigo}'[:60],
           None, f'{nivel.porcentaje} %', texto)
    return 1


def reprogramar():
    """Have the next sweep look again at every open term (the levels changed): due since
    its start, like a new term, so a sweep at any instant after it takes it."""
    (TerminoCaso.update(alerta_en=TerminoCaso.inicio)
     .where(TerminoCaso.cumplido_en.is_null(), TerminoCaso.cancelado == False)  # noqa: E712
     .execute())


AL_CAMBIAR_NIVELES[:] = [reprogramar]
