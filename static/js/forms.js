/* Néo Num Carto — forms that keep what was typed. On a form marked data-warn-unsaved, leaving
   the page (a link, the language switcher, closing the tab) with changes not yet sent asks
   for confirmation first; sending the form itself does not. A form shown back with errors
   holds unsaved values from the start (data-unsaved). An error summary (#errors) is focused,
   so that screen readers and keyboards start from the list of problems. */
(function () {
  "use strict";

  var summary = document.getElementById("errors");
  if (summary && summary.classList.contains("error-summary")) summary.focus();

  var forms = Array.prototype.slice.call(document.querySelectorAll("form[data-warn-unsaved]"));
  if (!forms.length) return;
  var sending = false;

  function snapshot(form) {
    var parts = [];
    new FormData(form).forEach(function (value, key) {
      parts.push(key + "=" + (typeof value === "string" ? value : value.name + ":" + value.size));
    });
    return parts.join("&");
  }

  forms.forEach(function (form) {
    var initial = snapshot(form);
    form.isUnsaved = function () {
      return form.hasAttribute("data-unsaved") || snapshot(form) !== initial;
    };
    form.addEventListener("submit", function () { sending = true; });
  });

  // A page restored from the back-forward cache may be left again: the guard comes back.
  window.addEventListener("pageshow", function () { sending = false; });

  window.addEventListener("beforeunload", function (event) {
    if (sending) return;
    if (!forms.some(function (form) { return form.isUnsaved(); })) return;
    event.preventDefault();
    event.returnValue = "";  // Older browsers need it; the text shown is the browser's own.
  });
})();
