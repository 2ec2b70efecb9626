"""Demo data that shows the product: the ISP of seed 003 and a water/energy utility.

The catalogs are loaded through the configuration import, so the demo also proves that path.
"""
import uuid

from flask_security import hash_password

from admin_app import demo_regulador
from bd import db

CONTRASENA_DEMO = 'reclamos-demo'
USUARIOS_DEMO = [
    # email, name, role, area
    ('admin@reclamos.demo', 'Ana Administradora', 'admin', 'ADMINISTRACION'),
    ('supervisor@reclamos.demo', 'Sergio Supervisor', 'supervisor', 'MONITOREO'),
    ('agente@reclamos.demo', 'Alicia Agente', 'agente', 'ATENCION_CLIENTE'),
    # An agent of a resolving area: works (and may reclassify) the cases of Monitoreo.
    ('monitoreo@reclamos.demo', 'Mario Monitoreo', 'agente', 'MONITOREO'),
    ('gerente@reclamos.demo', 'Germán Gerente', 'gerente', 'ADMINISTRACION'),
]

SEMANA = [{'dia': d, 'abre': '08:00:00', 'cierra': '17:00:00'} for d in range(5)]


def _catalogo(codigo, nombre, **campos):
    return {'codigo': codigo, 'nombre': nombre, **campos}


def _plazos():
    """The legal terms and SLAs shipped in ``reglas.defaults``, as catalog rows."""
    from reglas.defaults import REGLAS, regla_por_codigo

    legales = [_catalogo(r.codigo, r.nombre, norma=r.norma, cantidad=r.cantidad,
                         unidad=r.unidad, prorrogable=r.prorrogable, prorroga_max=r.prorroga_max,
                         notificacion_cantidad=r.notificacion_cantidad,
                         notificacion_unidad=r.notificacion_unidad)
               for r in REGLAS if not r.codigo.startswith(('PRIORIDAD_', 'CANAL_'))]
    prioridades = []
    for orden, (codigo, nombre, color) in enumerate([('ALTO', 'Alto', 'danger'),
                                                     ('MEDIO', 'Medio', 'warning'),
                                                     ('BAJO', 'Bajo', 'info')]):
        regla = regla_por_codigo('PRIORIDAD_' + codigo)
        prioridades.append(_catalogo(codigo, nombre, cantidad=regla.cantidad,
                                     unidad=regla.unidad, orden=orden, color=color))
    virtual = regla_por_codigo('CANAL_VIRTUAL_24H')
    return legales, prioridades, {'primera_respuesta_cantidad': virtual.cantidad,
                                  'primera_respuesta_unidad': virtual.unidad}


def _campo(codigo, nombre, tipo, orden, requerido=False, opciones=''):
    return {'codigo': codigo, 'nombre': nombre, 'tipo': tipo, 'requerido': requerido,
            'opciones': opciones, 'orden': orden, 'activo': True}


def _motivo(codigo, nombre, servicio, plazo, tipo='reclamo', producto=None, area=None,
            prioridad='MEDIO', entidad=None, calendario=None, campos=()):
    return _catalogo(codigo, nombre, servicio=servicio, producto=producto, tipo=tipo,
                     plazo=plazo, prioridad=prioridad, area=area, entidad=entidad,
                     calendario=calendario, campos=list(campos))


