"""The case (reclamo) and its yearly number counter, with the named queries the queues use."""
import datetime
import json

from peewee import (JOIN, BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField,
                    TextField)

from bd import BaseModel
from bd.compiladas import ejecutar, puede_devolver
from catalogos.atencion import TIPOS_SOLICITANTE, Canal, PuntoRecepcion, TipoDocumento
from catalogos.organizacion import Area, Calendario
from catalogos.plazos import Prioridad
from catalogos.procesos import Actividad, Proceso
from catalogos.resultados import Resultado
from catalogos.servicios import TIPOS_CASO, Motivo, Producto, Servicio
from catalogos.usuarios import Usuario
from reclamos.clientes.modelo import Cliente
from reclamos.tiempo import a_bd
from reglas.transiciones import ABIERTOS, ESTADOS, ETIQUETAS, PENDIENTE

ORIGENES = [('externo', 'Externo (cliente)'), ('interno', 'Interno (un área)')]


class ContadorReclamo(BaseModel):
    """Last number given per year; bumped inside the registration transaction."""

    anio = IntegerField(unique=True)
    ultimo = IntegerField(default=0)


def siguiente_numero(anio):
    """Next readable number of ``anio``, e.g. '2026-000123'; call inside the transaction.

    The upsert takes the counter row's write lock (PostgreSQL row lock; on SQLite the
    registration runs under BEGIN IMMEDIATE), so two registrations never read the same value.
    One statement with RETURNING (written once: it runs on every registration, see bd.compiladas).
    """
    tabla = ContadorReclamo._meta.table_name
    # The table name is the model's own; the year travels as a parameter.
    texto = (f'INSERT INTO "{tabla}" ("anio", "ultimo") VALUES (?, 1) '  # nosec B608
             f'ON CONFLICT ("anio") DO UPDATE SET "ultimo" = "{tabla}"."ultimo" + 1')
    if puede_devolver():
        ultimo = ejecutar(texto + ' RETURNING "ultimo"', (anio,)).fetchone()[0]
    else:
        ejecutar(texto, (anio,))
        ultimo = (ContadorReclamo.select(ContadorReclamo.ultimo)
                  .where(ContadorReclamo.anio == anio).scalar())
    return f'{anio}-{ultimo:06d}'


