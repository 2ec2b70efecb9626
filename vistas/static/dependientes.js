// Shared by the registration form and the public portal form: the service filters products
// and motives; the motive brings its custom fields. Each page names its CSS classes.
window.reclamosDependientes = function (form, url, clases) {
  var servicio = document.getElementById('servicio');
  var producto = document.getElementById('producto');
  var motivo = document.getElementById('motivo');
  var campos = document.getElementById('campos-motivo');

  function opciones(select, filas, vacio) {
    select.innerHTML = '';
    var primera = document.createElement('option');
    primera.value = ''; primera.textContent = vacio; select.appendChild(primera);
    filas.forEach(function (f) {
      var o = document.createElement('option'); o.value = f.id; o.textContent = f.nombre;
      select.appendChild(o);
    });
  }

  function entrada(c) {
    var el;
    if (c.tipo === 'opcion' || c.tipo === 'booleano') {
      el = document.createElement('select');
      var lista = c.tipo === 'opcion' ? c.opciones.map(function (o) { return [o, o]; })
                                      : [['si', 'Sí'], ['no', 'No']];
      [['', '—']].concat(lista).forEach(function (par) {
        var o = document.createElement('option'); o.value = par[0]; o.textContent = par[1];
        el.appendChild(o);
      });
    } else {
      el = document.createElement('input');
      el.type = {numero: 'number', fecha: 'date'}[c.tipo] || 'text';
      el.step = 'any'; el.maxLength = 500;
    }
    if (clases.campo) { el.className = clases.campo; }
    el.name = 'campo.' + c.codigo; el.id = 'campos.' + c.codigo;
    var grupo = document.createElement('div'); grupo.className = clases.grupo;
    var etiqueta = document.createElement('label'); etiqueta.htmlFor = el.id;
    etiqueta.textContent = c.etiqueta + (c.requerido ? ' *' : '');
    grupo.appendChild(etiqueta); grupo.appendChild(el);
    return grupo;
  }

  function pedir(parametros, hecho) {
    fetch(url + '?' + new URLSearchParams(parametros), {credentials: 'same-origin'})
      .then(function (r) { return r.json(); }).then(hecho);
  }

  servicio.addEventListener('change', function () {
    pedir({servicio: servicio.value}, function (d) {
      opciones(producto, d.productos, '—');
      opciones(motivo, d.motivos, d.motivos.length ? 'Elija el motivo' : 'Elija primero el servicio');
      campos.innerHTML = '';
    });
  });
  motivo.addEventListener('change', function () {
    pedir({motivo: motivo.value}, function (d) {
      campos.innerHTML = '';
      d.campos.forEach(function (c) { campos.appendChild(entrada(c)); });
    });
  });
};
