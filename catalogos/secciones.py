"""Parts of the configuration file that are not catalog declarations: rows of other layers
(letter templates, registered with ``adicional``), the company profile and the users.

Users travel with their name, area, roles and whether they are active; never a password hash
or a token identity: an imported user is created with a password nobody knows and sets their
own from an invitation link (``invitados`` lists who needs one).
"""
import base64
import secrets
import uuid

from catalogos.empresa import Empresa
from catalogos.organizacion import Area
from catalogos.usuarios import ROLES, Usuario, asignar_roles

ADICIONALES = []  # [(key, model)]: rows exported and imported like a catalog's
CAMPOS_EMPRESA = ('nombre', 'pais', 'identificacion', 'direccion', 'url_publica',
                  'libro_reclamaciones', 'politica_datos', 'logo_tipo')


def adicional(clave, modelo):
    """Carry ``modelo``'s rows (a ``codigo``, an ``errores()``) in the configuration file;
    called by the layer that owns the model, which catalogos may not import."""
    ADICIONALES[:] = [(c, m) for c, m in ADICIONALES if c != clave] + [(clave, modelo)]


def exportar_empresa():
    empresa = Empresa.select().order_by(Empresa.id).first()
    if empresa is None:
        return None
    datos = {c: getattr(empresa, c) for c in CAMPOS_EMPRESA}
    datos['logo'] = base64.b64encode(bytes(empresa.logo)).decode() if empresa.logo else None
    return datos


def exportar_usuarios():
    areas = {a.id: a.codigo for a in Area.select(Area.id, Area.codigo)}
    return [{'email': u.email, 'nombre': u.nombre or '', 'area': areas.get(u.area_id),
             'activo': bool(u.active), 'roles': sorted(u.nombres_roles())}
            for u in Usuario.select().order_by(Usuario.email)]


def importar_empresa(datos, error):
    if datos is None:
        return
    if not isinstance(datos, dict):
        raise error('empresa: se esperaba un objeto JSON.')
    desconocidos = set(datos) - set(CAMPOS_EMPRESA) - {'logo'}
    if desconocidos:
        raise error(f'empresa: campo desconocido «{sorted(desconocidos)[0]}».')
    empresa = Empresa.actual()
    for campo in CAMPOS_EMPRESA:
        if campo in datos:
            setattr(empresa, campo, datos[campo])
    if datos.get('logo'):
        try:
            empresa.logo = base64.b64decode(datos['logo'], validate=True)
        except (ValueError, TypeError):
            raise error('empresa: el logo no es base64 válido.') from None
    errores = empresa.errores()
    if errores:
        campo, mensaje = next(iter(errores.items()))
        raise error(f'empresa: {campo}: {mensaje}')
    empresa.save()


def importar_usuarios(lista, error):
    """Create or update users by e-mail; returns the e-mails created (they need an invitation)."""
    if not isinstance(lista, list):
        raise error('«usuarios» debe ser una lista.')
    creados = []
    for i, dato in enumerate(lista, 1):
        donde = f'usuarios #{i}'
        if not isinstance(dato, dict) or not isinstance(dato.get('email'), str):
            raise error(f'{donde}: se esperaba un objeto con «email».')
        if 'password' in dato or 'contrasena' in dato:
            raise error(f'{donde}: el archivo no lleva contraseñas; el usuario define la suya '
                        'con el enlace de invitación.')
        email = dato['email'].strip().lower()
        roles = dato.get('roles') or []
        if not isinstance(roles, list) or set(roles) - set(ROLES):
            raise error(f'{donde} ({email}): roles desconocidos; use ' + ', '.join(ROLES) + '.')
        area = None
        if dato.get('area'):
            area = Area.get_or_none(Area.codigo == str(dato['area']))
            if area is None:
                raise error(f'{donde} ({email}): el área «{dato["area"]}» no existe.')
        usuario = Usuario.get_or_none(Usuario.email == email)
        if usuario is None:
            usuario = Usuario(email=email, fs_uniquifier=uuid.uuid4().hex,
                              password='!' + secrets.token_hex(16))  # matches no hash scheme
            creados.append(email)
        usuario.nombre = str(dato.get('nombre') or '')[:200]
        usuario.area = area
        usuario.active = bool(dato.get('activo', True))
        usuario.save()
        asignar_roles(usuario, roles)
    return creados