def configuracion():
    legales, prioridades, primera_respuesta = _plazos()
    areas = [
        _catalogo('MONITOREO', 'Monitoreo', registra=True, resuelve=True),
        _catalogo('SOPORTE_TECNICO', 'Soporte técnico', registra=True, resuelve=True),
        # Registers cases, answers suggestions about the service itself and makes the
        # satisfaction calls (seed 003).
        _catalogo('ATENCION_CLIENTE', 'Atención al cliente', registra=True, resuelve=True),
        _catalogo('COBRANZAS', 'Cobranzas', registra=True, resuelve=False),
        _catalogo('FACTURACION', 'Facturación', registra=True, resuelve=False),
        _catalogo('VENTAS', 'Ventas', registra=True, resuelve=False),
        _catalogo('ADMINISTRACION', 'Administración', registra=True, resuelve=False),
    ]
    suministro = _campo('numero_suministro', 'Número de suministro', 'texto', 1, requerido=True)
    return {
        'formato': 'reclamos-configuracion', 'version': 1,
        'catalogos': {
            'calendarios': [
                # Saturday morning is service time only: legal terms count Monday-Friday.
                _catalogo('CO', 'Colombia (Bogotá)', pais='CO', zona='America/Bogota',
                          semana_legal='lun_vie', predeterminado=True, horario=SEMANA + [
                              {'dia': 5, 'abre': '08:00:00', 'cierra': '12:00:00'}]),
                _catalogo('PE', 'Perú (Lima)', pais='PE', zona='America/Lima',
                          semana_legal='lun_vie', recepcion_en_horario=True, horario=SEMANA,
                          dias_especiales=[
                              {'fecha': '2026-12-24', 'tipo': 'no_laborable',
                               'descripcion': 'Día no laborable compensable (decreto)'}]),
            ],
            'areas': areas,
            'entidades_reguladoras': [
                _catalogo('SUNASS', 'Sunass', pais='PE'),
                _catalogo('OSINERGMIN', 'Osinergmin', pais='PE'),
                _catalogo('OSIPTEL', 'Osiptel', pais='PE'),
                _catalogo('INDECOPI', 'Indecopi', pais='PE'),
                _catalogo('SSPD', 'Superintendencia de Servicios Públicos Domiciliarios',
                          pais='CO'),
                _catalogo('SIC', 'Superintendencia de Industria y Comercio', pais='CO'),
            ],
            'plazos_legales': legales,
            'prioridades': prioridades,
            'puntos_recepcion': [
                _catalogo('LIMA_CENTRO', 'Oficina Lima Centro', tipo='oficina', ciudad='Lima'),
                _catalogo('MIRAFLORES', 'Sucursal Miraflores', tipo='sucursal', ciudad='Lima'),
                _catalogo('BOGOTA_NORTE', 'Oficina Bogotá Norte', tipo='oficina',
                          ciudad='Bogotá'),
                _catalogo('PORTAL_WEB', 'Portal web', tipo='virtual'),
            ],
            'canales': [
                _catalogo('VENTANILLA', 'Ventanilla'),
                _catalogo('TELEFONO', 'Línea telefónica'),
                _catalogo('WEB', 'Centro de atención virtual', virtual=True, **primera_respuesta),
                _catalogo('CORREO', 'Correo electrónico', virtual=True, **primera_respuesta),
                _catalogo('CHAT', 'Chat', virtual=True),
                _catalogo('ESCRITO', 'Escrito'),
                _catalogo('ENTIDAD_CONTROL', 'Entidad de control'),
            ],
            'tipos_documento': [
                _catalogo('FACTURA', 'Factura', tiene_lineas=True),
                _catalogo('ORDEN_SERVICIO', 'Orden de servicio'),
                _catalogo('ORDEN_VENTA', 'Orden de venta', tiene_lineas=True),
            ],
            'servicios': [
                _catalogo('INTERNET', 'Internet'),
                _catalogo('TELEFONIA', 'Telefonía fija'),
                _catalogo('AGUA', 'Agua potable y alcantarillado'),
                _catalogo('ENERGIA', 'Energía eléctrica'),
            ],
            'productos': [
                _catalogo('FIBRA_HOGAR', 'Fibra hogar 300 Mbps', servicio='INTERNET'),
                _catalogo('INTERNET_EMPRESAS', 'Internet empresas dedicado', servicio='INTERNET'),
                _catalogo('LINEA_FIJA', 'Línea fija residencial', servicio='TELEFONIA'),
                _catalogo('AGUA_DOMESTICA', 'Conexión doméstica de agua', servicio='AGUA'),
                _catalogo('ENERGIA_RESIDENCIAL', 'Energía residencial', servicio='ENERGIA'),
            ],
            'motivos': [
                _motivo('SIN_SERVICIO', 'Sin servicio de internet', 'INTERNET', 'OSIPTEL_3',
                        producto='FIBRA_HOGAR', area='MONITOREO', prioridad='ALTO',
                        entidad='OSIPTEL', calendario='PE',
                        campos=[_campo('codigo_abonado', 'Código de abonado', 'texto', 1,
                                       requerido=True)]),
                _motivo('LENTITUD', 'Lentitud de la conexión', 'INTERNET', 'OSIPTEL_15',
                        area='SOPORTE_TECNICO', entidad='OSIPTEL', calendario='PE',
                        campos=[_campo('velocidad_medida', 'Velocidad medida (Mbps)', 'numero',
                                       1, requerido=True)]),
                _motivo('FACTURACION_INTERNET', 'Cobro indebido en el recibo', 'INTERNET',
                        'OSIPTEL_20', area='MONITOREO', prioridad='BAJO', entidad='OSIPTEL',
                        calendario='PE'),
                _motivo('CAMBIO_PLAN', 'Solicitud de cambio de plan', 'INTERNET',
                        'PE_31435_LIBRO', tipo='peticion', area='SOPORTE_TECNICO',
                        prioridad='BAJO', calendario='PE'),
                _motivo('CONSUMO_EXCESIVO_AGUA', 'Consumo excesivo facturado', 'AGUA',
                        'SUNASS_30', producto='AGUA_DOMESTICA', area='MONITOREO',
                        entidad='SUNASS', calendario='PE', campos=[
                            suministro,
                            _campo('lectura_medidor', 'Lectura del medidor (m³)', 'numero', 2),
                            _campo('fecha_lectura', 'Fecha de la lectura', 'fecha', 3),
                            _campo('tipo_predio', 'Tipo de predio', 'opcion', 4, requerido=True,
                                   opciones='Doméstico\nComercial\nIndustrial'),
                            _campo('solicita_inspeccion', 'Solicita inspección', 'booleano', 5),
                        ]),
                _motivo('CORTE_ENERGIA', 'Suspensión del servicio de energía', 'ENERGIA',
                        'CO_142_SERVICIOS_PUBLICOS', producto='ENERGIA_RESIDENCIAL',
                        area='MONITOREO', prioridad='ALTO', entidad='SSPD', calendario='CO',
                        campos=[suministro]),
                _motivo('PETICION_INFORMACION', 'Petición de información', 'ENERGIA',
                        'CO_1755_INFORMACION', tipo='peticion', area='MONITOREO',
                        prioridad='BAJO', entidad='SSPD', calendario='CO'),
                _motivo('SUGERENCIA_ATENCION', 'Sugerencia sobre la atención', 'ENERGIA',
                        'CO_1755_PETICION', tipo='sugerencia', area='ATENCION_CLIENTE',
                        prioridad='BAJO', calendario='CO'),
            ],
            'procesos': _procesos(),
            'niveles_escalamiento': _niveles(),
            'plantillas_correo': _plantillas(),
            'resultados': demo_regulador.resultados(),
            'formatos_regulador': demo_regulador.formatos(),
        },
    }


