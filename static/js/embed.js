/* Néo Num Carto — the embeddable map. The list under it is the page's content and works
   without JavaScript; this draws the same results on a map (points, or clusters with counts),
   from the directory's own map data. */
(function () {
  "use strict";
  var mapEl = document.getElementById("embed-map");
  if (!mapEl || !window.L || !window.fetch) return;
  mapEl.parentNode.hidden = false;
  var data = mapEl.dataset;
  var request = null;

  var map = L.map(mapEl, {
    center: data.center.split(",").map(Number),
    zoom: Number(data.zoom),
    minZoom: Number(data.minZoom),
    maxZoom: Number(data.maxZoom),
    zoomControl: false,
  });
  L.control.zoom({ zoomInTitle: data.labelZoomIn, zoomOutTitle: data.labelZoomOut }).addTo(map);
  L.tileLayer(data.tiles, {
    attribution: data.attribution,
    minZoom: Number(data.minZoom),
    maxZoom: Number(data.maxZoom),
  }).addTo(map);
  map.on("popupopen", function (event) {
    var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
    if (close) close.setAttribute("aria-label", data.labelClose);
  });
  var layer = L.layerGroup().addTo(map);

  function url(extra) {
    var query = new URLSearchParams(data.query);
    ["page", "sort", "bbox"].forEach(function (name) { query.delete(name); });
    Object.keys(extra).forEach(function (name) { query.set(name, extra[name]); });
    return data.mapUrl + "?" + query.toString();
  }

  function load() {
    var b = map.getBounds();
    var bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
      .map(function (n) { return Math.max(-180, Math.min(180, n)).toFixed(5); }).join(",");
    if (request) request.abort();
    request = new AbortController();
    fetch(url({ bbox: bbox, zoom: map.getZoom() }), { signal: request.signal })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (collection) { if (collection) draw(collection); })
      .catch(function () {});
  }

  function draw(collection) {
    layer.clearLayers();
    collection.features.forEach(function (feature) {
      var c = feature.geometry.coordinates;
      var props = feature.properties;
      var latlng = [c[1], c[0]];
      if (props.count) {
        var label = data.labelCluster.replace("%(count)s", props.count);
        var cluster = L.marker(latlng, {
          icon: L.divIcon({ className: "marker-cluster", html: "<span></span>", iconSize: [40, 40] }),
          keyboard: true,
          title: label,
        });
        cluster.on("add", function () {
          cluster.getElement().firstChild.textContent = props.count;
          cluster.getElement().setAttribute("aria-label", label);
        });
        cluster.on("click", function () {
          map.setView(latlng, Math.min(map.getZoom() + 2, map.getMaxZoom()));
        });
        layer.addLayer(cluster);
        return;
      }
      var marker = L.marker(latlng, {
        icon: L.divIcon({ className: "marker-point", html: "<span></span>", iconSize: [22, 22] }),
        keyboard: true,
        title: props.name,
      });
      marker.on("add", function () { marker.getElement().setAttribute("aria-label", props.name); });
      marker.bindPopup(function () {
        var link = document.createElement("a");
        link.href = data.actorUrl.replace("__slug__", encodeURIComponent(props.slug));
        link.target = "_blank";
        link.rel = "noopener";
        link.textContent = props.name;
        return link;
      });
      layer.addLayer(marker);
    });
  }

  fetch(url({ fit: "1" }))
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (result) {
      var b = result && result.bounds;
      if (b) map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { padding: [24, 24], maxZoom: 15 });
    })
    .catch(function () {})
    .then(function () { map.on("moveend", load); load(); });
})();
