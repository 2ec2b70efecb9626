"""Create, edit and delete through the real form POSTs, and every bad input of the issue."""
import pytest

from tests.conftest import token_csrf


def enviar(client, url, datos):
    """GET the form (for its CSRF token), then POST it like a browser."""
    pagina = client.get(url)
    assert pagina.status_code == 200, pagina.status_code
    return client.post(url, data={**datos, 'csrf_token': token_csrf(pagina.get_data(as_text=True))})


@pytest.fixture
def admin(como):
    return como('admin')


def texto(respuesta):
    return respuesta.get_data(as_text=True)


def test_crear_editar_eliminar_servicio(client, admin, app):
    from catalogos.servicios import Servicio

    respuesta = enviar(client, '/admin/servicios/new/',
                       {'codigo': 'GAS', 'nombre': 'Gas natural', 'activo': 'y'})
    assert respuesta.status_code == 302
    gas = Servicio.get(Servicio.codigo == 'GAS')
    assert gas.nombre == 'Gas natural' and gas.activo

    respuesta = enviar(client, f'/admin/servicios/edit/?id={gas.id}',
                       {'codigo': 'GAS', 'nombre': 'Gas domiciliario'})
    assert respuesta.status_code == 302
    gas = Servicio.get_by_id(gas.id)
    assert gas.nombre == 'Gas domiciliario' and not gas.activo

    lista = texto(client.get('/admin/servicios/'))
    respuesta = client.post('/admin/servicios/delete/', data={
        'id': gas.id, 'csrf_token': token_csrf(lista)})
    assert respuesta.status_code == 302
    assert not Servicio.select().where(Servicio.codigo == 'GAS').exists()


def test_no_elimina_lo_que_otros_usan(client, admin, demo):
    from catalogos.servicios import Motivo, Servicio

    agua = Servicio.get(Servicio.codigo == 'AGUA')
    lista = texto(client.get('/admin/servicios/'))
    respuesta = client.post('/admin/servicios/delete/', data={
        'id': agua.id, 'csrf_token': token_csrf(lista)}, follow_redirects=True)
    assert 'No se puede eliminar' in texto(respuesta)
    assert Servicio.select().where(Servicio.codigo == 'AGUA').exists()
    assert Motivo.select().where(Motivo.servicio == agua).exists()


def test_codigo_repetido(client, admin, demo):
    from catalogos.organizacion import Area

    respuesta = enviar(client, '/admin/areas/new/', {'codigo': 'MONITOREO', 'nombre': 'Otra'})
    assert respuesta.status_code == 200
    assert 'Ya existe un registro con el código «MONITOREO»' in texto(respuesta)
    assert Area.select().where(Area.nombre == 'Otra').count() == 0


def test_nombre_vacio(client, admin):
    from catalogos.organizacion import Area

    respuesta = enviar(client, '/admin/areas/new/', {'codigo': 'NUEVA', 'nombre': '   '})
    assert respuesta.status_code == 200
    assert 'Este campo es obligatorio.' in texto(respuesta)
    assert 'No se pudo crear el registro.' in texto(respuesta)
    assert not Area.select().exists()


@pytest.mark.parametrize('cantidad', ['0', '-3'])
def test_plazo_cero_o_negativo(client, admin, cantidad):
    from catalogos.plazos import Prioridad

    respuesta = enviar(client, '/admin/prioridades/new/', {
        'codigo': 'URGENTE', 'nombre': 'Urgente', 'cantidad': cantidad, 'unidad': 'minutos',
        'orden': '0', 'color': 'danger'})
    assert respuesta.status_code == 200
    assert 'debe ser mayor que cero' in texto(respuesta)
    assert not Prioridad.select().exists()


def test_unidad_desconocida(client, admin):
    from catalogos.plazos import PlazoLegal

    respuesta = enviar(client, '/admin/plazos_legales/new/', {
        'codigo': 'X', 'nombre': 'X', 'cantidad': '5', 'unidad': 'semanas'})
    assert respuesta.status_code == 200
    assert 'Opción inválida.' in texto(respuesta)
    assert not PlazoLegal.select().exists()


