"""Values read once per request: a calendar asked for twice is read once, a change saved in
the same request is read again, and nothing outlives the request or a rolled-back write."""
import datetime

from bd import db
from catalogos.organizacion import Calendario, DiaEspecial
from reclamos.plazos.ciclo import calendario_regla
from tests.apoyo.sentencias import sentencias_de

NAVIDAD = datetime.date(2031, 12, 26)  # a Friday, not a holiday in Colombia


def _calendario():
    return Calendario.create(codigo='GENERAL', nombre='General', pais='CO',
                             zona='America/Bogota', predeterminado=True)


def _laborable(calendario_id):
    return calendario_regla(calendario_id).es_dia_habil(NAVIDAD)


def test_en_una_peticion_se_lee_una_vez_y_lo_guardado_se_relee(app):
    with app.test_request_context('/'), db.connection_context():
        calendario = _calendario()
        assert _laborable(calendario.id)
        assert sentencias_de(lambda: _laborable(calendario.id)) == 0
        DiaEspecial.create(calendario=calendario, fecha=NAVIDAD, descripcion='Cierre')
        assert not _laborable(calendario.id)
    with app.test_request_context('/'), db.connection_context():
        assert sentencias_de(lambda: _laborable(calendario.id)) > 0  # a new request reads again


def test_un_cambio_deshecho_no_queda_y_sin_peticion_no_se_guarda_nada(app):
    with app.test_request_context('/'), db.connection_context():
        calendario = _calendario()
        assert _laborable(calendario.id)
        with db.atomic() as transaccion:
            DiaEspecial.create(calendario=calendario, fecha=NAVIDAD)
            assert not _laborable(calendario.id)
            transaccion.rollback()
        assert _laborable(calendario.id)
    with app.app_context(), db.connection_context():  # a CLI command: always read afresh
        assert sentencias_de(lambda: _laborable(calendario.id)) > 0
        assert sentencias_de(lambda: _laborable(calendario.id)) > 0
