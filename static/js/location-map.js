/* The profile form's location map: a draggable marker that writes GeoJSON into the form's
   hidden field. Loaded from our own origin, configured by data attributes and a json_script
   block, so that the Content-Security-Policy needs no inline script. Without it, the server
   computes the location from the address. */
(function () {
  "use strict";

  function readPoint(field) {
    try {
      var geometry = JSON.parse(field.value);
      if (geometry && geometry.type === "Point") {
        return L.latLng(geometry.coordinates[1], geometry.coordinates[0]);
      }
    } catch (error) {
      /* An empty field: the map starts on the territory. */
    }
    return null;
  }

  function setUp(box) {
    var config = JSON.parse(document.getElementById(box.dataset.config).textContent);
    var field = document.getElementById(box.dataset.field);
    var point = readPoint(field);
    var fallback = box.parentNode.querySelector(".no-map");
    if (fallback) {
      fallback.hidden = true;
    }
    box.hidden = false;
    var map = L.map(box, {
      minZoom: config.minZoom, maxZoom: config.maxZoom, zoomControl: false, attributionControl: false,
    });
    // Leaflet's own controls speak English (the credit's link title too): not on this page.
    L.control.zoom({ zoomInTitle: box.dataset.zoomIn, zoomOutTitle: box.dataset.zoomOut }).addTo(map);
    L.control.attribution({ prefix: "Leaflet" }).addTo(map);
    map.setView(point || config.center, point ? 15 : config.zoom);
    L.tileLayer(config.tiles, { attribution: config.attribution }).addTo(map);
    var label = box.dataset.markerLabel;
    var marker = L.marker(point || config.center, { draggable: true, title: label, alt: label });
    marker.addTo(map);

    function store(latlng) {
      var coordinates = [Number(latlng.lng.toFixed(6)), Number(latlng.lat.toFixed(6))];
      field.value = JSON.stringify({ type: "Point", coordinates: coordinates });
    }
    marker.on("dragend", function () { store(marker.getLatLng()); });
    map.on("click", function (event) {
      marker.setLatLng(event.latlng);
      store(event.latlng);
    });
  }

  document.querySelectorAll("[data-location-map]").forEach(setUp);
})();
