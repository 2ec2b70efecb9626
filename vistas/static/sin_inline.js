// What flask-admin's templates did with inline event handlers (onclick=...), which the
// Content-Security-Policy no longer runs (admin_app/cabeceras.py): the overridden templates
// in vistas/templates/admin carry data attributes instead, handled here.
(function () {
  'use strict';
  // href="javascript:void(0)" would be refused by the policy: these links only open menus.
  // In the capture phase, before any handler can stop the event on its way.
  window.addEventListener('click', function (evento) {
    if (evento.target instanceof Element && evento.target.closest('a[href^="javascript:"]')) {
      evento.preventDefault();
    }
  }, true);
  document.addEventListener('click', function (evento) {
    var objetivo = evento.target;
    if (!(objetivo instanceof Element)) { return; }
    var confirmar = objetivo.closest('button[data-confirmar]');
    if (confirmar && !window.confirm(confirmar.dataset.confirmar)) {
      evento.preventDefault();
      return;
    }
    var accion = objetivo.closest('[data-accion-modelo]');
    if (accion && window.modelActions) { window.modelActions.execute(accion.dataset.accionModelo); }
    var agregar = objetivo.closest('[data-agregar-inline]');
    if (agregar && window.faForm) { window.faForm.addInlineField(agregar, agregar.dataset.agregarInline); }
  });
  document.addEventListener('submit', function (evento) {
    var formulario = evento.target;
    if (formulario.dataset && formulario.dataset.confirmar &&
        !window.confirm(formulario.dataset.confirmar)) {
      evento.preventDefault();
    }
  });
}());
