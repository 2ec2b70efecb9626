"""Command line: ``flask --app admin_app <command>`` (listed in README.md)."""
import json
import sys
import uuid

import click
from flask.cli import with_appcontext
from flask_security import hash_password

from admin_app.cli.adjuntos import adjuntos_a_bd, barrer_adjuntos
from admin_app.cli.alertas import barrer_alertas, resumen_diario
from admin_app.cli.api import token_api
from admin_app.cli.correo import enviar_correos
from bd import db


def registrar(app):
    for comando in (iniciar_bd, migrar, cargar_demo, crear_usuario, exportar_config,
                    importar_config, recalcular_vencimientos, importar_clientes, respaldar,
                    restaurar, leer_correo, recalcular_resumen):
        app.cli.add_command(comando)
    app.cli.add_command(adjuntos_a_bd)
    app.cli.add_command(barrer_adjuntos)
    app.cli.add_command(desbloquear_usuario)
    app.cli.add_command(token_api)
    app.cli.add_command(enviar_correos)
    app.cli.add_command(barrer_alertas)
    app.cli.add_command(resumen_diario)


@click.command('iniciar-bd')
@with_appcontext
def iniciar_bd():
    """Create the schema (every pending migration) and the four roles."""
    from admin_app.esquema import migrar as aplicar
    from catalogos.usuarios import ROLES, Rol

    aplicadas = aplicar()
    with db.atomic():
        for nombre, descripcion in ROLES.items():
            Rol.get_or_create(name=nombre, defaults={'description': descripcion})
    click.echo(f'Esquema al día ({len(aplicadas)} migraciones aplicadas); roles listos.')


@click.command('migrar')
@with_appcontext
@click.option('--hasta', default=None, help='Aplicar hasta esta migración inclusive.')
def migrar(hasta):
    """Apply pending schema migrations."""
    from admin_app.esquema import migrar as aplicar, pendientes

    antes = pendientes()
    aplicadas = aplicar(hasta)
    click.echo(f'Pendientes: {len(antes)}. Aplicadas: {", ".join(aplicadas) or "ninguna"}.')


@click.command('cargar-demo')
@with_appcontext
def cargar_demo():
    """Load the demo configuration and one user per role into an empty database."""
    from admin_app import demo

    if not demo.base_vacia():
        click.echo('La base ya tiene datos; no se carga la demostración.')
        return
    demo.cargar()
    click.echo(demo.texto_accesos())


@click.command('crear-usuario')
@with_appcontext
@click.argument('email')
@click.option('--rol', 'roles', multiple=True, required=True,
              help='admin, supervisor, agente o gerente (repetible).')
@click.option('--contrasena', required=True, help='Al menos 8 caracteres.')
@click.option('--nombre', default='')
@click.option('--area', default=None, help='Código del área del usuario.')
def crear_usuario(email, roles, contrasena, nombre, area):
    """Create (or update the password and roles of) a user, without prompts."""
    from catalogos.organizacion import Area
    from flask import current_app

    from catalogos.usuarios import (Usuario, asignar_roles, errores_usuario,
                                    limites_contrasena, renovar_identidad)

    email = email.strip().lower()
    with db.atomic():
        usuario = Usuario.get_or_none(Usuario.email == email) or Usuario(email=email)
        errores = errores_usuario(usuario, contrasena, roles, usuario.id is None,
                                  **limites_contrasena(current_app.config))
        area_fila = None
        if area:
            area_fila = Area.get_or_none(Area.codigo == area)
            if area_fila is None:
                errores['area'] = f'No existe el área «{area}».'
        if errores:
            for campo, mensaje in errores.items():
                click.echo(f'Error en {campo}: {mensaje}', err=True)
            sys.exit(2)
        usuario.nombre = nombre or usuario.nombre
        usuario.area = area_fila or usuario.area
        usuario.password = hash_password(contrasena)
        usuario.intentos_fallidos, usuario.bloqueado_hasta = 0, None  # a reset also unlocks
        if usuario.id is None:
            usuario.fs_uniquifier = uuid.uuid4().hex
        else:
            renovar_identidad(usuario)  # a new password ends sessions and tokens (F5)
        usuario.save()
        asignar_roles(usuario, roles)
        from catalogos import accesos
        accesos.desbloquear(usuario, 'cli')  # every address: a reset also unlocks
    click.echo(f'Usuario {email} listo con roles: {", ".join(sorted(set(roles)))}.')


