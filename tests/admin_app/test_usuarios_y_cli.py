"""Login, real password hashing, demo logins and the user/demo CLI commands."""
from admin_app import demo
from catalogos.usuarios import Usuario


def test_login_correcto_e_incorrecto(client, auth, crear_usuario):
    usuario = crear_usuario('agente')
    malo = auth.login(usuario.email, 'otra-clave')
    assert malo.status_code == 200
    assert 'Correo o contraseña incorrectos' in malo.get_data(as_text=True)
    assert client.get('/admin/').status_code == 302
    assert auth.login(usuario.email).status_code == 302
    assert client.get('/admin/').status_code == 200
    auth.logout()
    assert client.get('/admin/').status_code == 302


def test_login_en_espanol(client):
    html = client.get('/login').get_data(as_text=True)
    assert 'Contraseña' in html and 'Iniciar' in html


def test_contrasena_con_argon2(url_bd, tmp_path, monkeypatch):
    """The default config hashes with argon2; the demo logins work with it."""
    from admin_app import create_app, demo
    from tests.conftest import _sembrar, _vaciar, token_csrf

    monkeypatch.setenv('RECLAMOS_INSTANCE', str(tmp_path))
    app = create_app({'DATABASE_URL': url_bd, 'TESTING': True, 'SERVER_NAME': 'localhost'})
    _vaciar()
    _sembrar()  # what the migrations seed (identity document types)
    with app.app_context():
        demo.cargar()
        guardada = Usuario.get(Usuario.email == demo.USUARIOS_DEMO[0][0]).password
    assert guardada.startswith('$argon2') and demo.CONTRASENA_DEMO not in guardada
    client = app.test_client()
    for email, _, rol, _ in demo.USUARIOS_DEMO:
        token = token_csrf(client.get('/login').get_data(as_text=True))
        respuesta = client.post('/login', data={'email': email, 'password': demo.CONTRASENA_DEMO,
                                                'csrf_token': token})
        assert respuesta.status_code == 302, rol
        assert client.get('/admin/').status_code == 200
        assert (client.get('/admin/usuarios/').status_code == 200) == (rol == 'admin')
        inicio = client.get('/admin/').get_data(as_text=True)
        client.post('/logout', data={'csrf_token': token_csrf(inicio, 'csrf_salir')})


def test_comando_crear_usuario(app, runner, auth, client, demo):
    resultado = runner.invoke(args=['crear-usuario', 'Nueva@Empresa.pe', '--rol', 'supervisor',
                                    '--contrasena', 'clave-segura-1', '--area', 'MONITOREO'])
    assert resultado.exit_code == 0, resultado.output
    usuario = Usuario.get(Usuario.email == 'nueva@empresa.pe')
    assert usuario.nombres_roles() == {'supervisor'} and usuario.area.codigo == 'MONITOREO'
    assert auth.login('nueva@empresa.pe').status_code == 302


def test_comando_crear_usuario_rechaza_datos_malos(app, runner):
    for argumentos, mensaje in [
        (['x@y.pe', '--rol', 'rey', '--contrasena', 'clave-segura-1'], 'Rol desconocido: rey'),
        (['x@y.pe', '--rol', 'agente', '--contrasena', 'corta'], 'al menos 12 caracteres'),
        (['no-correo', '--rol', 'agente', '--contrasena', 'clave-segura-1'], 'Correo inválido'),
        (['x@y.pe', '--rol', 'agente', '--contrasena', 'clave-segura-1', '--area', 'NADA'],
         'No existe el área «NADA»'),
    ]:
        resultado = runner.invoke(args=['crear-usuario'] + argumentos)
        assert resultado.exit_code == 2 and mensaje in resultado.output, resultado.output
    assert not Usuario.select().exists()


def test_comando_cargar_demo_solo_en_base_vacia(app, runner):
    primera = runner.invoke(args=['cargar-demo'])
    assert primera.exit_code == 0 and 'agente@reclamos.demo' in primera.output
    segunda = runner.invoke(args=['cargar-demo'])
    assert 'ya tiene datos' in segunda.output
    assert Usuario.select().count() == len(demo.USUARIOS_DEMO)


def test_redireccion_de_idioma_no_sale_del_sitio(client):
    respuesta = client.get('/idioma/en', headers={'Referer': 'https://malicioso.example/'})
    assert respuesta.status_code == 302
    assert 'malicioso' not in respuesta.headers['Location']


def test_cabeceras_de_seguridad(client):
    respuesta = client.get('/login')
    assert respuesta.headers['X-Frame-Options'] == 'DENY'
    assert respuesta.headers['X-Content-Type-Options'] == 'nosniff'
    assert "frame-ancestors 'none'" in respuesta.headers['Content-Security-Policy']
    cookie = client.get_cookie('session')
    assert cookie is not None and cookie.http_only and cookie.same_site == 'Lax'
