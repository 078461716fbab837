// Progressive enhancement of the REST API page: a form sends only the parameters filled in
// (without this script an empty one is sent too, and the answer says which one is wrong).
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.closest || !form.closest("section.operation")) { return; }
  Array.prototype.forEach.call(form.elements, function (field) {
    if (field.name && field.value === "") { field.disabled = true; }
  });
  window.setTimeout(function () {
    Array.prototype.forEach.call(form.elements, function (field) { field.disabled = false; });
  }, 0);
});