def _niveles():
    """Seed 000/002: the responsible first, then supervision, then management."""
    return [
        _catalogo('POR_VENCER', 'Aviso al responsable', orden=1, porcentaje=80,
                  al_responsable=True, en_app=True, por_correo=True),
        _catalogo('VENCIDO', 'Supervisión', orden=2, porcentaje=100, al_responsable=True,
                  a_supervisores=True, en_app=True, por_correo=True),
        _catalogo('VENCIDO_GRAVE', 'Gerencia', orden=3, porcentaje=150, a_supervisores=True,
                  a_gerentes=True, en_app=True, por_correo=True),
    ]


def _plantillas():
    from catalogos.alertas import PREDETERMINADAS

    return [_catalogo(codigo, nombre, asunto=asunto, cuerpo=cuerpo)
            for codigo, (nombre, asunto, cuerpo) in PREDETERMINADAS.items()]


def _actividad(orden, nombre, area, cantidad, unidad, condicion=''):
    return {'orden': orden, 'nombre': nombre, 'area': area, 'plazo_cantidad': cantidad,
            'plazo_unidad': unidad, 'condicion': condicion}


def _procesos():
    return [
        _catalogo('SIN_SERVICIO_ATENCION', 'Atención de caída del servicio',
                  motivo='SIN_SERVICIO', descripcion='Diagnóstico remoto, visita y cierre.',
                  actividades=[
                      _actividad(1, 'Diagnóstico remoto', 'MONITOREO', 2, 'horas'),
                      _actividad(2, 'Visita técnica', 'SOPORTE_TECNICO', 1, 'dias_habiles'),
                      _actividad(3, 'Confirmación con el cliente', 'MONITOREO', 4, 'horas'),
                  ]),
        _catalogo('CONSUMO_AGUA_REVISION', 'Revisión de consumo excesivo',
                  motivo='CONSUMO_EXCESIVO_AGUA',
                  descripcion='La inspección solo si el cliente la pide o el predio es '
                              'comercial.',
                  actividades=[
                      _actividad(1, 'Revisión de la lectura', 'MONITOREO', 3, 'dias_habiles'),
                      _actividad(2, 'Inspección del predio', 'SOPORTE_TECNICO', 5,
                                 'dias_habiles', "campo.solicita_inspeccion == true or "
                                                 "campo.tipo_predio == 'Comercial'"),
                      _actividad(3, 'Resolución y notificación', 'MONITOREO', 5,
                                 'dias_habiles'),
                  ]),
    ]


