"""The shipped regulator layouts: columns in the published order and the codes for outcomes,
channels and case types. Motive codes are each company's own (its motives are), so a layout
is completed per installation (the demo does it in ``admin_app.demo_regulador``); until then
the export lists the motives that lack a code and refuses.

Which norm each follows and what it leaves out: README, «Reportes al regulador».
"""

OSIPTEL = {
    'norma': 'TUO del Reglamento para la Atención de Gestiones y Reclamos de Usuarios de '
             'Servicios Públicos de Telecomunicaciones (Res. 099-2022-CD/OSIPTEL): registro '
             'de reclamos',
    'periodo': 'mensual',
    'columnas': ['numero|CODIGO_RECLAMO', 'recibido_fecha|FECHA_PRESENTACION',
                 'canal_codigo|MEDIO_PRESENTACION', 'servicio|SERVICIO',
                 'campo.codigo_abonado|NUMERO_SERVICIO',
                 'cliente_tipo_documento|TIPO_DOCUMENTO', 'cliente_documento|NUMERO_DOCUMENTO',
                 'motivo_codigo|MATERIA', 'monto_reclamado|MONTO_RECLAMADO',
                 'resultado_codigo|RESULTADO', 'respuesta_fecha|FECHA_RESOLUCION',
                 'dias_habiles|DIAS_HABILES'],
    'resultados': {'fundado': 'FUNDADO', 'fundado_parcial': 'FUNDADO EN PARTE',
                   'infundado': 'INFUNDADO', 'improcedente': 'IMPROCEDENTE',
                   'inadmisible': 'INADMISIBLE', 'desistido': 'DESISTIMIENTO',
                   'acuerdo': 'SOLUCION ANTICIPADA'},
    'canales': {'VENTANILLA': 'PRESENCIAL', 'ESCRITO': 'PRESENCIAL', 'TELEFONO': 'TELEFONICO',
                'WEB': 'WEB', 'CORREO': 'WEB', 'CHAT': 'WEB', 'ENTIDAD_CONTROL': 'PRESENCIAL'},
}
SUNASS = {
    'norma': 'Reglamento General de Reclamos de Usuarios de Servicios de Saneamiento (Res. '
             '066-2006-SUNASS-CD y modificatorias, p. ej. Res. 088-2007-SUNASS-CD): registro '
             'de reclamos y tipología del Anexo 1',
    'periodo': 'mensual',
    'columnas': ['numero|NUMERO_RECLAMO', 'recibido_fecha|FECHA_RECLAMO',
                 'campo.numero_suministro|SUMINISTRO', 'cliente_nombre|RECLAMANTE',
                 'cliente_documento|DOCUMENTO_IDENTIDAD', 'canal_codigo|MODALIDAD',
                 'motivo_codigo|TIPO_RECLAMO', 'monto_reclamado|MONTO_RECLAMADO',
                 'resultado_codigo|RESULTADO', 'respuesta_fecha|FECHA_RESOLUCION',
                 'dias_habiles|DIAS_HABILES'],
    'resultados': {'fundado': 'FUNDADO', 'fundado_parcial': 'FUNDADO EN PARTE',
                   'infundado': 'INFUNDADO', 'improcedente': 'IMPROCEDENTE',
                   'inadmisible': 'INADMISIBLE', 'desistido': 'DESISTIMIENTO',
                   'acuerdo': 'CONCILIACION'},
    'canales': {'VENTANILLA': 'PERSONAL', 'ESCRITO': 'ESCRITO', 'TELEFONO': 'TELEFONICO',
                'WEB': 'VIRTUAL', 'CORREO': 'VIRTUAL', 'CHAT': 'VIRTUAL',
                'ENTIDAD_CONTROL': 'ESCRITO'},
}
SSPD = {
    'norma': 'SUI, reporte de peticiones, quejas y recursos: Res. SSPD 20151300054575 de 2015, '
             'modificada por la Res. SSPD 20161300011295 de 2016 (formato de PQR)',
    'periodo': 'mensual',
    'columnas': ['numero|RADICADO_RECIBIDO', 'recibido_fecha|FECHA_RADICACION',
                 'tipo_codigo|TIPO_TRAMITE', 'motivo_codigo|CAUSAL',
                 'campo.numero_suministro|NUMERO_CUENTA', 'cliente_documento|IDENTIFICACION',
                 'canal_codigo|MEDIO_RECEPCION', 'resultado_codigo|TIPO_RESPUESTA',
                 'respuesta_fecha|FECHA_RESPUESTA', 'dias_habiles|DIAS_HABILES'],
    # SUI «tipo de respuesta»: 1 accede, 2 accede parcialmente, 3 no accede, 7 rechaza;
    # desistimiento and conciliation have no own code there and are reported as 'accede'
    # (conciliation) or 'rechaza' (withdrawal) by most providers: adjust to your practice.
    'resultados': {'fundado': '1', 'fundado_parcial': '2', 'infundado': '3',
                   'improcedente': '7', 'inadmisible': '7', 'desistido': '7', 'acuerdo': '1'},
    'canales': {'VENTANILLA': '1', 'ESCRITO': '1', 'TELEFONO': '2', 'WEB': '3', 'CORREO': '3',
                'CHAT': '3', 'ENTIDAD_CONTROL': '1'},
    # SUI «tipo de trámite»: reclamo, queja, petición (recursos are not cases here).
    'tipos': {'reclamo': '2', 'queja': '1', 'peticion': '3', 'sugerencia': '3'},
}
OFICIALES = {'OSIPTEL': OSIPTEL, 'SUNASS': SUNASS, 'SSPD': SSPD}


def formato(entidad, codigos_resultado, motivos, canales=None):
    """The catalog entry of a shipped layout for ``entidad`` (a key of OFICIALES).

    ``codigos_resultado``: {sense: outcome row code}; ``motivos``: {motive code: regulator
    code}; ``canales``: {channel code} to map (default: the shipped table's).
    """
    base = OFICIALES[entidad]
    lineas = [f'resultado.{codigos_resultado[s]}={v}' for s, v in base['resultados'].items()
              if s in codigos_resultado]
    lineas += [f'canal.{c}={v}' for c, v in base['canales'].items()
               if canales is None or c in canales]
    lineas += [f'motivo.{m}={v}' for m, v in motivos.items()]
    lineas += [f'tipo.{t}={v}' for t, v in base.get('tipos', {}).items()]
    return {'codigo': f'FORMATO_{entidad}', 'nombre': f'Reporte de reclamos {entidad}',
            'entidad': entidad, 'norma': base['norma'], 'periodo': base['periodo'],
            'columnas': '\n'.join(base['columnas']), 'codigos': '\n'.join(lineas)}
