/* Néo Num Carto — the results map shared by the directory and the embed: base map and
   controls from the container's data attributes, markers drawn from the map endpoint's
   GeoJSON (numbered clusters, keyboard-reachable points), framing on the results. */
(function () {
  "use strict";

  window.NeoNumResultsMap = function (mapEl, options) {
    var d = mapEl.dataset;
    options = options || {};
    var map = L.map(mapEl, {
      center: d.center.split(",").map(Number),
      zoom: Number(d.zoom),
      minZoom: Number(d.minZoom),
      maxZoom: Number(d.maxZoom),
      zoomControl: false,
    });
    L.control.zoom({ zoomInTitle: d.labelZoomIn, zoomOutTitle: d.labelZoomOut }).addTo(map);
    L.tileLayer(d.tiles, {
      attribution: d.attribution,
      minZoom: Number(d.minZoom),
      maxZoom: Number(d.maxZoom),
    }).addTo(map);
    map.on("popupopen", function (event) {
      var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close) close.setAttribute("aria-label", d.labelClose);
    });
    var layer = L.layerGroup().addTo(map);

    function viewBbox() {
      var b = map.getBounds();
      return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
        .map(function (n) { return Math.max(-180, Math.min(180, n)).toFixed(5); }).join(",");
    }

    function popup(props) {
      var link = document.createElement("a");
      link.href = d.actorUrl.replace("__slug__", encodeURIComponent(props.slug));
      link.textContent = props.name;
      if (options.newTab) {
        link.target = "_blank";
        link.rel = "noopener";
      }
      return link;
    }

    function cluster(latlng, count) {
      var label = d.labelCluster.replace("%(count)s", count);
      var large = count >= 1000;
      var marker = L.marker(latlng, {
        icon: L.divIcon({
          className: "marker-cluster" + (large ? " is-large" : ""),
          html: "<span></span>",
          iconSize: large ? [52, 52] : [40, 40],
        }),
        keyboard: true,
        title: label,
      });
      marker.on("add", function () {
        marker.getElement().firstChild.textContent = count;
        marker.getElement().setAttribute("aria-label", label);
      });
      marker.on("click", function () {
        map.setView(latlng, Math.min(map.getZoom() + 2, map.getMaxZoom()));
      });
      return marker;
    }

    function point(latlng, props) {
      var marker = L.marker(latlng, {
        icon: L.divIcon({ className: "marker-point", html: "<span></span>", iconSize: [22, 22] }),
        keyboard: true,
        title: props.name,
      });
      marker.bindPopup(function () { return popup(props); });
      marker.on("add", function () {
        var el = marker.getElement();
        el.setAttribute("aria-label", props.name);
        el.dataset.actorId = props.id;
        if (options.onPoint) options.onPoint(el, props);
      });
      return marker;
    }

    /* Draws a FeatureCollection; returns the point markers by actor id. */
    function draw(collection) {
      var byId = {};
      layer.clearLayers();
      collection.features.forEach(function (feature) {
        var c = feature.geometry.coordinates;
        var latlng = [c[1], c[0]];
        var props = feature.properties;
        if (props.count) {
          layer.addLayer(cluster(latlng, props.count));
        } else {
          byId[props.id] = point(latlng, props);
          layer.addLayer(byId[props.id]);
        }
      });
      return byId;
    }

    /* Frames the map on [west, south, east, north], when there is anything to frame. */
    function fit(bounds) {
      if (bounds) {
        map.fitBounds([[bounds[1], bounds[0]], [bounds[3], bounds[2]]], {
          padding: [24, 24],
          maxZoom: 15,
        });
      }
    }

    return { map: map, draw: draw, fit: fit, viewBbox: viewBbox };
  };
})();
