"""Registering a case: the happy paths, routing, and every bad input refused with nothing saved."""
import json
from datetime import timedelta

import pytest

from catalogos.organizacion import Area
from reclamos.caso.acciones import Accion
from reclamos.caso.modelo import ContadorReclamo, Reclamo
from reclamos.clientes.modelo import Cliente
from reclamos.errores import ErrorPermiso, ErrorValidacion
from reclamos.caso.registro import registrar
from reclamos.plazos.modelo import TerminoCaso
from tests.reclamos.conftest import IP, LUNES, datos_validos


def test_registro_externo_completo(registrar_caso, actores):
    caso = registrar_caso()
    assert caso.numero == '2026-000001'
    assert (caso.estado, caso.origen, caso.tipo, caso.version) == ('PENDIENTE', 'externo',
                                                                   'reclamo', 1)
    assert caso.area.codigo == 'MONITOREO'
    assert caso.usuario_id == actores.agente.id  # the only agent of MONITOREO
    assert caso.prioridad.codigo == 'ALTO'  # from the motive
    assert caso.cliente.nombre == 'Rosa Quispe'
    assert caso.valores_campos() == {'codigo_abonado': 'AB-0001'}
    assert caso.registrado_por_id == actores.registrador.id
    assert caso.actividad_actual().nombre == 'Diagnóstico remoto'
    terminos = {t.tipo: t for t in TerminoCaso.select().where(TerminoCaso.reclamo == caso.id)}
    assert set(terminos) == {'legal', 'prioridad', 'primera_respuesta', 'actividad'}
    assert terminos['legal'].codigo == 'OSIPTEL_3' and terminos['legal'].unidad == 'dias_habiles'
    assert terminos['prioridad'].vence_en - terminos['prioridad'].inicio == timedelta(minutes=30)
    assert terminos['primera_respuesta'].cantidad == 24
    # The queue sorts by the earliest due instant of the open terms: ALTO's 30 minutes.
    assert caso.vence_en == min(t.vence_en for t in terminos.values())
    assert caso.vence_en == terminos['prioridad'].vence_en
    acciones = list(Accion.de(caso))
    # The customer has an e-mail: the acknowledgment is queued and logged (tests/test_alertas*).
    assert [(a.tipo, a.valor_nuevo) for a in acciones] == [
        ('creacion', caso.numero), ('asignacion', actores.agente.email),
        ('notificacion', 'rosa@correo.pe')]
    assert acciones[0].ip == IP and acciones[0].usuario_id == actores.registrador.id
    assert acciones[0].visible_cliente


def test_numeros_correlativos_por_anio(registrar_caso):
    primeros = [registrar_caso().numero for _ in range(3)]
    assert primeros == ['2026-000001', '2026-000002', '2026-000003']
    enero = registrar_caso(ahora=LUNES.replace(year=2027, month=1, day=4))
    assert enero.numero == '2027-000001'


def test_se_asigna_al_agente_con_menos_casos(registrar_caso, actores, crear_usuario):
    otro = crear_usuario('agente', area=actores.agente.area)
    primero = registrar_caso()
    segundo = registrar_caso(descripcion='Otra caída distinta en otro distrito.')
    assert {primero.usuario_id, segundo.usuario_id} == {actores.agente.id, otro.id}
    # An inactive agent gets nothing.
    otro.active = False
    otro.save()
    assert registrar_caso().usuario_id == actores.agente.id


def test_registro_interno(registrar_caso, actores):
    caso = registrar_caso(cliente=None, origen='interno', area_solicitante='VENTAS')
    assert (caso.origen, caso.area_solicitante.codigo, caso.cliente) == ('interno', 'VENTAS',
                                                                        None)


def test_prioridad_elegida_y_recibido_antes(registrar_caso):
    recibido = LUNES - timedelta(days=1, hours=3)
    caso = registrar_caso(prioridad='BAJO', recibido_en=recibido.isoformat())
    assert caso.prioridad.codigo == 'BAJO'
    assert caso.recibido_en == recibido.replace(tzinfo=None)