class Reclamo(BaseModel):
    numero = CharField(max_length=20, unique=True, verbose_name='Número')
    tipo = CharField(max_length=20, choices=TIPOS_CASO, verbose_name='Tipo')
    origen = CharField(max_length=10, choices=ORIGENES, verbose_name='Origen')
    cliente = ForeignKeyField(Cliente, backref='reclamos', null=True, on_delete='RESTRICT',
                              verbose_name='Cliente')
    area_solicitante = ForeignKeyField(Area, backref='reclamos_solicitados', null=True,
                                       on_delete='RESTRICT', index=False,
                                       verbose_name='Área solicitante')
    canal = ForeignKeyField(Canal, backref='reclamos', on_delete='RESTRICT',
                            verbose_name='Canal')
    servicio = ForeignKeyField(Servicio, backref='reclamos', on_delete='RESTRICT',
                               verbose_name='Servicio')
    producto = ForeignKeyField(Producto, backref='reclamos', null=True, on_delete='RESTRICT',
                               index=False, verbose_name='Producto')
    # Covered by the (motivo, recibido_en) index below.
    motivo = ForeignKeyField(Motivo, backref='reclamos', on_delete='RESTRICT', index=False,
                             verbose_name='Motivo')
    prioridad = ForeignKeyField(Prioridad, backref='reclamos', null=True,
                                on_delete='RESTRICT', verbose_name='Prioridad')
    descripcion = TextField(verbose_name='Descripción')
    campos = TextField(default='{}', verbose_name='Campos del motivo')  # JSON object
    documento_tipo = ForeignKeyField(TipoDocumento, null=True, on_delete='RESTRICT',
                                     index=False, verbose_name='Tipo de documento')
    documento_numero = CharField(max_length=40, default='', verbose_name='Número de documento')
    calendario = ForeignKeyField(Calendario, null=True, on_delete='RESTRICT', index=False,
                                 verbose_name='Calendario')
    # Who filed it; a control entity or a court with its file number and its own term.
    tipo_solicitante = CharField(max_length=20, choices=TIPOS_SOLICITANTE, default='cliente',
                                 verbose_name='Tipo de solicitante')
    entidad_remitente = CharField(max_length=200, default='', verbose_name='Entidad remitente')
    expediente_entidad = CharField(max_length=60, default='', verbose_name='Expediente')
    punto_recepcion = ForeignKeyField(PuntoRecepcion, null=True, on_delete='RESTRICT',
                                      verbose_name='Punto de recepción')
    # The current activity is kept by its order in the process, not by a foreign key: a
    # configuration import replaces a process's activities wholesale, and open cases must
    # survive it (see catalogos.configuracion).
    proceso = ForeignKeyField(Proceso, null=True, on_delete='RESTRICT', index=False,
                              verbose_name='Proceso')
    actividad_orden = IntegerField(null=True, verbose_name='Actividad actual')
    recibido_en = DateTimeField(verbose_name='Recibido')
    estado = CharField(max_length=20, default=PENDIENTE,
                       choices=[(e, ETIQUETAS[e]) for e in ESTADOS], verbose_name='Estado')
    area = ForeignKeyField(Area, backref='reclamos', on_delete='RESTRICT', index=False,
                           verbose_name='Área responsable')
    usuario = ForeignKeyField(Usuario, backref='reclamos', null=True, on_delete='SET NULL',
                              index=False, verbose_name='Responsable')
    # Earliest due instant of the open terms: the "next due" every queue sorts by.
    vence_en = DateTimeField(null=True, verbose_name='Vence')
    respuesta = TextField(default='', verbose_name='Respuesta')
    # The outcome the regulator counts (reglas.resultado); the reason when it departs from
    # what the claim lines proposed.
    resultado = ForeignKeyField(Resultado, null=True, on_delete='RESTRICT', index=False,
                                verbose_name='Resultado')
    resultado_motivo = TextField(default='', verbose_name='Justificación del resultado')
    # How many times the case was reclassified (reclamos.caso.reclasificacion): reports filter
    # on it without reading the log.
    reclasificaciones = IntegerField(default=0, verbose_name='Reclasificaciones')
    terminado_en = DateTimeField(null=True, verbose_name='Terminado')
    cerrado_en = DateTimeField(null=True, verbose_name='Cerrado')
    # Complete for the regulator: when the answer reached the customer, and how (e-mail
    # accepted by the SMTP server, letter delivered, personal notification).
    notificado_en = DateTimeField(null=True, verbose_name='Respuesta notificada')
    notificado_medio = CharField(max_length=20, default='', verbose_name='Medio de notificación')
    anulado_en = DateTimeField(null=True, verbose_name='Anulado')
    calificacion = IntegerField(null=True, verbose_name='Calificación')
    calificado_por = CharField(max_length=200, default='', verbose_name='Calificado por')
    sin_contacto = BooleanField(default=False, verbose_name='Sin contacto')
    nota_cierre = TextField(default='', verbose_name='Nota de cierre')
    motivo_anulacion = TextField(default='', verbose_name='Motivo de anulación')
    duplicado_de = ForeignKeyField('self', null=True, on_delete='SET NULL', index=False,
                                   verbose_name='Duplicado de')
    registrado_por = ForeignKeyField(Usuario, backref='reclamos_registrados', null=True,
                                     on_delete='SET NULL', index=False,
                                     verbose_name='Registrado por')
    version = IntegerField(default=1)
    creado_en = DateTimeField(default=datetime.datetime.utcnow, verbose_name='Creado')
    actualizado_en = DateTimeField(default=datetime.datetime.utcnow,
                                   verbose_name='Actualizado')

    class Meta:
        indexes = (
            (('estado', 'vence_en'), False),
            (('area', 'estado', 'vence_en'), False),
            (('usuario', 'estado', 'vence_en'), False),
            (('registrado_por', 'estado', 'vence_en'), False),
            (('motivo', 'recibido_en'), False),
            # The dashboard's date ranges; covers its resolution-time percentiles.
            (('recibido_en', 'terminado_en', 'motivo', 'area'), False),
            (('terminado_en',), False),
        )

    def __str__(self):
        return self.numero or ''

    def valores_campos(self):
        return json.loads(self.campos or '{}')

    def actividad_actual(self):
        if self.proceso_id is None or self.actividad_orden is None:
            return None
        return Actividad.get_or_none(Actividad.proceso == self.proceso_id,
                                     Actividad.orden == self.actividad_orden)

    # -- named queries ----------------------------------------------------------------
    @classmethod
    def con_relaciones(cls):
        """Cases with every catalog row a case page or the API shows joined in: one query
        instead of one lazy query per relation (twelve on a full case)."""
        relaciones = [(Canal, cls.canal), (Servicio, cls.servicio), (Producto, cls.producto),
                      (Motivo, cls.motivo), (Prioridad, cls.prioridad), (Area, cls.area),
                      (Area.alias(), cls.area_solicitante), (Usuario.alias(), cls.usuario),
                      (Usuario.alias(), cls.registrado_por), (Cliente, cls.cliente),
                      (TipoDocumento, cls.documento_tipo), (Calendario, cls.calendario),
                      (Resultado, cls.resultado), (PuntoRecepcion, cls.punto_recepcion)]
        consulta = cls.select(cls, *[modelo for modelo, _ in relaciones])
        for modelo, campo in relaciones:
            consulta = consulta.join_from(cls, modelo, JOIN.LEFT_OUTER,
                                          on=(campo == modelo.id), attr=campo.name)
        return consulta

    @classmethod
    def abiertos(cls):
        return cls.select().where(cls.estado.in_(ABIERTOS))

    @classmethod
    def vencidos(cls, ahora):
        return cls.abiertos().where(cls.vence_en < a_bd(ahora))
