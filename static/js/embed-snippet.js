/* Néo Num Carto — "copy the embed code". Without this script the code stays visible and
   selectable in its read-only text area; with it, a button copies it. The directory replaces
   its results (and this snippet) without a reload, so new buttons are revealed as they come. */
(function () {
  "use strict";
  if (window.neonumEmbedSnippet || !navigator.clipboard) return;
  window.neonumEmbedSnippet = true;

  function reveal() {
    document.querySelectorAll("button[data-copy][hidden]").forEach(function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-copy]");
    if (!button) return;
    var source = document.getElementById(button.dataset.copy);
    var status = button.parentNode.querySelector(".copy-status");
    navigator.clipboard.writeText(source.value).then(function () {
      if (status) status.textContent = status.dataset.copied;
    }, function () {
      source.focus();
      source.select();
    });
  });

  reveal();
  new MutationObserver(reveal).observe(document.body, { childList: true, subtree: true });
})();
