"""Open, change and review improvement actions; each call is one transaction and every
change lands in the action's own history (``CambioMejora``)."""
import datetime

from bd import db
from catalogos.servicios import Motivo
from catalogos.usuarios import Usuario
from reclamos.caso.modelo import Reclamo
from reclamos.errores import ErrorPermiso, ErrorValidacion
from reclamos.mejora.modelo import (CANCELADA, CERRADA, ESTADOS_MEJORA, TIPOS_MEJORA, ZONA,
                             AccionMejora, AccionMejoraMotivo, AccionMejoraReclamo, ActaAccion,
                             ActaComite, CambioMejora, hoy_en)
from reclamos.tiempo import a_bd, ahora_utc, aware
from reglas.permisos import puede

TEXTO_MAX = 5000
MAX_ENLACES = 500


def exigir_editor(usuario):
    if usuario is None or not puede(usuario.nombres_roles(), 'mejora.editar'):
        raise ErrorPermiso('Solo un gerente o un administrador gestiona acciones de mejora.')


def ids(valor):
    """A list of ids from '1,2, 3', a list of ints/strings or None; ValueError if not ids."""
    if valor is None or valor == '':
        return []
    partes = valor.split(',') if isinstance(valor, str) else list(valor)
    resultado = []
    for parte in partes:
        texto = str(parte).strip()
        if not texto:
            continue
        if not texto.isdigit() or len(texto) > 9:  # beyond a database integer
            raise ValueError(texto[:20])
        resultado.append(int(texto))
    return list(dict.fromkeys(resultado))


def _texto(datos, campo, errores, obligatorio, mensaje):
    valor = datos.get(campo)
    valor = valor.strip() if isinstance(valor, str) else ''
    if obligatorio and not valor:
        errores[campo] = mensaje
    elif len(valor) > TEXTO_MAX:
        errores[campo] = f'El texto supera {TEXTO_MAX} caracteres.'
    return valor


def _fecha(valor, campo, errores):
    if isinstance(valor, datetime.date):
        return valor
    try:
        return datetime.date.fromisoformat((valor or '').strip())
    except (ValueError, AttributeError):
        errores[campo] = (f'Fecha inválida: «{valor}». Use el formato AAAA-MM-DD.' if valor
                          else 'Indique la fecha.')
        return None


def _enlaces(datos, campo, modelo, nombre, errores):
    """Existing rows of ``modelo`` named by the ids in datos[campo]."""
    try:
        lista = ids(datos.get(campo))
    except ValueError as error:
        errores[campo] = f'{nombre}: «{error}» no es un identificador.'
        return []
    if len(lista) > MAX_ENLACES:
        errores[campo] = f'Se admiten hasta {MAX_ENLACES} {nombre.lower()} por acción.'
        return []
    filas = {f.id: f for f in modelo.select().where(modelo.id.in_(lista))} if lista else {}
    faltan = [str(i) for i in lista if i not in filas]
    if faltan:
        errores[campo] = f'{nombre}: no existe(n) {", ".join(faltan)}.'
    return [filas[i] for i in lista if i in filas]


