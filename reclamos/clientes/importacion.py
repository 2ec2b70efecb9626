"""Import customers from CSV: every row checked first, then all saved, or none.

Columns (header required, any order, ';' or ',' separated, UTF-8 with or without BOM):
tipo_documento_identidad, numero_documento, nombre, email, telefono, direccion.
A customer that exists (same document) gets its contact data updated.
"""
import csv
import io

from bd import db
from reclamos.clientes.modelo import Cliente, errores_cliente, normalizar_numero

COLUMNAS = ('tipo_documento_identidad', 'numero_documento', 'nombre', 'email', 'telefono',
            'direccion')
OBLIGATORIAS = COLUMNAS[:3]
MAX_FILAS = 200_000
LOTE = 1000


class ErrorArchivo(ValueError):
    """The file as a whole cannot be read (encoding, header, size)."""


def leer(contenido: bytes):
    """Parse and validate; returns (rows, [(line, field, message)]) — rows only if no error."""
    try:
        texto = contenido.decode('utf-8-sig')
    except UnicodeDecodeError:
        raise ErrorArchivo('El archivo no está en UTF-8: guárdelo como «CSV UTF-8».') from None
    try:
        dialecto = csv.Sniffer().sniff(texto[:4096], delimiters=';,')
    except csv.Error:
        dialecto = csv.excel
    lector = csv.DictReader(io.StringIO(texto), dialect=dialecto)
    cabecera = [c.strip().lower() for c in (lector.fieldnames or [])]
    faltan = [c for c in OBLIGATORIAS if c not in cabecera]
    if faltan:
        raise ErrorArchivo('Faltan columnas en la cabecera: ' + ', '.join(faltan) + '.')
    lector.fieldnames = cabecera
    filas, errores, vistos = [], [], {}
    for linea, crudo in enumerate(lector, start=2):
        if linea - 1 > MAX_FILAS:
            raise ErrorArchivo(f'El archivo supera {MAX_FILAS} filas: divídalo.')
        fila = {c: (crudo.get(c) or '').strip() for c in COLUMNAS}
        fila['tipo_documento_identidad'] = fila['tipo_documento_identidad'].upper()
        fila['numero_documento'] = normalizar_numero(fila['numero_documento'])
        for campo, mensaje in errores_cliente(*(fila[c] for c in COLUMNAS)).items():
            errores.append((linea, campo, mensaje))
        clave = (fila['tipo_documento_identidad'], fila['numero_documento'])
        if clave in vistos:
            errores.append((linea, 'numero_documento',
                            f'Documento repetido en el archivo (ya en la línea {vistos[clave]}).'))
        vistos.setdefault(clave, linea)
        filas.append(fila)
    if not filas and not errores:
        raise ErrorArchivo('El archivo no tiene filas de clientes.')
    return ([] if errores else filas), errores


def importar(filas, avance=None):
    """Create or update the customers of ``filas`` in one transaction; returns (new, updated)."""
    nuevos = actualizados = 0
    with db.atomic():
        for inicio in range(0, len(filas), LOTE):
            parte = filas[inicio:inicio + LOTE]
            existentes = {(c.tipo_documento_identidad, c.numero_documento): c for c in
                          Cliente.select().where(Cliente.numero_documento.in_(
                              [f['numero_documento'] for f in parte]))}
            crear = []
            for fila in parte:
                cliente = existentes.get((fila['tipo_documento_identidad'],
                                          fila['numero_documento']))
                if cliente is None:
                    crear.append(fila)
                    continue
                cambios = {c: fila[c] for c in COLUMNAS[2:] if fila[c] and
                           fila[c] != getattr(cliente, c)}
                if cambios:
                    Cliente.update(cambios).where(Cliente.id == cliente.id).execute()
                    actualizados += 1
            if crear:
                Cliente.insert_many(crear).execute()
                nuevos += len(crear)
            if avance is not None:
                avance(inicio + len(parte))
    return nuevos, actualizados
