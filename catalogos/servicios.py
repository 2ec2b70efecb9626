"""What a case is about: service, product, motive, and the motive's custom fields."""
from peewee import BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from catalogos.atencion import Canal  # noqa: F401 (declared before motives in the export)
from catalogos.base import PATRON_CODIGO, Catalogo
from catalogos.declaracion import Hijo, declarar
from catalogos.organizacion import Area, Calendario, EntidadReguladora
from catalogos.plazos import PlazoLegal, Prioridad

TIPOS_CASO = [('peticion', 'Petición'), ('queja', 'Queja'), ('reclamo', 'Reclamo'),
              ('sugerencia', 'Sugerencia')]
TIPOS_CAMPO = [('texto', 'Texto'), ('numero', 'Número'), ('fecha', 'Fecha'),
               ('opcion', 'Opción de una lista'), ('booleano', 'Sí / No')]


class Servicio(Catalogo):
    descripcion = TextField(default='', verbose_name='Descripción')


class Producto(Catalogo):
    servicio = ForeignKeyField(Servicio, backref='productos', on_delete='RESTRICT',
                               verbose_name='Servicio')


class Motivo(Catalogo):
    """A motive carries the default term, area, priority, process and regulator of its cases."""

    servicio = ForeignKeyField(Servicio, backref='motivos', on_delete='RESTRICT',
                               verbose_name='Servicio')
    producto = ForeignKeyField(Producto, backref='motivos', null=True, on_delete='RESTRICT',
                               verbose_name='Producto')
    tipo = CharField(max_length=20, choices=TIPOS_CASO, default='reclamo', verbose_name='Tipo')
    plazo = ForeignKeyField(PlazoLegal, backref='motivos', on_delete='RESTRICT',
                            verbose_name='Plazo legal')
    prioridad = ForeignKeyField(Prioridad, backref='motivos', null=True, on_delete='RESTRICT',
                                verbose_name='Prioridad por defecto')
    area = ForeignKeyField(Area, backref='motivos', null=True, on_delete='RESTRICT',
                           verbose_name='Área responsable')
    entidad = ForeignKeyField(EntidadReguladora, backref='motivos', null=True,
                              on_delete='RESTRICT', verbose_name='Entidad reguladora')
    calendario = ForeignKeyField(Calendario, backref='motivos', null=True, on_delete='RESTRICT',
                                 verbose_name='Calendario')

    def errores_propios(self):
        errores = {}
        if self.tipo not in dict(TIPOS_CASO):
            errores['tipo'] = f'Tipo de caso desconocido: «{self.tipo or ""}».'
        if self.servicio_id is None:
            errores['servicio'] = 'Elija el servicio del motivo.'
        if self.plazo_id is None:
            errores['plazo'] = 'Elija el plazo legal del motivo.'
        errores.update(self._error_area())
        if self.producto_id is not None and self.servicio_id is not None:
            producto = Producto.get_or_none(Producto.id == self.producto_id)
            if producto is not None and producto.servicio_id != self.servicio_id:
                servicio = Servicio.get_or_none(Servicio.id == self.servicio_id)
                errores['producto'] = (f'El producto «{producto.nombre}» no pertenece al servicio '
                                       f'«{servicio.nombre if servicio else self.servicio_id}».')
        errores.update(self._error_area())
        return errores

    def _error_area(self):
        """A default area that does not resolve needs an active process with an activity that
        answers (in a resolving area, or marked "da la respuesta"), or its cases could never
        be answered."""
        area = Area.get_or_none(Area.id == self.area_id) if self.area_id else None
        if area is None or area.resuelve:
            return {}
        from catalogos.procesos import Actividad, Proceso

        proceso = Proceso.activo_de(self.id) if self.id is not None else None
        if proceso is not None and (Actividad.select().join(Area)
                                    .where(Actividad.proceso == proceso.id,
                                           Area.resuelve | Actividad.resuelve)
                                    .exists()):
            return {}
        return {'area': f'El área «{area.nombre}» no resuelve casos: elija un área que los '
                        'resuelva, o configure primero un proceso activo del motivo con una '
                        'actividad que dé la respuesta.'}


    def _error_area(self):
        """The area must resolve cases, or the motive's active process must reach one that
        does: otherwise its cases would wait in an area that cannot close them."""
        area = Area.get_or_none(Area.id == self.area_id) if self.area_id else None
        if area is None or area.resuelve or self._proceso_llega_a_resolver():
            return {}
        return {'area': f'El área «{area.nombre}» no resuelve casos: elija un área que los '
                        'resuelva, o dé al motivo un proceso activo con una actividad de un '
                        'área que resuelva.'}

    def _proceso_llega_a_resolver(self):
        if self.id is None:
            return False
        from catalogos.procesos import Actividad, Proceso  # procesos imports this module

        return (Actividad.select().join(Proceso).switch(Actividad).join(Area)
                .where(Proceso.motivo == self.id, Proceso.activo == True,  # noqa: E712
                       Area.resuelve == True).exists())  # noqa: E712


