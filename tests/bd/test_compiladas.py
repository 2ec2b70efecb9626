"""A query compiled once gives, run after run, exactly the rows peewee builds itself."""
import pytest

from bd import db
from bd.compiladas import Compilada
from catalogos.organizacion import Area
from catalogos.usuarios import Usuario
from reclamos.caso.modelo import Reclamo
from tests.apoyo.casos import crear_caso

RELACIONES = ('canal', 'servicio', 'producto', 'motivo', 'prioridad', 'area', 'area_solicitante',
              'usuario', 'registrado_por', 'cliente', 'documento_tipo', 'calendario',
              'resultado', 'punto_recepcion')
CASO = Compilada(lambda numero: Reclamo.con_relaciones().where(Reclamo.numero == numero)
                 .limit(1))


def _datos(modelo):
    return None if modelo is None else dict(modelo.__data__)


def test_cada_caso_con_sus_catalogos_como_lo_lee_peewee(app, demo):
    with app.app_context(), db.connection_context():
        admin = Usuario.get(Usuario.email == 'admin@reclamos.demo')
        crear_caso(admin, motivo='SIN_SERVICIO', servicio='INTERNET', canal='WEB')
        numeros = [n for (n,) in Reclamo.select(Reclamo.numero).order_by(Reclamo.id).tuples()]
        assert len(numeros) > 3
        for numero in numeros:  # the first run works out the reading, the rest reuse it
            compilado = CASO.primera(numero)
            propio = Reclamo.con_relaciones().where(Reclamo.numero == numero).get()
            assert _datos(compilado) == _datos(propio)
            for relacion in RELACIONES:  # a missing one (NULL) stays None, not a lazy read
                assert _datos(getattr(compilado, relacion)) == _datos(getattr(propio, relacion))
        assert CASO.primera('1999-999999') is None


def test_valores_distintos_en_cada_corrida_y_escalar(app, demo):
    activas = Compilada(lambda activo, codigo: Area.select(Area.codigo).where(
        Area.activo == activo, Area.codigo != codigo).order_by(Area.codigo))
    primera = Compilada(lambda activo: Area.select(Area.id).where(Area.activo == activo)
                        .order_by(Area.id).limit(1))
    with app.app_context(), db.connection_context():
        todas = [a.codigo for a in Area.select().where(Area.activo == True)  # noqa: E712
                 .order_by(Area.codigo)]
        assert [a.codigo for a in activas.filas(True, todas[0])] == todas[1:]
        assert [a.codigo for a in activas.filas(True, todas[1])] == todas[:1] + todas[2:]
        assert activas.filas(False, '') == []
        assert primera.escalar(True) == Area.select(Area.id).where(
            Area.activo == True).order_by(Area.id).scalar()  # noqa: E712


def test_un_parametro_que_la_consulta_no_usa_se_rechaza(app):
    mal = Compilada(lambda numero: Reclamo.select().where(Reclamo.id == 1))
    with app.app_context(), db.connection_context(), pytest.raises(ValueError):
        mal.filas('2026-000001')


def test_una_lista_para_in_de_cualquier_largo(app, demo):
    from bd.compiladas import Lista

    por_codigo = Compilada(lambda codigos, activo: Area.select(Area.codigo).where(
        Area.codigo.in_(Lista(codigos)), Area.activo == activo).order_by(Area.codigo))
    with app.app_context(), db.connection_context():
        todas = [a.codigo for a in Area.select().where(Area.activo == True)  # noqa: E712
                 .order_by(Area.codigo)]
        for largo in (len(todas), 1, 3, 0):
            elegidas = todas[:largo]
            assert [a.codigo for a in por_codigo.filas(elegidas, True)] == elegidas
        assert por_codigo.filas(todas, False) == []


def test_escrituras_juntas_un_viaje_en_postgresql_y_todas_sus_filas(app, demo):
    """The registration's last writes (terms, log lines, outbox) as one statement on
    PostgreSQL: every row is there, each table's defaults applied; a bad row undoes all."""
    from peewee import IntegrityError

    from bd import es_postgres
    from bd.compiladas import insertar_juntas
    from reclamos.caso.acciones import Accion
    from reclamos.plazos.modelo import TerminoCaso
    from tests.apoyo.sentencias import sentencias_de

    with app.app_context(), db.connection_context():
        admin = Usuario.get(Usuario.email == 'admin@reclamos.demo')
        caso = crear_caso(admin, motivo='SIN_SERVICIO', servicio='INTERNET', canal='WEB')
        antes = Accion.select().count(), TerminoCaso.select().count()
        termino = TerminoCaso.select().where(TerminoCaso.reclamo == caso.id).dicts().first()
        termino = {k: v for k, v in termino.items() if k != 'id'} | {'nombre': 'Copia'}
        acciones = [{'reclamo': caso.id, 'usuario': admin.id, 'instante': caso.creado_en,
                     'tipo': 'comentario', 'texto': f'Nota {i}'} for i in range(3)]
        with db.atomic():
            enviadas = sentencias_de(lambda: insertar_juntas(
                [(TerminoCaso, [termino]), (Accion, acciones), (Accion, [])]))
        assert enviadas == (1 if es_postgres() else 2)
        assert (Accion.select().count(), TerminoCaso.select().count()) == (
            antes[0] + 3, antes[1] + 1)
        assert [a.texto for a in Accion.select().where(Accion.texto.startswith('Nota '))
                .order_by(Accion.id)] == ['Nota 0', 'Nota 1', 'Nota 2']
        # One row a constraint refuses: nothing of the statement stays.
        with pytest.raises(IntegrityError), db.atomic():
            insertar_juntas([(Accion, acciones), (TerminoCaso, [termino | {'reclamo': 0}])])
        assert Accion.select().count() == antes[0] + 3
