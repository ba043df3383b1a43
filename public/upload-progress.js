// Progressive enhancement for the import form: send the file with
// XMLHttpRequest to show the upload's progress, then follow the server's
// redirect to the report. Without JavaScript the form posts as usual.
(function () {
  var form = document.getElementById('import-form');
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var status = form.querySelector('.upload-status');
    var bar = document.getElementById('upload-progress');
    var note = status.querySelector('[role="status"]');
    var button = form.querySelector('button[type="submit"]');
    status.hidden = false;
    button.disabled = true;
    var request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
    });
    request.upload.addEventListener('load', function () {
      bar.value = 100;
      note.textContent = note.getAttribute('data-processing');
    });
    request.addEventListener('load', function () {
      window.location.assign(request.responseURL || '/publish');
    });
    request.addEventListener('error', function () { form.submit(); });
    request.send(new FormData(form));
  });
})();
