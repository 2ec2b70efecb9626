"""Claim lines of a case based on a document (seed 004): amounts disputed line by line and
approved through a small workflow. Each submission freezes a version; a rejected line is
final."""
import datetime
from decimal import Decimal, InvalidOperation

from peewee import (CharField, DateTimeField, DecimalField, ForeignKeyField, IntegerField,
                    TextField, fn)

from bd import BaseModel
from catalogos.atencion import TipoDocumento
from catalogos.usuarios import Usuario
from reclamos.caso.acciones import anotar
from reclamos.caso.modelo import Reclamo
from reclamos.errores import ErrorValidacion
from reclamos.caso.nucleo import bloquear, contexto, exigir, transaccion
from reclamos.tiempo import a_bd
from reglas.transiciones import (APROBADO, BORRADOR, ESTADOS_LINEA, ETIQUETAS_LINEA,
                                 transicion_linea)

MONTO_MAX = Decimal('999999999999.99')


class LineaReclamo(BaseModel):
    reclamo = ForeignKeyField(Reclamo, backref='lineas', on_delete='CASCADE')
    numero = IntegerField(verbose_name='Línea')
    concepto = CharField(max_length=200, verbose_name='Concepto')
    monto_reclamado = DecimalField(max_digits=14, decimal_places=2,
                                   verbose_name='Monto reclamado')
    monto_aprobado = DecimalField(max_digits=14, decimal_places=2, null=True,
                                  verbose_name='Monto aprobado')
    estado = CharField(max_length=25, default=BORRADOR,
                       choices=[(e, ETIQUETAS_LINEA[e]) for e in ESTADOS_LINEA])
    envios = IntegerField(default=0, verbose_name='Envíos')  # = number of VersionLinea rows
    observacion = TextField(default='', verbose_name='Observación')  # last rejection/return
    creado_en = DateTimeField(default=datetime.datetime.utcnow)
    actualizado_en = DateTimeField(default=datetime.datetime.utcnow)

    class Meta:
        indexes = ((('reclamo', 'numero'), True),)


class VersionLinea(BaseModel):
    """What was submitted for approval, frozen: later edits never change it."""

    linea = ForeignKeyField(LineaReclamo, backref='versiones', on_delete='CASCADE')
    numero = IntegerField()
    concepto = CharField(max_length=200)
    monto_reclamado = DecimalField(max_digits=14, decimal_places=2)
    enviado_en = DateTimeField()
    enviado_por = ForeignKeyField(Usuario, null=True, on_delete='SET NULL', index=False)

    class Meta:
        indexes = ((('linea', 'numero'), True),)


def _monto(valor, clave, errores):
    try:
        if isinstance(valor, (bool, float)):
            raise InvalidOperation  # floats carry binary noise; amounts come as text or Decimal
        texto = str(valor).strip().replace(' ', '')
        if ',' in texto and '.' in texto:
            # Thousands and decimals as the page shows them: 1.234,50 (es) or 1,234.50 (en).
            miles = '.' if texto.rfind(',') > texto.rfind('.') else ','
            texto = texto.replace(miles, '')
        if ',' in texto:
            texto = texto.replace(',', '.')
        monto = Decimal(texto)
    except (InvalidOperation, ValueError):
        errores[clave] = f'Monto inválido: «{valor}».'
        return None
    if not monto.is_finite() or monto <= 0 or monto > MONTO_MAX:
        errores[clave] = 'El monto debe ser mayor que cero.'
    elif monto != monto.quantize(Decimal('0.01')):
        errores[clave] = 'El monto admite como máximo dos decimales.'
    return monto


def _concepto(texto, errores):
    texto = texto.strip() if isinstance(texto, str) else ''
    if not texto:
        errores['concepto'] = 'Indique el concepto reclamado (p. ej. el ítem de la factura).'
    elif len(texto) > 200:
        errores['concepto'] = 'El concepto supera 200 caracteres.'
    return texto


def agregar_linea(reclamo, concepto, monto_reclamado, usuario, ip, version, ahora=None):
    """A new draft line on a case whose source document has claimable lines."""
    return agregar_lineas(reclamo, [(concepto, monto_reclamado)], usuario, ip, version,
                          ahora)[0]


def agregar_lineas(reclamo, lineas, usuario, ip, version, ahora=None):
    """Several draft lines at once (e.g. copied from the source document): one version of
    the case, every line checked before any is saved. ``lineas``: [(concepto, monto)]."""
    ctx = contexto(usuario, ip, ahora)
    with transaccion():
        r = bloquear(reclamo, version, ctx)
        exigir(r, 'agregar_linea', ctx)
        _sin_rechazo(r.id)
        errores = {}
        tipo = TipoDocumento.get_or_none(TipoDocumento.id == r.documento_tipo_id)
        if tipo is None or not tipo.tiene_lineas:
            errores['documento_tipo'] = ('El caso no se basa en un documento con líneas '
                                         'reclamables (factura, orden de venta...).')
        if not lineas:
            errores['lineas'] = 'No hay líneas que agregar.'
        limpias = []
        for concepto, monto in lineas:
            propios = {}
            limpias.append((_concepto(concepto, propios), _monto(monto, 'monto_reclamado',
                                                                 propios)))
            for campo, mensaje in propios.items():
                errores.setdefault(campo, mensaje)
        if errores:
            raise ErrorValidacion(errores)
        numero = (LineaReclamo.select(fn.MAX(LineaReclamo.numero))
                  .where(LineaReclamo.reclamo == r.id).scalar() or 0)
        creadas = []
        for concepto, monto in limpias:
            numero += 1
            creadas.append(LineaReclamo.create(
                reclamo=r.id, numero=numero, concepto=concepto, monto_reclamado=monto,
                creado_en=a_bd(ctx.ahora), actualizado_en=a_bd(ctx.ahora)))
            anotar(r, ctx, 'linea', f'linea {numero}', None, f'{concepto}: {monto}')
        return creadas


