"""Demo catalogs of issue 17: the outcomes of each demo regulator and the shipped report
layouts completed with the demo motives' codes."""
from catalogos.formatos_oficiales import formato
from reglas.resultado import SENTIDOS

# Colombia's utilities answer in the SUI's words.
_NOMBRES_SSPD = {'fundado': 'Accede', 'fundado_parcial': 'Accede parcialmente',
                 'infundado': 'No accede', 'improcedente': 'Rechaza',
                 'inadmisible': 'Rechaza por incompleta', 'desistido': 'Desistimiento',
                 'acuerdo': 'Conciliación'}


def _codigos(prefijo):
    return {sentido: f'{prefijo}_{sentido.upper()}' for sentido, _ in SENTIDOS}


def resultados():
    filas = []
    for entidad in ('OSIPTEL', 'SUNASS', 'SSPD', None):
        prefijo = entidad or 'GENERAL'
        for sentido, nombre in SENTIDOS:
            if entidad == 'SSPD':
                nombre = _NOMBRES_SSPD[sentido]
            filas.append({'codigo': _codigos(prefijo)[sentido], 'nombre': nombre,
                          'entidad': entidad, 'sentido': sentido})
    return filas


def formatos():
    return [
        formato('OSIPTEL', _codigos('OSIPTEL'), {'SIN_SERVICIO': 'CALIDAD',
                                                 'LENTITUD': 'CALIDAD',
                                                 'FACTURACION_INTERNET': 'FACTURACION'}),
        formato('SUNASS', _codigos('SUNASS'), {'CONSUMO_EXCESIVO_AGUA': 'CONSUMO_MEDIDO'}),
        formato('SSPD', _codigos('SSPD'), {'CORTE_ENERGIA': 'SUSPENSION',
                                           'PETICION_INFORMACION': 'INFORMACION'}),
    ]
