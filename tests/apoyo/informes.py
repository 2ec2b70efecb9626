"""A fixed set of cases whose report numbers are computed by hand in
tests/graficos/test_informes.py.

Demo configuration (no demo cases): LENTITUD (reclamo, OSIPTEL, calendar PE: Lima, Mon-Fri
08-17, a receipt after hours counts from the next opening), CORTE_ENERGIA (reclamo, SSPD,
calendar CO: Bogotá, legal days Mon-Fri, service hours also Saturday 08-12),
PETICION_INFORMACION (peticion, SSPD, CO). Both zones are UTC-5 all year. February 2026 has
no holiday in Peru or Colombia; 1 February 2026 is a Sunday.
"""
import datetime

from catalogos.configuracion import importar
from reclamos.caso.flujo import transicionar
from tests.apoyo.casos import crear_caso

CASOS = {
    # clave: (motivo, canal, recibido (local, UTC-5), terminado or estado final)
    'A': ('LENTITUD', 'TELEFONO', '2026-02-02T10:00', '2026-02-04T10:00'),
    'B': ('LENTITUD', 'TELEFONO', '2026-02-06T18:00', '2026-02-11T09:00'),
    'C': ('CORTE_ENERGIA', 'TELEFONO', '2026-02-02T09:00', '2026-02-24T10:00'),
    'D': ('PETICION_INFORMACION', 'WEB', '2026-02-10T11:00', None),
    'E': ('LENTITUD', 'WEB', '2026-02-12T11:00', 'EN_CURSO'),
    'F': ('LENTITUD', 'TELEFONO', '2026-02-16T11:00', 'ANULADO'),
    'G': ('LENTITUD', 'TELEFONO', '2026-01-30T11:00', '2026-02-03T11:00'),
    'H': ('LENTITUD', 'TELEFONO', '2026-02-20T11:00', '2026-03-03T11:00'),
}


def instante(texto):
    return datetime.datetime.fromisoformat(texto + '-05:00')


def cargar_configuracion():
    from admin_app.demo import configuracion

    importar(configuracion())


def cargar_casos(usuario, tabla=None):
    """Register and work the cases through the real services; returns {clave: Reclamo}."""
    casos = {}
    for clave, (motivo, canal, recibido, final) in (tabla or CASOS).items():
        inicio = instante(recibido)
        caso = crear_caso(usuario, motivo=motivo, canal=canal, recibido_en=inicio.isoformat())
        if final == 'ANULADO':
            caso = transicionar(caso, 'anular', usuario, '127.0.0.1', caso.version,
                                ahora=inicio + datetime.timedelta(hours=1), motivo='Duplicado')
        elif final is not None:
            caso = transicionar(caso, 'tomar', usuario, '127.0.0.1', caso.version,
                                ahora=inicio + datetime.timedelta(minutes=30))
            if final != 'EN_CURSO':
                caso = transicionar(caso, 'terminar', usuario, '127.0.0.1', caso.version,
                                    ahora=instante(final), respuesta='Se resolvió.',
                                    resultado='fundado')
        casos[clave] = caso
    return casos
