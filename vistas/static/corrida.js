// Sandbox run page: polls the run's state every second and moves the progress bar; once the
// run has finished (or was cancelled, or failed) reloads the page, which then shows the result.
(function () {
  var marco = document.getElementById('corrida');
  if (!marco || ['en_cola', 'en_curso'].indexOf(marco.dataset.estado) < 0) { return; }
  var barra = document.getElementById('corrida-barra');
  var estado = document.getElementById('corrida-estado');
  function mirar() {
    fetch(marco.dataset.url, {credentials: 'same-origin'})
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (datos) {
        barra.style.width = datos.progreso + '%';
        barra.setAttribute('aria-valuenow', datos.progreso);
        barra.textContent = datos.progreso + ' %';
        estado.textContent = datos.etiqueta + (datos.cancelando ? ' (cancelación pedida)' : '');
        if (['en_cola', 'en_curso'].indexOf(datos.estado) < 0) {
          window.location.reload();
        } else {
          window.setTimeout(mirar, 1000);
        }
      })
      .catch(function () { window.setTimeout(mirar, 3000); });
  }
  window.setTimeout(mirar, 500);
})();