@click.command('desbloquear-usuario')
@with_appcontext
@click.argument('email')
def desbloquear_usuario(email):
    """Unlock an account locked by failed passwords, from every address."""
    from catalogos import accesos
    from catalogos.usuarios import Usuario

    usuario = Usuario.get_or_none(Usuario.email == email.strip().lower())
    if usuario is None:
        click.echo(f'No existe el usuario {email}.', err=True)
        sys.exit(2)
    accesos.desbloquear(usuario, 'cli')
    click.echo(f'Usuario {usuario.email} desbloqueado.')


@click.command('exportar-config')
@with_appcontext
@click.argument('archivo', type=click.Path(dir_okay=False, writable=True, allow_dash=True))
def exportar_config(archivo):
    """Write every catalog to a JSON file (- for standard output)."""
    from catalogos.configuracion import exportar

    with db.connection_context():
        texto = json.dumps(exportar(completa=True), ensure_ascii=False, indent=2,
                           sort_keys=False)
    with click.open_file(archivo, 'w', encoding='utf-8') as salida:
        salida.write(texto + '\n')
    if archivo != '-':
        click.echo(f'Configuración exportada a {archivo}.')


@click.command('importar-config')
@with_appcontext
@click.argument('archivo', type=click.Path(exists=True, dir_okay=False, allow_dash=True))
def importar_config(archivo):
    """Create or update catalogs from a JSON export; a bad file imports nothing."""
    from catalogos.configuracion import ErrorImportacion, importar

    try:
        with click.open_file(archivo, encoding='utf-8') as entrada:
            datos = json.load(entrada)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        click.echo(f'Error: el archivo no es JSON válido ({error}). No se importó nada.', err=True)
        sys.exit(2)
    try:
        with db.connection_context():
            resumen = importar(datos)
    except ErrorImportacion as error:
        click.echo(f'Error: {error} No se importó nada.', err=True)
        sys.exit(2)
    invitar = resumen.pop('invitar', [])
    total = sum(resumen.values())
    detalle = ', '.join(f'{clave}: {n}' for clave, n in resumen.items() if n)
    click.echo(f'Importados {total} registros ({detalle}).')
    if invitar:
        click.echo('Usuarios nuevos, sin contraseña: envíeles la invitación desde Organización > '
                   'Usuarios (Con seleccionados > Invitar): ' + ', '.join(invitar))


@click.command('recalcular-vencimientos')
@click.option('--calendario', default=None, help='Código del calendario (todos si se omite).')
@with_appcontext
def recalcular_vencimientos(calendario):
    """Recompute the deadlines of open cases after a calendar change (batched)."""
    from catalogos.organizacion import Calendario
    from reclamos.caso.modelo import Reclamo
    from reclamos.plazos.recalculo import recalcular_vencimientos as recalcular
    from reglas.transiciones import ABIERTOS

    calendario_id = None
    if calendario:
        fila = Calendario.get_or_none(Calendario.codigo == calendario)
        if fila is None:
            click.echo(f'Error: no existe el calendario «{calendario}».', err=True)
            sys.exit(2)
        calendario_id = fila.id
    abiertos = Reclamo.select().where(Reclamo.estado.in_(ABIERTOS))
    if calendario_id is not None:
        abiertos = abiertos.where(Reclamo.calendario == calendario_id)
    detalle = []
    with click.progressbar(length=abiertos.count(), label='Recalculando',
                           show_pos=True) as barra:
        leidos, movidos = recalcular(calendario_id, avance=lambda n: barra.update(n - barra.pos),
                                     detalle=detalle)
    click.echo(f'Recalculados {leidos} casos abiertos; {movidos} plazos cambiaron.')
    numeros = dict(Reclamo.select(Reclamo.id, Reclamo.numero)
                   .where(Reclamo.id.in_([d[0] for d in detalle])).tuples())
    for reclamo, tipo, antes, despues in detalle:
        click.echo(f'  {numeros.get(reclamo, reclamo)} {tipo}: {antes or "—"} -> '
                   f'{despues or "en pausa"} (UTC)')