def _accion(linea, accion, usuario, ip, version, ahora, cambios_de):
    """Lock the case, check role and line state, apply ``cambios_de(linea, ctx, errores)``."""
    ctx = contexto(usuario, ip, ahora)
    ident = getattr(linea, 'id', linea)
    with transaccion():
        linea = LineaReclamo.get_or_none(LineaReclamo.id == ident)
        if linea is None:
            raise ErrorValidacion({'linea': f'La línea {ident} no existe.'})
        r = bloquear(linea.reclamo_id, version, ctx)
        exigir(r, accion, ctx)
        _sin_rechazo(r.id)
        linea = LineaReclamo.get_by_id(ident)
        nuevo, motivo = transicion_linea(linea.estado, accion)
        if nuevo is None:
            raise ErrorValidacion({'estado': motivo})
        errores = {}
        cambios = cambios_de(linea, ctx, errores)
        if errores:
            raise ErrorValidacion(errores)
        anterior = linea.estado
        cambios.update(estado=nuevo, actualizado_en=a_bd(ctx.ahora))
        LineaReclamo.update(cambios).where(LineaReclamo.id == linea.id).execute()
        texto = cambios.get('observacion', '')
        anotar(r, ctx, 'linea', f'linea {linea.numero}', anterior, nuevo, texto)
        return LineaReclamo.get_by_id(linea.id)


def _sin_rechazo(reclamo_id):
    from reclamos.caso.decision import exigir_sin_rechazo  # decision builds on this module

    exigir_sin_rechazo(reclamo_id)


def modificar_linea(linea, concepto, monto_reclamado, usuario, ip, version, ahora=None):
    def cambios(fila, ctx, errores):
        return {'concepto': _concepto(concepto, errores),
                'monto_reclamado': _monto(monto_reclamado, 'monto_reclamado', errores)}
    return _accion(linea, 'modificar_linea', usuario, ip, version, ahora, cambios)


def enviar_a_aprobacion(linea, usuario, ip, version, ahora=None):
    """BORRADOR -> APROBACION_PENDIENTE, freezing a VersionLinea with the amounts."""
    def cambios(fila, ctx, errores):
        VersionLinea.create(linea=fila.id, numero=fila.envios + 1, concepto=fila.concepto,
                            monto_reclamado=fila.monto_reclamado, enviado_en=a_bd(ctx.ahora),
                            enviado_por=ctx.usuario.id if ctx.usuario else None)
        return {'envios': fila.envios + 1}
    return _accion(linea, 'enviar_linea', usuario, ip, version, ahora, cambios)


def aprobar(linea, usuario, ip, version, monto_aprobado=None, ahora=None):
    """Approve the amount claimed, or a smaller one."""
    def cambios(fila, ctx, errores):
        monto = fila.monto_reclamado if monto_aprobado is None else \
            _monto(monto_aprobado, 'monto_aprobado', errores)
        if monto is not None and 'monto_aprobado' not in errores and monto > fila.monto_reclamado:
            errores['monto_aprobado'] = (f'No se puede aprobar más de lo reclamado '
                                         f'({fila.monto_reclamado}).')
        return {'monto_aprobado': monto}
    return _accion(linea, 'aprobar_linea', usuario, ip, version, ahora, cambios)


def _con_motivo(motivo):
    def cambios(fila, ctx, errores):
        texto = motivo.strip() if isinstance(motivo, str) else ''
        if not texto:
            errores['motivo'] = 'Indique el motivo.'
        return {'observacion': texto}
    return cambios


def rechazar(linea, motivo, usuario, ip, version, ahora=None):
    """Final: a rejected line cannot be submitted again."""
    return _accion(linea, 'rechazar_linea', usuario, ip, version, ahora, _con_motivo(motivo))


def devolver(linea, motivo, usuario, ip, version, ahora=None):
    """Back to BORRADOR for a correction; the next submission is a new version."""
    return _accion(linea, 'devolver_linea', usuario, ip, version, ahora, _con_motivo(motivo))


def cancelar(linea, usuario, ip, version, ahora=None):
    return _accion(linea, 'cancelar_linea', usuario, ip, version, ahora, lambda f, c, e: {})


def total_aprobado(reclamo):
    return (LineaReclamo.select(fn.COALESCE(fn.SUM(LineaReclamo.monto_aprobado), 0))
            .where(LineaReclamo.reclamo == reclamo, LineaReclamo.estado == APROBADO).scalar())