class CampoPersonalizado(Catalogo):
    """A field an admin adds to the registration form of one motive."""

    motivo = ForeignKeyField(Motivo, backref='campos', on_delete='CASCADE', verbose_name='Motivo')
    # Overrides the catalog's global uniqueness: the same name may exist in several motives.
    codigo = CharField(max_length=40, verbose_name='Nombre interno')
    nombre = CharField(max_length=200, verbose_name='Etiqueta')
    tipo = CharField(max_length=20, choices=TIPOS_CAMPO, default='texto', verbose_name='Tipo')
    requerido = BooleanField(default=False, verbose_name='Obligatorio')
    opciones = TextField(default='', verbose_name='Opciones (una por línea)')
    orden = IntegerField(default=0, verbose_name='Orden')

    codigo_unico_en = 'motivo'

    class Meta:
        indexes = ((('motivo', 'codigo'), True),)

    def lista_opciones(self):
        return [o.strip() for o in (self.opciones or '').splitlines() if o.strip()]

    def errores(self):
        # The parent may not be saved yet while its inline rows are validated.
        errores = super().errores() if self.motivo_id else {}
        if not self.motivo_id:
            if not PATRON_CODIGO.match((self.codigo or '').strip()):
                errores['codigo'] = 'El nombre interno admite letras sin tilde, números y _.'
            if not (self.nombre or '').strip():
                errores['nombre'] = 'La etiqueta es obligatoria.'
            errores.update(self.errores_propios())
        return errores

    def errores_propios(self):
        errores = {}
        if self.tipo not in dict(TIPOS_CAMPO):
            errores['tipo'] = f'Tipo de campo desconocido: «{self.tipo or ""}».'
        elif self.tipo == 'opcion' and not self.lista_opciones():
            errores['opciones'] = 'Un campo de tipo opción necesita al menos una opción.'
        return errores


SERVICIOS = declarar(
    Servicio, titulo='Servicios', categoria='Servicios', clave='servicios',
    columnas=('codigo', 'nombre', 'activo'),
)
PRODUCTOS = declarar(
    Producto, titulo='Productos', categoria='Servicios', clave='productos',
    columnas=('codigo', 'nombre', 'servicio', 'activo'),
    filtros=('servicio', 'activo'), ajax=('servicio',),
)
MOTIVOS = declarar(
    Motivo, titulo='Motivos', categoria='Servicios', clave='motivos',
    columnas=('codigo', 'nombre', 'tipo', 'servicio', 'producto', 'plazo', 'prioridad', 'area',
              'activo'),
    filtros=('tipo', 'servicio', 'area', 'plazo', 'activo'),
    ajax=('servicio', 'producto'),
    hijos=(Hijo(CampoPersonalizado, 'motivo', 'campos',
                ('codigo', 'nombre', 'tipo', 'requerido', 'opciones', 'orden', 'activo'),
                titulo='Campo personalizado'),),
)
