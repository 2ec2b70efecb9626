"""The report of open and overdue improvement actions as XLSX."""
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from reclamos.mejora.modelo import AccionMejora
from reglas.hojas import fila_segura

COLUMNAS = ('Acción', 'Tipo', 'Descripción', 'Responsable', 'Vence el', 'Estado',
            'Días de atraso', 'Casos', 'Motivos')


def mejoras_xlsx(acciones, hoy):
    """One row per action; 'Días de atraso' counts calendar days past the due date."""
    libro = Workbook()
    hoja = libro.active
    hoja.title = 'Acciones de mejora'
    hoja.append([f'Acciones de mejora abiertas al {hoy:%d/%m/%Y}'])
    hoja['A1'].font = Font(bold=True, size=14)
    hoja.append(list(COLUMNAS))
    for celda in hoja[2]:
        celda.font = Font(bold=True)
    casos, motivos = AccionMejora.enlaces(acciones)
    for accion in acciones:
        atraso = (hoy - accion.vence_el).days
        hoja.append(fila_segura([str(accion), accion.etiqueta('tipo'), accion.descripcion,
                                 accion.responsable.email, accion.vence_el,
                                 accion.etiqueta('estado'), atraso if atraso > 0 else 0,
                                 ', '.join(casos.get(accion.id, [])),
                                 ', '.join(motivos.get(accion.id, []))]))
        hoja.cell(hoja.max_row, 5).number_format = 'DD/MM/YYYY'
    if not acciones:
        hoja.append(['No hay acciones de mejora abiertas.'])
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()
