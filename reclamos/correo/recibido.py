"""The record of every message taken from the intake mailbox: what it became, or why it was
set aside. The unique fingerprint is what makes a message count once, even with two pollers."""
import datetime

from peewee import BigIntegerField, CharField, DateTimeField, ForeignKeyField, TextField

from bd import BaseModel
from reclamos.caso.modelo import Reclamo

CASO, COMENTARIO, APARTADO = 'caso', 'comentario', 'apartado'
RESULTADOS = [(CASO, 'Caso nuevo'), (COMENTARIO, 'Comentario en un caso'),
              (APARTADO, 'Apartado')]


class CorreoEntrante(BaseModel):
    # SHA-256 of the raw message (of its header and size when it was too big to download).
    huella = CharField(max_length=64, unique=True, verbose_name='Huella')
    message_id = CharField(max_length=300, default='', verbose_name='Message-ID')
    remitente = CharField(max_length=255, default='', verbose_name='Remitente')
    asunto = CharField(max_length=300, default='', verbose_name='Asunto')
    fecha = DateTimeField(null=True, verbose_name='Fecha del mensaje')
    recibido_en = DateTimeField(null=True, verbose_name='Llegó al buzón')
    tamano = BigIntegerField(default=0, verbose_name='Tamaño (bytes)')
    resultado = CharField(max_length=12, choices=RESULTADOS, verbose_name='Resultado')
    razon = TextField(default='', verbose_name='Razón')
    reclamo = ForeignKeyField(Reclamo, null=True, on_delete='RESTRICT', verbose_name='Caso')
    procesado_en = DateTimeField(default=datetime.datetime.utcnow, verbose_name='Procesado')

    class Meta:
        indexes = ((('resultado', 'procesado_en'), False),)

    def __str__(self):
        return f'{self.remitente}: {self.asunto}'

    @classmethod
    def previo(cls, huella):
        """(resultado, procesado_en) of the message already recorded, or None."""
        return (cls.select(cls.resultado, cls.procesado_en).where(cls.huella == huella)
                .tuples().first())
