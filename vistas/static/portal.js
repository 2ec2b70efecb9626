// Public form: the dependent selects and the motive's fields (dependientes.js).
(function () {
  var form = document.getElementById('form-portal');
  if (!form) { return; }
  window.reclamosDependientes(form, form.getAttribute('data-catalogo'), {grupo: 'campo'});
})();
