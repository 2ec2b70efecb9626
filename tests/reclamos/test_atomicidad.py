"""One transaction per user action: a registration that fails between its inserts leaves
nothing behind (fault injection: one of OUR service steps raises after the first inserts; the
database is real and undoes them itself)."""
import pytest

from reclamos.caso import alta, registro
from reclamos.caso.acciones import Accion
from reclamos.caso.modelo import ContadorReclamo, Reclamo
from reclamos.clientes.modelo import Cliente
from reclamos.plazos.modelo import TerminoCaso
from tests.reclamos.conftest import IP, LUNES, datos_validos


def huella():
    return {m.__name__: m.select().count()
            for m in (Reclamo, TerminoCaso, Accion, Cliente)} | {
        'contador': list(ContadorReclamo.select().tuples())}


class Apagon(Exception):
    """The process dies here (as far as the transaction can tell)."""


@pytest.mark.parametrize('paso', ['insertar', 'menos_cargado', 'terminos_iniciales'])
def test_fallo_a_mitad_del_registro_no_deja_nada(monkeypatch, actores, registrar_caso, paso):
    registrar_caso()  # the counter and the customer exist: the failure must not move them
    antes = huella()
    original = getattr(alta, paso)
    insertados = []

    def falla_despues(*args, **kwargs):
        original(*args, **kwargs)
        # Rows written so far in this transaction are visible to it: the failure really
        # comes between inserts.
        insertados.append(Reclamo.select().count())
        raise Apagon(paso)

    monkeypatch.setattr(alta, paso, falla_despues)
    with pytest.raises(Apagon):
        registro.registrar(datos_validos(cliente={**datos_validos()['cliente'],
                                                  'numero_documento': '70707070'}),
                           actores.registrador, IP, LUNES)
    if paso == 'insertar':
        assert insertados == [antes['Reclamo'] + 1]  # the case row was already written
    assert huella() == antes
    monkeypatch.undo()
    nuevo = registrar_caso()  # and the next registration takes the next number
    assert nuevo.numero == '2026-000002'
