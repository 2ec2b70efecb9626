// Fills the "similar resolved cases" panel of the case page from its own URL, after the page
// has shown (ranking runs in the database and may take a moment on a large desk).
(function () {
  var panel = document.getElementById('panel-similares');
  if (!panel) { return; }
  fetch(panel.dataset.url, {credentials: 'same-origin'})
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
    .then(function (html) { panel.innerHTML = html; })
    .catch(function () {
      panel.innerHTML = '<p class="text-muted mb-0">No se pudieron buscar casos parecidos.</p>';
    });
})();
