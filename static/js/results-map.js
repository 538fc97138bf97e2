/* Néo Num Carto — the results map shared by the directory and the embed: base map and
   controls from the container's data attributes, the territory's outline, markers drawn from
   the map endpoint's GeoJSON (a pictogram per main theme, numbered clusters).
   The map is one tab stop (a roving tabindex): Tab enters on one marker, the arrow keys move
   to the nearest marker in their direction, Enter or Space opens a cluster (zooming in, focus
   on the first marker inside) or a marker's popup (focus in it, Escape back to the marker),
   + and − zoom. Markers closer than a touch target are merged at render time, so that none
   hides another. */
(function () {
  "use strict";

  var TARGET = 44; // px: the touch target of every marker, and the least gap between two
  var KEYS = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };

  window.NeoNumResultsMap = function (mapEl, options) {
    var d = mapEl.dataset;
    options = options || {};
    var map = L.map(mapEl, {
      center: d.center.split(",").map(Number),
      zoom: Number(d.zoom),
      minZoom: Number(d.minZoom),
      maxZoom: Number(d.maxZoom),
      zoomControl: false,
      attributionControl: false,
      keyboard: false, // the container is no tab stop of its own: see focusable()
    });
    // The zoom buttons stay for the mouse and touch; the keyboard zooms with + and −.
    var zoom = L.control.zoom({ zoomInTitle: d.labelZoomIn, zoomOutTitle: d.labelZoomOut }).addTo(map);
    zoom.getContainer().querySelectorAll("a").forEach(function (a) { a.tabIndex = -1; });
    // Credits printed under the map keep their links out of the map's single tab stop.
    var credited = document.getElementById(mapEl.id + "-credit");
    if (!credited) L.control.attribution({ prefix: "Leaflet" }).addTo(map);
    L.tileLayer(d.tiles, {
      attribution: credited ? "" : d.attribution,
      minZoom: Number(d.minZoom),
      maxZoom: Number(d.maxZoom),
    }).addTo(map);
    var layer = L.layerGroup().addTo(map);
    var items = []; // {marker, el, latlng, cluster}
    var current = null; // the item holding the tab stop
    var focusNear = null; // after a cluster is opened: focus the marker nearest to this

    // data-outline: the outline's URL, or "#id" of a JSON script in the page (no request).
    function loadOutline(source) {
      var inline = source.charAt(0) === "#" && document.getElementById(source.slice(1));
      if (inline) return Promise.resolve(JSON.parse(inline.textContent));
      return fetch(source).then(function (response) { return response.ok ? response.json() : null; });
    }

    if (d.outline) {
      loadOutline(d.outline)
        .then(function (outline) {
          if (!outline) return;
          L.geoJSON(outline, {
            interactive: false,
            style: { className: "territory-outline", color: "#0b5d3b", weight: 2, dashArray: "6 4", fill: false },
          }).addTo(map);
        })
        .catch(function () {});
    }

    var legend = {};
    var panel = mapEl.closest(".map-panel");
    if (panel) {
      panel.querySelectorAll("[data-theme]").forEach(function (li) {
        legend[li.dataset.theme] = { icon: li.dataset.icon, label: li.textContent.trim() };
      });
    }

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

    function themeIcon(slug) {
      var theme = legend[slug] || { icon: "theme-other" };
      var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      // The pictogram is the pin itself (one element per marker: markers weigh on the page).
      svg.setAttribute("class", "marker-pin " + theme.icon);
      svg.setAttribute("aria-hidden", "true");
      svg.setAttribute("focusable", "false");
      // An empty data-sprite: the pictograms are in the page itself.
      var use = document.createElementNS("http://www.w3.org/2000/svg", "use");
      use.setAttribute("href", (d.sprite || "") + "#" + theme.icon);
      svg.appendChild(use);
      return svg;
    }

    function marker(latlng, kind, content, label) {
      var m = L.marker(latlng, {
        icon: L.divIcon({ className: "map-marker " + kind, html: content, iconSize: [TARGET, TARGET] }),
        keyboard: false,
        title: label,
      });
      m.on("add", function () {
        var el = m.getElement();
        el.tabIndex = -1;
        el.setAttribute("role", "button");
        el.setAttribute("aria-label", label);
      });
      return m;
    }

    function cluster(latlng, count) {
      var label = d.labelCluster.replace("%(count)s", count);
      // The count is the marker's own text, drawn as a pin by site.css.
      var m = marker(latlng, "marker-cluster" + (count >= 1000 ? " is-large" : ""), String(count), label);
      m.on("click", function () { open(m, false); });
      m.isCluster = true;
      return m;
    }

    function point(latlng, props) {
      var theme = legend[props.theme];
      var label = props.name + (theme ? " (" + theme.label + ")" : "");
      var m = marker(latlng, "marker-point", themeIcon(props.theme), label);
      m.bindPopup(function () { return popup(props); }, { closeOnEscapeKey: false, autoPanPadding: [TARGET, TARGET] });
      m.actorId = props.id;
      m.on("add", function () {
        var el = m.getElement();
        el.setAttribute("aria-haspopup", "true");
        el.dataset.actorId = props.id;
        if (options.onPoint) options.onPoint(el, props);
      });
      return m;
    }

    /* Features nearer each other than a touch target become one cluster (their counts added,
       placed at their weighted centre); at the last zoom level they are set on a ring instead. */
    function spread(features) {
      var last = map.getZoom() >= map.getMaxZoom();
      var placed = [];
      features.forEach(function (feature) {
        var c = feature.geometry.coordinates;
        var item = { latlng: L.latLng(c[1], c[0]), props: feature.properties };
        item.count = item.props.count || 1;
        item.at = map.latLngToContainerPoint(item.latlng);
        var near = placed.filter(function (other) { return other.at.distanceTo(item.at) < TARGET; });
        if (!near.length) {
          placed.push(item);
        } else if (last) {
          var angle = (placed.length % 8) * Math.PI / 4;
          item.at = near[0].at.add(L.point(Math.cos(angle), Math.sin(angle)).multiplyBy(TARGET));
          item.latlng = map.containerPointToLatLng(item.at);
          placed.push(item);
        } else {
          var host = near[0];
          var total = host.count + item.count;
          host.at = host.at.multiplyBy(host.count / total).add(item.at.multiplyBy(item.count / total));
          host.latlng = map.containerPointToLatLng(host.at);
          host.count = total;
          host.props = { count: total };
        }
      });
      return placed;
    }

    /* Draws a FeatureCollection; returns the point markers by actor id. */
    function draw(collection) {
      var active = document.activeElement;
      // Focus on one of these markers follows it to its redrawn self; focus elsewhere (a popup,
      // another layer's marker) stays where it is.
      var hadFocus = current && items.some(function (item) { return item.el === active; });
      var before = focusNear || (hadFocus ? current.latlng : null);
      focusNear = null;
      var byId = {};
      // A marker whose popup is open stays (the popup moving the map must not close it).
      var kept = items.filter(function (item) { return item.marker.isPopupOpen && item.marker.isPopupOpen(); })[0];
      layer.eachLayer(function (m) { if (!kept || m !== kept.marker) layer.removeLayer(m); });
      items = spread(collection.features).map(function (item) {
        var props = item.props;
        if (kept && props.id && props.id === kept.marker.actorId) {
          byId[props.id] = kept.marker;
          return kept;
        }
        var m = props.id ? point(item.latlng, props) : cluster(item.latlng, item.count);
        if (props.id) byId[props.id] = m;
        layer.addLayer(m);
        return { marker: m, el: m.getElement(), latlng: item.latlng };
      });
      if (kept && items.indexOf(kept) < 0) layer.removeLayer(kept.marker);
      current = null;
      rove(before ? nearest(before) : first(), Boolean(before));
      return byId;
    }

    function first() {
      // Reading order: top to bottom, then left to right.
      return items.slice().sort(function (a, b) {
        var pa = map.latLngToContainerPoint(a.latlng);
        var pb = map.latLngToContainerPoint(b.latlng);
        return pa.y - pb.y || pa.x - pb.x;
      })[0] || null;
    }

    function nearest(latlng) {
      var best = null;
      items.forEach(function (item) {
        if (!best || item.latlng.distanceTo(latlng) < best.latlng.distanceTo(latlng)) best = item;
      });
      return best;
    }

    /* Gives the tab stop to item (the container when there is no marker), focusing it if asked. */
    function rove(item, focus) {
      if (current && current.el) current.el.tabIndex = -1;
      current = item;
      mapEl.tabIndex = item ? -1 : 0;
      if (item) {
        item.el.tabIndex = 0;
        if (focus) item.el.focus();
      } else if (focus) {
        mapEl.focus();
      }
    }

    /* The nearest marker in the arrow's direction, off-axis distance counting double. */
    function toward(from, dx, dy) {
      var origin = map.latLngToContainerPoint(from.latlng);
      var best = null;
      var bestScore = Infinity;
      items.forEach(function (item) {
        if (item === from) return;
        var p = map.latLngToContainerPoint(item.latlng).subtract(origin);
        var along = p.x * dx + p.y * dy;
        if (along <= 0) return;
        var score = along + 2 * Math.abs(p.x * dy - p.y * dx);
        if (score < bestScore) {
          bestScore = score;
          best = item;
        }
      });
      return best;
    }

    /* Opens a cluster (zooming in) or a marker's popup; from the keyboard, the focus follows. */
    function open(m, byKeyboard) {
      if (m.isCluster) {
        if (byKeyboard) focusNear = m.getLatLng();
        map.setView(m.getLatLng(), Math.min(map.getZoom() + 2, map.getMaxZoom()));
      } else {
        m.openPopup();
      }
    }

    mapEl.addEventListener("keydown", function (event) {
      var item = items.filter(function (i) { return i.el === event.target; })[0];
      if (event.key === "Escape" && event.target.closest(".leaflet-popup")) {
        map.closePopup();
      } else if (event.key === "+" || event.key === "=") {
        map.zoomIn();
      } else if (event.key === "-" || event.key === "−") {
        map.zoomOut();
      } else if (!item && KEYS[event.key] && event.target === mapEl) {
        map.panBy(L.point(KEYS[event.key]).multiplyBy(80));
      } else if (item && KEYS[event.key]) {
        var next = toward(item, KEYS[event.key][0], KEYS[event.key][1]);
        if (next) rove(next, true);
      } else if (item && (event.key === "Enter" || event.key === " ")) {
        open(item.marker, true);
      } else {
        return;
      }
      event.preventDefault();
    });

    mapEl.addEventListener("focusin", function (event) {
      var item = items.filter(function (i) { return i.el === event.target; })[0];
      if (item && item !== current) rove(item, false);
    });

    map.on("popupopen", function (event) {
      var element = event.popup.getElement();
      var close = element.querySelector(".leaflet-popup-close-button");
      if (close) close.setAttribute("aria-label", d.labelClose);
      var link = element.querySelector(".leaflet-popup-content a");
      if (link) link.focus();
    });

    map.on("popupclose", function (event) {
      // Back to the marker it came from, unless the reader has moved elsewhere.
      var source = event.popup._source;
      var active = document.activeElement;
      if (source && source.getElement() && (!active || active === document.body || event.popup.getElement().contains(active))) {
        source.getElement().focus();
      }
    });

    /* Frames the map on [west, south, east, north], when there is anything to frame. */
    function fit(bounds) {
      if (bounds) {
        map.fitBounds([[bounds[1], bounds[0]], [bounds[3], bounds[2]]], {
          padding: [24, 24],
          maxZoom: 15,
          // At once: the move ends before the markers are asked for, so they are asked once.
          animate: false,
        });
      }
    }

    rove(null, false);
    // For the optional layers (realisations-layer.js): the map, once it exists.
    mapEl.dispatchEvent(new CustomEvent("neonum:map", { bubbles: true, detail: map }));
    return { map: map, draw: draw, fit: fit, viewBbox: viewBbox };
  };
})();