def base_vacia():
    from catalogos.organizacion import Area
    from catalogos.usuarios import Usuario

    with db.connection_context():
        return not Area.select().exists() and not Usuario.select().exists()


def hay_usuarios_demo():
    from catalogos.usuarios import Usuario

    with db.connection_context():
        return Usuario.select().where(Usuario.email == USUARIOS_DEMO[0][0]).exists()


def cargar(casos=True):
    """Load the demo catalogs, users and (unless ``casos`` is False) cases, in one
    transaction; then the dashboard's rollup, so its first open is current."""
    from admin_app.config import zona
    from catalogos.configuracion import importar
    from catalogos.organizacion import Area
    from catalogos.usuarios import Usuario, asignar_roles
    from graficos.tablero.consolidado import recalcular

    with db.connection_context(), db.atomic():
        importar(configuracion())
        for email, nombre, rol, area in USUARIOS_DEMO:
            usuario = Usuario.create(email=email, nombre=nombre, fs_uniquifier=uuid.uuid4().hex,
                                     password=hash_password(CONTRASENA_DEMO),
                                     area=Area.get(Area.codigo == area))
            asignar_roles(usuario, [rol])
        if casos:
            cargar_casos()
    with db.connection_context():
        recalcular(zona())


def texto_accesos():
    lineas = ['Usuarios de demostración (contraseña: %s):' % CONTRASENA_DEMO]
    lineas += [f'  {rol:<11} {email}' for email, _, rol, _ in USUARIOS_DEMO]
    return '\n'.join(lineas)


def cargar_casos(n=40):
    """Register ``n`` demo cases through the real services, in a mix of states and channels."""
    from catalogos.usuarios import Usuario
    from reclamos.demo import sembrar

    por_correo = {u.email: u for u in Usuario.select().where(
        Usuario.email.in_([email for email, *_ in USUARIOS_DEMO]))}
    admin, supervisor, agente = (por_correo[e] for e in (
        'admin@reclamos.demo', 'supervisor@reclamos.demo', 'agente@reclamos.demo'))
    return sembrar(n, registrador=agente, supervisor=supervisor, admin=admin)