def test_producto_de_otro_servicio(client, admin, demo):
    from catalogos.plazos import PlazoLegal
    from catalogos.servicios import Motivo, Producto, Servicio

    agua = Servicio.get(Servicio.codigo == 'AGUA')
    fibra = Producto.get(Producto.codigo == 'FIBRA_HOGAR')
    plazo = PlazoLegal.select().first()
    respuesta = enviar(client, '/admin/motivos/new/', {
        'codigo': 'MEZCLA', 'nombre': 'Mezcla', 'servicio': agua.id, 'producto': fibra.id,
        'tipo': 'reclamo', 'plazo': plazo.id})
    assert respuesta.status_code == 200
    assert 'no pertenece al servicio' in texto(respuesta)
    assert not Motivo.select().where(Motivo.codigo == 'MEZCLA').exists()


def _motivo_con_campo(servicio, plazo, **campo):
    datos = {'codigo': 'CON_CAMPOS', 'nombre': 'Con campos', 'servicio': servicio.id,
             'tipo': 'queja', 'plazo': plazo.id, 'activo': 'y'}
    datos.update({f'campos-0-{k}': v for k, v in campo.items()})
    return datos


def test_motivo_con_campo_personalizado(client, admin, demo):
    from catalogos.plazos import PlazoLegal
    from catalogos.servicios import CampoPersonalizado, Motivo, Servicio

    datos = _motivo_con_campo(Servicio.get(Servicio.codigo == 'AGUA'), PlazoLegal.select().first(),
                              codigo='medidor', nombre='Número de medidor', tipo='texto',
                              requerido='y', opciones='', orden='1', activo='y')
    assert enviar(client, '/admin/motivos/new/', datos).status_code == 302
    motivo = Motivo.get(Motivo.codigo == 'CON_CAMPOS')
    campo = CampoPersonalizado.get(CampoPersonalizado.motivo == motivo)
    assert (campo.codigo, campo.nombre, campo.requerido) == ('medidor', 'Número de medidor', True)


def test_campo_opcion_sin_opciones(client, admin, demo):
    from catalogos.plazos import PlazoLegal
    from catalogos.servicios import CampoPersonalizado, Motivo, Servicio

    datos = _motivo_con_campo(Servicio.get(Servicio.codigo == 'AGUA'), PlazoLegal.select().first(),
                              codigo='tipo_predio', nombre='Tipo de predio', tipo='opcion',
                              opciones='', orden='1', activo='y')
    respuesta = enviar(client, '/admin/motivos/new/', datos)
    assert respuesta.status_code == 200
    assert 'necesita al menos una opción' in texto(respuesta)
    # Nothing half-saved: neither the motive nor its field.
    assert not Motivo.select().where(Motivo.codigo == 'CON_CAMPOS').exists()
    campos = CampoPersonalizado.select().join(Motivo).where(Motivo.codigo == 'CON_CAMPOS')
    assert not campos.exists()


def test_zona_horaria_inexistente(client, admin):
    from catalogos.organizacion import Calendario

    respuesta = enviar(client, '/admin/calendarios/new/', {
        'codigo': 'MARTE', 'nombre': 'Marte', 'pais': 'CO', 'zona': 'Marte/Olympus'})
    assert respuesta.status_code == 200
    assert 'La zona horaria «Marte/Olympus» no existe' in texto(respuesta)
    assert not Calendario.select().exists()


def test_horario_que_cierra_antes_de_abrir(client, admin):
    from catalogos.organizacion import Calendario

    respuesta = enviar(client, '/admin/calendarios/new/', {
        'codigo': 'CO2', 'nombre': 'Colombia 2', 'pais': 'CO', 'zona': 'America/Bogota',
        'horario-0-dia': '0', 'horario-0-abre': '17:00', 'horario-0-cierra': '08:00'})
    assert respuesta.status_code == 200
    assert 'debe ser posterior a la apertura' in texto(respuesta)
    assert not Calendario.select().exists()