def test_cliente_existente_se_reutiliza_sin_cambiar_sus_datos(registrar_caso):
    """F2 (issue 15): registering with a known document never rewrites the customer; the
    case keeps what was given, completed from the record where a field was left blank."""
    from reclamos.caso.contacto import de, destinatario_de

    primero = registrar_caso()
    datos = datos_validos()['cliente'] | {'telefono': '987654321', 'email': '',
                                          'nombre': 'Otro Nombre'}
    caso = registrar_caso(cliente=datos, descripcion='Sigue sin servicio hoy en la tarde.')
    assert Cliente.select().count() == 1
    cliente = Cliente.get_by_id(caso.cliente_id)
    assert (cliente.nombre, cliente.telefono, cliente.email) == ('Rosa Quispe', '',
                                                                 'rosa@correo.pe')
    contacto = de(caso)
    assert (contacto.nombre, contacto.telefono, contacto.email) == (
        'Otro Nombre', '987654321', 'rosa@correo.pe')
    otro = registrar_caso(cliente=datos | {'email': 'nuevo@correo.pe'},
                          descripcion='Tercera vez que escribo por esto.')
    assert Cliente.get_by_id(caso.cliente_id).email == 'rosa@correo.pe'
    assert (destinatario_de(otro), destinatario_de(primero)) == ('nuevo@correo.pe',
                                                                 'rosa@correo.pe')


def test_area_del_primer_paso_si_el_motivo_no_tiene(registrar_caso):
    from catalogos.servicios import Motivo

    Motivo.update(area=None).where(Motivo.codigo == 'SIN_SERVICIO').execute()
    assert registrar_caso().area.codigo == 'MONITOREO'  # first activity's area
    Motivo.update(area=None).where(Motivo.codigo == 'LENTITUD').execute()
    with pytest.raises(ErrorValidacion) as error:
        registrar_caso(motivo='LENTITUD', campos={'velocidad_medida': 20})
    assert 'no tiene área responsable' in error.value.errores['motivo']


def test_campos_se_limpian_por_tipo(registrar_caso):
    caso = registrar_caso(motivo='CONSUMO_EXCESIVO_AGUA', servicio='AGUA', campos={
        'numero_suministro': ' S-1 ', 'lectura_medidor': '1.234,5'.replace('.', ''),
        'fecha_lectura': '2026-02-27', 'tipo_predio': 'comercial', 'solicita_inspeccion': 'sí'})
    assert json.loads(caso.campos) == {
        'numero_suministro': 'S-1', 'lectura_medidor': 1234.5, 'fecha_lectura': '2026-02-27',
        'tipo_predio': 'Comercial', 'solicita_inspeccion': True}


def _area_que_no_registra():
    Area.create(codigo='LEGAL', nombre='Legal', registra=False)
    return 'LEGAL'


