// Registration form: dependent selects, a known customer's contact, the internal block.
(function () {
  var form = document.getElementById('form-registro');
  if (!form) { return; }
  var url = form.getAttribute('data-catalogo') || window.location.pathname.replace(/nuevo$/, 'catalogo');
  var origen = document.getElementById('origen');
  // The dependent selects and the motive's fields (dependientes.js).
  window.reclamosDependientes(form, url, {campo: 'form-control', grupo: 'form-group col-md-4'});

  // Known customer: fill the empty contact fields from the customer directory.
  var numeroDoc = document.getElementById('cliente.numero_documento');
  var tipoDoc = document.getElementById('cliente.tipo_documento_identidad');
  numeroDoc.addEventListener('change', function () {
    var base = url.replace(/catalogo$/, 'cliente');
    fetch(base + '?' + new URLSearchParams({tipo: tipoDoc.value, numero: numeroDoc.value}),
          {credentials: 'same-origin'})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (!d || !d.cliente) { return; }
        ['nombre', 'email', 'telefono', 'direccion'].forEach(function (campo) {
          var el = document.getElementById('cliente.' + campo);
          if (el && !el.value) { el.value = d.cliente[campo] || ''; }
        });
      });
  });

  function mostrarOrigen() {
    document.getElementById('bloque-interno').style.display = origen.value === 'interno' ? '' : 'none';
  }
  origen.addEventListener('change', mostrarOrigen);
  mostrarOrigen();
})();
