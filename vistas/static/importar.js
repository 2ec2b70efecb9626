// Upload progress for the customer import (large files take a while to send).
(function () {
  var form = document.getElementById('form-importar');
  if (!form || !window.XMLHttpRequest) { return; }
  form.addEventListener('submit', function (evento) {
    evento.preventDefault();
    var caja = document.getElementById('progreso'), barra = caja.firstElementChild;
    caja.classList.remove('d-none');
    var xhr = new XMLHttpRequest();
    xhr.open('POST', window.location.href);
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) { barra.style.width = Math.round(e.loaded / e.total * 100) + '%'; }
    });
    xhr.addEventListener('load', function () {
      document.open(); document.write(xhr.responseText); document.close();
    });
    xhr.send(new FormData(form));
  });
})();
