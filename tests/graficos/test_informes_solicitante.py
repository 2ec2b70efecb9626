"""Reports grouped by reception point and requester type (the dimensions of issue 16)."""
import datetime

from bd import db
from catalogos.informes import PlantillaInforme
from catalogos.organizacion import Area
from graficos.informe.construccion import generar, preparar
from tests.apoyo.casos import crear_caso
from tests.apoyo.informes import cargar_configuracion

RECIBIDO = datetime.datetime(2026, 2, 3, 10, tzinfo=datetime.timezone(datetime.timedelta(
    hours=-5)))


def test_informe_por_punto_de_recepcion_y_solicitante(app, crear_usuario):
    with app.app_context(), db.connection_context():
        cargar_configuracion()
        monitoreo = Area.get(Area.codigo == 'MONITOREO')
    registrador = crear_usuario('admin', area=monitoreo)
    with app.app_context(), db.connection_context():
        for punto, solicitante in (('MIRAFLORES', 'cliente'), ('MIRAFLORES', 'ciudadano'),
                                   ('LIMA_CENTRO', 'cliente'), (None, 'cliente')):
            datos = {'tipo_solicitante': solicitante, 'recibido_en': RECIBIDO.isoformat()}
            if punto:
                datos['punto_recepcion'] = punto
            crear_caso(registrador, **datos)
        PlantillaInforme.create(codigo='PUNTOS', nombre='Por punto', ambito='general',
                                agrupaciones='punto_recepcion\ntipo_solicitante',
                                columnas='recibidos')
        informe = generar(preparar({'mes': '2026-02', 'plantilla': 'PUNTOS'}))
    por_punto = {e: v['recibidos'] for e, v in informe.secciones[0].filas}
    assert por_punto == {('Sucursal Miraflores',): 2, ('Oficina Lima Centro',): 1,
                         ('(sin valor)',): 1}
    por_solicitante = {e: v['recibidos'] for e, v in informe.secciones[1].filas}
    assert por_solicitante == {('Cliente',): 3, ('Ciudadano',): 1}
