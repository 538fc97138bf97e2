/* Puts protected email addresses back together as links (the HTML holds them reversed). */
(function () {
  "use strict";
  document.querySelectorAll(".protected-email").forEach(function (el) {
    var reverse = function (s) { return s.split("").reverse().join(""); };
    var address = reverse(el.dataset.user) + "@" + reverse(el.dataset.domain);
    var link = document.createElement("a");
    link.href = "mailto:" + address;
    link.textContent = address;
    el.replaceChildren(link);
  });
})();
