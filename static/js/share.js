/* Share and print buttons of templates/_share.html, and "copy the embed code" of
   templates/opendata/_embed_snippet.html (one script: one request less on the directory).
   Sharing opens the system's share sheet (Web Share API) where there is one, else copies the
   address with a visible confirmation; without either, the mailto: link stays the way. Without
   this script the embed code stays visible and selectable in its read-only text area. Clicks
   are delegated and new blocks revealed as they come, since the directory replaces its results
   (buttons included). */
(function () {
  "use strict";
  if (window.neonumShare) return;
  window.neonumShare = true;
  var canShare = typeof navigator.share === "function";
  var canCopy = !!(navigator.clipboard && navigator.clipboard.writeText);

  function reveal() {
    document.querySelectorAll("[data-share]").forEach(function (block) {
      block.querySelector("[data-share-button]").hidden = !(canShare || canCopy);
      block.querySelector("[data-print-button]").hidden = typeof window.print !== "function";
    });
    if (canCopy) {
      document.querySelectorAll("button[data-copy][hidden]").forEach(function (button) {
        button.hidden = false;
      });
    }
  }

  function say(block, text) {
    block.querySelector("[data-share-status]").textContent = text;
  }

  function share(block) {
    var url = window.location.href;
    if (canShare) {
      navigator.share({ title: block.dataset.shareTitle, url: url }).catch(function () {});
      return;
    }
    navigator.clipboard.writeText(url).then(
      function () { say(block, block.dataset.copied); },
      function () { say(block, block.dataset.copyFailed + " " + url); }
    );
  }

  function copyCode(button) {
    var source = document.getElementById(button.dataset.copy);
    var status = button.parentNode.querySelector(".copy-status");
    navigator.clipboard.writeText(source.value).then(function () {
      if (status) status.textContent = status.dataset.copied;
    }, function () {
      source.focus();
      source.select();
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-share-button], [data-print-button], button[data-copy]");
    if (!button) return;
    if (button.hasAttribute("data-print-button")) window.print();
    else if (button.hasAttribute("data-copy")) copyCode(button);
    else share(button.closest("[data-share]"));
  });
  reveal();
  new MutationObserver(reveal).observe(document.body, { childList: true, subtree: true });
})();
