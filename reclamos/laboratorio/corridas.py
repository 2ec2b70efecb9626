"""Sandbox runs in the background: a row per run (queued, running, finished, cancelled,
failed) that any app server can show, executed in a daemon thread of the process that
started it, with its own app context and database connection.

The thread writes its progress and a heartbeat every few hundred cases and reads the cancel
flag at the same time. A run whose heartbeat is older than RECLAMOS_LABORATORIO_LATIDO_MINUTOS
(its process restarted or died) is marked failed when it is next read. Reads only the cases;
writes nothing but its own row.
"""
import datetime
import json
import logging
import threading

from flask import current_app
from peewee import (BooleanField, CharField, DateField, DateTimeField, ForeignKeyField,
                    IntegerField, TextField)

from bd import BaseModel, db
from catalogos.usuarios import Usuario
from reclamos.errores import ErrorValidacion
from reclamos.laboratorio.borradores import BorradorConfiguracion

EN_COLA, EN_CURSO, TERMINADA, CANCELADA, FALLIDA = (
    'en_cola', 'en_curso', 'terminada', 'cancelada', 'fallida')
ACTIVAS = (EN_COLA, EN_CURSO)
ETIQUETAS = {EN_COLA: 'En cola', EN_CURSO: 'En curso', TERMINADA: 'Terminada',
             CANCELADA: 'Cancelada', FALLIDA: 'Fallida'}
MAX_ACTIVAS = 2  # runs at once: each holds a core of the app server
INTERRUMPIDA = ('La simulación se interrumpió (el servidor se reinició o dejó de responder): '
                'vuelva a lanzarla.')

log = logging.getLogger(__name__)


def _ahora():
    return datetime.datetime.utcnow()


class CorridaEnsayo(BaseModel):
    borrador = ForeignKeyField(BorradorConfiguracion, on_delete='CASCADE')
    usuario = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False)
    desde = DateField()
    hasta = DateField()
    estado = CharField(max_length=20, default=EN_COLA)
    progreso = IntegerField(default=0)  # 0..100
    cancelar = BooleanField(default=False)
    resultado = TextField(null=True)  # the report's JSON once finished
    error = TextField(default='')
    creado_en = DateTimeField(default=_ahora)
    latido_en = DateTimeField(default=_ahora)
    terminado_en = DateTimeField(null=True)

    class Meta:
        table_name = 'corrida_ensayo'

    @property
    def etiqueta(self):
        return ETIQUETAS.get(self.estado, self.estado)

    def informe(self):
        """The report as ensayar returned it (periodo back to datetimes), or None."""
        if not self.resultado:
            return None
        informe = json.loads(self.resultado)
        informe['periodo'] = tuple(datetime.datetime.fromisoformat(x)
                                   for x in informe['periodo'])
        return informe


class Cancelada(Exception):
    """Raised inside the run when its cancel flag is set (or its row left the running state)."""


def _limite_latido():
    minutos = float(current_app.config.get('RECLAMOS_LABORATORIO_LATIDO_MINUTOS', 5))
    return _ahora() - datetime.timedelta(minutes=minutos)


def vigente(corrida):
    """``corrida`` re-read, a stale running one marked failed first (its process is gone)."""
    corrida = CorridaEnsayo.get_by_id(corrida.id)
    limite = _limite_latido()
    if corrida.estado in ACTIVAS and corrida.latido_en < limite:
        # Conditional: the thread may have written a heartbeat or finished meanwhile.
        CorridaEnsayo.update(estado=FALLIDA, error=INTERRUMPIDA, terminado_en=_ahora()).where(
            CorridaEnsayo.id == corrida.id, CorridaEnsayo.estado.in_(ACTIVAS),
            CorridaEnsayo.latido_en < limite).execute()
        corrida = CorridaEnsayo.get_by_id(corrida.id)
    return corrida


def iniciar(borrador, desde, hasta, usuario):
    """Check the period and start a run in the background; ErrorValidacion naming the field."""
    from reclamos.laboratorio.ensayo import contar_casos, periodo

    inicio, fin = periodo(desde, hasta)
    contar_casos(inicio, fin)
    activas = [vigente(c) for c in CorridaEnsayo.select().where(
        CorridaEnsayo.estado.in_(ACTIVAS))]
    if sum(1 for c in activas if c.estado in ACTIVAS) >= MAX_ACTIVAS:
        raise ErrorValidacion({'desde': f'Ya hay {MAX_ACTIVAS} simulaciones en curso: espere '
                                        'a que terminen o cancele una.'})
    corrida = CorridaEnsayo.create(borrador=borrador.id, usuario=usuario.id if usuario else None,
                                   desde=inicio.date(), hasta=(fin - datetime.timedelta(days=1))
                                   .date())
    app = current_app._get_current_object()
    threading.Thread(target=ejecutar, args=(app, corrida.id), daemon=True,
                     name=f'corrida-{corrida.id}').start()
    return corrida


def cancelar(corrida):
    """Ask a queued or running run to stop; the loop sees the flag within a few hundred cases."""
    return CorridaEnsayo.update(cancelar=True).where(
        CorridaEnsayo.id == corrida.id, CorridaEnsayo.estado.in_(ACTIVAS)).execute() > 0


def _terminar(ident, **campos):
    """Final state, only if the run is still ours (not marked failed as stale meanwhile)."""
    CorridaEnsayo.update(terminado_en=_ahora(), **campos).where(
        CorridaEnsayo.id == ident, CorridaEnsayo.estado.in_(ACTIVAS)).execute()


def _avance(ident):
    def informar(fraccion):
        progreso = max(0, min(99, int(fraccion * 100)))
        seguimos = CorridaEnsayo.update(progreso=progreso, latido_en=_ahora()).where(
            CorridaEnsayo.id == ident, CorridaEnsayo.estado == EN_CURSO,
            CorridaEnsayo.cancelar == False).execute()  # noqa: E712  (peewee expression)
        if not seguimos:
            raise Cancelada()
    return informar


def _json(informe):
    return json.dumps({**informe, 'periodo': [x.isoformat() for x in informe['periodo']]})


def ejecutar(app, ident):
    """The thread's body: run the draft over the period, keep the result in the row."""
    from reclamos.laboratorio.ensayo import ensayar

    with app.app_context():
        db.connect(reuse_if_open=True)
        try:
            CorridaEnsayo.update(estado=EN_CURSO, latido_en=_ahora()).where(
                CorridaEnsayo.id == ident, CorridaEnsayo.estado == EN_COLA).execute()
            corrida = CorridaEnsayo.get_by_id(ident)
            informe = ensayar(corrida.borrador, corrida.desde.isoformat(),
                              corrida.hasta.isoformat(), avance=_avance(ident))
            _terminar(ident, estado=TERMINADA, progreso=100, resultado=_json(informe))
        except Cancelada:
            _terminar(ident, estado=CANCELADA)
        except ErrorValidacion as error:
            _terminar(ident, estado=FALLIDA, error=' '.join(error.errores.values()))
        except Exception:  # a bug must end the run as failed, not leave it running
            log.exception('Corrida %s del laboratorio', ident)
            _terminar(ident, estado=FALLIDA, error='Error interno al simular: avise al '
                                                   'administrador del sistema.')
        finally:
            if not db.is_closed():
                db.close()