MALOS = [
    ({'motivo': 'NO_EXISTE'}, 'motivo', 'No existe el motivo «NO_EXISTE»'),
    ({'canal': 999999}, 'canal', 'No existe el canal «999999»'),
    ({'canal': None}, 'canal', 'Indique el canal'),
    ({'prioridad': 'URGENTISIMO'}, 'prioridad', 'No existe la prioridad'),
    ({'producto': 'LINEA_FIJA'}, 'producto', 'corresponde a otro producto'),
    ({'motivo': 'CONSUMO_EXCESIVO_AGUA'}, 'motivo', 'no corresponde al servicio «Internet»'),
    ({'servicio': 'AGUA'}, 'motivo', 'no corresponde al servicio'),
    ({'campos': {}}, 'campos.codigo_abonado', '«Código de abonado» es obligatorio'),
    ({'campos': {'codigo_abonado': 'A', 'color': 'rojo'}}, 'campos', 'Campo desconocido'),
    ({'campos': 'codigo_abonado=1'}, 'campos', 'objeto'),
    ({'recibido_en': LUNES + timedelta(hours=1)}, 'recibido_en', 'no puede estar en el futuro'),
    ({'recibido_en': '2026-13-45'}, 'recibido_en', 'Fecha de recepción inválida'),
    ({'recibido_en': LUNES - timedelta(days=400)}, 'recibido_en', 'más de un año'),
    ({'descripcion': '   '}, 'descripcion', 'la descripción es obligatoria'),
    ({'descripcion': None}, 'descripcion', 'la descripción es obligatoria'),
    ({'descripcion': 'x' * 10_001}, 'descripcion', 'supera'),
    ({'cliente': None}, 'cliente', 'Un caso externo necesita el cliente'),
    ({'cliente': 12345}, 'cliente', 'No existe el cliente 12345'),
    ({'cliente': {'tipo_documento_identidad': 'DNI', 'numero_documento': '123',
                  'nombre': 'X'}}, 'cliente.numero_documento', 'El DNI tiene 8 dígitos'),
    ({'cliente': {'tipo_documento_identidad': 'XX', 'numero_documento': '123',
                  'nombre': 'X'}}, 'cliente.tipo_documento_identidad', 'desconocido'),
    ({'cliente': {'tipo_documento_identidad': 'DNI', 'numero_documento': '45781236',
                  'nombre': ''}}, 'cliente.nombre', 'obligatorio'),
    ({'cliente': {'tipo_documento_identidad': 'DNI', 'numero_documento': '45781236',
                  'nombre': 'X', 'email': 'no-es-correo'}}, 'cliente.email', 'Correo inválido'),
    ({'area_solicitante': 'VENTAS'}, 'area_solicitante', 'Un caso externo no lleva'),
    ({'origen': 'interno', 'cliente': None}, 'area_solicitante', 'Indique el área solicitante'),
    ({'origen': 'interno', 'area_solicitante': 'NADA'}, 'area_solicitante', 'No existe'),
    ({'origen': 'interno', 'area_solicitante': _area_que_no_registra},
     'area_solicitante', 'no registra casos'),
    ({'origen': 'proveedor'}, 'origen', 'Origen desconocido'),
    ({'tipo': 'chisme'}, 'tipo', 'Tipo de caso desconocido'),
    ({'documento_tipo': 'FACTURA'}, 'documento_numero', 'Indique juntos'),
    ({'documento_tipo': 'VALE', 'documento_numero': 'F001-1'}, 'documento_tipo', 'No existe'),
    ({'numero': '2026-999999'}, 'datos', 'Campo desconocido: «numero»'),
]


@pytest.mark.parametrize('cambios, campo, mensaje', MALOS,
                         ids=[f'{c}-{i}' for i, (_, c, _m) in enumerate(MALOS)])
def test_datos_malos_no_guardan_nada(actores, cambios, campo, mensaje):
    cambios = {k: (v() if callable(v) else v) for k, v in cambios.items()}
    with pytest.raises(ErrorValidacion) as error:
        registrar(datos_validos(**cambios), actores.registrador, IP, LUNES)
    assert campo in error.value.errores, error.value.errores
    assert mensaje in error.value.errores[campo]
    assert Reclamo.select().count() == 0
    assert Cliente.select().count() == 0
    assert ContadorReclamo.select().count() == 0
    assert Accion.select().count() == 0


def test_canal_inactivo(actores):
    from catalogos.atencion import Canal

    Canal.update(activo=False).where(Canal.codigo == 'WEB').execute()
    with pytest.raises(ErrorValidacion) as error:
        registrar(datos_validos(), actores.registrador, IP, LUNES)
    assert 'fuera de uso' in error.value.errores['canal']


def test_todos_los_errores_a_la_vez(actores):
    with pytest.raises(ErrorValidacion) as error:
        registrar(datos_validos(canal='X', descripcion='', campos={}, cliente=None),
                  actores.registrador, IP, LUNES)
    assert {'canal', 'descripcion', 'campos.codigo_abonado', 'cliente'} <= set(
        error.value.errores)


def test_quien_puede_registrar(actores, crear_usuario):
    with pytest.raises(ErrorPermiso, match='no permite registrar'):
        registrar(datos_validos(), actores.gerente, IP, LUNES)
    legal = Area.create(codigo='LEGAL', nombre='Legal', registra=False)
    with pytest.raises(ErrorPermiso, match='Su área no registra casos'):
        registrar(datos_validos(), crear_usuario('agente', area=legal), IP, LUNES)
    with pytest.raises(ErrorPermiso, match='debe pertenecer a un área'):
        registrar(datos_validos(), crear_usuario('agente'), IP, LUNES)
    assert Reclamo.select().count() == 0
    assert registrar(datos_validos(), actores.admin, IP, LUNES).numero == '2026-000001'


def test_el_cliente_registra_desde_el_portal(actores):
    caso = registrar(datos_validos(origen='interno', area_solicitante=None), None, IP, LUNES)
    assert caso.origen == 'externo' and caso.registrado_por is None
    assert Accion.de(caso).first().usuario is None
