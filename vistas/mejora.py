"""Improvement actions and committee minutes: gerente and admin create and edit, supervisors
read. ``/admin/mejora/nueva?casos=1,2&motivo=3`` opens the form pre-filled with those cases
(ids) and motives (``motivo`` or ``motivos``, ids), e.g. from a chart or the reports."""
from flask import Response, abort, current_app, flash, redirect, request, url_for
from flask_admin import expose
from flask_login import current_user

from catalogos.servicios import Motivo
from catalogos.usuarios import Usuario
from reclamos.caso.modelo import Reclamo
from reclamos.errores import ErrorValidacion
from reclamos.mejora.modelo import (ESTADOS_MEJORA, TIPOS_MEJORA, VIGENTES, AccionMejora,
                             ActaComite, hoy_en)
from reclamos.mejora.servicios import crear, ids, modificar, registrar_acta
from reglas.permisos import puede
from vistas.acceso import SESION_EXPIRADA, VistaProtegida, csrf_valido, roles_actuales

POR_PAGINA = 50
ID_MAXIMO = 2 ** 31 - 1  # larger ids do not exist (and PostgreSQL refuses them)
FILTROS = {'vigentes': 'Abiertas y en curso', 'vencidas': 'Vencidas', 'todas': 'Todas'}


def _zona():
    return current_app.config['BABEL_DEFAULT_TIMEZONE']


class _Segura(VistaProtegida):
    """Supervisors read; every POST and the new-record forms are for who edits."""

    permiso, permiso_escritura = 'mejora.leer', 'mejora.editar'
    vistas_escritura = frozenset({'nueva'})
    post_escribe = True

    def edita(self):
        return puede(roles_actuales(), 'mejora.editar')


def _seleccion(valores):
    """Cases and motives named in the query string or form; bad ids become a message."""
    errores, casos, motivos = {}, [], []
    try:
        # A comma list (links) or repeated values (the queue's checkboxes).
        lista = ids(','.join(v for v in valores.getlist('casos') if v))
        casos = list(Reclamo.select().where(Reclamo.id.in_(lista)).order_by(Reclamo.numero)) \
            if lista else []
        if len(casos) != len(lista):
            errores['casos'] = 'Algunos casos de la selección no existen: ' + ', '.join(
                str(i) for i in lista if i not in {c.id for c in casos}) + '.'
    except ValueError as error:
        errores['casos'] = f'Casos: «{error}» no es un identificador.'
    try:
        lista = ids(','.join(v for v in valores.getlist('motivo') + valores.getlist('motivos')
                             if v))
        motivos = list(Motivo.select().where(Motivo.id.in_(lista))) if lista else []
        if len(motivos) != len(lista):
            errores['motivos'] = 'Algún motivo de la selección no existe.'
    except ValueError as error:
        errores['motivos'] = f'Motivos: «{error}» no es un identificador.'
    return casos, motivos, errores


def _opciones():
    return {'tipos': TIPOS_MEJORA, 'estados': ESTADOS_MEJORA,
            'usuarios': Usuario.select().where(Usuario.active == True).order_by(Usuario.email),
            'todos_motivos': Motivo.activos().order_by(Motivo.nombre)}