@click.command('importar-clientes')
@click.argument('archivo', type=click.Path(exists=True, dir_okay=False))
@with_appcontext
def importar_clientes(archivo):
    """Import customers from a CSV file; any bad row stops it, listed, nothing imported."""
    from reclamos.clientes.importacion import ErrorArchivo, importar, leer

    try:
        with open(archivo, 'rb') as entrada:
            filas, errores = leer(entrada.read())
    except ErrorArchivo as error:
        click.echo(f'Error: {error}', err=True)
        sys.exit(2)
    if errores:
        for linea, campo, mensaje in errores:
            click.echo(f'Línea {linea}, {campo}: {mensaje}', err=True)
        click.echo(f'{len(errores)} errores; no se importó nada.', err=True)
        sys.exit(2)
    with click.progressbar(length=len(filas), label='Importando clientes') as barra:
        nuevos, actualizados = importar(filas, avance=lambda n: barra.update(n - barra.pos))
    click.echo(f'{nuevos} clientes nuevos, {actualizados} actualizados.')


@click.command('recalcular-resumen')
@with_appcontext
def recalcular_resumen():
    """Rebuild the dashboard's daily rollup now (optional: the app keeps it current)."""
    from flask import current_app

    from bd import db
    from graficos.tablero.consolidado import recalcular

    with db.connection_context():
        filas = recalcular(current_app.config['BABEL_DEFAULT_TIMEZONE'])
    click.echo(f'Resumen diario recalculado: {filas} filas.')


@click.command('respaldar')
@click.argument('archivo', type=click.Path(dir_okay=False))
@with_appcontext
def respaldar(archivo):
    """Copy the whole database to ARCHIVO (SQLite online backup, or pg_dump)."""
    from flask import current_app

    from admin_app.respaldo import ErrorRespaldo, respaldar as copiar

    try:
        copiar(current_app.config['DATABASE_URL'], archivo)
    except ErrorRespaldo as error:
        click.echo(f'Error: {error}', err=True)
        sys.exit(2)
    click.echo(f'Respaldo escrito en {archivo}.')


@click.command('restaurar')
@click.argument('archivo', type=click.Path(dir_okay=False))
@click.option('--si', is_flag=True, help='Confirmar: reemplaza todos los datos actuales.')
@with_appcontext
def restaurar(archivo, si):
    """Replace the whole database with a backup made by 'respaldar' (stop the app first)."""
    from flask import current_app

    from admin_app.respaldo import ErrorRespaldo, restaurar as reponer

    if not si:
        click.echo('Error: restaurar reemplaza todos los datos; repita con --si.', err=True)
        sys.exit(2)
    db.close()
    try:
        reponer(current_app.config['DATABASE_URL'], archivo)
    except ErrorRespaldo as error:
        click.echo(f'Error: {error}', err=True)
        sys.exit(2)
    click.echo(f'Base restaurada desde {archivo}.')


@click.command('leer-correo')
@with_appcontext
def leer_correo():
    """Poll the intake mailbox once: new cases, comments on cases, messages set aside."""
    from flask import current_app

    from reclamos.correo.entrada import ErrorBuzon, leer_buzon

    try:
        resumen = leer_buzon(current_app.config)
    except ErrorBuzon as error:
        click.echo(f'Error: {error}', err=True)
        sys.exit(2)
    click.echo(resumen.texto())