def test_calendario_con_horario_y_feriado_propio(client, admin):
    from catalogos.organizacion import Calendario

    respuesta = enviar(client, '/admin/calendarios/new/', {
        'codigo': 'PE2', 'nombre': 'Perú 2', 'pais': 'PE', 'zona': 'America/Lima',
        'horario-0-dia': '0', 'horario-0-abre': '08:30', 'horario-0-cierra': '17:30',
        'dias_especiales-0-fecha': '2026-12-24', 'dias_especiales-0-tipo': 'no_laborable',
        'dias_especiales-0-descripcion': 'Decreto'})
    assert respuesta.status_code == 302
    calendario = Calendario.get(Calendario.codigo == 'PE2')
    assert [(h.dia, h.abre.strftime('%H:%M')) for h in calendario.horario] == [(0, '08:30')]
    assert [d.fecha.isoformat() for d in calendario.dias_especiales] == ['2026-12-24']


def test_usuario_nuevo_por_formulario(client, admin, app, auth):
    from catalogos.usuarios import Usuario

    respuesta = enviar(client, '/admin/usuarios/new/', {
        'email': 'Nuevo@Prueba.pe', 'nombre': 'Nuevo', 'active': 'y', 'roles': ['agente'],
        'contrasena': 'una-clave-larga'})
    assert respuesta.status_code == 302
    nuevo = Usuario.get(Usuario.email == 'nuevo@prueba.pe')
    assert nuevo.nombres_roles() == {'agente'}
    auth.logout()
    assert auth.login('nuevo@prueba.pe', 'una-clave-larga').status_code == 302
    assert client.get('/admin/usuarios/').status_code == 403


@pytest.mark.parametrize('datos, mensaje', [
    ({'email': 'no-es-correo', 'roles': ['agente'], 'contrasena': 'una-clave-larga'},
     'Correo inválido'),
    ({'email': 'a@prueba.pe', 'roles': [], 'contrasena': 'una-clave-larga'},
     'Elija al menos un rol'),
    ({'email': 'a@prueba.pe', 'roles': ['agente'], 'contrasena': 'corta'},
     'al menos 12 caracteres'),
])
def test_usuario_invalido(client, admin, datos, mensaje):
    from catalogos.usuarios import Usuario

    respuesta = enviar(client, '/admin/usuarios/new/', {'nombre': 'X', **datos})
    assert respuesta.status_code == 200
    assert mensaje in texto(respuesta)
    assert Usuario.select().count() == 1  # only the admin who is logged in


def test_editar_motivo_conserva_sus_campos(client, admin, demo):
    """Saving the edit form as the browser shows it keeps the inline rows, no duplicates."""
    from catalogos.servicios import CampoPersonalizado, Motivo
    from tests.apoyo.formularios import valores_formulario

    motivo = Motivo.get(Motivo.codigo == 'CONSUMO_EXCESIVO_AGUA')
    antes = {c.id: c.codigo for c in motivo.campos}
    url = f'/admin/motivos/edit/?id={motivo.id}'
    valores = valores_formulario(texto(client.get(url)))
    valores['nombre'] = 'Consumo excesivo (editado)'
    respuesta = client.post(url, data=valores)
    assert respuesta.status_code == 302, texto(respuesta)[-2000:]
    motivo = Motivo.get_by_id(motivo.id)
    assert motivo.nombre == 'Consumo excesivo (editado)'
    assert motivo.producto.codigo == 'AGUA_DOMESTICA'
    assert {c.id: c.codigo for c in CampoPersonalizado.select().where(
        CampoPersonalizado.motivo == motivo)} == antes


def test_buscar_servicio_por_ajax(client, como, demo):
    como('agente')
    respuesta = client.get('/admin/motivos/ajax/lookup/?name=servicio&query=agua')
    assert respuesta.status_code == 200
    assert [nombre for _, nombre in respuesta.get_json()] == [
        'Agua potable y alcantarillado']