class VistaMejora(_Segura):
    @expose('/')
    def index(self):
        filtro = request.args.get('filtro', 'vigentes')
        if filtro not in FILTROS:
            filtro = 'vigentes'
        hoy = hoy_en(_ahora(), _zona())
        consulta = {'vigentes': AccionMejora.vigentes(), 'todas': AccionMejora.select(),
                    'vencidas': AccionMejora.vencidas(hoy)}[filtro]
        pagina = request.args.get('pagina', '1')
        pagina = int(pagina) if pagina.isdigit() and 0 < int(pagina) < 100000 else 1
        filas = list(AccionMejora.con_responsable(consulta)
                     .order_by(AccionMejora.vence_el, AccionMejora.id)
                     .paginate(pagina, POR_PAGINA))
        return self.render('mejora/lista.html', filas=filas, filtro=filtro, filtros=FILTROS,
                           hoy=hoy, pagina=pagina, por_pagina=POR_PAGINA, edita=self.edita())

    @expose('/nueva', methods=('GET', 'POST'))
    def nueva(self):
        fuente = request.form if request.method == 'POST' else request.args
        casos, motivos, errores = _seleccion(fuente)
        if request.method == 'POST' and csrf_valido(SESION_EXPIRADA):
            datos = {k: request.form.get(k) for k in ('tipo', 'descripcion', 'responsable',
                                                      'vence_el')}
            datos['casos'] = [c.id for c in casos]
            datos['motivos'] = [m.id for m in motivos]
            if not errores:
                try:
                    accion = crear(datos, current_user, zona=_zona())
                except ErrorValidacion as error:
                    errores = error.errores
                else:
                    flash(f'Acción de mejora {accion} creada.', 'success')
                    return redirect(url_for('.detalle', ident=accion.id))
        estado = 400 if errores else 200
        return self.render('mejora/formulario.html', casos=casos, motivos=motivos,
                           errores=errores, valores=fuente, **_opciones()), estado

    @expose('/<int:ident>', methods=('GET', 'POST'))
    def detalle(self, ident):
        accion = AccionMejora.get_or_none(AccionMejora.id == ident) if ident <= ID_MAXIMO \
            else None
        if accion is None:
            abort(404)
        errores = {}
        if request.method == 'POST' and csrf_valido(SESION_EXPIRADA):
            datos = {k: request.form.get(k) for k in ('tipo', 'descripcion', 'responsable',
                                                      'vence_el', 'estado', 'resultado')}
            datos['motivos'] = request.form.getlist('motivos')
            try:
                modificar(accion.id, datos, current_user, zona=_zona())
            except ErrorValidacion as error:
                errores = error.errores
            else:
                flash('Cambios guardados.', 'success')
                return redirect(url_for('.detalle', ident=accion.id))
        return self.render('mejora/detalle.html', accion=accion, errores=errores,
                           valores=request.form, edita=self.edita(),
                           hoy=hoy_en(_ahora(), _zona()), **_opciones()), \
            400 if errores else 200

    @expose('/vencidas')
    def vencidas(self):
        """Open and overdue actions, oldest due first; ``?formato=xlsx`` downloads them."""
        hoy = hoy_en(_ahora(), _zona())
        filas = list(AccionMejora.con_responsable(AccionMejora.vigentes())
                     .order_by(AccionMejora.vence_el, AccionMejora.id))
        if request.args.get('formato') == 'xlsx':
            from graficos.informe.mejora import mejoras_xlsx  # openpyxl: slow to import

            return Response(mejoras_xlsx(filas, hoy), headers={
                'Content-Disposition': f'attachment; filename="acciones-mejora-{hoy}.xlsx"'},
                mimetype='application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        casos, motivos = AccionMejora.enlaces(filas)
        return self.render('mejora/vencidas.html', filas=filas, hoy=hoy, casos=casos,
                           motivos=motivos)


class VistaActas(_Segura):
    @expose('/')
    def index(self):
        actas = ActaComite.select().order_by(ActaComite.fecha.desc(), ActaComite.id.desc())
        return self.render('mejora/actas.html', actas=actas.limit(200), edita=self.edita())

    @expose('/nueva', methods=('GET', 'POST'))
    def nueva(self):
        errores = {}
        if request.method == 'POST' and csrf_valido(SESION_EXPIRADA):
            decisiones = {k[len('decision_'):]: v for k, v in request.form.items()
                          if k.startswith('decision_')}
            try:
                acta = registrar_acta(request.form, decisiones, current_user)
            except ErrorValidacion as error:
                errores = error.errores
            else:
                flash('Acta registrada.', 'success')
                return redirect(url_for('.detalle', ident=acta.id))
        acciones = AccionMejora.select().where(AccionMejora.estado.in_(VIGENTES)).order_by(
            AccionMejora.vence_el, AccionMejora.id)
        return self.render('mejora/acta_formulario.html', acciones=acciones, errores=errores,
                           valores=request.form, hoy=hoy_en(_ahora(), _zona())), \
            400 if errores else 200

    @expose('/<int:ident>')
    def detalle(self, ident):
        acta = ActaComite.get_or_none(ActaComite.id == ident) if ident <= ID_MAXIMO else None
        if acta is None:
            abort(404)
        return self.render('mejora/acta.html', acta=acta, revisiones=list(acta.revisiones()),
                           estados=dict(ESTADOS_MEJORA))


def _ahora():
    from reclamos.tiempo import ahora_utc

    return ahora_utc()
