/* Leaflet's default marker images, named by this script tag's data attributes. Leaflet finds
   them from its stylesheet's `marker-icon.png`, which the collected (hashed) static files
   rename: it then asked for `marker-icon.png` next to the page, a 404, and drew no marker.
   Loaded right after leaflet.js, before the scripts that place markers. */
(function () {
  "use strict";
  var images = document.currentScript.dataset;
  L.Icon.Default.imagePath = "";
  L.Icon.Default.mergeOptions({
    iconUrl: images.icon,
    iconRetinaUrl: images.icon2x,
    shadowUrl: images.shadow,
  });
})();
