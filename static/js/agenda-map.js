/* The agenda's map of upcoming events: markers from the agenda's small JSON (same filters as
   the list), each a link to its event. Loaded from our own origin and configured by data
   attributes, so that the Content-Security-Policy needs no inline script. Without it, the
   list is the agenda. */
(function () {
  "use strict";

  function setUp(box) {
    fetch(box.dataset.source, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { events: [] }; })
      .then(function (data) {
        if (!data.events || !data.events.length) {
          return;
        }
        box.hidden = false;
        var center = box.dataset.center.split(",").map(Number);
        var map = L.map(box, {
          minZoom: Number(box.dataset.minZoom),
          maxZoom: Number(box.dataset.maxZoom),
          zoomControl: false,
          attributionControl: false,
        });
        // Leaflet's own controls speak English: their titles come from the page.
        L.control.zoom({ zoomInTitle: box.dataset.labelZoomIn, zoomOutTitle: box.dataset.labelZoomOut }).addTo(map);
        L.control.attribution({ prefix: "Leaflet" }).addTo(map);
        L.tileLayer(box.dataset.tiles, { attribution: box.dataset.attribution }).addTo(map);
        var bounds = [];
        data.events.forEach(function (item) {
          var marker = L.marker([item[0], item[1]], { title: item[2], alt: item[2] });
          var link = document.createElement("a");
          link.href = item[3];
          link.textContent = item[2];
          marker.bindPopup(link);
          marker.addTo(map);
          bounds.push([item[0], item[1]]);
        });
        if (bounds.length > 1) {
          map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 });
        } else {
          map.setView(bounds[0] || [center[0], center[1]], bounds.length ? 13 : Number(box.dataset.zoom));
        }
      })
      .catch(function () { /* The list stays the agenda. */ });
  }

  document.querySelectorAll("#agenda-map").forEach(setUp);
})();
