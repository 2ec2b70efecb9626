"""The company profile: one row, edited in the panel (Organización > Empresa).

What the portal, the letters and the Libro de Reclamaciones print about the company. The
environment variables RECLAMOS_EMPRESA, RECLAMOS_EMPRESA_RUC, RECLAMOS_EMPRESA_DIRECCION,
RECLAMOS_URL_PUBLICA and RECLAMOS_LIBRO_RECLAMACIONES remain only as deployment overrides:
when set, they win over the profile (``dato``).
"""
import datetime

from peewee import BlobField, BooleanField, CharField, TextField

from bd import BaseModel
from bd.recordadas import Recordada
from bd.memo import olvidar, por_peticion
from reglas.identidad import IdentidadInvalida, tributaria, validar

PAISES_EMPRESA = [('CO', 'Colombia'), ('PE', 'Perú')]
ZONA_POR_PAIS = {'CO': 'America/Bogota', 'PE': 'America/Lima'}
TIPOS_LOGO = {'image/png': 'PNG', 'image/jpeg': 'JPEG'}
LOGO_MAX = 512 * 1024  # a logo is shown small on the portal and letters

# Profile field -> the environment override that wins when set.
ANULACIONES = {'nombre': 'RECLAMOS_EMPRESA', 'identificacion': 'RECLAMOS_EMPRESA_RUC',
               'direccion': 'RECLAMOS_EMPRESA_DIRECCION', 'url_publica': 'RECLAMOS_URL_PUBLICA',
               'libro_reclamaciones': 'RECLAMOS_LIBRO_RECLAMACIONES'}


class Empresa(BaseModel):
    nombre = CharField(max_length=200, default='', verbose_name='Razón social')
    pais = CharField(max_length=2, choices=PAISES_EMPRESA, default='CO', verbose_name='País',
                     help_text='Fija los tipos de documento de identidad y los festivos del '
                               'primer calendario.')
    identificacion = CharField(max_length=20, default='', verbose_name='NIT o RUC',
                               help_text='Colombia: NIT con dígito de verificación '
                                         '(900123456-8). Perú: RUC de 11 dígitos.')
    direccion = CharField(max_length=300, default='', verbose_name='Dirección')
    url_publica = CharField(max_length=300, default='', verbose_name='Dirección pública (URL)',
                            help_text='La que ven los clientes, p. ej. https://reclamos.'
                                      'empresa.com; se usa en los enlaces de los correos.')
    libro_reclamaciones = BooleanField(default=False, verbose_name='Libro de Reclamaciones',
                                       help_text='Perú: el portal es el Libro de '
                                                 'Reclamaciones virtual (hoja de reclamación).')
    politica_datos = TextField(default='', verbose_name='Política de tratamiento de datos',
                               help_text='Se muestra en el portal antes de enviar un caso.')
    logo = BlobField(null=True)
    logo_tipo = CharField(max_length=40, default='')

    class Meta:
        table_name = 'empresa'

    def __str__(self):
        return self.nombre or 'Empresa'

    @classmethod
    def actual(cls):
        """The profile row, or an unsaved empty one (never None), to edit or print the logo."""
        return cls.select().order_by(cls.id).first() or cls()

    def save(self, *args, **kwargs):
        guardado = super().save(*args, **kwargs)
        olvidar(PERFIL)  # the rest of this request reads what was just written
        return guardado

    def delete_instance(self, *args, **kwargs):
        borrado = super().delete_instance(*args, **kwargs)
        olvidar(PERFIL)
        return borrado

    def errores(self):
        errores = {}
        if not (self.nombre or '').strip():
            errores['nombre'] = 'Escriba la razón social de la empresa.'
        if self.pais not in dict(PAISES_EMPRESA):
            errores['pais'] = f'País no soportado: «{self.pais or ""}». Use Colombia o Perú.'
        elif (self.identificacion or '').strip():
            try:
                self.identificacion = validar(tributaria(self.pais),
                                              self.identificacion)
            except IdentidadInvalida as error:
                errores['identificacion'] = str(error)
        url = (self.url_publica or '').strip()
        if url and not url.startswith(('https://', 'http://')):
            errores['url_publica'] = 'La dirección pública empieza por https:// (o http://).'
        if self.logo and self.logo_tipo not in TIPOS_LOGO:
            errores['logo'] = 'El logo debe ser una imagen PNG o JPEG.'
        if self.logo and len(self.logo) > LOGO_MAX:
            errores['logo'] = f'El logo supera {LOGO_MAX // 1024} KB.'
        return errores


PERFIL = 'empresa'
# Every column but the logo's bytes, which only the logo route and the letters read.
_PERFIL = Recordada(lambda: Empresa.select(*[c for c in Empresa._meta.sorted_fields
                                             if c is not Empresa.logo])
                    .order_by(Empresa.id).limit(1))


def perfil():
    """The profile to read (not to edit: shared by the request), read once per request."""
    return por_peticion(PERFIL, lambda: _PERFIL.primera() or Empresa())


def dato(campo, config):
    """A profile value, unless its environment override is set in ``config``."""
    anulacion = config.get(ANULACIONES[campo]) if campo in ANULACIONES else None
    if anulacion not in (None, ''):
        return anulacion
    return getattr(perfil(), campo)


def primer_calendario(empresa):
    """A default calendar for the company's country when there is none yet: national
    holidays come with the country; office hours Monday to Friday 08:00-17:00."""
    from catalogos.organizacion import Calendario, HorarioDia

    if Calendario.select().exists():
        return None
    pais = dict(PAISES_EMPRESA)[empresa.pais]
    calendario = Calendario.create(codigo=f'GENERAL_{empresa.pais}', nombre=f'General {pais}',
                                   pais=empresa.pais, zona=ZONA_POR_PAIS[empresa.pais],
                                   predeterminado=True)
    for dia in range(5):
        HorarioDia.create(calendario=calendario, dia=dia, abre=datetime.time(8),
                          cierra=datetime.time(17))
    return calendario


def tipos_identidad():
    """[(code, name)] of the active identity document types, the company's country first in
    its usual order (a Colombian company's forms open on CC, a Peruvian one's on DNI)."""
    from catalogos.identidad import TipoIdentidad

    empresa = perfil()
    return [(t.codigo, t.nombre) for t in TipoIdentidad.ofrecidos(
        empresa.pais if empresa.id is not None else '')]
