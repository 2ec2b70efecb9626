// Draws each chart of the dashboard from its JSON (a file: the CSP runs no inline script).
document.querySelectorAll('.figura').forEach(function (div) {
  var fig = JSON.parse(document.getElementById(div.dataset.figura).textContent);
  Plotly.newPlot(div, fig.data, fig.layout, {displaylogo: false, responsive: true});
  div.on('plotly_click', function (evento) {
    var destino = evento.points.length && evento.points[0].customdata;
    if (destino) { window.location.href = destino; }
  });
});
