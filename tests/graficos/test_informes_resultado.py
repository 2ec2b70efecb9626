"""Reports of issue 17: grouped by outcome, and the reclassified cases told apart (the
report uses the final classification)."""
from bd import db
from catalogos.informes import PlantillaInforme
from reclamos.caso.modelo import Reclamo
from reclamos.caso.reclasificacion import reclasificar
from tests.graficos.test_informes import _informe, casos  # noqa: F401


def test_por_resultado_y_reclasificados(app, casos):  # noqa: F811
    with app.app_context(), db.connection_context():
        # E (LENTITUD, open) becomes a billing claim: it counts under its final motive.
        e = Reclamo.get_by_id(casos['E'].id)
        reclasificar(e, {'motivo': 'FACTURACION_INTERNET'}, 'Es un cobro.', e.usuario, '',
                     e.version)
        PlantillaInforme.create(codigo='RES', nombre='Resultados', ambito='general',
                                agrupaciones='resultado\nreclasificado,motivo',
                                columnas='recibidos,reclasificados')
    informe = _informe(app, plantilla='RES')
    por_resultado = {e: v['recibidos'] for e, v in informe.secciones[0].filas}
    # Received in February (G came in January): A, B, H (LENTITUD, OSIPTEL) resolved
    # 'fundado' by the helper; C (CORTE_ENERGIA, SSPD) says «Accede»; D and E are open; F
    # is annulled and not counted as received.
    assert por_resultado == {('Fundado',): 3, ('Accede',): 1, ('(sin valor)',): 2}
    reclasificados = {e: v['reclasificados'] for e, v in informe.secciones[1].filas}
    assert reclasificados[('Sí', 'Cobro indebido en el recibo')] == 1
    assert informe.total['reclasificados'] == 1
