// Draws each chart of the dashboard from its JSON (a file: the CSP runs no inline script).
// On a narrow card the title is broken into lines: plotly draws it on one and clips it.
function partirTitulo(texto, ancho) {
  var caben = Math.max(20, Math.floor(ancho / 8.5)), lineas = [], actual = '';
  texto.split(' ').forEach(function (palabra) {
    if (actual && (actual + ' ' + palabra).length > caben) { lineas.push(actual); actual = palabra; }
    else { actual = actual ? actual + ' ' + palabra : palabra; }
  });
  lineas.push(actual);
  return lineas.join('<br>');
}
function dibujar(div) {
  var fig = JSON.parse(document.getElementById(div.dataset.figura).textContent);
  var titulo = fig.layout.title && fig.layout.title.text;
  if (titulo && div.clientWidth < 560) {
    fig.layout.title.text = partirTitulo(titulo, div.clientWidth);
    fig.layout.margin.t += 20 * (fig.layout.title.text.split('<br>').length - 1);
  }
  Plotly.newPlot(div, fig.data, fig.layout, {displaylogo: false, responsive: true});
  div.on('plotly_click', function (evento) {
    var destino = evento.points.length && evento.points[0].customdata;
    if (destino) { window.location.href = destino; }
  });
}
// The charts on screen first; the rest once the page has loaded, so the first view does not
// wait for a dozen charts nobody sees yet (the first open of the dashboard, issue 20).
var pendientes = [];
document.querySelectorAll('.figura').forEach(function (div) {
  if (div.getBoundingClientRect().top < window.innerHeight) { dibujar(div); }
  else { pendientes.push(div); }
});
performance.mark('graficos-visibles');  // bench.primera_apertura reads it
window.addEventListener('load', function () {
  setTimeout(function () { pendientes.forEach(dibujar); }, 0);
});