def _validar(datos, errores, hoy, actual=None):
    """Checked values of the editable fields present in ``datos`` (all on creation)."""
    valores = {}
    nuevo = actual is None
    if nuevo or 'tipo' in datos:
        valores['tipo'] = datos.get('tipo')
        if valores['tipo'] not in dict(TIPOS_MEJORA):
            errores['tipo'] = 'Elija el tipo: preventiva, correctiva o producto no conforme.'
    if nuevo or 'descripcion' in datos:
        valores['descripcion'] = _texto(datos, 'descripcion', errores, True,
                                        'Describa la acción de mejora.')
    if nuevo or 'responsable' in datos:
        responsable = str(datos.get('responsable') or '').strip()
        fila = (Usuario.get_or_none(Usuario.id == int(responsable), Usuario.active == True)
                if responsable.isdigit() and len(responsable) < 10 else None)
        if fila is None:
            errores['responsable'] = 'Elija un usuario activo como responsable.'
        valores['responsable'] = fila
    if nuevo or 'vence_el' in datos:
        vence = _fecha(datos.get('vence_el'), 'vence_el', errores)
        cambia = actual is None or vence != actual.vence_el
        if vence is not None and cambia and vence < hoy:
            errores['vence_el'] = ('La fecha de vencimiento no puede ser anterior a hoy '
                                   f'({hoy:%d/%m/%Y}).')
        valores['vence_el'] = vence
    if 'estado' in datos:
        valores['estado'] = datos.get('estado')
        if valores['estado'] not in dict(ESTADOS_MEJORA):
            errores['estado'] = f'Estado desconocido: «{valores["estado"]}».'
    if nuevo or 'resultado' in datos:
        valores['resultado'] = _texto(datos, 'resultado', errores, False, '')
    if nuevo or 'casos' in datos:
        valores['casos'] = _enlaces(datos, 'casos', Reclamo, 'Casos', errores)
    if nuevo or 'motivos' in datos:
        valores['motivos'] = _enlaces(datos, 'motivos', Motivo, 'Motivos', errores)
    return valores


def _anotar(accion, usuario, ahora, campo, anterior, nuevo):
    CambioMejora.create(accion=accion.id, usuario=usuario.id if usuario else None,
                        instante=a_bd(ahora), campo=campo, valor_anterior=anterior,
                        valor_nuevo=nuevo)


def _enlazar(accion, casos, motivos):
    AccionMejoraReclamo.delete().where(AccionMejoraReclamo.accion == accion.id).execute()
    AccionMejoraMotivo.delete().where(AccionMejoraMotivo.accion == accion.id).execute()
    if casos:
        AccionMejoraReclamo.insert_many(
            [{'accion': accion.id, 'reclamo': c.id} for c in casos]).execute()
    if motivos:
        AccionMejoraMotivo.insert_many(
            [{'accion': accion.id, 'motivo': m.id} for m in motivos]).execute()


def _texto_casos(casos):
    return ', '.join(sorted(c.numero for c in casos))


def _texto_motivos(motivos):
    return ', '.join(sorted(m.codigo for m in motivos))


def crear(datos, usuario, ahora=None, zona=ZONA):
    """A new improvement action (tipo, descripcion, responsable id, vence_el, casos, motivos)."""
    exigir_editor(usuario)
    ahora = aware(ahora) if ahora else ahora_utc()
    errores = {}
    with db.atomic():
        valores = _validar(datos, errores, hoy_en(ahora, zona))
        if errores:
            raise ErrorValidacion(errores)
        casos, motivos = valores.pop('casos'), valores.pop('motivos')
        accion = AccionMejora.create(**valores, creado_por=usuario.id, creado_en=a_bd(ahora))
        _enlazar(accion, casos, motivos)
        _anotar(accion, usuario, ahora, 'creacion', None,
                f'{accion.etiqueta("tipo")}: {accion.descripcion[:200]}')
        if casos:
            _anotar(accion, usuario, ahora, 'casos', None, _texto_casos(casos))
        if motivos:
            _anotar(accion, usuario, ahora, 'motivos', None, _texto_motivos(motivos))
        return accion


def _como_texto(campo, valor):
    if valor is None:
        return None
    if campo == 'responsable':
        return valor.email
    if isinstance(valor, datetime.date):
        return valor.isoformat()
    return str(valor)


