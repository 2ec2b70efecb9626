"""What an uploaded file really is, judged by its first bytes (the name can lie)."""

# (signature at offset 0, MIME type, extensions allowed for it)
FIRMAS = (
    (b'%PDF-', 'application/pdf', {'pdf'}),
    (b'\x89PNG\r\n\x1a\n', 'image/png', {'png'}),
    (b'\xff\xd8\xff', 'image/jpeg', {'jpg', 'jpeg'}),
    (b'GIF87a', 'image/gif', {'gif'}),
    (b'GIF89a', 'image/gif', {'gif'}),
    (b'PK\x03\x04', 'application/zip', {'docx', 'xlsx', 'odt', 'ods'}),
)
MIME_OFFICE = {
    'docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'odt': 'application/vnd.oasis.opendocument.text',
    'ods': 'application/vnd.oasis.opendocument.spreadsheet',
}
TEXTO = {'txt': 'text/plain', 'csv': 'text/csv'}
PERMITIDAS = sorted({e for _, _, es in FIRMAS for e in es} | set(TEXTO))


def extension(nombre):
    return nombre.rsplit('.', 1)[-1].lower() if '.' in (nombre or '') else ''


def tipo_por_contenido(cabecera: bytes, nombre: str):
    """(mime, None) when the content matches an allowed type and the extension agrees with
    it; (None, Spanish reason) otherwise. ``cabecera``: the first KB or so of the file."""
    ext = extension(nombre)
    if ext not in PERMITIDAS:
        return None, (f'Tipo de archivo no permitido: «.{ext or "?"}». Se aceptan: '
                      + ', '.join(PERMITIDAS) + '.')
    for firma, mime, extensiones in FIRMAS:
        if cabecera.startswith(firma):
            if ext not in extensiones:
                return None, (f'El contenido del archivo no corresponde a «.{ext}» '
                              f'(parece {mime}).')
            return MIME_OFFICE.get(ext, mime), None
    if ext in TEXTO and _es_texto(cabecera):
        return TEXTO[ext], None
    return None, f'El contenido del archivo no corresponde a «.{ext}».'


def _es_texto(cabecera):
    if b'\x00' in cabecera:
        return False
    try:
        cabecera.decode('utf-8')
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still text.
        return error.start >= len(cabecera) - 3
    return True
