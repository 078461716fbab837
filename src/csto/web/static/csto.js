// Progressive enhancement only: everything works without this script.
// A date control marked data-autosubmit moves the page as soon as a day is chosen.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input[data-autosubmit]").forEach(function (input) {
    input.addEventListener("change", function () {
      if (input.value) { input.form.submit(); }
    });
  });
});