def modificar(accion_id, datos, usuario, ahora=None, zona=ZONA):
    """Change the fields present in ``datos``; closing needs the outcome (resultado)."""
    exigir_editor(usuario)
    ahora = aware(ahora) if ahora else ahora_utc()
    errores = {}
    with db.atomic():
        accion = AccionMejora.get_or_none(AccionMejora.id == accion_id)
        if accion is None:
            raise ErrorValidacion({'accion': f'La acción de mejora {accion_id} no existe.'})
        valores = _validar(datos, errores, hoy_en(ahora, zona), actual=accion)
        estado = valores.get('estado', accion.estado)
        resultado = valores.get('resultado', accion.resultado)
        if estado in (CERRADA, CANCELADA) and not resultado:
            errores['resultado'] = ('Para cerrar o cancelar la acción indique el resultado '
                                    'obtenido.')
        if errores:
            raise ErrorValidacion(errores)
        casos, motivos = valores.pop('casos', None), valores.pop('motivos', None)
        cambia_estado = estado != accion.estado
        for campo, nuevo in valores.items():
            anterior = getattr(accion, campo)
            if _como_texto(campo, anterior) != _como_texto(campo, nuevo):
                _anotar(accion, usuario, ahora, campo, _como_texto(campo, anterior),
                        _como_texto(campo, nuevo))
                setattr(accion, campo, nuevo)
        if cambia_estado:
            accion.cerrado_en = a_bd(ahora) if estado in (CERRADA, CANCELADA) else None
        accion.save()
        casos_antes, motivos_antes = list(accion.casos()), list(accion.motivos())
        if casos is not None or motivos is not None:
            casos = casos_antes if casos is None else casos
            motivos = motivos_antes if motivos is None else motivos
            _enlazar(accion, casos, motivos)
            for campo, antes, despues, texto in (
                    ('casos', casos_antes, casos, _texto_casos),
                    ('motivos', motivos_antes, motivos, _texto_motivos)):
                if texto(antes) != texto(despues):
                    _anotar(accion, usuario, ahora, campo, texto(antes), texto(despues))
        return AccionMejora.get_by_id(accion.id)


def registrar_acta(datos, decisiones, usuario, ahora=None):
    """A committee meeting (fecha, asistentes, observaciones) and a decision per action
    reviewed: ``decisiones`` maps action id -> text; blank texts are actions not reviewed."""
    exigir_editor(usuario)
    ahora = aware(ahora) if ahora else ahora_utc()
    errores = {}
    fecha = _fecha(datos.get('fecha'), 'fecha', errores)
    asistentes = _texto(datos, 'asistentes', errores, True,
                        'Indique quiénes asistieron al comité.')
    observaciones = _texto(datos, 'observaciones', errores, False, '')
    revisadas = {}
    for clave, texto in (decisiones or {}).items():
        texto = texto.strip() if isinstance(texto, str) else ''
        if texto:
            if not str(clave).isdigit() or len(str(clave)) > 9:
                errores['decisiones'] = f'Acción de mejora inválida: «{str(clave)[:20]}».'
                continue
            if len(texto) > TEXTO_MAX:
                errores[f'decision_{clave}'] = f'El texto supera {TEXTO_MAX} caracteres.'
            revisadas[int(clave)] = texto
    with db.atomic():
        acciones = {a.id: a for a in AccionMejora.select().where(
            AccionMejora.id.in_(list(revisadas)))} if revisadas else {}
        faltan = sorted(set(revisadas) - set(acciones))
        if faltan:
            errores['decisiones'] = ('No existe(n) la(s) acción(es) de mejora '
                                     + ', '.join(map(str, faltan)) + '.')
        elif not revisadas and 'decisiones' not in errores:
            errores['decisiones'] = 'Anote la decisión del comité sobre al menos una acción.'
        if errores:
            raise ErrorValidacion(errores)
        acta = ActaComite.create(fecha=fecha, asistentes=asistentes,
                                 observaciones=observaciones, registrada_por=usuario.id,
                                 creado_en=a_bd(ahora))
        ActaAccion.insert_many([{'acta': acta.id, 'accion': i, 'estado': acciones[i].estado,
                                 'decision': t} for i, t in sorted(revisadas.items())]).execute()
        for i in sorted(revisadas):
            _anotar(acciones[i], usuario, ahora, 'comite', None,
                    f'Acta del {fecha:%d/%m/%Y}: {revisadas[i][:200]}')
        return acta
